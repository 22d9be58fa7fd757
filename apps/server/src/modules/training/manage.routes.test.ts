import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog } from '../../db/schema/index.js';
import { courseBody, createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, sessionBody, wib } from './training.test-helpers.js';

/**
 * What the admin pages do beyond adding: edit and withdraw a course, move and cancel a session
 * (participants are told), and enrol people directly (admins their units, atasan their chain).
 */

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const s: Record<string, Session> = {};
let outsider: Session;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: filesEnv() });
  org = await makeOrg(db.db);
  other = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  outsider = await t.signIn(other.people.adminBkpsdm);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const titles = async (who: Session) => ((await t.as(who).get('/api/notifications')).json().notifications as { title: string }[]).map((n) => n.title);

describe('PUT /api/training/courses/:id (edit)', () => {
  it('refuses an ASN, a supervisor and an admin OPD of another OPD; a co-organising admin OPD may edit', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.dinasA.id], { title: 'Pelayanan Prima' });
    for (const who of ['staff1', 'kasi', 'inspektorat', 'adminOpdB'] as const) {
      expectStatus(await t.as(s[who]!).put(`/api/training/courses/${id}`, courseBody([org.units.dinasA.id])), 403);
    }
    expectStatus(await t.as(outsider).put(`/api/training/courses/${id}`, courseBody([other.units.dinasA.id])), 404);
    // BKPSDM adds Dinas Sosial as co-organiser: its admin OPD now manages the course.
    expectStatus(await t.as(s.adminBkpsdm!).put(`/api/training/courses/${id}`, courseBody([org.units.dinasA.id, org.units.dinasB.id], { title: 'Pelayanan Prima' })), 200);
    const res = await t.as(s.adminOpdB!).put(`/api/training/courses/${id}`, courseBody([org.units.dinasA.id, org.units.dinasB.id], { title: 'Pelayanan Prima Angkatan II', jp: 16 }));
    expectStatus(res, 200);
    expect(res.json().course).toMatchObject({ title: 'Pelayanan Prima Angkatan II', jp: 16, abilities: { manage: true } });
    // …but may not drop every unit they administer.
    const drop = await t.as(s.adminOpdB!).put(`/api/training/courses/${id}`, courseBody([org.units.dinasA.id]));
    expectStatus(drop, 400);
    expect(fieldsOf(drop)).toEqual(['body.organiserUnitIds:UNIT_NOT_MANAGED']);
  });
});

