import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog } from '../../db/schema/index.js';
import { createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, wib } from './training.test-helpers.js';

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let courses = 0;
/** A course of its own per test: one active place per person and course is the rule under test. */
const course = async () => createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: `Lokakarya Pelayanan Prima ${++courses}` });

const enrol = (who: Session | null, sessionId: number, employeeIds: number[]) =>
  t.as(who).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds });
const request = (who: Session | null, sessionId: number, body: object = {}) => t.as(who).post(`/api/training/sessions/${sessionId}/requests`, body);
const decide = (who: Session, id: number, body: object) => t.as(who).post(`/api/training/enrolments/${id}/decision`, body);

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: filesEnv() });
  org = await makeOrg(db.db);
  const staff3 = await makePerson(db.db, org.instansiId, { name: 'Putri Staf', positionId: org.positions.pStaff.id });
  for (const [k, p] of Object.entries({ ...org.people, staff3 })) s[k] = await t.signIn(p);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('POST /api/training/sessions/:id/enrolments', () => {
  it('fails with 401 when not signed in', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course());
    expectStatus(await enrol(null, sessionId, [org.people.staff1.employeeId]), 401);
  });

  it('fails with 404 for someone outside the caller\'s scope and 403 for someone they only read', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course());
    expectStatus(await enrol(s.kasi!, sessionId, [org.people.staffB.employeeId]), 404);
    expectStatus(await enrol(s.staff1!, sessionId, [org.people.staff1.employeeId]), 403);
    expectStatus(await enrol(s.inspektorat!, sessionId, [org.people.staff1.employeeId]), 403);
    expectStatus(await enrol(s.adminOpdB!, sessionId, [org.people.staff1.employeeId]), 404);
  });

  it('lets a supervisor enrol their chain and an admin OPD their units; the person is told', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 5 });
    const res = await enrol(s.kabid!, sessionId, [org.people.staff1.employeeId, org.people.kasi.employeeId]);
    expectStatus(res, 201);
    expect(res.json().enrolments.map((e: { status: string }) => e.status)).toEqual(['ENROLLED', 'ENROLLED']);
    expectStatus(await enrol(s.adminOpdB!, sessionId, [org.people.staffB.employeeId]), 201);
    const notes = (await t.as(s.staff1!).get('/api/notifications')).json().notifications;
    expect(notes[0].title).toEqual(expect.stringMatching(/^Anda didaftarkan pada pelatihan Lokakarya Pelayanan Prima \d+$/));
  });

  it('fails with 409 naming the person enrolled twice, on the same session or another of the course', async () => {
    const courseId = await course();
    const a = await createSession(t, s.adminBkpsdm!, courseId, { capacity: 5 });
    const b = await createSession(t, s.adminBkpsdm!, courseId, { capacity: 5, startDate: '2026-06-02', endDate: '2026-06-02' });
    expectStatus(await enrol(s.adminBkpsdm!, a, [org.people.staff2.employeeId]), 201);
    const again = await enrol(s.adminBkpsdm!, a, [org.people.headB.employeeId, org.people.staff2.employeeId]);
    expectStatus(again, 409);
    expect(fieldsOf(again)).toEqual(['body.employeeIds.1:ALREADY_ENROLLED']);
    expect(again.json().error.fields[0].message).toBe('Rizki Staf sudah terdaftar atau sudah mengajukan pelatihan ini.');
    const other = await enrol(s.adminBkpsdm!, b, [org.people.staff2.employeeId]);
    expectStatus(other, 409);
    expect(fieldsOf(other)).toEqual(['body.employeeIds.0:ALREADY_ENROLLED']);
    const dup = await enrol(s.adminBkpsdm!, b, [org.people.headB.employeeId, org.people.headB.employeeId]);
    expect(fieldsOf(dup)).toEqual(['body.employeeIds.1:EMPLOYEE_DUPLICATE']);
  });

  it('fails with 409 when the session is full or too few seats are left, and enrols nobody', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 2 });
    const res = await enrol(s.adminBkpsdm!, sessionId, [org.people.kadis.employeeId, org.people.kabid.employeeId, org.people.headB.employeeId]);
    expectStatus(res, 409);
    expect(fieldsOf(res)).toEqual(['body.employeeIds:SEATS_SHORT']);
    expect(res.json().error.fields[0].message).toBe('Sisa kuota 2 kursi, tidak cukup untuk 3 peserta.');
    expectStatus(await enrol(s.adminBkpsdm!, sessionId, [org.people.kadis.employeeId, org.people.kabid.employeeId]), 201);
    const full = await enrol(s.adminBkpsdm!, sessionId, [org.people.headB.employeeId], );
    expectStatus(full, 409);
    expect(fieldsOf(full)).toEqual(['body.employeeIds:SESSION_FULL']);
    const en = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.headB.employeeId] }, { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toBe('This session is full (2 participants). Choose another session.');
  });

  it('fails with 409 once the session has started', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { startDate: '2026-05-15', endDate: '2026-05-15', startTime: '09:00' });
    const res = await enrol(s.adminBkpsdm!, sessionId, [org.people.headB.employeeId]);
    expectStatus(res, 409);
    expect(fieldsOf(res)).toEqual(['sessionId:SESSION_STARTED']);
  });
});

