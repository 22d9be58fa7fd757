import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { MAY_15, addRhk, approveSkp, createSkp, expectStatus } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let kasiEv: string;
let staffEv: string;

const put = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });
const rating = (hasil: string) => ({ hasilKerja: { rating: hasil, reason: 'Capaian unit' }, perilaku: { rating: 'SESUAI', reason: 'Sikap baik' } });

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock: MAY_15 });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kabid = await createSkp(t, s.kabid!);
  const kabidRhk = await addRhk(t, s.kabid!, kabid.id, 'Pelayanan kesehatan merata');
  await approveSkp(t, s.kabid!, s.kadis!, kabid.id);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib', kabidRhk.id);
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  const staff = await createSkp(t, s.staff1!);
  await addRhk(t, s.staff1!, staff.id, 'Register pasien tertib', kasiRhk.id);
  await approveSkp(t, s.staff1!, s.kasi!, staff.id);
  const q2 = (await t.as(s.kasi!).get('/api/skp/periods?year=2026')).json().periods[1].id;
  kasiEv = `/api/skp/${kasi.id}/evaluations/${q2}`;
  staffEv = `/api/skp/${staff.id}/evaluations/${q2}`;
  expectStatus(await put(s.kabid!, '/api/skp/org-predikat', { unitId: org.units.seksi.id, periodId: q2, predikat: 'BAIK' }), 200);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('a unit head\'s rating hasil kerja follows the unit\'s organisation predikat (SE MenPANRB 3/2023)', () => {
  it('is on by default and suggested to the pejabat penilai', async () => {
    expect((await t.as(s.adminBkpsdm!).get('/api/skp/settings')).json().settings.unitHeadFollowsOrg).toBe(true);
    const ev = (await t.as(s.kabid!).get(kasiEv)).json().evaluation;
    expect(ev.suggestedHasilKerja).toBe('SESUAI');
  });

  it('refuses another rating for the Kepala Seksi, says why, and accepts the unit\'s one', async () => {
    const res = await put(s.kabid!, `${kasiEv}/rating`, rating('DI_ATAS'));
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.hasilKerja.rating', code: 'HASIL_KERJA_FOLLOWS_ORG' });
    expect(res.json().error.fields[0].message).toContain('Seksi Layanan Primer');
    expect(res.json().error.fields[0].message).toContain('Sesuai Ekspektasi');
    expectStatus(await put(s.kabid!, `${kasiEv}/rating`, rating('SESUAI')), 200);
  });

  it('answers 404 (not the rule) to someone who may not read the SKP, 403 to a reader who is not the penilai', async () => {
    expectStatus(await put(s.staffB!, `${kasiEv}/rating`, rating('DI_ATAS')), 404);
    expectStatus(await put(s.staff1!, `${kasiEv}/rating`, rating('DI_ATAS')), 404);
    expectStatus(await put(s.kadis!, `${kasiEv}/rating`, rating('DI_ATAS')), 403);
  });

  it('leaves the staff (not a unit head) to the pejabat penilai', async () => {
    expectStatus(await put(s.kasi!, `${staffEv}/rating`, rating('DI_ATAS')), 200);
  });

  it('applies to rating many SKPs at once too', async () => {
    const [, , , kasiSkpId, , q2] = kasiEv.split('/');
    const one = (hasil: string) => ({ periodId: Number(q2), ratings: [{ skpId: Number(kasiSkpId), ...rating(hasil) }] });
    const res = await put(s.kabid!, '/api/skp/evaluations/ratings', one('DI_ATAS'));
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.ratings.0.hasilKerja.rating', code: 'HASIL_KERJA_FOLLOWS_ORG' });
    expectStatus(await put(s.staffB!, '/api/skp/evaluations/ratings', one('DI_ATAS')), 404);
    expectStatus(await put(s.kabid!, '/api/skp/evaluations/ratings', one('SESUAI')), 200);
  });

  it('can be switched off in the settings', async () => {
    expectStatus(await put(s.kasi!, '/api/skp/settings', { unitHeadFollowsOrg: false }), 403);
    const off = await put(s.adminBkpsdm!, '/api/skp/settings', { unitHeadFollowsOrg: false });
    expect(off.json().settings.unitHeadFollowsOrg).toBe(false);
    expectStatus(await put(s.kabid!, `${kasiEv}/rating`, rating('DI_ATAS')), 200);
  });
});

describe('GET /api/skp/org-predikat for a unit head who sets nothing', () => {
  it('shows the Kepala Seksi their own unit read-only with the predikat the Kepala Bidang set; a pelaksana sees none', async () => {
    const q2 = Number(kasiEv.split('/').pop());
    const items = (await t.as(s.kasi!).get(`/api/skp/org-predikat?periodId=${q2}`)).json().items;
    expect(items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: org.units.seksi.id }), predikat: 'BAIK', canSet: false })]);
    expect((await t.as(s.staff1!).get(`/api/skp/org-predikat?periodId=${q2}`)).json().items).toEqual([]);
  });
});
