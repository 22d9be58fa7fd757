import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, skpDistributionOverrides } from '../../db/schema/index.js';
import { addRhk, approveSkp, createSkp, expectStatus, movableClock } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const clock = movableClock('2026-05-15T03:00:00Z');
const s: Record<string, Session> = {};
const people: Record<string, { nip: string; password: string }> = {};
const skpOf: Record<string, { id: number; rhkId: number }> = {};
let q1: number;
let q2: number;

const put = (who: Session, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...headers } });
const rating = (h: string, p: string, extra: object = {}) => ({
  hasilKerja: { rating: h, reason: 'Target laporan terpenuhi' },
  perilaku: { rating: p, reason: 'Sikap pelayanan baik' },
  ...extra,
});
const ev = (who: string, periodId = q2) => `/api/skp/${skpOf[who]!.id}/evaluations/${periodId}`;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: { PANTAU_LOGIN_RATE_PER_MINUTE: '1000' } });
  org = await makeOrg(db.db);
  const extra: Record<string, { nip: string; password: string }> = {};
  for (const name of ['staff3', 'staff4', 'staff5']) {
    extra[name] = await makePerson(db.db, org.instansiId, { name: `Pegawai ${name}`, positionId: org.positions.pStaff.id });
  }
  Object.assign(people, org.people, extra);
  for (const [k, p] of Object.entries(people)) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  skpOf.kasi = { id: kasi.id, rhkId: kasiRhk.id };
  for (const who of ['staff1', 'staff2', 'staff3', 'staff4', 'staff5']) {
    const skp = await createSkp(t, s[who]!);
    const rhk = await addRhk(t, s[who]!, skp.id, `Register ${who}`, kasiRhk.id);
    await approveSkp(t, s[who]!, s.kasi!, skp.id);
    skpOf[who] = { id: skp.id, rhkId: rhk.id };
  }
  const periods = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods;
  q1 = periods[0].id;
  q2 = periods[1].id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('self-assessment and rating', () => {
  it('shows a not-started evaluation with the right abilities to each side', async () => {
    const mine = (await t.as(s.staff1!).get(ev('staff1'))).json().evaluation;
    expect(mine).toMatchObject({ id: null, status: 'NOT_STARTED', penilai: { id: org.people.kasi.employeeId }, abilities: { selfAssess: true, rate: false } });
    const theirs = (await t.as(s.kasi!).get(ev('staff1'))).json().evaluation;
    expect(theirs.abilities).toMatchObject({ selfAssess: false, rate: true, finalise: false });
  });

  it('lets only the owner self-assess: 403 for the supervisor, 404 for a peer', async () => {
    expectStatus(await put(s.kasi!, `${ev('staff1')}/self-assessment`, { selfAssessment: 'x' }), 403);
    expectStatus(await put(s.staff2!, `${ev('staff1')}/self-assessment`, { selfAssessment: 'x' }), 404);
    const res = await put(s.staff1!, `${ev('staff1')}/self-assessment`, { selfAssessment: 'Semua register selesai tepat waktu.' });
    expectStatus(res, 200);
    expect(res.json().evaluation).toMatchObject({ status: 'IN_PROGRESS', selfAssessment: 'Semua register selesai tepat waktu.' });
  });

  it('lets only the pejabat penilai of the period rate: 403 for the owner and the kabid above, 404 for another dinas', async () => {
    expectStatus(await put(s.staff1!, `${ev('staff1')}/rating`, rating('DI_ATAS', 'SESUAI')), 403);
    expectStatus(await put(s.kabid!, `${ev('staff1')}/rating`, rating('DI_ATAS', 'SESUAI')), 403);
    expectStatus(await put(s.staffB!, `${ev('staff1')}/rating`, rating('DI_ATAS', 'SESUAI')), 404);
  });

  it('requires a reason for each rating and names the field', async () => {
    const res = await put(s.kasi!, `${ev('staff1')}/rating`, { hasilKerja: { rating: 'DI_ATAS', reason: '' }, perilaku: { rating: 'SESUAI', reason: 'ok' } });
    expectStatus(res, 400);
    expect(res.json().error.fields[0].path).toBe('body.hasilKerja.reason');
    const bad = await put(s.kasi!, `${ev('staff1')}/rating`, { ...rating('DI_ATAS', 'SESUAI'), hasilKerja: { rating: 'LUAR_BIASA', reason: 'x' } });
    expect(bad.json().error.fields[0].path).toBe('body.hasilKerja.rating');
  });

  it('refuses per-RHK ratings of an RHK outside the evaluated SKP', async () => {
    const res = await put(s.kasi!, `${ev('staff1')}/rating`, rating('DI_ATAS', 'SESUAI', { results: [{ rhkId: skpOf.staff2!.rhkId, rating: 'DI_ATAS' }] }));
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.results.0.rhkId', code: 'RHK_NOT_IN_SKP' });
  });

  it('computes the predikat from the matrix and returns the distribution (no organisation predikat yet)', async () => {
    const res = await put(
      s.kasi!,
      `${ev('staff1')}/rating`,
      rating('DI_ATAS', 'SESUAI', { results: [{ rhkId: skpOf.staff1!.rhkId, rating: 'DI_ATAS' }], behaviours: [{ behaviour: 'KOLABORATIF', rating: 'DI_BAWAH' }, { behaviour: 'AKUNTABEL', rating: 'DI_ATAS' }] }),
    );
    expectStatus(res, 200);
    expect(res.json().evaluation).toMatchObject({ status: 'RATED', predikat: 'BAIK', predikatLabel: { id: 'Baik' }, suggestedHasilKerja: 'DI_ATAS', abilities: { rate: true, finalise: true } });
    expect(res.json().distribution).toMatchObject({ poolUnit: null, predikatOrganisasi: null, counts: { BAIK: 1 }, valid: true });
  });

  it('decides the penilai by the period\'s own date: a Plh at the end of Triwulan I rates Triwulan I', async () => {
    await db.db.insert(assignments).values({
      instansiId: org.instansiId, employeeId: org.people.kabid.employeeId, positionId: org.positions.pKasi.id, kind: 'PLH', validFrom: '2026-03-20', validTo: '2026-04-10',
    });
    expectStatus(await put(s.kasi!, `${ev('staff2', q1)}/rating`, rating('SESUAI', 'SESUAI')), 403);
    const res = await put(s.kabid!, `${ev('staff2', q1)}/rating`, rating('SESUAI', 'SESUAI'));
    expectStatus(res, 200);
    expect(res.json().evaluation.penilai.id).toBe(org.people.kabid.employeeId);
  });
});

