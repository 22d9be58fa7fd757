import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import { openSse } from '../../../test/sse.js';
import type { OpenDb } from '../../db/open-db.js';
import { activity, approvedIndicator, key, reports, testClock } from './daily-reports.test-helpers.js';
import { realisationFromDailyReports } from './realisation.js';

// Starts Monday 6 January 2025, 10:00 WIB; later moves to Wednesday 8 January.
const clock = testClock('2025-01-06T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let api: ReturnType<typeof reports>;
let base: string;
let s: Record<string, Session> = {};

async function signInAll() {
  s = {};
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
}

beforeAll(async () => {
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock, env: { PANTAU_SESSION_HOURS: '240' } });
  api = reports(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  await signInAll();
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('live team view', () => {
  it('fails with 401 without a session and shows a pegawai an empty team', async () => {
    expect((await t.as(null).get('/api/team/today')).statusCode).toBe(401);
    const res = await t.as(s.staff1!).get('/api/team/today');
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual([]);
  });

  it('streams the submission to the supervisor\'s open page', async () => {
    await api.create(s.staff1!, { date: '2025-01-02', activities: [activity()], submit: true });
    const stream = await openSse(`${base}/api/events`, { cookie: s.kasi!.cookie });
    try {
      const created = await api.create(s.staff1!, { date: '2025-01-03', activities: [activity()] });
      const id = created.json().dailyReport.id;
      await api.submit(s.staff1!, id);
      const ev = await stream.waitFor((e) => e.event === 'daily_report.submitted' && JSON.parse(e.data).payload.reportId === id);
      expect(JSON.parse(ev.data).payload).toMatchObject({ employeeId: org.people.staff1.employeeId, date: '2025-01-03', status: 'SUBMITTED' });
      // The return on Monday is still unfixed on Wednesday.
      const returned = await api.verify(s.kasi!, id, { decision: 'RETURNED', note: 'Output belum diisi lengkap.' });
      expect(returned.statusCode).toBe(200);
      await stream.waitFor((e) => e.event === 'daily_report.returned' && JSON.parse(e.data).payload.reportId === id);
    } finally {
      await stream.close();
    }
  });

  it('shows the direct team with today\'s reports, pending days, minutes and alerts', async () => {
    clock.set('2025-01-08T03:00:00Z');
    await api.create(s.staff1!, { date: '2025-01-07', activities: [activity()], submit: true });
    await api.create(s.staff1!, { date: '2025-01-08', activities: [activity({ startTime: '07:30', endTime: '08:00' })] });

    const res = await t.as(s.kasi!).get('/api/team/today');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ date: '2025-01-08', isWorkingDay: true, normMinutes: 450, monthNormMinutes: 2250 });
    expect(body.members.map((m: { employeeId: number }) => m.employeeId).sort()).toEqual(
      [org.people.staff1.employeeId, org.people.staff2.employeeId].sort(),
    );
    const staff1 = body.members.find((m: { employeeId: number }) => m.employeeId === org.people.staff1.employeeId);
    expect(staff1).toMatchObject({
      today: { status: 'DRAFT', totalMinutes: 30, activityCount: 1 },
      pendingCount: 2,
      oldestPendingDate: '2025-01-02',
      lastReportedDate: '2025-01-07',
      monthMinutes: 180,
    });
    expect(staff1.alerts).toEqual([
      { kind: 'RETURNED_NOT_FIXED', workingDays: 2, date: '2025-01-03' },
      { kind: 'BEHIND', ratio: 0.08, minutes: 180, normMinutes: 2250 },
    ]);
    const staff2 = body.members.find((m: { employeeId: number }) => m.employeeId === org.people.staff2.employeeId);
    expect(staff2.today).toBeNull();
    expect(staff2.alerts[0]).toEqual({ kind: 'NO_REPORT', workingDays: 4, since: null });
    expect(body.summary).toEqual({ members: 2, reportedToday: 0, pendingVerifications: 2, withAlerts: 2 });
  });

  it('shows only direct reports by default and the whole chain with scope=all', async () => {
    const direct = (await t.as(s.kabid!).get('/api/team/today')).json();
    expect(direct.members.map((m: { employeeId: number }) => m.employeeId)).toEqual([org.people.kasi.employeeId]);
    const all = (await t.as(s.kabid!).get('/api/team/today?scope=all')).json();
    expect(all.members).toHaveLength(3);
    expect(all.summary.pendingVerifications).toBe(0);
  });
});

