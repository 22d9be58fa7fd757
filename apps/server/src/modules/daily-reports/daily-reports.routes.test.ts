import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, auditLog, dailyReports, holidays } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import { activity, key, reports, testClock } from './daily-reports.test-helpers.js';

// Wednesday 8 January 2025, 10:00 WIB. 6 January is made a holiday for this instansi, so the
// window (today + 3 working days back) is 2, 3, 7 and 8 January.
const clock = testClock('2025-01-08T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let api: ReturnType<typeof reports>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  db = await freshDb();
  org = await makeOrg(db.db);
  await db.db.insert(holidays).values({ instansiId: org.instansiId, date: '2025-01-06', name: 'Libur uji', kind: 'DAERAH' });
  t = await buildTestApp(db, { clock });
  api = reports(t);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const fieldPaths = (res: { json(): { error: { fields?: Array<{ path: string; code: string }> } } }) =>
  (res.json().error.fields ?? []).map((f) => `${f.path}:${f.code}`);

describe('POST /api/daily-reports', () => {
  it('fails with 401 when not signed in', async () => {
    expect((await api.create(null, { date: '2025-01-08', activities: [activity()] })).statusCode).toBe(401);
  });

  it('fails with 400 without an idempotency key', async () => {
    const res = await api.create(s.staff1!, { date: '2025-01-08', activities: [activity()] }, null);
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['idempotencyKey:IDEMPOTENCY_KEY_REQUIRED']);
  });

  it('fails with 400 naming the date outside the reporting window', async () => {
    const cases: Array<[string, string]> = [
      ['2025-01-09', 'REPORT_DATE_FUTURE'],
      ['2025-01-04', 'REPORT_DATE_NOT_WORKING_DAY'],
      ['2025-01-06', 'REPORT_DATE_NOT_WORKING_DAY'],
      ['2025-01-01', 'REPORT_DATE_TOO_OLD'],
    ];
    for (const [date, code] of cases) {
      const res = await api.create(s.staff1!, { date, activities: [activity()] });
      expect(res.statusCode, date).toBe(400);
      expect(fieldPaths(res)).toEqual([`body.date:${code}`]);
    }
    const res = await api.create(s.staff1!, { date: '2025-01-01', activities: [] });
    expect(res.json().error.fields[0].message).toMatch(/3 hari kerja/);
  });

  it('fails with 400 naming each bad activity', async () => {
    const res = await api.create(s.staff1!, {
      date: '2025-01-08',
      activities: [
        activity({ startTime: '10:00', endTime: '09:00' }),
        activity({ startTime: null, endTime: null }),
        activity({ startTime: '7:00' }),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.activities.2.startTime:TIME_FORMAT']);
    const res2 = await api.create(s.staff1!, {
      date: '2025-01-08',
      activities: [activity({ startTime: '10:00', endTime: '09:00' }), activity({ startTime: null, endTime: null })],
    });
    expect(fieldPaths(res2)).toEqual(['body.activities.0.endTime:TIME_ORDER', 'body.activities.1.minutes:TIME_REQUIRED']);
    const res3 = await api.create(s.staff1!, {
      date: '2025-01-08',
      activities: [activity(), activity({ startTime: '09:00', endTime: '10:00' })],
    });
    expect(fieldPaths(res3)).toEqual(['body.activities.1.startTime:ACTIVITY_OVERLAP']);
  });

  it('fails with 400 for an indicator that is not in an approved SKP of the employee', async () => {
    const res = await api.create(s.staff1!, { date: '2025-01-08', activities: [activity({ indicatorId: 999999 })] });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.activities.0.indicatorId:INDICATOR_UNKNOWN']);
  });

  it('creates a draft with activities marked not linked', async () => {
    const res = await api.create(s.staff2!, { date: '2025-01-07', activities: [activity(), activity({ startTime: null, endTime: null, minutes: 45, description: 'Rapat' })] });
    expect(res.statusCode).toBe(201);
    const r = res.json().dailyReport;
    expect(r).toMatchObject({ status: 'DRAFT', date: '2025-01-07', totalMinutes: 135, activityCount: 2, normMinutes: 450 });
    expect(r.activities[0]).toMatchObject({ seq: 1, startTime: '08:00', endTime: '09:30', minutes: 90, linked: false, outputQuantity: 12, status: 'PENDING' });
    expect(r.abilities).toEqual({ edit: true, submit: true, delete: true, verify: false });
  });

  it('returns the same answer and keeps one report when the same key is sent twice', async () => {
    const k = key();
    const body = { date: '2025-01-03', activities: [activity()], submit: true };
    const first = await api.create(s.staff1!, body, k);
    const second = await api.create(s.staff1!, body, k);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const rows = await db.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.employeeId, org.people.staff1.employeeId), eq(dailyReports.date, '2025-01-03')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.activityCount).toBe(1);
  });

  it('creates one report when the same key arrives several times at once', async () => {
    const k = key();
    const body = { date: '2025-01-02', activities: [activity({ description: 'Serentak' })], submit: true };
    const results = await Promise.all([1, 2, 3].map(() => api.create(s.staff1!, body, k)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.json().dailyReport.id)).size).toBe(1);
    const rows = await db.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.employeeId, org.people.staff1.employeeId), eq(dailyReports.date, '2025-01-02')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.activityCount).toBe(1);
  });

  it('answers a late resend with the first answer even after the date left the window', async () => {
    const k = key();
    const body = { date: '2025-01-07', activities: [activity({ description: 'Entri data' })] };
    const first = await api.create(s.staff1!, body, k);
    expect(first.statusCode).toBe(201);
    clock.set('2025-01-14T03:00:00Z');
    try {
      const later = await t.signIn(org.people.staff1);
      const again = await api.create(later, body, k);
      expect(again.statusCode).toBe(201);
      expect(again.json().dailyReport.id).toBe(first.json().dailyReport.id);
    } finally {
      clock.set('2025-01-08T03:00:00Z');
    }
  });

  it('fails with 409 when the same key comes with a different request', async () => {
    const k = key();
    await api.create(s.staff2!, { date: '2025-01-02', activities: [activity()] }, k);
    const res = await api.create(s.staff2!, { date: '2025-01-02', activities: [activity({ description: 'lain' })] }, k);
    expect(res.statusCode).toBe(409);
    expect(fieldPaths(res)).toEqual(['idempotencyKey:IDEMPOTENCY_KEY_REUSED']);
  });

  it('adds activities to the draft of the same day (200) and refuses a submitted day (409)', async () => {
    const res = await api.create(s.staff2!, { date: '2025-01-07', activities: [activity({ startTime: '13:00', endTime: '14:00', description: 'Arsip' })] });
    expect(res.statusCode).toBe(200);
    expect(res.json().dailyReport).toMatchObject({ activityCount: 3, totalMinutes: 195 });
    const locked = await api.create(s.staff1!, { date: '2025-01-03', activities: [activity({ startTime: '13:00', endTime: '14:00' })] });
    expect(locked.statusCode).toBe(409);
    expect(fieldPaths(locked)).toEqual(['body.date:REPORT_LOCKED']);
  });
});

