import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import { ConfigError, loadConfig } from '../../config.js';
import type { OpenDb } from '../../db/open-db.js';
import { employees, jobs, notifications } from '../../db/schema/index.js';
import { createNotificationService } from '../notifications/notifications.service.js';
import { JP_REMINDER_JOB, createTrainingJobs } from './training.jobs.js';
import { DEFAULT_TRAINING_SETTINGS } from './training.settings.js';
import { createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, uploadPdf, wib } from './training.test-helpers.js';

/**
 * The training rules that are settings (PANTAU_TRAINING_*): defaults, clear errors for bad
 * values, and that non-default values change what the module does. Also who the last-quarter JP
 * reminder leaves out.
 */

describe('training settings in the configuration', () => {
  it('defaults to the values of decision 0006', () => {
    expect(loadConfig({}).training).toEqual({ attendanceShare: 0.8, qrWindowSeconds: 60, compareMonths: 3, jpTarget: 20 });
    expect(loadConfig({}).training).toEqual(DEFAULT_TRAINING_SETTINGS);
  });

  it('names every bad variable with what is allowed', () => {
    try {
      loadConfig({
        PANTAU_TRAINING_ATTENDANCE_PERCENT: '150',
        PANTAU_TRAINING_QR_SECONDS: '5',
        PANTAU_TRAINING_COMPARE_MONTHS: 'tiga',
        PANTAU_TRAINING_JP_TARGET: '20.25',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PANTAU_TRAINING_ATTENDANCE_PERCENT: must be between 1 and 100/);
      expect(problems).toMatch(/PANTAU_TRAINING_QR_SECONDS: must be at least 30 seconds/);
      expect(problems).toMatch(/PANTAU_TRAINING_COMPARE_MONTHS:/);
      expect(problems).toMatch(/PANTAU_TRAINING_JP_TARGET: must have at most one decimal/);
    }
  });
});

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let sessionId: number;
const enrolmentOf: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, {
    clock,
    env: {
      ...filesEnv(),
      PANTAU_TRAINING_ATTENDANCE_PERCENT: '50',
      PANTAU_TRAINING_QR_SECONDS: '300',
      PANTAU_TRAINING_COMPARE_MONTHS: '1',
      PANTAU_TRAINING_JP_TARGET: '8',
    },
  });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const courseId = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { jp: 8 });
  sessionId = await createSession(t, s.adminBkpsdm!, courseId, { startDate: '2026-05-20', endDate: '2026-05-21', startTime: '08:00', endTime: '12:00', capacity: 10 });
  const res = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, {
    employeeIds: [org.people.staff1.employeeId, org.people.staff2.employeeId],
  });
  expectStatus(res, 201);
  for (const e of res.json().enrolments as Array<{ id: number; employee: { id: number } }>) {
    const who = Object.entries(org.people).find(([, p]) => p.employeeId === e.employee.id)?.[0];
    if (who) enrolmentOf[who] = e.id;
  }
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('non-default training settings', () => {
  it('keeps a QR code valid for the configured window (300 s: still accepted after 4 minutes)', async () => {
    clock.set(wib('2026-05-20', '08:10'));
    const res = await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${sessionId}/attendance-code`);
    expectStatus(res, 200);
    expect(res.json().rotationSeconds).toBe(300);
    clock.set(wib('2026-05-20', '08:14'));
    expectStatus(await t.as(s.staff1!).post(`/api/training/sessions/${sessionId}/check-in`, { token: res.json().token }), 201);
    // Two full windows later it is stale, as with the default.
    clock.set(wib('2026-05-20', '08:25'));
    const stale = await t.as(s.staff2!).post(`/api/training/sessions/${sessionId}/check-in`, { token: res.json().token });
    expectStatus(stale, 409);
    expect(fieldsOf(stale)).toEqual(['body.token:CODE_EXPIRED']);
  });

  it('completes with the configured attendance share (50 %: one day of two is enough)', async () => {
    clock.set(wib('2026-05-21', '13:00'));
    const detail = (await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${sessionId}`)).json();
    expect(detail.participants.map((p: { attendanceNeeded: number }) => p.attendanceNeeded)).toEqual([1, 1]);
    const pdf = await uploadPdf(t, s.adminBkpsdm!);
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff1}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 200);
    const short = await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff2}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf });
    expectStatus(short, 409);
    expect(fieldsOf(short)).toEqual(['status:ATTENDANCE_SHORT']);
  });

  it('measures JP against the configured yearly target (8 JP)', async () => {
    const plan = (await t.as(s.staff1!).get('/api/training/plan?year=2026')).json().plan;
    expect(plan.jp).toMatchObject({ total: 8, minimum: 8, met: true, shortfall: 0 });
    const team = (await t.as(s.kasi!).get('/api/training/team?year=2026')).json();
    expect(team.minimum).toBe(8);
    const units = (await t.as(s.adminBkpsdm!).get('/api/training/figures/units?year=2026')).json();
    expect(units.minimum).toBe(8);
    const dinas = units.rows.find((r: { name: string }) => r.name === 'Dinas Kesehatan');
    expect(dinas.staffAtMinimum).toBe(1);
    const courses = (await t.as(s.adminBkpsdm!).get('/api/training/figures/courses?year=2026')).json();
    expect(courses.rows[0].units.months).toBe(1);
  });

  it('reminds in the last quarter only active people with a post and an account under the target', async () => {
    await db.db.update(employees).set({ active: false }).where(eq(employees.id, org.people.kabid.employeeId));
    clock.set(wib('2026-10-01', '08:00'));
    const jobsOf = createTrainingJobs({ db: db.db, clock, notifications: createNotificationService({ db: db.db, mailer: null }), jpTarget: 8 });
    await jobsOf.tick();
    const [job] = await db.db.select().from(jobs).where(eq(jobs.type, JP_REMINDER_JOB));
    const handler = jobsOf.handlers[JP_REMINDER_JOB];
    if (!job || !handler) throw new Error('no JP reminder job');
    await handler(job);
    const sent = await db.db.select().from(notifications).where(eq(notifications.type, 'training.jp_short'));
    const to = new Set(sent.map((n) => n.recipientEmployeeId));
    expect(to.has(org.people.staff2.employeeId)).toBe(true); // 0 of 8 JP
    expect(to.has(org.people.staff1.employeeId)).toBe(false); // 8 of 8 JP
    expect(to.has(org.people.kabid.employeeId)).toBe(false); // no longer active
    expect(to.has(org.people.inspektorat.employeeId)).toBe(false); // no post
    expect(sent.find((n) => n.recipientEmployeeId === org.people.staff2.employeeId)?.params).toMatchObject({ minimum: 8, missing: 8 });
  });
});
