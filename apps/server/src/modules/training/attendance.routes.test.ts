import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, uploadPdf, wib } from './training.test-helpers.js';

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let sessionId: number;
let otherSessionId: number;
const enrolmentOf: Record<string, number> = {};

const code = async () => {
  const res = await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${sessionId}/attendance-code`);
  expectStatus(res, 200);
  return res.json() as { token: string; url: string; svg: string; expiresAt: string };
};
const checkIn = (who: Session | null, token: string, id = sessionId) => t.as(who).post(`/api/training/sessions/${id}/check-in`, { token });
const plan = async (who: Session) => (await t.as(who).get('/api/training/plan?year=2026')).json().plan;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: { ...filesEnv(), PANTAU_PUBLIC_URL: 'https://pantau.example.go.id' } });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const courseId = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { jp: 8 });
  sessionId = await createSession(t, s.adminBkpsdm!, courseId, { startDate: '2026-05-20', endDate: '2026-05-21', startTime: '08:00', endTime: '12:00', capacity: 10 });
  otherSessionId = await createSession(t, s.adminBkpsdm!, await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Lain' }));
  const res = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, {
    employeeIds: [org.people.staff1.employeeId, org.people.staff2.employeeId, org.people.kasi.employeeId, org.people.adminBkpsdm.employeeId],
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
beforeEach(() => clock.set(wib('2026-05-20', '08:10')));

describe('GET /api/training/sessions/:id/attendance-code', () => {
  it('fails with 401, 403 for a participant or a supervisor, 404 for another instansi', async () => {
    expectStatus(await t.as(null).get(`/api/training/sessions/${sessionId}/attendance-code`), 401);
    expectStatus(await t.as(s.staff1!).get(`/api/training/sessions/${sessionId}/attendance-code`), 403);
    expectStatus(await t.as(s.kabid!).get(`/api/training/sessions/${sessionId}/attendance-code`), 403);
  });

  it('gives the organiser a QR code that opens the check-in page and changes every minute', async () => {
    const first = await code();
    expect(first.url).toBe(`https://pantau.example.go.id/pelatihan/hadir/${first.token}`);
    expect(first.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    clock.set(wib('2026-05-20', '08:11'));
    expect((await code()).token).not.toBe(first.token);
  });
});

