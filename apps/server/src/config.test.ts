import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.driver).toBe('pglite');
    expect(c.database.driver === 'pglite' && c.database.dataDir).toMatch(/\/data$/);
    expect(c.demo).toEqual({ enabled: true, size: 'small' });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/pantau', DATABASE_POOL_SIZE: '20' });
    expect(c.database).toEqual({ driver: 'postgresql', url: 'postgres://u@localhost:5432/pantau', poolSize: 20 });
  });

  it('lists every bad variable by name', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PANTAU_DEMO_SIZE: 'huge', PANTAU_ADMIN_NIP: '123' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const v of ['PORT', 'DATABASE_URL', 'PANTAU_DEMO_SIZE', 'PANTAU_ADMIN_NIP']) expect(msg).toContain(v);
    }
  });

  it('reads the module settings and rejects bad ones by name', () => {
    const c = loadConfig({ PANTAU_COMPLAINT_SLA_DAYS: '2,4,8', PANTAU_REMINDER_TIME: '14:30', PANTAU_SMTP_URL: 'smtp://u:p@mail:587' });
    expect(c.feedback.slaWorkingDays).toEqual({ VERIFIKASI: 2, TINDAK_LANJUT: 4, PENUTUPAN: 8 });
    expect(c.dailyReports.reminderTime).toBe('14:30');
    expect(c.mail?.smtpUrl).toBe('smtp://u:p@mail:587');
    expect(c.filesDir).toMatch(/data\/files$/);
    expect(() => loadConfig({ PANTAU_COMPLAINT_SLA_DAYS: 'tiga', PANTAU_REMINDER_TIME: '25:00' })).toThrow(
      /PANTAU_COMPLAINT_SLA_DAYS[\s\S]*PANTAU_REMINDER_TIME|PANTAU_REMINDER_TIME[\s\S]*PANTAU_COMPLAINT_SLA_DAYS/,
    );
  });

  it('requires the bootstrap admin NIP and password together', () => {
    expect(() => loadConfig({ PANTAU_ADMIN_NIP: '198609262015051001' })).toThrow(/PANTAU_ADMIN_PASSWORD/);
    const c = loadConfig({ PANTAU_ADMIN_NIP: '198609262015051001', PANTAU_ADMIN_PASSWORD: 'sangat-rahasia-1' });
    expect(c.bootstrapAdmin?.nip).toBe('198609262015051001');
  });
});
