import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { jobs, notifications, trainingEnrolments } from '../../db/schema/index.js';
import { jobsRepository } from '../jobs/jobs.repository.js';
import { createNotificationService } from '../notifications/notifications.service.js';
import { JP_REMINDER_JOB, NEEDS_SYNC_JOB, SESSION_REMINDER_JOB, createTrainingJobs } from './training.jobs.js';
import { createCourse, createSession, expectStatus, filesEnv, movableClock, uploadPdf, wib } from './training.test-helpers.js';

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let courseId: number;
let sessionId: number;

/** Completes `who` on a fresh session of the course held on `date` (attendance by tick list). */
async function completeOn(date: string, names: (keyof TestOrg['people'])[], jp = 12) {
  clock.set(wib(date, '07:00'));
  const c = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: `Pelatihan ${date}`, jp });
  const id = await createSession(t, s.adminBkpsdm!, c, { startDate: date, endDate: date, capacity: 10 });
  const res = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${id}/enrolments`, { employeeIds: names.map((n) => org.people[n].employeeId) });
  expectStatus(res, 201);
  const ids: number[] = res.json().enrolments.map((e: { id: number }) => e.id);
  clock.set(wib(date, '17:00'));
  expectStatus(await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${id}/attendance`, { date, entries: ids.map((enrolmentId) => ({ enrolmentId, present: true })) }), 200);
  const pdf = await uploadPdf(t, s.adminBkpsdm!);
  for (const e of ids) expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${e}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 200);
}

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: filesEnv() });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  await completeOn('2026-03-10', ['staff1', 'staff2', 'staffB']);
  await completeOn('2026-04-14', ['staff1']);
  courseId = await createCourse(t, s.adminBkpsdm!, [org.units.dinasB.id], { title: 'Pelayanan Sosial' });
  clock.set(wib('2026-05-15', '10:00'));
  sessionId = await createSession(t, s.adminBkpsdm!, courseId, { startDate: '2026-05-20', endDate: '2026-05-20', startTime: '09:00' });
  expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.headB.employeeId] }), 201);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('GET /api/training/figures/units', () => {
  it('fails with 401 and 403 for employees and supervisors', async () => {
    expectStatus(await t.as(null).get('/api/training/figures/units'), 401);
    expectStatus(await t.as(s.staff1!).get('/api/training/figures/units'), 403);
    expectStatus(await t.as(s.kadis!).get('/api/training/figures/units'), 403);
  });

  it('gives per OPD the share of staff at 20 JP, average JP and sessions held', async () => {
    const res = await t.as(s.pimpinan!).get('/api/training/figures/units?year=2026');
    expectStatus(res, 200);
    const byName = new Map(res.json().rows.map((r: { name: string }) => [r.name, r]));
    // Dinas Kesehatan: kadis, kabid, kasi, staff1 (24 JP), staff2 (12 JP).
    expect(byName.get('Dinas Kesehatan')).toMatchObject({ staff: 5, staffAtMinimum: 1, shareAtMinimum: 0.2, averageJp: 7.2, hasChildren: true });
    expect(byName.get('BKPSDM')).toMatchObject({ sessionsHeld: 2 });
    expect(byName.get('Dinas Sosial')).toMatchObject({ staff: 3, staffAtMinimum: 0, sessionsHeld: 0 });
    const drill = (await t.as(s.pimpinan!).get(`/api/training/figures/units?year=2026&parentId=${org.units.dinasA.id}`)).json();
    expect(drill.parent.name).toBe('Dinas Kesehatan');
    expect(drill.rows.map((r: { name: string; staff: number }) => [r.name, r.staff])).toEqual([['Bidang Pelayanan', 4]]);
  });

  it('limits an admin OPD to their units: 404 when drilling into another OPD', async () => {
    const res = (await t.as(s.adminOpdB!).get('/api/training/figures/units?year=2026')).json();
    expect(res.rows.map((r: { name: string }) => r.name)).toEqual(['Dinas Sosial']);
    expectStatus(await t.as(s.adminOpdB!).get(`/api/training/figures/units?parentId=${org.units.dinasA.id}`), 404);
  });

  it('exports JP per unit as XLSX that opens again', async () => {
    const res = await t.as(s.adminBkpsdm!).get('/api/training/figures/units.xlsx?year=2026');
    expectStatus(res, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('JP per unit');
    expect(ws?.getRow(4).values).toEqual([undefined, 'Unit kerja', 'Jumlah pegawai', 'Pegawai ≥ 20 JP', 'Persentase', 'Rata-rata JP', 'Kebutuhan terbuka', 'Sesi terselenggara']);
    const rows = [5, 6, 7].map((i) => ws?.getRow(i).values as unknown[]);
    expect(rows.find((r) => r[1] === 'Dinas Kesehatan')?.slice(2)).toEqual([5, 1, 0.2, 7.2, 0, 0]);
  });
});

describe('GET /api/training/figures/courses', () => {
  it('gives plain before/after figures per training held', async () => {
    expectStatus(await t.as(s.adminOpdB!).get('/api/training/figures/courses'), 403);
    clock.set(wib('2026-08-15', '10:00'));
    s.inspektorat = await t.signIn(org.people.inspektorat);
    const res = await t.as(s.inspektorat!).get('/api/training/figures/courses?year=2026');
    expectStatus(res, 200);
    const march = res.json().rows.find((r: { title: string }) => r.title === 'Pelatihan 2026-03-10');
    expect(march).toMatchObject({
      sessionsHeld: 1,
      participants: 3,
      completed: 3,
      ratingsBefore: { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 },
      units: { opdCount: 2, ikmBefore: null, complaintsBefore: 0, months: 3, monthsAfter: 3 },
    });
  });
});

describe('reminders', () => {
  it('reminds participants the day before a session, and in the last quarter everyone under 20 JP', async () => {
    const notificationsService = createNotificationService({ db: db.db, mailer: null });
    const jobsOf = createTrainingJobs({ db: db.db, clock, notifications: notificationsService });
    clock.set(wib('2026-05-19', '06:00'));
    await jobsOf.tick();
    expect((await db.db.select().from(jobs).where(eq(jobs.type, SESSION_REMINDER_JOB)))).toHaveLength(0);
    clock.set(wib('2026-05-19', '07:30'));
    await jobsOf.tick();
    await jobsOf.tick();
    const queued = await db.db.select().from(jobs).where(eq(jobs.type, SESSION_REMINDER_JOB));
    expect(queued).toHaveLength(1);
    const handler = jobsOf.handlers[SESSION_REMINDER_JOB];
    if (!handler || !queued[0]) throw new Error('no handler');
    await handler(queued[0]);
    const forHead = await db.db.select().from(notifications).where(eq(notifications.recipientEmployeeId, org.people.headB.employeeId));
    expect(forHead.map((n) => n.type)).toEqual(['training.enrolled', 'training.session_tomorrow']);
    expect((await t.as(s.headB!).get('/api/notifications')).json().notifications[0].title).toBe('Besok: Pelayanan Sosial');
    expect(await db.db.select().from(jobs).where(eq(jobs.type, JP_REMINDER_JOB))).toHaveLength(0);
    const [sync] = await db.db.select().from(jobs).where(eq(jobs.type, NEEDS_SYNC_JOB));
    const syncHandler = jobsOf.handlers[NEEDS_SYNC_JOB];
    if (!sync || !syncHandler) throw new Error('no needs sync job');
    await syncHandler(sync);

    clock.set(wib('2026-10-01', '08:00'));
    const fresh = createTrainingJobs({ db: db.db, clock, notifications: notificationsService });
    await fresh.tick();
    const [jpJob] = await db.db.select().from(jobs).where(eq(jobs.type, JP_REMINDER_JOB));
    const jpHandler = fresh.handlers[JP_REMINDER_JOB];
    if (!jpJob || !jpHandler) throw new Error('no JP job');
    await jpHandler(jpJob);
    const jpShort = await db.db.select().from(notifications).where(eq(notifications.type, 'training.jp_short'));
    const recipients = new Set(jpShort.map((n) => n.recipientEmployeeId));
    expect(recipients.has(org.people.staff2.employeeId)).toBe(true);
    expect(recipients.has(org.people.staff1.employeeId)).toBe(false);
    s.staff2 = await t.signIn(org.people.staff2);
    const staff2 = (await t.as(s.staff2!).get('/api/notifications')).json().notifications[0];
    expect(staff2).toMatchObject({ title: 'JP pengembangan kompetensi 2026: 12 dari 20', body: expect.stringMatching(/^Masih kurang 8 JP/) });
    expect(await jobsRepository(db.db).enqueue({ type: JP_REMINDER_JOB, payload: {}, uniqueKey: jpJob.uniqueKey ?? '' })).toBe(false);
    const enrolled = await db.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.sessionId, sessionId));
    expect(enrolled).toHaveLength(1);
  });
});
