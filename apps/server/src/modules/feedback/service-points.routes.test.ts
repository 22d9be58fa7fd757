import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstansi, makePerson, makePosition, makeUnit } from '../../../test/factories.js';
import type { Session } from '../../../test/http.js';
import { pdfText } from '../../../test/pdf-text.js';
import { feedbackAlerts, surveyResponses } from '../../db/schema/index.js';
import { allStrings, feedbackFixture, nextIp, type FeedbackFixture } from './feedback.test-helpers.js';

let f: FeedbackFixture;
let other: Session;
let spA: { id: number; slug: string };
let spB: { id: number; slug: string };

const good = [4, 4, 3, 4, 4, 3, 4, 4, 3];
const low = [2, 2, 1, 2, 2, 2, 1, 2, 2];

beforeAll(async () => {
  f = await feedbackFixture();
  const inst2 = await makeInstansi(f.db.db);
  const u2 = await makeUnit(f.db.db, inst2.id, 'Dinas Lain', 'DINAS');
  const p2 = await makePosition(f.db.db, inst2.id, u2.id, 'Kepala', 'JPT', null, true);
  const person = await makePerson(f.db.db, inst2.id, { name: 'Admin Lain', positionId: p2.id, roles: [{ role: 'ADMIN_BKPSDM' }] });
  other = await f.t.signIn(person);
});
afterAll(async () => {
  await f?.close();
});