describe('POST /api/training/sessions/:id/check-in', () => {
  it('fails with 401 when not signed in and 400 for a made-up or another session\'s code', async () => {
    const { token } = await code();
    expectStatus(await checkIn(null, token), 401);
    const forged = await checkIn(s.staff1!, token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expectStatus(forged, 400);
    expect(fieldsOf(forged)).toEqual(['body.token:CODE_INVALID']);
    expect(fieldsOf(await checkIn(s.staff1!, token, otherSessionId))).toEqual(['body.token:CODE_INVALID']);
    expect(fieldsOf(await checkIn(s.staff1!, 'bukan kode'))).toEqual(['body.token:invalid_format']);
  });

  it('fails with 403 for someone not enrolled', async () => {
    const res = await checkIn(s.staffB!, (await code()).token);
    expectStatus(res, 403);
    expect(fieldsOf(res)).toEqual(['body.token:NOT_ENROLLED']);
  });

  it('records the participant once a day; a second scan is refused', async () => {
    const { token } = await code();
    const res = await checkIn(s.staff1!, token);
    expectStatus(res, 201);
    expect(res.json().attendance).toMatchObject({ date: '2026-05-20', attendedDays: 1, totalDays: 2 });
    const again = await checkIn(s.staff1!, token);
    expectStatus(again, 409);
    expect(fieldsOf(again)).toEqual(['body.token:ALREADY_CHECKED_IN']);
    expect(again.json().error.fields[0].message).toBe('Kehadiran Anda hari ini sudah tercatat.');
  });

  it('refuses a stale code (a photo passed on later) and a code before check-in opens', async () => {
    const { token } = await code();
    clock.set(wib('2026-05-20', '08:13'));
    const stale = await checkIn(s.staff2!, token);
    expectStatus(stale, 409);
    expect(fieldsOf(stale)).toEqual(['body.token:CODE_EXPIRED']);
    clock.set(wib('2026-05-20', '07:00'));
    const early = await checkIn(s.staff2!, (await code()).token);
    expectStatus(early, 409);
    expect(early.json().error.fields[0].message).toBe('Presensi dibuka 30 menit sebelum sesi dimulai (pukul 08:00 WIB).');
  });

  it('refuses any code after the session, even one shown during it', async () => {
    clock.set(wib('2026-05-21', '11:59'));
    const { token } = await code();
    clock.set(wib('2026-05-21', '12:01'));
    const res = await checkIn(s.staff2!, token);
    expectStatus(res, 409);
    expect(fieldsOf(res)).toEqual(['body.token:CHECK_IN_OVER']);
  });
});

describe('PUT /api/training/sessions/:id/attendance (tick list)', () => {
  it('fails with 403 for a non-organiser and for the organiser\'s own attendance; 400 for another day', async () => {
    expectStatus(await t.as(s.kasi!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-20', entries: [{ enrolmentId: enrolmentOf.staff2, present: true }] }), 403);
    const own = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-20', entries: [{ enrolmentId: enrolmentOf.adminBkpsdm, present: true }] });
    expectStatus(own, 403);
    expect(fieldsOf(own)).toEqual(['body.entries:OWN_ATTENDANCE']);
    const day = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-22', entries: [{ enrolmentId: enrolmentOf.staff2, present: true }] });
    expect(fieldsOf(day)).toEqual(['body.date:DATE_NOT_IN_SESSION']);
    const future = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-21', entries: [{ enrolmentId: enrolmentOf.staff2, present: true }] });
    expect(fieldsOf(future)).toEqual(['body.date:DATE_FUTURE']);
    const stranger = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-20', entries: [{ enrolmentId: 999999, present: true }] });
    expect(fieldsOf(stranger)).toEqual(['body.entries.0.enrolmentId:NOT_ENROLLED_PARTICIPANT']);
  });

  it('ticks participants present and removes an unticked one', async () => {
    const res = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, {
      date: '2026-05-20',
      entries: [
        { enrolmentId: enrolmentOf.staff2, present: true },
        { enrolmentId: enrolmentOf.kasi, present: true },
      ],
    });
    expectStatus(res, 200);
    const byId = new Map(res.json().participants.map((p: { enrolmentId: number; attendedDates: string[] }) => [p.enrolmentId, p.attendedDates]));
    expect(byId.get(enrolmentOf.staff2)).toEqual(['2026-05-20']);
    expect(byId.get(enrolmentOf.staff1)).toEqual(['2026-05-20']);
    const undo = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-05-20', entries: [{ enrolmentId: enrolmentOf.kasi, present: false }] });
    expect(undo.json().participants.find((p: { enrolmentId: number }) => p.enrolmentId === enrolmentOf.kasi).attendedDates).toEqual([]);
  });
});

describe('POST /api/training/enrolments/:id/completion', () => {
  it('fails with 403 for a non-organiser, 409 before the session is over', async () => {
    const pdf = await uploadPdf(t, s.adminBkpsdm!);
    expectStatus(await t.as(s.kasi!).post(`/api/training/enrolments/${enrolmentOf.staff1}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 403);
    const early = await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff1}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf });
    expectStatus(early, 409);
    expect(fieldsOf(early)).toEqual(['status:NOT_FINISHED']);
  });

  it('needs a certificate the organiser uploaded and enough attendance; never one\'s own', async () => {
    clock.set(wib('2026-05-21', '09:00'));
    expectStatus(await checkIn(s.staff1!, (await code()).token), 201);
    clock.set(wib('2026-05-22', '09:00'));
    const url = `/api/training/enrolments/${enrolmentOf.staff1}/completion`;
    expect(fieldsOf(await t.as(s.adminBkpsdm!).post(url, { outcome: 'COMPLETED' }))).toEqual(['body.certificateEvidenceId:CERTIFICATE_REQUIRED']);
    const someoneElses = await uploadPdf(t, s.staff1!, 'punya-staf');
    expect(fieldsOf(await t.as(s.adminBkpsdm!).post(url, { outcome: 'COMPLETED', certificateEvidenceId: someoneElses }))).toEqual([
      'body.certificateEvidenceId:CERTIFICATE_UNKNOWN',
    ]);
    const pdf = await uploadPdf(t, s.adminBkpsdm!);
    const short = await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff2}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf });
    expectStatus(short, 409);
    expect(short.json().error.fields[0].message).toBe('Peserta baru hadir 1 dari 2 hari yang diperlukan.');
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.adminBkpsdm}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 403);
  });

  it('counts JP only once completed, and shows the certificate to the participant and their chain only', async () => {
    clock.set(wib('2026-05-22', '09:00'));
    expect((await plan(s.staff1!)).jp).toMatchObject({ total: 0, met: false, shortfall: 20 });
    const pdf = await uploadPdf(t, s.adminBkpsdm!);
    const res = await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff1}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf });
    expectStatus(res, 200);
    expect(res.json().enrolment).toMatchObject({ status: 'COMPLETED', jp: 8, completedOn: '2026-05-21', certificate: { id: pdf } });
    const mine = await plan(s.staff1!);
    expect(mine.jp).toMatchObject({ total: 8, shortfall: 12, progress: 0.4 });
    expect(mine.jp.records).toEqual([expect.objectContaining({ kind: 'COURSE', jp: 8, counted: true, date: '2026-05-21' })]);
    const incomplete = await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentOf.staff2}/completion`, { outcome: 'INCOMPLETE', note: 'Hadir satu hari' });
    expect(incomplete.json().enrolment).toMatchObject({ status: 'INCOMPLETE', jp: null });
    expect((await plan(s.staff2!)).jp.total).toBe(0);
    const cert = `/api/training/enrolments/${enrolmentOf.staff1}/certificate`;
    const own = await t.as(s.staff1!).get(cert);
    expectStatus(own, 200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expectStatus(await t.as(s.kasi!).get(cert), 200);
    expectStatus(await t.as(s.staff2!).get(cert), 404);
    expectStatus(await t.as(s.headB!).get(cert), 404);
  });

  it('exports the attendance list as XLSX that opens again', async () => {
    expectStatus(await t.as(s.staff1!).get(`/api/training/sessions/${sessionId}/attendance.xlsx`), 403);
    const res = await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${sessionId}/attendance.xlsx`);
    expectStatus(res, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kehadiran');
    expect(ws?.getRow(7).values).toEqual([undefined, 'No', 'NIP', 'Nama', 'Unit kerja', '2026-05-20', '2026-05-21', 'Hari hadir', 'Status']);
    const rows = [8, 9, 10, 11].map((i) => ws?.getRow(i).values as unknown[]);
    const nurul = rows.find((r) => r[3] === 'Nurul Staf');
    expect(nurul?.slice(5)).toEqual(['H', 'H', 2, 'Selesai']);
  });
});

describe('external training', () => {
  it('is added by the employee with their own certificate and counts only once an admin verifies it', async () => {
    clock.set(wib('2026-06-10', '09:00'));
    const body = (cert: number, over: object = {}) => ({
      title: 'Webinar Literasi Digital',
      organiser: 'Kementerian Kominfo',
      kind: 'TEKNIS',
      mode: 'DARING',
      behaviours: ['ADAPTIF'],
      startDate: '2026-06-01',
      endDate: '2026-06-02',
      jp: 4.5,
      certificateEvidenceId: cert,
      ...over,
    });
    const mine = await uploadPdf(t, s.staff2!, 'webinar');
    const bad = await t.as(s.staff2!).post('/api/training/external', body(mine, { endDate: '2026-07-01' }));
    expect(fieldsOf(bad)).toEqual(['body.endDate:DATE_IN_FUTURE']);
    const notMine = await uploadPdf(t, s.staff1!, 'orang-lain');
    expect(fieldsOf(await t.as(s.staff2!).post('/api/training/external', body(notMine)))).toEqual(['body.certificateEvidenceId:CERTIFICATE_UNKNOWN']);
    const created = await t.as(s.staff2!).post('/api/training/external', body(mine));
    expectStatus(created, 201);
    const ext = created.json().external;
    expect(ext).toMatchObject({ status: 'PENDING', abilities: { verify: false } });
    expect((await plan(s.staff2!)).jp).toMatchObject({ total: 0, records: [expect.objectContaining({ kind: 'EXTERNAL', counted: false, jp: 4.5 })] });
    const verify = (who: Session, b: object) => t.as(who).post(`/api/training/external/${ext.id}/verification`, b);
    expectStatus(await verify(s.staff2!, { decision: 'VERIFIED' }), 403);
    expectStatus(await verify(s.kasi!, { decision: 'VERIFIED' }), 403);
    expectStatus(await verify(s.adminOpdB!, { decision: 'VERIFIED' }), 404);
    expect(fieldsOf(await verify(s.adminBkpsdm!, { decision: 'REJECTED' }))).toEqual(['body.note:NOTE_REQUIRED']);
    const toVerify = (await t.as(s.adminBkpsdm!).get('/api/training/external?scope=to-verify')).json().external;
    expect(toVerify.map((x: { id: number }) => x.id)).toEqual([ext.id]);
    expectStatus(await t.as(s.staff1!).get('/api/training/external?scope=to-verify'), 403);
    const ok = await verify(s.adminBkpsdm!, { decision: 'VERIFIED' });
    expectStatus(ok, 200);
    expect((await plan(s.staff2!)).jp).toMatchObject({ total: 4.5, records: [expect.objectContaining({ counted: true })] });
    expectStatus(await verify(s.adminBkpsdm!, { decision: 'VERIFIED' }), 409);
    expectStatus(await t.as(s.adminBkpsdm!).get(`/api/training/external/${ext.id}/certificate`), 200);
  });
});