describe('verification', () => {
  let reportId: number;

  beforeAll(async () => {
    const res = await api.create(s.staff1!, {
      date: '2025-01-08',
      activities: [activity(), activity({ startTime: '10:00', endTime: '12:00', description: 'Menyusun laporan bulanan' })],
    });
    reportId = res.json().dailyReport.id;
  });

  it('fails with 409 while the day is still a draft', async () => {
    const res = await api.verify(s.kasi!, reportId, { decision: 'VERIFIED' });
    expect(res.statusCode).toBe(409);
  });

  it('submits the day to the atasan of its date', async () => {
    const res = await api.submit(s.staff1!, reportId);
    expect(res.statusCode).toBe(200);
    expect(res.json().dailyReport).toMatchObject({ status: 'SUBMITTED', verifier: { id: org.people.kasi.employeeId } });
    const pending = await t.as(s.kasi!).get('/api/daily-reports/pending');
    expect(pending.json().dailyReports.map((r: { id: number }) => r.id)).toContain(reportId);
  });

  it('fails with 404 when a supervisor outside the chain verifies', async () => {
    expect((await api.verify(s.headB!, reportId, { decision: 'VERIFIED' })).statusCode).toBe(404);
    expect((await api.verify(s.staffB!, reportId, { decision: 'VERIFIED' })).statusCode).toBe(404);
    expect((await api.get(s.headB!, reportId)).statusCode).toBe(404);
  });

  it('fails with 403 for someone who sees the report but is not the atasan of that date', async () => {
    expect((await api.verify(s.kabid!, reportId, { decision: 'VERIFIED' })).statusCode).toBe(403);
    expect((await api.verify(s.adminBkpsdm!, reportId, { decision: 'VERIFIED' })).statusCode).toBe(403);
    expect((await api.verify(s.staff1!, reportId, { decision: 'VERIFIED' })).statusCode).toBe(403);
    expect((await api.get(s.kabid!, reportId)).json().dailyReport.abilities.verify).toBe(false);
  });

  it('fails with 400 when returning without a note', async () => {
    const res = await api.verify(s.kasi!, reportId, { decision: 'RETURNED' });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['body.note:NOTE_REQUIRED']);
  });

  it('returns one activity with a note; the employee fixes it and resubmits; verified activities stay', async () => {
    const before = (await api.get(s.kasi!, reportId)).json().dailyReport;
    expect(before.abilities.verify).toBe(true);
    const [a1, a2] = before.activities as Array<{ id: number }>;
    const res = await api.verify(s.kasi!, reportId, {
      decision: 'VERIFIED',
      activities: [{ id: a2!.id, decision: 'RETURNED', note: 'Lampirkan draf laporannya.' }],
    });
    expect(res.statusCode).toBe(200);
    const returned = res.json().dailyReport;
    expect(returned.status).toBe('RETURNED');
    expect(returned.returnNote).toBe('Lampirkan draf laporannya.');
    expect(returned.activities.map((a: { status: string }) => a.status)).toEqual(['VERIFIED', 'RETURNED']);

    const mine = (await api.get(s.staff1!, reportId)).json().dailyReport;
    expect(mine.activities[1].note).toBe('Lampirkan draf laporannya.');
    expect(mine.abilities).toMatchObject({ edit: true, submit: true, delete: false });

    // The verified activity cannot be changed or removed.
    const changeVerified = await api.replace(s.staff1!, reportId, {
      activities: [{ ...activity(), id: a1!.id, description: 'diubah' }, { ...activity({ startTime: '10:00', endTime: '12:00' }), id: a2!.id }],
    });
    expect(changeVerified.statusCode).toBe(400);
    expect(fieldPaths(changeVerified)).toEqual(['body.activities.0:ACTIVITY_LOCKED']);
    const dropVerified = await api.replace(s.staff1!, reportId, { activities: [{ ...activity({ startTime: '10:00', endTime: '12:00' }), id: a2!.id }] });
    expect(fieldPaths(dropVerified)).toEqual(['body.activities:ACTIVITY_LOCKED']);

    const fixed = await api.replace(s.staff1!, reportId, {
      activities: [
        { ...activity(), id: a1!.id },
        { ...activity({ startTime: '10:00', endTime: '12:00', description: 'Menyusun laporan bulanan (draf terlampir)' }), id: a2!.id },
      ],
      submit: true,
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().dailyReport.status).toBe('SUBMITTED');
    expect(fixed.json().dailyReport.activities.map((a: { status: string }) => a.status)).toEqual(['VERIFIED', 'PENDING']);

    const done = await api.verify(s.kasi!, reportId, { decision: 'VERIFIED' });
    expect(done.json().dailyReport).toMatchObject({ status: 'VERIFIED', returnNote: null, decidedBy: { id: org.people.kasi.employeeId } });
  });

  it('fails with 403 when the employee edits, resubmits or deletes a verified day', async () => {
    const r = (await api.get(s.staff1!, reportId)).json().dailyReport;
    expect(r.abilities).toEqual({ edit: false, submit: false, delete: false, verify: false });
    expect((await api.replace(s.staff1!, reportId, { activities: [activity()] })).statusCode).toBe(403);
    expect((await t.as(s.staff1!).delete(`/api/daily-reports/${reportId}`)).statusCode).toBe(403);
    expect((await api.submit(s.staff1!, reportId)).statusCode).toBe(409);
  });

  it('records every step in the audit log', async () => {
    const rows = await db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'daily_report'), eq(auditLog.entityId, String(reportId)))).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      'daily_report.create',
      'daily_report.submit',
      'daily_report.return',
      'daily_report.update',
      'daily_report.resubmit',
      'daily_report.verify',
    ]);
  });

  it('notifies the employee of the return', async () => {
    const res = await t.as(s.staff1!).get('/api/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBeGreaterThanOrEqual(1);
    expect(body.notifications[0]).toMatchObject({ type: 'daily_report.returned', link: `/laporan-harian/${reportId}` });
    expect(body.notifications[0].title).toBe('Laporan harian 8 Januari 2025 dikembalikan');
    const read = await t.as(s.staff1!).post(`/api/notifications/${body.notifications[0].id}/read`);
    expect(read.json().notification.readAt).not.toBeNull();
    expect((await t.as(s.kasi!).post(`/api/notifications/${body.notifications[0].id}/read`)).statusCode).toBe(404);
    await t.as(s.staff1!).post('/api/notifications/read-all');
    expect((await t.as(s.staff1!).get('/api/notifications')).json().unreadCount).toBe(0);
  });
});

