import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { complaints, feedbackEvidence } from '../../db/schema/index.js';
import { addRhk, approveSkp, createSkp } from '../skp/skp.test-helpers.js';
import { createCourse, createSession, expectStatus, fieldsOf, filesEnv, movableClock, uploadPdf, wib } from './training.test-helpers.js';

const clock = movableClock(wib('2026-05-15', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let q2: number;
let staffSkp: { id: number; rhkId: number };
let serviceCourse: number;
let archiveCourse: number;
let serviceSession: number;

interface Need {
  id: number;
  source: string;
  behaviour: string | null;
  competency: string | null;
  status: string;
  agreedAt: string | null;
  plannedCourse: { id: number } | null;
  closedBy: { kind: string; title: string } | null;
  sources: Array<{ kind: string; label: string }>;
  suggestions: Array<{ courseId: number; nextSession: { id: number } | null }>;
}

const planOf = async (who: Session, employeeId?: number) => {
  const res = await t.as(who).get(`/api/training/plan?year=2026${employeeId ? `&employeeId=${employeeId}` : ''}`);
  expectStatus(res, 200);
  return res.json().plan as { needs: Need[]; needsAwaitingAgreement: number; abilities: { agree: boolean; addNeed: boolean; request: boolean }; jp: { total: number } };
};
const rate = (behaviour: 'DI_BAWAH' | 'SESUAI', result: 'DI_BAWAH' | 'SESUAI') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/skp/${staffSkp.id}/evaluations/${q2}/rating`,
    payload: {
      hasilKerja: { rating: result, reason: 'Register arsip sering terlambat' },
      perilaku: { rating: behaviour === 'DI_BAWAH' ? 'DI_BAWAH' : 'SESUAI', reason: 'Warga mengeluhkan sikap di loket' },
      results: [{ rhkId: staffSkp.rhkId, rating: result }],
      behaviours: [{ behaviour: 'BERORIENTASI_PELAYANAN', rating: behaviour }],
    },
    headers: { cookie: s.kasi!.cookie, 'x-csrf-token': s.kasi!.csrf },
  });

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: filesEnv() });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  const skp = await createSkp(t, s.staff1!);
  const rhk = await addRhk(t, s.staff1!, skp.id, 'Pengelolaan arsip dinamis tertib', kasiRhk.id);
  await approveSkp(t, s.staff1!, s.kasi!, skp.id);
  staffSkp = { id: skp.id, rhkId: rhk.id };
  q2 = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods[1].id;
  serviceCourse = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Lokakarya Pelayanan Prima', behaviours: ['BERORIENTASI_PELAYANAN'] });
  archiveCourse = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], {
    title: 'Pengelolaan Arsip Dinamis',
    kind: 'TEKNIS',
    behaviours: ['KOMPETEN'],
    competencies: ['Kearsipan'],
  });
  await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Kepemimpinan Tim', kind: 'MANAJERIAL', behaviours: ['KOLABORATIF'], competencies: [] });
  serviceSession = await createSession(t, s.adminBkpsdm!, serviceCourse, { startDate: '2026-05-20', endDate: '2026-05-20', capacity: 20 });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('needs from the SKP evaluation', () => {
  it('has no needs before the rating', async () => {
    expect((await planOf(s.staff1!)).needs).toEqual([]);
  });

  it('turns a behaviour and a result rated below expectation into needs with suggested trainings', async () => {
    expectStatus(await rate('DI_BAWAH', 'DI_BAWAH'), 200);
    const plan = await planOf(s.staff1!);
    const service = plan.needs.find((n) => n.behaviour === 'BERORIENTASI_PELAYANAN');
    const archive = plan.needs.find((n) => n.source === 'SKP_HASIL_KERJA');
    expect(plan.needs).toHaveLength(2);
    expect(service).toMatchObject({ source: 'SKP_PERILAKU', status: 'OPEN', sources: [{ kind: 'SKP', label: expect.stringMatching(/2026/) }] });
    expect(service?.suggestions.map((x) => x.courseId)).toEqual([serviceCourse]);
    expect(service?.suggestions[0]?.nextSession?.id).toBe(serviceSession);
    expect(archive).toMatchObject({ competency: 'Pengelolaan arsip dinamis tertib' });
    expect(archive?.suggestions.map((x) => x.courseId)).toEqual([archiveCourse]);
    expect(plan.needsAwaitingAgreement).toBe(2);
    expect(plan.abilities).toEqual({ agree: false, addNeed: true, request: true });
    expect((await planOf(s.staff1!)).needs).toHaveLength(2);
  });

  it('shows the plan to the chain and admins, 404 to a peer and another dinas', async () => {
    expectStatus(await t.as(s.staff2!).get(`/api/training/plan?employeeId=${org.people.staff1.employeeId}`), 404);
    expectStatus(await t.as(s.headB!).get(`/api/training/plan?employeeId=${org.people.staff1.employeeId}`), 404);
    expect((await planOf(s.kasi!, org.people.staff1.employeeId)).abilities.agree).toBe(true);
    expect((await planOf(s.kabid!, org.people.staff1.employeeId)).abilities.agree).toBe(false);
    expect((await planOf(s.adminBkpsdm!, org.people.staff1.employeeId)).needs).toHaveLength(2);
  });

  it('lets only the direct supervisor agree the plan, with a course for a need', async () => {
    const plan = await planOf(s.kasi!, org.people.staff1.employeeId);
    const archive = plan.needs.find((n) => n.source === 'SKP_HASIL_KERJA');
    const body = { employeeId: org.people.staff1.employeeId, year: 2026, needs: [{ needId: archive?.id, plannedCourseId: archiveCourse }], note: 'Ikut dua pelatihan ini tahun ini.' };
    expectStatus(await t.as(s.staff1!).post('/api/training/plan/agreement', body), 403);
    expectStatus(await t.as(s.kabid!).post('/api/training/plan/agreement', body), 403);
    expectStatus(await t.as(s.headB!).post('/api/training/plan/agreement', body), 404);
    const bad = await t.as(s.kasi!).post('/api/training/plan/agreement', { ...body, needs: [{ needId: 999999, plannedCourseId: 999999 }] });
    expect(fieldsOf(bad)).toEqual(['body.needs.0.needId:NEED_UNKNOWN', 'body.needs.0.plannedCourseId:COURSE_UNKNOWN']);
    const res = await t.as(s.kasi!).post('/api/training/plan/agreement', body);
    expectStatus(res, 200);
    const agreed = res.json().plan;
    expect(agreed).toMatchObject({ needsAwaitingAgreement: 0, agreement: { agreedBy: { id: org.people.kasi.employeeId }, note: 'Ikut dua pelatihan ini tahun ini.' } });
    expect(agreed.needs.find((n: Need) => n.id === archive?.id).plannedCourse.id).toBe(archiveCourse);
  });

  it('lists the team for the supervisor with open needs', async () => {
    const res = await t.as(s.kasi!).get('/api/training/team?year=2026');
    expectStatus(res, 200);
    const member = res.json().members.find((m: { employee: { id: number } }) => m.employee.id === org.people.staff1.employeeId);
    expect(member).toMatchObject({ jp: 0, met: false, openNeeds: 2, needsAwaitingAgreement: 0 });
    expect((await t.as(s.staff1!).get('/api/training/team')).json().members).toEqual([]);
  });

  it('closes the need when a training that develops it is completed', async () => {
    const need = (await planOf(s.staff1!)).needs.find((n) => n.behaviour === 'BERORIENTASI_PELAYANAN');
    const asked = await t.as(s.staff1!).post(`/api/training/sessions/${serviceSession}/requests`, { needId: need?.id, note: 'Untuk memperbaiki pelayanan loket' });
    expectStatus(asked, 201);
    const enrolmentId = asked.json().enrolment.id;
    expect(asked.json().enrolment.need).toMatchObject({ id: need?.id, behaviour: 'BERORIENTASI_PELAYANAN' });
    expectStatus(await t.as(s.kasi!).post(`/api/training/enrolments/${enrolmentId}/decision`, { decision: 'APPROVED' }), 200);
    clock.set(wib('2026-05-20', '09:00'));
    const code = (await t.as(s.adminBkpsdm!).get(`/api/training/sessions/${serviceSession}/attendance-code`)).json();
    expectStatus(await t.as(s.staff1!).post(`/api/training/sessions/${serviceSession}/check-in`, { token: code.token }), 201);
    clock.set(wib('2026-05-21', '09:00'));
    const pdf = await uploadPdf(t, s.adminBkpsdm!);
    expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${enrolmentId}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 200);
    const plan = await planOf(s.staff1!);
    expect(plan.jp.total).toBe(8);
    expect(plan.needs.find((n) => n.id === need?.id)).toMatchObject({ status: 'CLOSED', closedBy: { kind: 'COURSE', title: 'Lokakarya Pelayanan Prima' } });
    expect(plan.needs.find((n) => n.source === 'SKP_HASIL_KERJA')?.status).toBe('OPEN');
    expect(plan.needs.filter((n) => n.status === 'OPEN')).toHaveLength(1);
  });

  it('withdraws an open need that came only from a rating since changed; a closed one stays closed', async () => {
    clock.set(wib('2026-05-22', '09:00'));
    expectStatus(await rate('DI_BAWAH', 'SESUAI'), 200);
    const plan = await planOf(s.staff1!);
    expect(plan.needs.find((n) => n.source === 'SKP_HASIL_KERJA')?.status).toBe('WITHDRAWN');
    expect(plan.needs.find((n) => n.behaviour === 'BERORIENTASI_PELAYANAN')?.status).toBe('CLOSED');
    expect(plan.needs.filter((n) => n.status === 'OPEN')).toEqual([]);
  });
});

describe('needs from verified complaints and by hand', () => {
  it('turns a verified complaint about the employee into a service-orientation need', async () => {
    const [c] = await db.db
      .insert(complaints)
      .values({
        instansiId: org.instansiId,
        trackingCode: `ADU-${Date.now()}`,
        tokenHash: 'x'.repeat(64),
        unitId: org.units.seksi.id,
        category: 'PELAYANAN',
        description: 'Petugas loket tidak ramah dan meminta berkas berulang kali.',
        subjectEmployeeId: org.people.staff2.employeeId,
        status: 'DIVERIFIKASI',
        receivedAt: new Date(wib('2026-05-04', '09:00')),
        receivedOn: '2026-05-04',
        verifyDueOn: '2026-05-08',
        clientHash: 'c'.repeat(64),
        contentHash: 'd'.repeat(64),
      })
      .returning();
    if (!c) throw new Error('no complaint');
    await db.db.insert(feedbackEvidence).values({
      instansiId: org.instansiId,
      complaintId: c.id,
      employeeId: org.people.staff2.employeeId,
      attachedByUserId: org.people.kasi.userId,
      attachedAt: new Date(wib('2026-05-12', '09:00')),
    });
    const plan = await planOf(s.kasi!, org.people.staff2.employeeId);
    expect(plan.needs).toEqual([
      expect.objectContaining({ source: 'KELUHAN', behaviour: 'BERORIENTASI_PELAYANAN', status: 'OPEN', sources: [{ kind: 'COMPLAINT', label: '', occurredOn: '2026-05-04' }] }),
    ]);
    expect(plan.needs[0]?.suggestions.map((x) => x.courseId)).toEqual([serviceCourse]);
  });

  it('lets the supervisor add a need by hand and refuses a duplicate; 404 for a peer, 403 for the employee withdrawing', async () => {
    const body = { employeeId: org.people.staff2.employeeId, year: 2026, competency: 'Pengelolaan arsip', note: 'Arsip loket menumpuk' };
    expectStatus(await t.as(s.staff1!).post('/api/training/needs', body), 404);
    expect(fieldsOf(await t.as(s.kasi!).post('/api/training/needs', { employeeId: org.people.staff2.employeeId }))).toEqual(['body.behaviour:NEED_EMPTY']);
    const res = await t.as(s.kasi!).post('/api/training/needs', body);
    expectStatus(res, 201);
    expect(res.json().need).toMatchObject({ source: 'MANUAL', competency: 'Pengelolaan arsip', suggestions: [{ courseId: archiveCourse }] });
    const dup = await t.as(s.kasi!).post('/api/training/needs', { employeeId: org.people.staff2.employeeId, behaviour: 'BERORIENTASI_PELAYANAN' });
    expectStatus(dup, 409);
    expect(fieldsOf(dup)).toEqual(['body.behaviour:NEED_DUPLICATE']);
    const id = res.json().need.id;
    expectStatus(await t.as(s.staff2!).post(`/api/training/needs/${id}/withdrawal`, { note: 'Tidak perlu' }), 403);
    const withdrawn = await t.as(s.kasi!).post(`/api/training/needs/${id}/withdrawal`, { note: 'Sudah ditangani dengan pendampingan' });
    expect(withdrawn.json().need).toMatchObject({ status: 'WITHDRAWN', withdrawnNote: 'Sudah ditangani dengan pendampingan' });
  });
});
