import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { addRhk, approveSkp, createSkp, expectStatus, movableClock } from './skp.test-helpers.js';

/** PUT /api/skp/evaluations/ratings: the team page's "save all", all or none. */
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const clock = movableClock('2026-05-15T03:00:00Z');
const s: Record<string, Session> = {};
const skpOf: Record<string, number> = {};
let q2: number;

const put = (who: Session, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/skp/evaluations/ratings', payload: payload as object, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });
const rating = (skpId: number, h: string, p: string) => ({
  skpId,
  hasilKerja: { rating: h, reason: 'Target laporan terpenuhi' },
  perilaku: { rating: p, reason: 'Sikap pelayanan baik' },
});

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: { PANTAU_LOGIN_RATE_PER_MINUTE: '1000' } });
  org = await makeOrg(db.db);
  const staff3 = await makePerson(db.db, org.instansiId, { name: 'Pegawai Tiga', positionId: org.positions.pStaff.id });
  for (const [k, p] of Object.entries({ ...org.people, staff3 })) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  skpOf.kasi = kasi.id;
  for (const who of ['staff1', 'staff2', 'staff3']) {
    const skp = await createSkp(t, s[who]!);
    await addRhk(t, s[who]!, skp.id, `Register ${who}`, kasiRhk.id);
    await approveSkp(t, s[who]!, s.kasi!, skp.id);
    skpOf[who] = skp.id;
  }
  q2 = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods[1].id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('rating many SKPs at once', () => {
  it('refuses the whole list when one SKP is not mine to rate (403), and writes nothing', async () => {
    const res = await put(s.kasi!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'SESUAI', 'SESUAI'), rating(skpOf.kasi!, 'SESUAI', 'SESUAI')] });
    expectStatus(res, 403);
    expect((await t.as(s.kasi!).get(`/api/skp/${skpOf.staff1}/evaluations/${q2}`)).json().evaluation.status).toBe('NOT_STARTED');
    expectStatus(await put(s.kabid!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'SESUAI', 'SESUAI')] }), 403);
    expectStatus(await put(s.staff1!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'DI_ATAS', 'DI_ATAS')] }), 403);
    expectStatus(await put(s.staffB!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'SESUAI', 'SESUAI')] }), 404);
  });

  it('requires a reason for each rating and names the field; refuses a repeated SKP', async () => {
    const res = await put(s.kasi!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'SESUAI', 'SESUAI'), { ...rating(skpOf.staff2!, 'SESUAI', 'SESUAI'), perilaku: { rating: 'SESUAI', reason: ' ' } }] });
    expectStatus(res, 400);
    expect(res.json().error.fields[0].path).toBe('body.ratings.1.perilaku.reason');
    const twice = await put(s.kasi!, { periodId: q2, ratings: [rating(skpOf.staff1!, 'SESUAI', 'SESUAI'), rating(skpOf.staff1!, 'DI_ATAS', 'SESUAI')] });
    expectStatus(twice, 400);
    expect(twice.json().error.fields[0].code).toBe('RATING_DUPLICATE');
  });

  it('rates every SKP with the matrix predikat, audits each, and returns the live distribution', async () => {
    expectStatus(await t.as(s.staff2!).put(`/api/skp/${skpOf.staff2}/evaluations/${q2}/self-assessment`, { selfAssessment: 'Target tercapai' }), 200);
    const res = await put(s.kasi!, {
      periodId: q2,
      ratings: [rating(skpOf.staff1!, 'DI_ATAS', 'DI_ATAS'), rating(skpOf.staff2!, 'DI_BAWAH', 'SESUAI'), rating(skpOf.staff3!, 'SESUAI', 'SESUAI')],
    });
    expectStatus(res, 200);
    const body = res.json();
    expect(body.rated.map((r: { predikat: string }) => r.predikat)).toEqual(['SANGAT_BAIK', 'BUTUH_PERBAIKAN', 'BAIK']);
    expect(body.distributions[0]).toMatchObject({ rated: 3, counts: { SANGAT_BAIK: 1, BAIK: 1, BUTUH_PERBAIKAN: 1 } });
    const one = (await t.as(s.staff2!).get(`/api/skp/${skpOf.staff2}/evaluations/${q2}`)).json().evaluation;
    expect(one).toMatchObject({ status: 'RATED', predikat: 'BUTUH_PERBAIKAN', selfAssessment: 'Target tercapai', penilai: { id: org.people.kasi.employeeId }, atasanPenilai: { id: org.people.kabid.employeeId } });
    const audit = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'skp.evaluation.rate'`);
    expect(audit[0]?.n).toBe(3);
    // Rating again replaces the ratings (the reason too) and keeps one evaluation per SKP.
    const again = await put(s.kasi!, { periodId: q2, ratings: [rating(skpOf.staff3!, 'DI_ATAS', 'SESUAI')] });
    expectStatus(again, 200);
    expect(again.json().rated[0]).toMatchObject({ evaluationId: body.rated[2].evaluationId, predikat: 'BAIK' });
  });

  it('refuses to rate again once an evaluation is final (409)', async () => {
    expectStatus(await t.as(s.kabid!).put('/api/skp/org-predikat', { unitId: org.units.seksi.id, periodId: q2, predikat: 'BAIK' }), 200);
    const id = (await t.as(s.kasi!).get(`/api/skp/${skpOf.staff1}/evaluations/${q2}`)).json().evaluation.id;
    const fin = await t.as(s.kasi!).post('/api/skp/evaluations/finalisation', { evaluationIds: [id], distributionJustification: 'Tim kecil' });
    expectStatus(fin, 200);
    const res = await put(s.kasi!, { periodId: q2, ratings: [rating(skpOf.staff3!, 'SESUAI', 'SESUAI'), rating(skpOf.staff1!, 'SESUAI', 'SESUAI')] });
    expectStatus(res, 409);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.ratings.1.skpId', code: 'EVALUATION_LOCKED' });
  });
});