describe('organisation predikat and the live distribution', () => {
  it('lets only the leader one level up set it: 403 for the kasi, 404 for a pegawai elsewhere', async () => {
    const body = { unitId: org.units.seksi.id, periodId: q2, predikat: 'BAIK' };
    expectStatus(await put(s.kasi!, '/api/skp/org-predikat', body), 403);
    expectStatus(await put(s.staffB!, '/api/skp/org-predikat', body), 404);
    const bad = await put(s.kabid!, '/api/skp/org-predikat', { ...body, predikat: 'HEBAT' });
    expect(bad.json().error.fields[0].path).toBe('body.predikat');
    const res = await put(s.kabid!, '/api/skp/org-predikat', { ...body, note: 'Capaian rencana aksi sesuai' });
    expectStatus(res, 200);
    expect(res.json().orgPredikat).toMatchObject({ predikat: 'BAIK', canSet: true, setBy: { id: org.people.kabid.employeeId } });
    const list = (await t.as(s.kabid!).get(`/api/skp/org-predikat?periodId=${q2}`)).json().items;
    expect(list.map((i: { unit: { id: number } }) => i.unit.id)).toEqual([org.units.seksi.id]);
  });

  it('makes a sub-unit with its own predikat a pool of its own', async () => {
    expectStatus(await put(s.kabid!, '/api/skp/org-predikat', { unitId: org.units.bidang.id, periodId: q2, predikat: 'ISTIMEWA' }), 403);
    expectStatus(await put(s.kadis!, '/api/skp/org-predikat', { unitId: org.units.bidang.id, periodId: q2, predikat: 'ISTIMEWA' }), 200);
    // Seksi's evaluations stay in the seksi pool: the bidang pool (its own staff only) is empty.
    const bidang = (await t.as(s.kadis!).get(`/api/skp/distribution?unitId=${org.units.bidang.id}&periodId=${q2}`)).json().distribution;
    expect(bidang).toMatchObject({ poolUnit: { id: org.units.bidang.id }, predikatOrganisasi: 'ISTIMEWA', rated: 0, valid: true });
    const seksi = (await t.as(s.kadis!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`)).json().distribution;
    expect(seksi).toMatchObject({ poolUnit: { id: org.units.seksi.id }, rated: 1, counts: { BAIK: 1 } });
  });

  it('checks SE MenPANRB 3/2023 live for the pool, in the caller\'s language', async () => {
    const res = await t.as(s.kasi!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`);
    expectStatus(res, 200);
    const d = res.json().distribution;
    // One rated employee: below the rule set's minimum pool (10) the pattern is guidance only.
    expect(d).toMatchObject({ poolUnit: { id: org.units.seksi.id }, predikatOrganisasi: 'BAIK', rated: 1, valid: true, advisory: true });
    expect(d.violations.map((v: { ruleId: string }) => v.ruleId).sort()).toEqual(['BAIK_BP_K_REQUIRED', 'BAIK_B_MAX']);
    const en = await t.as(s.kasi!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`, { 'accept-language': 'en' });
    expect(en.json().distribution.violations[0].message).toMatch(/rated/);
    expectStatus(await t.as(s.staff1!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`), 403);
  });

  it('lists the team with abilities and one distribution per pool', async () => {
    const res = await t.as(s.kasi!).get(`/api/skp/evaluations?periodId=${q2}`);
    expectStatus(res, 200);
    const { rows, distributions } = res.json();
    expect(rows).toHaveLength(5);
    const staff1 = rows.find((r: { employee: { id: number } }) => r.employee.id === org.people.staff1.employeeId);
    expect(staff1).toMatchObject({ status: 'RATED', predikat: 'BAIK', selfAssessed: true, abilities: { rate: true, finalise: true } });
    expect(distributions).toHaveLength(1);
    // One rated in the seksi pool: the team page is told the check is advisory and from how many it binds.
    expect(distributions[0]).toMatchObject({ poolUnit: { id: org.units.seksi.id }, rated: 1, advisory: true, valid: true, minPoolSize: 10 });
    expect(distributions[0].violations.length).toBeGreaterThan(0);
    expect((await t.as(s.kabid!).get(`/api/skp/evaluations?periodId=${q2}`)).json().rows.map((r: { employee: { id: number } }) => r.employee.id)).toEqual([org.people.kasi.employeeId]);
  });
});

