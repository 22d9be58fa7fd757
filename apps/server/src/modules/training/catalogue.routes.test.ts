import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog } from '../../db/schema/index.js';
import { courseBody, createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, sessionBody, wib } from './training.test-helpers.js';

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

describe('POST /api/training/courses', () => {
  it('fails with 401 when not signed in', async () => {
    expectStatus(await t.as(null).post('/api/training/courses', courseBody([org.units.bkpsdm.id])), 401);
  });

  it('fails with 400 naming the fields', async () => {
    const res = await t.as(s.adminBkpsdm!).post('/api/training/courses', courseBody([org.units.bkpsdm.id], { title: '', kind: 'LAIN', jp: 0 }));
    expectStatus(res, 400);
    expect(fieldsOf(res).map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['body.title', 'body.kind', 'body.jp']));
  });

  it('fails with 400 for JP with two decimals, a unit of another instansi, a unit listed twice', async () => {
    const res = await t
      .as(s.adminBkpsdm!)
      .post('/api/training/courses', courseBody([org.units.bkpsdm.id, other.units.dinasA.id, org.units.bkpsdm.id], { jp: 2.25 }));
    expectStatus(res, 400);
    expect(fieldsOf(res)).toEqual(['body.jp:JP_DECIMALS', 'body.organiserUnitIds.1:UNIT_UNKNOWN', 'body.organiserUnitIds.2:UNIT_DUPLICATE']);
    expect(res.json().error.fields[0].message).toMatch(/satu angka desimal/);
    const en = await t.as(s.adminBkpsdm!).post('/api/training/courses', courseBody([org.units.bkpsdm.id], { jp: 2.25 }), { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toMatch(/at most one decimal/);
  });

  it('fails with 403 for an employee, a supervisor, the inspektorat', async () => {
    for (const who of ['staff1', 'kasi', 'inspektorat'] as const) {
      expectStatus(await t.as(s[who]!).post('/api/training/courses', courseBody([org.units.bkpsdm.id])), 403);
    }
  });

  it('fails with 400 when an admin OPD names no unit they administer', async () => {
    const res = await t.as(s.adminOpdB!).post('/api/training/courses', courseBody([org.units.dinasA.id]));
    expectStatus(res, 400);
    expect(fieldsOf(res)).toEqual(['body.organiserUnitIds:UNIT_NOT_MANAGED']);
  });

  it('lets an admin OPD organise together with another OPD, and audits it', async () => {
    const res = await t.as(s.adminOpdB!).post('/api/training/courses', courseBody([org.units.dinasB.id, org.units.dinasA.id]));
    expectStatus(res, 201);
    const course = res.json().course;
    expect(course.organiserUnits).toEqual([
      { id: org.units.dinasB.id, name: 'Dinas Sosial', isLead: true },
      { id: org.units.dinasA.id, name: 'Dinas Kesehatan', isLead: false },
    ]);
    expect(course.abilities.manage).toBe(true);
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'training.course.create'), eq(auditLog.entityId, String(course.id))));
    expect(audit).toHaveLength(1);
  });
});

describe('GET /api/training/courses', () => {
  it('fails with 401 when not signed in', async () => {
    expectStatus(await t.as(null).get('/api/training/courses'), 401);
  });

  it('shows the catalogue to every employee of the instansi and nothing of another', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Manajemen Waktu', behaviours: ['AKUNTABEL'] });
    const mine = (await t.as(s.staff1!).get('/api/training/courses')).json();
    expect(mine.courses.map((c: { id: number }) => c.id)).toContain(id);
    expect(mine.abilities.create).toBe(false);
    expect(mine.courses.find((c: { id: number }) => c.id === id).abilities.manage).toBe(false);
    const theirs = (await t.as(outsider).get('/api/training/courses')).json();
    expect(theirs.courses).toEqual([]);
    expectStatus(await t.as(outsider).get(`/api/training/courses/${id}`), 404);
    const filtered = (await t.as(s.staff1!).get('/api/training/courses?behaviour=AKUNTABEL&q=waktu')).json();
    expect(filtered.courses.map((c: { title: string }) => c.title)).toEqual(['Manajemen Waktu']);
  });
});

describe('PUT /api/training/courses/:id', () => {
  it('fails with 404 for another instansi and 403 for an admin OPD who does not organise it', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    expectStatus(await t.as(outsider).put(`/api/training/courses/${id}`, courseBody([other.units.bkpsdm.id])), 404);
    expectStatus(await t.as(s.adminOpdB!).put(`/api/training/courses/${id}`, courseBody([org.units.dinasB.id])), 403);
    const res = await t.as(s.adminBkpsdm!).put(`/api/training/courses/${id}`, courseBody([org.units.bkpsdm.id], { jp: 12.5 }));
    expectStatus(res, 200);
    expect(res.json().course.jp).toBe(12.5);
  });
});

describe('sessions', () => {
  it('fails with 400 for dates or times in the wrong order, and 403 for non-organisers', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    const bad = await t.as(s.adminBkpsdm!).post(`/api/training/courses/${id}/sessions`, sessionBody({ endDate: '2026-05-19', endTime: '07:00' }));
    expectStatus(bad, 400);
    expect(fieldsOf(bad)).toEqual(['body.endDate:DATE_RANGE', 'body.endTime:TIME_ORDER']);
    const format = await t.as(s.adminBkpsdm!).post(`/api/training/courses/${id}/sessions`, sessionBody({ startTime: '8:00' }));
    expect(fieldsOf(format)).toEqual(['body.startTime:TIME_FORMAT']);
    expectStatus(await t.as(s.kasi!).post(`/api/training/courses/${id}/sessions`, sessionBody()), 403);
    expectStatus(await t.as(s.adminOpdB!).post(`/api/training/courses/${id}/sessions`, sessionBody()), 403);
  });

  it('creates a session that shows seats and state; the capacity never goes below those enrolled', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id]);
    const sessionId = await createSession(t, s.adminBkpsdm!, id, { capacity: 1 });
    const detail = (await t.as(s.staff1!).get(`/api/training/sessions/${sessionId}`)).json();
    expect(detail.session).toMatchObject({ state: 'UPCOMING', seatsLeft: 1, startTime: '08:00', abilities: { manage: false, request: true } });
    expect(detail.participants).toBeNull();
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.staff1.employeeId] }), 201);
    const res = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 0 }));
    expectStatus(res, 400);
    const lower = await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}`, sessionBody({ capacity: 1, place: 'Ruang Rapat Sekda' }));
    expectStatus(lower, 200);
    expect(lower.json().session).toMatchObject({ place: 'Ruang Rapat Sekda', seatsLeft: 0, abilities: { request: false } });
  });

  it('cancels a session: open places are cancelled and their holders notified', async () => {
    const id = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Kearsipan Dinamis' });
    const sessionId = await createSession(t, s.adminBkpsdm!, id);
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.staff2.employeeId] }), 201);
    expectStatus(await t.as(s.kasi!).post(`/api/training/sessions/${sessionId}/cancellation`), 403);
    const res = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/cancellation`);
    expectStatus(res, 200);
    expect(res.json().session.state).toBe('CANCELLED');
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/cancellation`), 409);
    const mine = (await t.as(s.staff2!).get('/api/training/enrolments')).json().enrolments;
    expect(mine.find((e: { session: { id: number } }) => e.session.id === sessionId).status).toBe('CANCELLED');
    const notes = (await t.as(s.staff2!).get('/api/notifications')).json().notifications;
    expect(notes.map((n: { title: string }) => n.title)).toContain('Sesi pelatihan dibatalkan: Kearsipan Dinamis');
  });
});