describe('acting supervisors (Plh)', () => {
  it('lets the Plh of the date verify and refuses the definitive holder with 403', async () => {
    const plh = await makePerson(db.db, org.instansiId, { name: 'Plh Kasi', positionId: org.positions.pStaff.id });
    await db.db.insert(assignments).values({
      instansiId: org.instansiId,
      employeeId: plh.employeeId,
      positionId: org.positions.pKasi.id,
      kind: 'PLH',
      validFrom: '2025-01-07',
      validTo: '2025-01-07',
    });
    const plhSession = await t.signIn(plh);
    const created = await api.create(s.staff2!, { date: '2025-01-07', activities: [], submit: false });
    const id = created.json().dailyReport.id;
    expect((await api.submit(s.staff2!, id)).json().dailyReport.verifier.id).toBe(plh.employeeId);
    expect((await api.verify(s.kasi!, id, { decision: 'VERIFIED' })).statusCode).toBe(403);
    const res = await api.verify(plhSession, id, { decision: 'VERIFIED' });
    expect(res.statusCode).toBe(200);
    expect(res.json().dailyReport.status).toBe('VERIFIED');
  });
});

describe('DELETE /api/daily-reports/:id', () => {
  it('fails with 404 for another unit and 403 for someone in view; deletes the own draft', async () => {
    const created = await api.create(s.staff2!, { date: '2025-01-08', activities: [activity()] });
    const id = created.json().dailyReport.id;
    expect((await t.as(s.staffB!).delete(`/api/daily-reports/${id}`)).statusCode).toBe(404);
    expect((await t.as(s.kasi!).delete(`/api/daily-reports/${id}`)).statusCode).toBe(403);
    expect((await t.as(s.staff2!).delete(`/api/daily-reports/${id}`)).statusCode).toBe(204);
    expect((await api.get(s.staff2!, id)).statusCode).toBe(404);
  });
});