/** Rated evaluations (period q2) of people outside the kasi's team, in the seksi pool. */
async function ratedInSeksiPool(n: number, predikat: string) {
  for (let i = 0; i < n; i++) {
    const p = await makePerson(db.db, org.instansiId, { name: `Pegawai Kelompok ${i}` });
    const [skp] = await db.query<{ id: number }>(
      `insert into skps (instansi_id, employee_id, year, period_start, period_end, position_id, unit_id, form, status, approved_at)
       values ($1, $2, 2026, '2026-01-01', '2026-12-31', $3, $4, 'NON_JPT', 'APPROVED', now()) returning id`,
      [org.instansiId, p.employeeId, org.positions.pStaff.id, org.units.seksi.id],
    );
    await db.query('update skps set series_id = id where id = $1', [skp!.id]);
    await db.query(
      `insert into skp_evaluations (instansi_id, series_id, skp_id, employee_id, period_id, unit_id, status, predikat, rated_at)
       values ($1, $2, $2, $3, $4, $5, 'RATED', $6, now())`,
      [org.instansiId, skp!.id, p.employeeId, q2, org.units.seksi.id, predikat],
    );
  }
}

describe('finalisation, lock, acknowledgement', () => {
  it('keeps a pool of fewer than 10 rated advisory: breaches listed, valid', async () => {
    const d = (await t.as(s.kasi!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`)).json().distribution;
    expect(d).toMatchObject({ rated: 1, advisory: true, valid: true });
    await ratedInSeksiPool(8, 'SANGAT_BAIK');
    const nine = (await t.as(s.kasi!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`)).json().distribution;
    expect(nine).toMatchObject({ rated: 9, advisory: true, valid: true });
    expect(nine.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['BAIK_BP_K_REQUIRED']);
  });

  it('needs a justification when the distribution of a pool of 10 or more is broken, then locks', async () => {
    await ratedInSeksiPool(1, 'SANGAT_BAIK');
    const ten = (await t.as(s.kasi!).get(`/api/skp/distribution?unitId=${org.units.seksi.id}&periodId=${q2}`)).json().distribution;
    expect(ten).toMatchObject({ rated: 10, advisory: false, valid: false });
    const team = (await t.as(s.kasi!).get(`/api/skp/evaluations?periodId=${q2}`)).json();
    expect(team.distributions).toHaveLength(1);
    expect(team.distributions[0]).toMatchObject({ poolUnit: { id: org.units.seksi.id }, rated: 10, advisory: false, valid: false, minPoolSize: 10 });
    const res = await t.as(s.kasi!).post(`${ev('staff1')}/finalisation`, {});
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.distributionJustification', code: 'DISTRIBUTION_JUSTIFICATION_REQUIRED' });
    expect(res.json().error.fields[0].message).toContain('Harus ada paling sedikit 1 pegawai');
    expectStatus(await t.as(s.staff1!).post(`${ev('staff1')}/finalisation`, { distributionJustification: 'x' }), 403);
    const ok = await t.as(s.kasi!).post(`${ev('staff1')}/finalisation`, { distributionJustification: 'Penilaian triwulan pertama; tim baru dibentuk' });
    expectStatus(ok, 200);
    expect(ok.json().evaluation).toMatchObject({ status: 'FINAL', locked: true, objectionDeadline: '2026-05-29', atasanPenilai: { id: org.people.kabid.employeeId } });
    expect(ok.json().distribution.override.justification).toContain('tim baru');
    expect(await db.db.select().from(skpDistributionOverrides).where(eq(skpDistributionOverrides.unitId, org.units.seksi.id))).toHaveLength(1);
  });

  it('lets nobody edit a locked evaluation (409)', async () => {
    const rate = await put(s.kasi!, `${ev('staff1')}/rating`, rating('SESUAI', 'SESUAI'));
    expectStatus(rate, 409);
    expect(rate.json().error.fields[0].code).toBe('EVALUATION_LOCKED');
    expectStatus(await put(s.staff1!, `${ev('staff1')}/self-assessment`, { selfAssessment: 'ubah' }), 409);
    const indicatorId = (await t.as(s.staff1!).get(`/api/skp/${skpOf.staff1!.id}/periods/${q2}/realisations`)).json().rhk[0].indicators[0].id;
    expectStatus(await put(s.staff1!, `/api/skp/${skpOf.staff1!.id}/periods/${q2}/realisations/${indicatorId}`, { value: 3 }), 409);
    expectStatus(await t.as(s.kasi!).post(`${ev('staff1')}/finalisation`, {}), 409);
  });

  it('lets the owner acknowledge once', async () => {
    expectStatus(await t.as(s.kasi!).post(`${ev('staff1')}/acknowledgement`), 403);
    const res = await t.as(s.staff1!).post(`${ev('staff1')}/acknowledgement`);
    expectStatus(res, 200);
    expect(res.json().evaluation.acknowledgedAt).not.toBeNull();
    expectStatus(await t.as(s.staff1!).post(`${ev('staff1')}/acknowledgement`), 409);
  });

  it('finalises several evaluations at once for their pejabat penilai only', async () => {
    const ids: number[] = [];
    for (const [who, h] of [['staff3', 'DI_BAWAH'], ['staff4', 'SESUAI'], ['staff5', 'SESUAI']] as const) {
      ids.push((await put(s.kasi!, `${ev(who)}/rating`, rating(h, 'SESUAI'))).json().evaluation.id);
    }
    expectStatus(await t.as(s.kabid!).post('/api/skp/evaluations/finalisation', { evaluationIds: ids }), 403);
    const res = await t.as(s.kasi!).post('/api/skp/evaluations/finalisation', { evaluationIds: ids, distributionJustification: 'Baik 3 dari 4 melebihi 70%' });
    expectStatus(res, 200);
    expect(res.json().finalised.sort()).toEqual([...ids].sort());
    expect(res.json().distributions[0].counts).toMatchObject({ BAIK: 3, BUTUH_PERBAIKAN: 1 });
  });
});