describe('requests and decisions', () => {
  it('fails with 401 when not signed in, 409 when full or asked twice', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 1 });
    expectStatus(await request(null, sessionId), 401);
    expectStatus(await request(s.staff3!, sessionId, { note: 'Sering melayani warga' }), 201);
    const twice = await request(s.staff3!, sessionId);
    expectStatus(twice, 409);
    expect(fieldsOf(twice)).toEqual(['sessionId:ALREADY_ENROLLED_SELF']);
    expectStatus(await enrol(s.adminBkpsdm!, sessionId, [org.people.headB.employeeId]), 201);
    const full = await request(s.staffB!, sessionId);
    expectStatus(full, 409);
    expect(fieldsOf(full)).toEqual(['sessionId:SESSION_FULL']);
  });

  it('goes to the direct supervisor: 403 for the employee and for the kabid above, 404 outside the chain', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 3, startDate: '2026-07-01', endDate: '2026-07-01' });
    const asked = await request(s.staff1!, sessionId, { note: 'Untuk pelayanan loket' });
    expectStatus(asked, 201);
    const enrolment = asked.json().enrolment;
    expect(enrolment).toMatchObject({ status: 'REQUESTED', approver: { id: org.people.kasi.employeeId }, abilities: { decide: false, cancel: true } });
    expectStatus(await decide(s.staff1!, enrolment.id, { decision: 'APPROVED' }), 403);
    expectStatus(await decide(s.kabid!, enrolment.id, { decision: 'APPROVED' }), 403);
    expectStatus(await decide(s.headB!, enrolment.id, { decision: 'APPROVED' }), 404);
    const toDecide = (await t.as(s.kasi!).get('/api/training/enrolments?scope=to-decide')).json().enrolments;
    expect(toDecide.map((e: { id: number }) => e.id)).toContain(enrolment.id);
    expect(toDecide.find((e: { id: number }) => e.id === enrolment.id).abilities.decide).toBe(true);
    const notes = (await t.as(s.kasi!).get('/api/notifications')).json().notifications;
    expect(notes[0].title).toBe('Nurul Staf mengajukan pelatihan');
    const noNote = await decide(s.kasi!, enrolment.id, { decision: 'REJECTED' });
    expectStatus(noNote, 400);
    expect(fieldsOf(noNote)).toEqual(['body.note:NOTE_REQUIRED']);
    const ok = await decide(s.kasi!, enrolment.id, { decision: 'APPROVED' });
    expectStatus(ok, 200);
    expect(ok.json().enrolment).toMatchObject({ status: 'ENROLLED', session: { seatsTaken: 1 } });
    const again = await decide(s.kasi!, enrolment.id, { decision: 'APPROVED' });
    expectStatus(again, 409);
    expect(fieldsOf(again)).toEqual(['status:NOT_REQUESTED']);
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_enrolment'), eq(auditLog.entityId, String(enrolment.id)))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['training.enrolment.request', 'training.enrolment.approve']);
  });

  it('refuses an approval once the seats are gone', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 1, startDate: '2026-07-02', endDate: '2026-07-02' });
    const asked = (await request(s.staff2!, sessionId)).json().enrolment;
    expectStatus(await enrol(s.adminBkpsdm!, sessionId, [org.people.headB.employeeId]), 201);
    const res = await decide(s.kasi!, asked.id, { decision: 'APPROVED' });
    expectStatus(res, 409);
    expect(fieldsOf(res)).toEqual(['sessionId:SESSION_FULL']);
    const rejected = await decide(s.kasi!, asked.id, { decision: 'REJECTED', note: 'Kuota penuh, ikut angkatan berikutnya.' });
    expect(rejected.json().enrolment).toMatchObject({ status: 'REJECTED', decisionNote: 'Kuota penuh, ikut angkatan berikutnya.' });
  });

  it('lets an employee withdraw their own request, never someone else\'s', async () => {
    const sessionId = await createSession(t, s.adminBkpsdm!, await course(), { capacity: 3, startDate: '2026-07-03', endDate: '2026-07-03' });
    const asked = (await request(s.staff3!, sessionId)).json().enrolment;
    expectStatus(await t.as(s.staff1!).post(`/api/training/enrolments/${asked.id}/cancellation`, {}), 404);
    const res = await t.as(s.staff3!).post(`/api/training/enrolments/${asked.id}/cancellation`, {});
    expectStatus(res, 200);
    expect(res.json().enrolment.status).toBe('CANCELLED');
    expectStatus(await t.as(s.staff3!).post(`/api/training/enrolments/${asked.id}/cancellation`, {}), 409);
    expectStatus(await request(s.staff3!, sessionId), 201);
  });
});