describe('GET /api/daily-reports/window and /templates', () => {
  it('lists the reportable working days with their reports', async () => {
    const res = await t.as(s.staff1!).get('/api/daily-reports/window');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dates.map((d: { date: string }) => d.date)).toEqual(['2025-01-02', '2025-01-03', '2025-01-07', '2025-01-08']);
    expect(body.dates.map((d: { report: { status: string } | null }) => d.report?.status ?? null)).toEqual(['SUBMITTED', 'SUBMITTED', 'DRAFT', 'VERIFIED']);
    const other = (await t.as(s.staff2!).get('/api/daily-reports/window')).json();
    expect(other.dates[3].report).toBeNull();
  });

  it('offers recent distinct activities for one-tap reuse', async () => {
    const res = await t.as(s.staff1!).get('/api/daily-reports/templates');
    const list = res.json().templates as Array<{ description: string; uses: number }>;
    const descriptions = list.map((x) => x.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    expect(list.find((x) => x.description === 'Melayani pendaftaran pasien BPJS')?.uses).toBeGreaterThanOrEqual(2);
  });

  it('lists reports of a subordinate for the atasan and 404 for others', async () => {
    const mine = await t.as(s.kasi!).get(`/api/daily-reports?employeeId=${org.people.staff1.employeeId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().meta.total).toBeGreaterThanOrEqual(2);
    expect((await t.as(s.headB!).get(`/api/daily-reports?employeeId=${org.people.staff1.employeeId}`)).statusCode).toBe(404);
  });
});

describe('top of the chain (no atasan on the date)', () => {
  let headDay: number;
  let kadisDay: number;

  beforeAll(async () => {
    const made = await api.create(s.headB!, { date: '2025-01-07', submit: true, activities: [activity()] });
    expect(made.statusCode).toBe(201);
    headDay = made.json().dailyReport.id;
    kadisDay = (await api.create(s.kadis!, { date: '2025-01-07', submit: true, activities: [activity()] })).json().dailyReport.id;
  });

  it('submits with no verifier and queues the day for the admins who administer the employee', async () => {
    expect((await api.get(s.headB!, headDay)).json().dailyReport).toMatchObject({ status: 'SUBMITTED', verifier: null });
    const ids = async (who: Session) => (await t.as(who).get('/api/daily-reports/pending')).json().dailyReports.map((r: { id: number }) => r.id);
    expect(await ids(s.adminBkpsdm!)).toEqual(expect.arrayContaining([headDay, kadisDay]));
    const opd = await ids(s.adminOpdB!);
    expect(opd).toContain(headDay);
    expect(opd).not.toContain(kadisDay);
    expect(await ids(s.kabid!)).not.toContain(kadisDay);
  });

  it('fails with 404 for an ADMIN_OPD of another OPD and 403 for the employee, a pegawai or pimpinan', async () => {
    expect((await api.verify(s.adminOpdB!, kadisDay, { decision: 'VERIFIED' })).statusCode).toBe(404);
    expect((await api.verify(s.kadis!, kadisDay, { decision: 'VERIFIED' })).statusCode).toBe(403);
    expect((await api.verify(s.headB!, headDay, { decision: 'VERIFIED' })).statusCode).toBe(403);
    expect((await api.verify(s.pimpinan!, headDay, { decision: 'VERIFIED' })).statusCode).toBe(403);
  });

  it('lets the admin verify or return the day, with the same abilities shown on the report', async () => {
    expect((await api.get(s.adminOpdB!, headDay)).json().dailyReport.abilities.verify).toBe(true);
    const returned = await api.verify(s.adminOpdB!, headDay, { decision: 'RETURNED', note: 'Lengkapi uraian' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().dailyReport).toMatchObject({ status: 'RETURNED', returnNote: 'Lengkapi uraian' });
    const verified = await api.verify(s.adminBkpsdm!, kadisDay, { decision: 'VERIFIED' });
    expect(verified.json().dailyReport).toMatchObject({ status: 'VERIFIED', decidedBy: { id: org.people.adminBkpsdm.employeeId } });
  });
});

describe('POST /api/daily-reports/:id/submission with an empty JSON body', () => {
  it('submits (the key in the header) instead of answering 400', async () => {
    const id = (await api.create(s.staff2!, { date: '2025-01-03', activities: [activity()] })).json().dailyReport.id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/daily-reports/${id}/submission`,
      headers: { cookie: s.staff2!.cookie, 'x-csrf-token': s.staff2!.csrf, 'content-type': 'application/json', 'idempotency-key': key() },
      payload: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dailyReport.status).toBe('SUBMITTED');
  });
});