describe('keberatan (objection)', () => {
  it('goes from the owner to the atasan pejabat penilai, who alone decides', async () => {
    expectStatus(await t.as(s.kasi!).post(`${ev('staff1')}/objection`, { reason: 'x' }), 403);
    const filed = await t.as(s.staff1!).post(`${ev('staff1')}/objection`, { reason: 'Perilaku kolaboratif saya sudah dibuktikan dengan kegiatan lintas seksi.' });
    expectStatus(filed, 201);
    const o = filed.json().objection;
    expect(o).toMatchObject({ status: 'PENDING', decider: { id: org.people.kabid.employeeId }, decisionDue: '2026-05-29', previousPredikat: 'BAIK' });
    expectStatus(await t.as(s.staff1!).post(`${ev('staff1')}/objection`, { reason: 'lagi' }), 409);
    expect((await t.as(s.kabid!).get('/api/skp/objections')).json().objections.map((x: { id: number }) => x.id)).toEqual([o.id]);
    expect((await t.as(s.kasi!).get('/api/skp/objections')).json().objections).toEqual([]);
    expectStatus(await t.as(s.kasi!).post(`/api/skp/objections/${o.id}/decision`, { outcome: 'REJECTED', note: 'x' }), 403);
    expectStatus(await t.as(s.staffB!).post(`/api/skp/objections/${o.id}/decision`, { outcome: 'REJECTED', note: 'x' }), 404);
    const noRating = await t.as(s.kabid!).post(`/api/skp/objections/${o.id}/decision`, { outcome: 'ACCEPTED', note: 'Diterima' });
    expectStatus(noRating, 400);
    expect(noRating.json().error.fields[0].code).toBe('OBJECTION_NEEDS_RATING');
    const res = await t.as(s.kabid!).post(`/api/skp/objections/${o.id}/decision`, { outcome: 'ACCEPTED', note: 'Bukti kegiatan lintas seksi cukup', perilaku: 'DI_ATAS' });
    expectStatus(res, 200);
    expect(res.json().objection).toMatchObject({ status: 'ACCEPTED', newPredikat: 'SANGAT_BAIK', canDecide: false });
    const after = (await t.as(s.staff1!).get(ev('staff1'))).json().evaluation;
    expect(after).toMatchObject({ predikat: 'SANGAT_BAIK', locked: true, objection: { status: 'ACCEPTED' }, abilities: { object: false } });
    expectStatus(await t.as(s.kabid!).post(`/api/skp/objections/${o.id}/decision`, { outcome: 'REJECTED', note: 'x' }), 409);
  });

  it('closes the objection window after the configured days', async () => {
    clock.set('2026-06-20T03:00:00Z');
    const late = await t.signIn(people.staff3!);
    const res = await t.as(late).post(`${ev('staff3')}/objection`, { reason: 'Terlambat' });
    expectStatus(res, 409);
    expect(res.json().error.fields[0].code).toBe('OBJECTION_WINDOW_CLOSED');
    clock.set('2026-05-15T03:00:00Z');
    // Sessions expired while the clock was ahead.
    for (const [k, p] of Object.entries(people)) s[k] = await t.signIn(p);
  });
});