describe('holiday calendar', () => {
  it('fails with 401 when not signed in and 403 for a non-BKPSDM writer', async () => {
    expect((await f.t.as(null).get('/api/holidays')).statusCode).toBe(401);
    const res = await f.t.as(f.s.adminOpdB!).post('/api/holidays', { date: '2026-09-01', name: 'Libur daerah', kind: 'DAERAH' });
    expect(res.statusCode).toBe(403);
  });

  it('fails with 400 naming the field for a bad date', async () => {
    const res = await f.t.as(f.s.adminBkpsdm!).post('/api/holidays', { date: '1-9-2026', name: 'X', kind: 'DAERAH' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.date');
  });

  it('imports the 2026 national calendar once: 17 libur nasional and 8 cuti bersama', async () => {
    const first = await f.t.as(f.s.adminBkpsdm!).post('/api/holidays/national/2026', {});
    expect(first.statusCode).toBe(200);
    expect(first.json().added).toBe(25);
    const kinds = first.json().holidays.map((h: { kind: string }) => h.kind);
    expect(kinds.filter((k: string) => k === 'NASIONAL')).toHaveLength(17);
    expect(kinds.filter((k: string) => k === 'CUTI_BERSAMA')).toHaveLength(8);
    expect((await f.t.as(f.s.adminBkpsdm!).post('/api/holidays/national/2026', {})).json().added).toBe(0);
    expect((await f.t.as(f.s.adminBkpsdm!).post('/api/holidays/national/2031', {})).statusCode).toBe(404);
  });

  it('adds, changes and removes a local day off, refusing a second entry on one date', async () => {
    const created = await f.t.as(f.s.adminBkpsdm!).post('/api/holidays', { date: '2026-09-01', name: 'Hari jadi kota', kind: 'DAERAH' });
    expect(created.statusCode).toBe(201);
    const id = created.json().holiday.id;
    const clash = await f.t.as(f.s.adminBkpsdm!).post('/api/holidays', { date: '2026-09-01', name: 'Lagi', kind: 'DAERAH' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0]).toMatchObject({ path: 'body.date', code: 'DUPLICATE' });
    const changed = await f.t.as(f.s.adminBkpsdm!).patch(`/api/holidays/${id}`, { name: 'Hari Jadi Kota Lhokseumawe' });
    expect(changed.json().holiday.name).toBe('Hari Jadi Kota Lhokseumawe');
    expect((await f.t.as(other).patch(`/api/holidays/${id}`, { name: 'x' })).statusCode).toBe(404);
    const list = await f.t.as(f.s.staff1!).get('/api/holidays?year=2026');
    expect(list.json().holidays.map((h: { date: string }) => h.date)).toContain('2026-09-01');
    expect((await f.t.as(f.s.adminBkpsdm!).delete(`/api/holidays/${id}`)).statusCode).toBe(204);
    expect((await f.t.as(other).get('/api/holidays?year=2026')).json().holidays).toEqual([]);
  });
});

describe('service points (admin)', () => {
  it('fails with 401, then 403 for an admin OPD outside their subtree, then 400 for an unknown unit', async () => {
    expect((await f.t.as(null).post('/api/service-points', { unitId: f.org.units.seksi.id, name: 'KTP' })).statusCode).toBe(401);
    const outside = await f.t.as(f.s.adminOpdB!).post('/api/service-points', { unitId: f.org.units.seksi.id, name: 'Poli Umum' });
    expect(outside.statusCode).toBe(403);
    const unknown = await f.t.as(f.s.adminBkpsdm!).post('/api/service-points', { unitId: 999999, name: 'Poli Umum' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.unitId');
  });

  it('creates service points with a slug made from the name, refusing a taken slug', async () => {
    const a = await f.t.as(f.s.adminBkpsdm!).post('/api/service-points', { unitId: f.org.units.seksi.id, name: 'Poli Umum (Puskesmas)' });
    expect(a.statusCode).toBe(201);
    expect(a.json().servicePoint).toMatchObject({ slug: 'poli-umum-puskesmas', publicPath: '/survei/poli-umum-puskesmas', active: true });
    spA = a.json().servicePoint;
    const b = await f.t.as(f.s.adminOpdB!).post('/api/service-points', { unitId: f.org.units.dinasB.id, name: 'Bantuan Sosial', slug: 'bansos' });
    expect(b.statusCode).toBe(201);
    spB = b.json().servicePoint;
    const taken = await f.t.as(f.s.adminBkpsdm!).post('/api/service-points', { unitId: f.org.units.dinasB.id, name: 'X', slug: 'bansos' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].path).toBe('body.slug');
  });

  it('lists by scope: admin OPD their subtree, a head their units, a pegawai nothing, never another instansi', async () => {
    const slugs = async (who: Session) => (await f.t.as(who).get('/api/service-points')).json().servicePoints.map((s: { slug: string }) => s.slug);
    expect(await slugs(f.s.adminOpdB!)).toEqual(['bansos']);
    expect(await slugs(f.s.kabid!)).toEqual(['poli-umum-puskesmas']);
    expect(await slugs(f.s.staff1!)).toEqual([]);
    expect((await slugs(f.s.pimpinan!)).sort()).toEqual(['bansos', 'poli-umum-puskesmas']);
    expect(await slugs(other)).toEqual([]);
    expect((await f.t.as(other).get(`/api/service-points/${spA.id}`)).statusCode).toBe(404);
  });

  it('sets the public staff list only from the admin\'s own scope', async () => {
    const bad = await f.put(f.s.adminOpdB!, `/api/service-points/${spB.id}/staff`, { employeeIds: [f.org.people.staff1.employeeId] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.employeeIds.0');
    const ok = await f.put(f.s.adminOpdB!, `/api/service-points/${spB.id}/staff`, { employeeIds: [f.org.people.staffB.employeeId] });
    expect(ok.json().servicePoint.staffIds).toEqual([f.org.people.staffB.employeeId]);
  });

  it('renames and deactivates; a deactivated service has no public page', async () => {
    const res = await f.t.as(f.s.adminOpdB!).patch(`/api/service-points/${spB.id}`, { name: 'Bantuan Sosial Tunai', active: false });
    expect(res.json().servicePoint).toMatchObject({ name: 'Bantuan Sosial Tunai', active: false });
    expect((await f.pub('GET', '/api/public/service-points/bansos')).statusCode).toBe(404);
    await f.t.as(f.s.adminOpdB!).patch(`/api/service-points/${spB.id}`, { active: true });
    expect((await f.pub('GET', '/api/public/service-points/bansos')).statusCode).toBe(200);
  });

  it('prints a QR poster PDF with the service, unit, survey address and instruction', async () => {
    expect((await f.t.as(f.s.adminOpdB!).get(`/api/service-points/${spA.id}/poster.pdf`)).statusCode).toBe(404);
    const res = await f.t.as(f.s.adminBkpsdm!).get(`/api/service-points/${spA.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('SURVEI KEPUASAN MASYARAKAT');
    expect(text).toContain('Poli Umum (Puskesmas)');
    expect(text).toContain('Seksi Layanan Primer');
    expect(text).toContain('/survei/poli-umum-puskesmas');
    expect(text).toMatch(/Pindai kode QR/);
  });

  it('deletes an unused service point and refuses one with answers (409)', async () => {
    const tmp = await f.t.as(f.s.adminBkpsdm!).post('/api/service-points', { unitId: f.org.units.dinasB.id, name: 'Sementara' });
    expect((await f.t.as(f.s.adminBkpsdm!).delete(`/api/service-points/${tmp.json().servicePoint.id}`)).statusCode).toBe(204);
    await f.pub('POST', `/api/public/service-points/${spB.slug}/survey-responses`, { body: { answers: good } });
    const used = await f.t.as(f.s.adminBkpsdm!).delete(`/api/service-points/${spB.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.fields[0].code).toBe('SERVICE_POINT_IN_USE');
  });
});

describe('public survey page (no sign-in)', () => {
  it('fails with 404 for an unknown service', async () => {
    expect((await f.pub('GET', '/api/public/service-points/tidak-ada')).statusCode).toBe(404);
  });

  it('gives the 9 unsur with the regulation\'s answer wording and the staff names without NIP', async () => {
    const res = await f.pub('GET', `/api/public/service-points/${spA.slug}`);
    expect(res.statusCode).toBe(200);
    const sp = res.json().servicePoint;
    expect(sp.questions).toHaveLength(9);
    expect(sp.questions[0]).toMatchObject({ kode: 'U1', nama: 'Persyaratan' });
    expect(sp.questions[0].options.map((o: { label: string }) => o.label)).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
    expect(sp.questions[3].options[3]).toEqual({ nilai: 4, huruf: 'd', label: 'Gratis' });
    expect(sp.questions[6].pertanyaan).toMatch(/kesopanan dan keramahan/);
    // No staff chosen: everyone in the unit itself (Seksi Layanan Primer).
    expect(sp.staff.map((x: { name: string }) => x.name).sort()).toEqual(['Nurul Staf', 'Rizki Staf', 'Zulkifli Kasi']);
    expect(sp.staff[0]).toEqual({ id: expect.any(Number), name: expect.any(String), jabatan: expect.any(String) });
    const body = res.body;
    for (const p of Object.values(f.org.people)) expect(body).not.toContain(p.nip);
    expect(sp.opd.name).toBe('Dinas Kesehatan');
  });

  it('fails with 400 naming the answer for a wrong count or value', async () => {
    const few = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, { body: { answers: [4, 4, 4] } });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.fields[0].path).toBe('body.answers');
    const five = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, { body: { answers: [5, 4, 4, 4, 4, 4, 4, 4, 4] } });
    expect(five.statusCode).toBe(400);
    expect(five.json().error.fields[0].path).toBe('body.answers.0');
    const longComment = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, {
      body: { answers: good, comment: 'x'.repeat(1001) },
    });
    expect(longComment.statusCode).toBe(400);
    expect(longComment.json().error.fields[0]).toMatchObject({ path: 'body.comment', message: 'Maksimal 1000 karakter.' });
  });

  it('refuses a staff member who is not on the service\'s list', async () => {
    const res = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, {
      body: { answers: good, servedByEmployeeId: f.org.people.staffB.employeeId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.servedByEmployeeId', code: 'STAFF_NOT_LISTED' });
    expect(res.json().error.fields[0].message).toMatch(/daftar petugas/);
  });

  it('stores an answer with HTML removed from the comment and no address', async () => {
    const ip = nextIp();
    const res = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, {
      ip,
      body: { answers: good, comment: 'Bagus <script>alert("x")</script><b>sekali</b>', sex: 'P', ageGroup: '30_39' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ receivedOn: '2026-03-02' });
    const [row] = await f.db.db.select().from(surveyResponses).where(eq(surveyResponses.comment, 'Bagus sekali'));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(ip);
  });

  it('refuses the same answers from the same client on the same day (409), not from another client', async () => {
    const ip = nextIp();
    const body = { answers: [3, 3, 3, 3, 3, 3, 3, 3, 4], comment: 'Cukup' };
    const url = `/api/public/service-points/${spA.slug}/survey-responses`;
    expect((await f.pub('POST', url, { ip, body })).statusCode).toBe(201);
    const again = await f.pub('POST', url, { ip, body });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].code).toBe('SURVEY_DUPLICATE');
    expect((await f.pub('POST', url, { ip: nextIp(), body })).statusCode).toBe(201);
  });

  it('discards a submission whose honeypot is filled, answering as if it were stored', async () => {
    const before = await f.db.db.select({ id: surveyResponses.id }).from(surveyResponses);
    const res = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, {
      body: { answers: [1, 1, 1, 1, 1, 1, 1, 1, 2], website: 'http://spam.example' },
    });
    expect(res.statusCode).toBe(201);
    expect(await f.db.db.select({ id: surveyResponses.id }).from(surveyResponses)).toHaveLength(before.length);
  });

  it('limits submissions per address (429) without affecting other addresses', async () => {
    const ip = nextIp();
    const url = `/api/public/service-points/${spA.slug}/survey-responses`;
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      codes.push((await f.pub('POST', url, { ip, body: { answers: good, comment: `ke-${i}` } })).statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true);
    expect(codes[30]).toBe(429);
    expect((await f.pub('POST', url, { ip, body: { answers: good, comment: 'lagi' } })).json().error.code).toBe('RATE_LIMITED');
    expect((await f.pub('POST', url, { ip: nextIp(), body: { answers: good, comment: 'lain' } })).statusCode).toBe(201);
  });
});

describe('low survey scores reach the supervisor', () => {
  let alertId: number;

  it('raises an alert for the named staff member\'s supervisor', async () => {
    const res = await f.pub('POST', `/api/public/service-points/${spA.slug}/survey-responses`, {
      body: { answers: low, comment: 'Petugas judes', servedByEmployeeId: f.org.people.staff1.employeeId },
    });
    expect(res.statusCode).toBe(201);
    const alerts = await f.db.db.select().from(feedbackAlerts).where(eq(feedbackAlerts.kind, 'LOW_SURVEY'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subjectEmployeeId: f.org.people.staff1.employeeId, responsibleEmployeeId: f.org.people.kasi.employeeId });
    alertId = alerts[0]!.id;
  });

  it('lists it for the supervisor and those above, not for the named staff member or another unit', async () => {
    const ids = async (who: Session) => (await f.t.as(who).get('/api/feedback/alerts')).json().alerts.map((a: { id: number }) => a.id);
    expect(await ids(f.s.kasi!)).toEqual([alertId]);
    expect(await ids(f.s.kadis!)).toEqual([alertId]);
    expect(await ids(f.s.staff1!)).toEqual([]);
    expect(await ids(f.s.headB!)).toEqual([]);
    const dto = (await f.t.as(f.s.kasi!).get('/api/feedback/alerts')).json().alerts[0];
    expect(dto).toMatchObject({ kind: 'LOW_SURVEY', survey: { ikm: 44.44, comment: 'Petugas judes' }, followedUpAt: null });
    expect(dto.responsibleEmployee.name).toBe('Zulkifli Kasi');
  });

  it('lets the supervisor record the follow-up once; the named staff member cannot', async () => {
    expect((await f.t.as(f.s.staff1!).post(`/api/feedback/alerts/${alertId}/follow-up`, { note: 'x' })).statusCode).toBe(404);
    expect((await f.t.as(f.s.headB!).post(`/api/feedback/alerts/${alertId}/follow-up`, { note: 'x' })).statusCode).toBe(404);
    expect((await f.t.as(f.s.kasi!).post(`/api/feedback/alerts/${alertId}/follow-up`, { note: '' })).statusCode).toBe(400);
    const ok = await f.t.as(f.s.kasi!).post(`/api/feedback/alerts/${alertId}/follow-up`, { note: 'Sudah dibina, <i>minta maaf</i>' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().alert).toMatchObject({ followedUpAt: '2026-03-02T02:00:00.000Z', followUpNote: 'Sudah dibina, minta maaf' });
    expect((await f.t.as(f.s.kabid!).post(`/api/feedback/alerts/${alertId}/follow-up`, { note: 'lagi' })).statusCode).toBe(409);
    expect((await f.t.as(f.s.kasi!).get('/api/feedback/alerts')).json().alerts).toEqual([]);
    const all = (await f.t.as(f.s.kasi!).get('/api/feedback/alerts?pending=false')).json().alerts;
    expect(all).toHaveLength(1);
    expect(allStrings(all)).not.toContain('vitest-phone');
  });
});
