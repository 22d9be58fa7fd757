import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.driver).toBe('pglite');
    expect(c.database.driver === 'pglite' && c.database.dataDir).toMatch(/\/data$/);
    expect(c.demo).toEqual({ enabled: true, size: 'small', dailyReportDays: 20 });
  });

  it('seeds a shorter daily-report history for the full city unless PANTAU_DEMO_DAILY_DAYS says otherwise', () => {
    expect(loadConfig({ PANTAU_DEMO_SIZE: 'full' }).demo.dailyReportDays).toBe(5);
    expect(loadConfig({ PANTAU_DEMO_SIZE: 'full', PANTAU_DEMO_DAILY_DAYS: '0' }).demo.dailyReportDays).toBe(0);
    expect(() => loadConfig({ PANTAU_DEMO_DAILY_DAYS: '61' })).toThrow(/PANTAU_DEMO_DAILY_DAYS/);
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

  it('reads the complainant channels and the public limits', () => {
    const c = loadConfig({ PANTAU_SMS_GATEWAY_URL: 'https://sms.example.id/kirim', PANTAU_SMS_GATEWAY_TOKEN: 't0ken', PANTAU_PUBLIC_RATE_LIMITS: '300,20,600,40' });
    expect(c.sms).toEqual({ url: 'https://sms.example.id/kirim', token: 't0ken' });
    expect(c.feedback.rateLimits).toEqual({ surveys: 300, complaints: 20, lookups: 600, uploads: 40 });
    const d = loadConfig({});
    expect(d.sms).toBeNull();
    expect(d.feedback.rateLimits).toEqual({ surveys: 30, complaints: 5, lookups: 60, uploads: 10 });
    expect(() => loadConfig({ PANTAU_SMS_GATEWAY_URL: 'sms.example.id', PANTAU_PUBLIC_RATE_LIMITS: '30,5' })).toThrow(
      /PANTAU_SMS_GATEWAY_URL[\s\S]*PANTAU_PUBLIC_RATE_LIMITS|PANTAU_PUBLIC_RATE_LIMITS[\s\S]*PANTAU_SMS_GATEWAY_URL/,
    );
  });

  it('requires the bootstrap admin NIP and password together', () => {
    expect(() => loadConfig({ PANTAU_ADMIN_NIP: '198609262015051001' })).toThrow(/PANTAU_ADMIN_PASSWORD/);
    const c = loadConfig({ PANTAU_ADMIN_NIP: '198609262015051001', PANTAU_ADMIN_PASSWORD: 'sangat-rahasia-1' });
    expect(c.bootstrapAdmin?.nip).toBe('198609262015051001');
  });
});