describe('realisation, evidence, feedback, dialog kinerja', () => {
  let indicatorId: number;
  it('lets the owner record realisation with evidence; the supervisor reads it', async () => {
    const sheet = (await t.as(s.staff2!).get(`/api/skp/${skpOf.staff2!.id}/periods/${q2}/realisations`)).json();
    expect(sheet.canRecord).toBe(true);
    indicatorId = sheet.rhk[0].indicators[0].id;
    const url = `/api/skp/${skpOf.staff2!.id}/periods/${q2}/realisations/${indicatorId}`;
    expectStatus(await put(s.kasi!, url, { value: 5 }), 403);
    const res = await put(s.staff2!, url, { value: 5, text: 'Lima register selesai' });
    expectStatus(res, 200);
    const real = res.json().rhk[0].indicators[0].realisation;
    expect(real).toMatchObject({ value: 5, text: 'Lima register selesai', evidence: [] });
    const noEvidence = await t.as(s.staff2!).post(`/api/skp/realisations/${real.id}/evidence`, { fileName: 'foto.jpg' });
    expect(noEvidence.json().error.fields[0].code).toBe('EVIDENCE_EMPTY');
    const evidence = await t.as(s.staff2!).post(`/api/skp/realisations/${real.id}/evidence`, { fileName: 'register.pdf', mimeType: 'application/pdf', sizeBytes: 1200, sha256: 'a'.repeat(64) });
    expectStatus(evidence, 201);
    expectStatus(await t.as(s.kasi!).post(`/api/skp/realisations/${real.id}/evidence`, { fileName: 'x', url: 'https://contoh.go.id/x' }), 403);
    const seen = (await t.as(s.kasi!).get(`/api/skp/${skpOf.staff2!.id}/periods/${q2}/realisations`)).json();
    expect(seen.canRecord).toBe(false);
    expect(seen.rhk[0].indicators[0].realisation.evidence[0].fileName).toBe('register.pdf');
    expectStatus(await t.app.inject({ method: 'DELETE', url: `/api/skp/evidence/${evidence.json().evidence.id}`, headers: { cookie: s.staff2!.cookie, 'x-csrf-token': s.staff2!.csrf } }), 204);
    expectStatus(await put(s.staffB!, url, { value: 1 }), 404);
  });

  it('keeps feedback threads per RHK and per behaviour, from the supervisor and the owner', async () => {
    const base = `/api/skp/${skpOf.staff2!.id}/feedback`;
    const none = await t.as(s.kasi!).post(base, { body: 'Tanpa sasaran' });
    expect(none.json().error.fields[0].code).toBe('FEEDBACK_TARGET');
    const root = await t.as(s.kasi!).post(base, { periodId: q2, rhkId: skpOf.staff2!.rhkId, body: 'Register bagus, tambahkan rekap mingguan.' });
    expectStatus(root, 201);
    const reply = await t.as(s.staff2!).post(base, { parentId: root.json().feedback.id, body: 'Siap, mulai minggu depan.' });
    expectStatus(reply, 201);
    expect(reply.json().feedback).toMatchObject({ rhkId: skpOf.staff2!.rhkId, authorIsOwner: true, periodId: q2 });
    expectStatus(await t.as(s.kasi!).post(base, { periodId: q2, behaviour: 'KOLABORATIF', body: 'Libatkan rekan seksi lain.' }), 201);
    expectStatus(await t.as(s.staffB!).post(base, { behaviour: 'LOYAL', body: 'x' }), 404);
    expectStatus(await t.as(s.staff1!).post(base, { behaviour: 'LOYAL', body: 'x' }), 404);
    const threads = (await t.as(s.staff2!).get(`${base}?periodId=${q2}`)).json().threads;
    expect(threads).toHaveLength(2);
    expect(threads[0].replies[0].body).toBe('Siap, mulai minggu depan.');
  });

  it('records a dialog kinerja note', async () => {
    const res = await t.as(s.kasi!).post(`/api/skp/${skpOf.staff2!.id}/dialogs`, { periodId: q2, heldOn: '2026-05-14', notes: 'Membahas target register', agreements: 'Rekap mingguan' });
    expectStatus(res, 201);
    const bad = await t.as(s.kasi!).post(`/api/skp/${skpOf.staff2!.id}/dialogs`, { heldOn: '14-05-2026', notes: 'x' });
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'body.heldOn', code: 'DATE_FORMAT' });
    expect((await t.as(s.staff2!).get(`/api/skp/${skpOf.staff2!.id}/dialogs`)).json().dialogs[0].agreements).toBe('Rekap mingguan');
  });
});