describe('POST /api/training/courses/:id/cancellation (withdraw a course)', () => {
  it('fails with 401, 403 for an ASN and an admin OPD who does not organise it, 404 for another instansi', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    expectStatus(await t.as(null).post(`/api/training/courses/${id}/cancellation`), 401);
    expectStatus(await t.as(s.staff1!).post(`/api/training/courses/${id}/cancellation`), 403);
    expectStatus(await t.as(s.kasi!).post(`/api/training/courses/${id}/cancellation`), 403);
    expectStatus(await t.as(s.adminOpdB!).post(`/api/training/courses/${id}/cancellation`), 403);
    expectStatus(await t.as(outsider).post(`/api/training/courses/${id}/cancellation`), 404);
  });

  it('withdraws the course, cancels the sessions not started, tells their participants, and keeps a running one', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.dinasB.id, org.units.dinasA.id], { title: 'K3 Puskesmas' });
    const running = await createSession(t, s.adminBkpsdm!, id, { startDate: '2026-05-15', endDate: '2026-05-16', startTime: '08:00', endTime: '16:00' });
    const later = await createSession(t, s.adminBkpsdm!, id, { startDate: '2026-06-10', endDate: '2026-06-10' });
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${later}/enrolments`, { employeeIds: [org.people.staffB.employeeId] }), 201);
    expectStatus(await t.as(s.staff1!).post(`/api/training/sessions/${later}/requests`, {}), 201);

    const res = await t.as(s.adminOpdB!).post(`/api/training/courses/${id}/cancellation`);
    expectStatus(res, 200);
    const course = res.json().course;
    expect(course.active).toBe(false);
    const states = Object.fromEntries((course.sessions as { id: number; state: string }[]).map((x) => [x.id, x.state]));
    expect(states).toEqual({ [running]: 'ONGOING', [later]: 'CANCELLED' });
    expect(await titles(s.staffB!)).toContain('Sesi pelatihan dibatalkan: K3 Puskesmas');
    expect(await titles(s.staff1!)).toContain('Sesi pelatihan dibatalkan: K3 Puskesmas');
    const places = (await t.as(s.staffB!).get('/api/training/enrolments')).json().enrolments as { session: { id: number }; status: string }[];
    expect(places.find((p) => p.session.id === later)?.status).toBe('CANCELLED');
    // Not in the catalogue any more; twice is a clear 409.
    const list = (await t.as(s.staff1!).get('/api/training/courses')).json().courses as { id: number }[];
    expect(list.map((c) => c.id)).not.toContain(id);
    const again = await t.as(s.adminBkpsdm!).post(`/api/training/courses/${id}/cancellation`);
    expectStatus(again, 409);
    expect(again.json().error.fields[0].message).toMatch(/tidak aktif/i);
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'training.course.cancel'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
  });
});

describe('PUT /api/training/sessions/:id (move)', () => {
  it('refuses an ASN and a supervisor; tells those with a place or a request when the date, time or place changes', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Manajemen Waktu' });
    const sessionId = await createSession(t, s.adminBkpsdm!, id, { capacity: 5 });
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.staff2.employeeId] }), 201);
    expectStatus(await t.as(s.kabid!).post(`/api/training/sessions/${sessionId}/requests`, {}), 201);
    expectStatus(await t.as(s.staff2!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 5 })), 403);
    expectStatus(await t.as(s.kasi!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 5 })), 403);

    // Capacity only: nobody is bothered.
    expectStatus(await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 6 })), 200);
    expect((await titles(s.staff2!)).filter((x) => x.startsWith('Jadwal pelatihan berubah'))).toEqual([]);

    const res = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 6, startDate: '2026-05-27', endDate: '2026-05-27', place: 'Aula Sekda' }));
    expectStatus(res, 200);
    expect(res.json().session).toMatchObject({ startDate: '2026-05-27', place: 'Aula Sekda' });
    for (const who of ['staff2', 'kabid'] as const) expect(await titles(s[who]!)).toContain('Jadwal pelatihan berubah: Manajemen Waktu');
    const note = ((await t.as(s.staff2!).get('/api/notifications', { 'accept-language': 'en' })).json().notifications as { title: string; body: string }[]).find((n) =>
      n.title.startsWith('Training schedule changed'),
    );
    expect(note?.body).toMatch(/Aula Sekda/);
  });
});

describe('POST /api/training/sessions/:id/enrolments (direct enrolment)', () => {
  it('shows the enrol ability to admins and atasan only', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    const sessionId = await createSession(t, s.adminBkpsdm!, id, { capacity: 3 });
    const ability = async (who: Session) => (await t.as(who).get(`/api/training/sessions/${sessionId}`)).json().session.abilities.enrol as boolean;
    expect(await ability(s.staff1!)).toBe(false);
    expect(await ability(s.inspektorat!)).toBe(false);
    expect(await ability(s.kasi!)).toBe(true);
    expect(await ability(s.adminOpdB!)).toBe(true);
    expect(await ability(s.adminBkpsdm!)).toBe(true);
  });

  it('refuses an ASN, a supervisor outside their chain, an admin OPD outside their OPD, the inspektorat', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    const sessionId = await createSession(t, s.adminBkpsdm!, id, { capacity: 3 });
    const enrol = (who: Session, ids: number[]) => t.as(who).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: ids });
    expect([403, 404]).toContain((await enrol(s.staff1!, [org.people.staff2.employeeId])).statusCode);
    expect([403, 404]).toContain((await enrol(s.kasi!, [org.people.staffB.employeeId])).statusCode);
    expect([403, 404]).toContain((await enrol(s.kasi!, [org.people.kabid.employeeId])).statusCode);
    expect([403, 404]).toContain((await enrol(s.adminOpdB!, [org.people.staff1.employeeId])).statusCode);
    expectStatus(await enrol(s.inspektorat!, [org.people.staff1.employeeId]), 403);
    expectStatus(await enrol(outsider, [other.people.staff1.employeeId]), 404);
    // Everyone or nobody: one outside the chain stops the whole list.
    expect([403, 404]).toContain((await enrol(s.kasi!, [org.people.staff1.employeeId, org.people.staffB.employeeId])).statusCode);
    const detail = (await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${sessionId}`)).json();
    expect(detail.participants).toEqual([]);
  });

  it('lets a supervisor enrol their team; double places and a full session are refused in plain words', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Penyusunan SKP dan RHK' });
    const sessionId = await createSession(t, s.adminBkpsdm!, id, { capacity: 2 });
    const enrol = (who: Session, ids: number[]) => t.as(who).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: ids });
    const ok = await enrol(s.kasi!, [org.people.staff1.employeeId]);
    expectStatus(ok, 201);
    expect(ok.json().enrolments[0]).toMatchObject({ status: 'ENROLLED', employee: { name: 'Nurul Staf' } });
    expect(await titles(s.staff1!)).toContain('Anda didaftarkan pada pelatihan Penyusunan SKP dan RHK');

    const twice = await enrol(s.kabid!, [org.people.staff2.employeeId, org.people.staff1.employeeId]);
    expectStatus(twice, 409);
    expect(fieldsOf(twice)).toEqual(['body.employeeIds.1:ALREADY_ENROLLED']);
    expect(twice.json().error.fields[0].message).toMatch(/Nurul Staf/);

    const short = await enrol(s.kabid!, [org.people.staff2.employeeId, org.people.kasi.employeeId]);
    expectStatus(short, 409);
    expect(fieldsOf(short)).toEqual(['body.employeeIds:SEATS_SHORT']);
    expect(short.json().error.fields[0].message).toMatch(/1/);
    expectStatus(await enrol(s.kabid!, [org.people.staff2.employeeId]), 201);
    const full = await enrol(s.adminBkpsdm!, [org.people.kadis.employeeId]);
    expectStatus(full, 409);
    expect(fieldsOf(full)).toEqual(['body.employeeIds:SESSION_FULL']);
    const fullEn = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.kadis.employeeId] }, { 'accept-language': 'en' });
    expect(fullEn.json().error.fields[0].message).toMatch(/full/i);
  });
});
