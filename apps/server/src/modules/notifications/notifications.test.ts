import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { bodyText, fakeSmtp } from '../../../test/fake-smtp.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { employees, holidays, jobs, notifications } from '../../db/schema/index.js';
import { activity, reports, testClock } from '../daily-reports/daily-reports.test-helpers.js';
import { createDailyReportWorker } from '../daily-reports/worker.js';
import { createSmtpMailer, formatMessage } from './smtp-mailer.js';

describe('SMTP mailer', () => {
  it('formats UTF-8 subjects and bodies safely', () => {
    const m = formatMessage('pantau@lhokseumawekota.go.id', { to: 'a@b.id', subject: 'Laporan — 8 Januari', text: '.\nbaris dua' });
    expect(m).toContain('Subject: =?UTF-8?B?');
    expect(m).not.toMatch(/\r\n\.\r\n/);
    expect(() => formatMessage('x@y.id', { to: 'bad address', subject: '', text: '' })).toThrow();
  });

  it('delivers a message to an SMTP server with AUTH PLAIN', async () => {
    const smtp = fakeSmtp();
    const port = await smtp.start();
    try {
      const mailer = createSmtpMailer({ url: `smtp://pantau:rahasia@127.0.0.1:${port}`, from: 'pantau@lhokseumawekota.go.id' });
      await mailer.send({ to: 'nurul@example.id', subject: 'Uji', text: 'Halo dari Pantau' });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatchObject({ from: 'MAIL FROM:<pantau@lhokseumawekota.go.id>', to: 'RCPT TO:<nurul@example.id>', auth: '\0pantau\0rahasia' });
      expect(bodyText(smtp.messages[0]!.data)).toBe('Halo dari Pantau');
      await expect(mailer.send({ to: 'tolak@example.id', subject: 'x', text: 'y' })).rejects.toThrow(/550/);
    } finally {
      await smtp.close();
    }
  });
});

describe('daily reminders', () => {
  // Wednesday 8 January 2025; reminders at 15:00 WIB (08:00 UTC).
  const clock = testClock('2025-01-08T07:00:00Z');
  let db: OpenDb;
  let t: TestApp;
  let org: TestOrg;
  let s: Record<string, Session>;
  const smtp = fakeSmtp();
  let port: number;

  beforeAll(async () => {
    db = await freshDb();
    org = await makeOrg(db.db);
    t = await buildTestApp(db, { clock, env: { PANTAU_SESSION_HOURS: '240' } });
    s = { staff1: await t.signIn(org.people.staff1), staff2: await t.signIn(org.people.staff2), kasi: await t.signIn(org.people.kasi) };
    await db.db.update(employees).set({ email: 'rizki@example.id' }).where(eq(employees.id, org.people.staff2.employeeId));
    port = await smtp.start();
  });
  afterAll(async () => {
    await smtp.close();
    await t?.close();
    await db?.close();
  });

  it('reminds, on working days after the set time, those without a submitted report and atasan with pending days', async () => {
    const api = reports(t);
    await api.create(s.staff1!, { date: '2025-01-08', activities: [activity()], submit: true });
    await api.create(s.staff2!, { date: '2025-01-08', activities: [activity()] });
    const worker = createDailyReportWorker({
      db: db.db,
      clock,
      mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'pantau@lhokseumawekota.go.id' }),
    });
    await worker.runOnce();
    expect(await db.db.select().from(jobs).where(eq(jobs.type, 'reminders.daily'))).toHaveLength(0);

    clock.set('2025-01-08T08:00:00Z');
    await worker.runOnce();
    await worker.runOnce();
    const rows = await db.db.select().from(notifications).where(eq(notifications.instansiId, org.instansiId));
    const types = (id: number) => rows.filter((r) => r.recipientEmployeeId === id).map((r) => r.type).sort();
    expect(types(org.people.staff1.employeeId)).toEqual([]);
    expect(rows.find((r) => r.recipientEmployeeId === org.people.staff2.employeeId)).toMatchObject({ type: 'reminder.report_missing', emailStatus: 'SENT' });
    expect(types(org.people.kasi.employeeId)).toEqual(['reminder.pending_verifications', 'reminder.report_missing']);
    expect(rows.filter((r) => r.recipientEmployeeId === org.people.staff2.employeeId)).toHaveLength(1);
    const list = (await t.as(s.kasi!).get('/api/notifications')).json();
    expect(list.notifications.map((n: { title: string }) => n.title)).toContain('1 laporan harian menunggu verifikasi Anda');
    expect(list.unreadCount).toBe(2);
    expect(smtp.messages.map((m) => m.to)).toEqual(['RCPT TO:<rizki@example.id>']);
    expect(bodyText(smtp.messages[0]!.data)).toContain('Catat kegiatan hari ini');

    // A second process polling the same day schedules nothing new.
    const again = createDailyReportWorker({ db: db.db, clock });
    await again.runOnce();
    expect(await db.db.select().from(jobs).where(eq(jobs.type, 'reminders.daily'))).toHaveLength(1);
  });

  it('sends nothing on a holiday', async () => {
    await db.db.insert(holidays).values({ instansiId: org.instansiId, date: '2025-01-09', name: 'Libur uji', kind: 'DAERAH' });
    clock.set('2025-01-09T09:00:00Z');
    const worker = createDailyReportWorker({ db: db.db, clock });
    await worker.runOnce();
    const queued = await db.db.select().from(jobs).where(eq(jobs.uniqueKey, `reminders.daily:${org.instansiId}:2025-01-09`));
    expect(queued).toHaveLength(0);
  });
});