describe('supervision records', () => {
  it('fails with 404 outside the chain, 403 for someone only in view, 400 without a key', async () => {
    const url = `/api/employees/${org.people.staff2.employeeId}/supervision-records`;
    const body = { kind: 'PEMBINAAN', body: 'Mohon isi laporan harian setiap hari.' };
    expect((await t.as(s.headB!).post(url, body, { 'idempotency-key': key() })).statusCode).toBe(404);
    expect((await t.as(s.adminBkpsdm!).post(url, body, { 'idempotency-key': key() })).statusCode).toBe(403);
    expect((await t.as(s.staff2!).post(url, body, { 'idempotency-key': key() })).statusCode).toBe(403);
    expect((await t.as(s.kasi!).post(url, body)).statusCode).toBe(400);
  });

  it('records pembinaan from an alert once per key, notifies the employee, and lists it for them', async () => {
    const url = `/api/employees/${org.people.staff2.employeeId}/supervision-records`;
    const k = key();
    const body = { kind: 'PEMBINAAN', body: 'Mohon isi laporan harian setiap hari.', followUp: 'Mulai besok melapor sebelum 16.00', alertKind: 'NO_REPORT' };
    const first = await t.as(s.kasi!).post(url, body, { 'idempotency-key': k });
    const again = await t.as(s.kasi!).post(url, body, { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(first.json().supervisionRecord).toMatchObject({ kind: 'PEMBINAAN', alertKind: 'NO_REPORT', heldOn: '2025-01-08', author: { id: org.people.kasi.employeeId } });

    const list = await t.as(s.staff2!).get(url);
    expect(list.json().supervisionRecords).toHaveLength(1);
    expect((await t.as(s.kabid!).get(url)).json().supervisionRecords).toHaveLength(1);
    expect((await t.as(s.staffB!).get(url)).statusCode).toBe(404);
    const notes = (await t.as(s.staff2!).get('/api/notifications?unreadOnly=true')).json();
    expect(notes.notifications[0]).toMatchObject({ type: 'supervision.recorded', title: 'Catatan pembinaan dari Zulkifli Kasi' });
  });
});

describe('realisation roll-up', () => {
  it('sums verified minutes and outputs per indicator; unverified and unlinked work is kept apart', async () => {
    const { rhkId, indicatorId } = await approvedIndicator(db.db, org, org.people.staff2.employeeId);
    const ind = { id: indicatorId };
    const rhk = { id: rhkId };

    const created = await api.create(s.staff2!, {
      date: '2025-01-07',
      activities: [
        activity({ indicatorId: ind!.id, outputQuantity: 10 }),
        activity({ startTime: '10:00', endTime: '11:00', indicatorId: ind!.id, outputQuantity: 5 }),
        activity({ startTime: '13:00', endTime: '14:00', description: 'Apel', outputQuantity: null, outputUnit: null }),
      ],
      submit: true,
    });
    expect(created.statusCode).toBe(201);
    const r = created.json().dailyReport;
    expect(r.activities[0]).toMatchObject({ linked: true, rhkId: rhk!.id, indicatorId: ind!.id });
    expect(await realisationFromDailyReports(db.db, org.people.staff2.employeeId, '2025-01-01', '2025-01-31')).toEqual([]);
    await api.verify(s.kasi!, r.id, { decision: 'VERIFIED' });
    const res = await t.as(s.kasi!).get(`/api/employees/${org.people.staff2.employeeId}/daily-realisation?from=2025-01-01&to=2025-01-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json().realisation).toEqual([
      { indicatorId: ind!.id, rhkId: rhk!.id, outputUnit: 'orang', outputQuantity: 15, minutes: 150, activities: 2 },
      { indicatorId: null, rhkId: null, outputUnit: null, outputQuantity: 0, minutes: 60, activities: 1 },
    ]);
    expect((await t.as(s.headB!).get(`/api/employees/${org.people.staff2.employeeId}/daily-realisation?from=2025-01-01&to=2025-01-31`)).statusCode).toBe(404);
  });
});