describe('strengths and weaknesses', () => {
  it('summarises an employee\'s period in plain Bahasa Indonesia for them and their supervisor only', async () => {
    const url = `/api/skp/employees/${org.people.staff1.employeeId}/periods/${q2}/strengths`;
    const res = await t.as(s.staff1!).get(url);
    expectStatus(res, 200);
    const st = res.json().strengths;
    expect(st).toMatchObject({ predikat: 'SANGAT_BAIK', resultsAbove: ['Register staff1'], behavioursBelow: ['KOLABORATIF'], behavioursAbove: ['AKUNTABEL'] });
    expect(st.summary.id).toContain('Predikat kinerja periode ini: Sangat Baik.');
    expect(st.developmentAreas).toEqual(['Kolaboratif']);
    expectStatus(await t.as(s.kasi!).get(url), 200);
    expectStatus(await t.as(s.staff2!).get(url), 404);
  });
});

describe('settings and periods', () => {
  it('lets only the BKPSDM admin change settings and regenerate unused periods', async () => {
    expectStatus(await put(s.kasi!, '/api/skp/settings', { periodLength: 'SEMESTER' }), 403);
    const bad = await put(s.adminBkpsdm!, '/api/skp/settings', { objectionDays: 0 });
    expect(bad.json().error.fields[0].path).toBe('body.objectionDays');
    const res = await put(s.adminBkpsdm!, '/api/skp/settings', { periodLength: 'SEMESTER', objectionDays: 21 });
    expect(res.json().settings).toMatchObject({ periodLength: 'SEMESTER', objectionDays: 21, canEdit: true });
    const y2027 = await t.as(s.adminBkpsdm!).post('/api/skp/periods', { year: 2027 });
    expect(y2027.json().periods.map((p: { label: { id: string } }) => p.label.id)).toEqual(['Semester I 2027', 'Semester II 2027', 'Tahunan (Akhir) 2027']);
    const used = await t.as(s.adminBkpsdm!).post('/api/skp/periods', { year: 2026 });
    expectStatus(used, 409);
    expect(used.json().error.fields[0].code).toBe('PERIODS_IN_USE');
  });
});
