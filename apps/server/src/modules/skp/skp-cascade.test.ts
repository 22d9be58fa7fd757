import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, makePosition, type TestOrg } from '../../../test/factories.js';
import { assignments } from '../../db/schema/index.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { MAY_15, addRhk, createSkp, expectStatus, indicator } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let kasiRhkId: number;
let kabidRhkId: number;
let staff3: { employeeId: number };

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock: MAY_15 });
  org = await makeOrg(db.db);
  const p3 = await makePerson(db.db, org.instansiId, { name: 'Siti Staf', positionId: org.positions.pStaff.id });
  staff3 = p3;
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  s.staff3 = await t.signIn(p3);
  const kabid = await createSkp(t, s.kabid!);
  kabidRhkId = (await addRhk(t, s.kabid!, kabid.id, 'Cakupan layanan kesehatan naik')).id;
  await addRhk(t, s.kabid!, kabid.id, 'Program gizi berjalan');
  const kasi = await createSkp(t, s.kasi!);
  kasiRhkId = (await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib', kabidRhkId)).id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('POST /api/skp/rhk/:rhkId/cascades', () => {
  it('fails with 401 anonymously and 400 without exactly one target', async () => {
    expectStatus(await t.as(null).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.seksi.id }), 401);
    const none = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, {});
    expectStatus(none, 400);
    expect(none.json().error.fields[0]).toMatchObject({ path: 'body', code: 'CASCADE_TARGET' });
    const two = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.seksi.id, positionId: org.positions.pStaff.id });
    expectStatus(two, 400);
  });

  it('fails with 403 when someone cascades an RHK that is not theirs but they can read', async () => {
    expectStatus(await t.as(s.kabid!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.seksi.id }), 403);
  });

  it('fails with 404 for an RHK outside the caller\'s scope and for employees outside their chain', async () => {
    expectStatus(await t.as(s.staffB!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.seksi.id }), 404);
    const res = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { employeeIds: [org.people.staff1.employeeId, org.people.staffB.employeeId] });
    expectStatus(res, 404);
  });

  it('fails with 400 when the unit has no subordinates of the caller', async () => {
    const res = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.dinasB.id });
    expectStatus(res, 400);
    expect(res.json().error.fields[0].code).toBe('CASCADE_EMPTY');
  });

  it('hands the RHK to every subordinate of a position at once, opening SKPs where needed', async () => {
    const res = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { positionId: org.positions.pStaff.id });
    expectStatus(res, 201);
    const { created, skipped } = res.json();
    expect(created.map((c: { employeeId: number }) => c.employeeId).sort()).toEqual(
      [org.people.staff1.employeeId, org.people.staff2.employeeId, staff3.employeeId].sort(),
    );
    expect(skipped).toEqual([]);
    const mine = created.find((c: { employeeId: number }) => c.employeeId === org.people.staff1.employeeId);
    const skp = (await t.as(s.staff1!).get(`/api/skp/${mine.skpId}`)).json().skp;
    expect(skp.status).toBe('DRAFT');
    expect(skp.rhk[0]).toMatchObject({ origin: 'CASCADE', text: 'Layanan primer tertib', parent: { id: kasiRhkId } });
    expect(skp.rhk[0].indicators[0]).toMatchObject({ text: 'Jumlah Layanan primer tertib', targetValue: 12 });
  });

  it('skips those already linked and lets each subordinate adjust their own target', async () => {
    const again = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { unitId: org.units.seksi.id, text: 'Versi lain', indicators: [indicator('Jumlah layanan', 'KUANTITAS', 6, 'Layanan')] });
    expectStatus(again, 201);
    expect(again.json().created).toEqual([]);
    expect(again.json().skipped.map((x: { reason: string }) => x.reason)).toEqual(['ALREADY_LINKED', 'ALREADY_LINKED', 'ALREADY_LINKED']);
    const mine = (await t.as(s.staff3!).get('/api/skp?year=2026')).json().skps[0];
    const skp = (await t.as(s.staff3!).get(`/api/skp/${mine.id}`)).json().skp;
    const rhk = skp.rhk[0];
    const res = await t.as(s.staff3!).patch(`/api/skp/rhk/${rhk.id}`, { indicators: [{ ...rhk.indicators[0], targetValue: 4 }] });
    expectStatus(res, 200);
    expect(res.json().skp.rhk[0].indicators[0].targetValue).toBe(4);
  });

  it('cascades two levels down by unit within the chain', async () => {
    const res = await t.as(s.kabid!).post(`/api/skp/rhk/${kabidRhkId}/cascades`, { employeeIds: [org.people.staff1.employeeId], kind: 'TAMBAHAN' });
    expectStatus(res, 201);
    expect(res.json().created).toHaveLength(1);
  });
});

describe('GET /api/skp/tree', () => {
  it('fails with 400 without a year', async () => {
    expectStatus(await t.as(s.adminBkpsdm!).get('/api/skp/tree'), 400);
  });

  it('shows the city → unit counts and flags unsupported leader RHK', async () => {
    const res = await t.as(s.adminBkpsdm!).get('/api/skp/tree?year=2026');
    expectStatus(res, 200);
    const tree = res.json();
    const bidang = tree.units.find((u: { id: number }) => u.id === org.units.bidang.id);
    // Kabid's "Program gizi berjalan" is supported by nobody; kabid's RHK have no RHK atasan.
    expect(bidang.counts).toMatchObject({ people: 1, withSkp: 1, rhk: 2, unsupported: 1, noParent: 2 });
    const seksi = tree.units.find((u: { id: number }) => u.id === org.units.seksi.id);
    expect(seksi.counts).toMatchObject({ people: 4, withSkp: 4, unsupported: 0 });
    expect(tree.city.people).toBeGreaterThanOrEqual(5);
  });

  it('drills into a unit: people, their RHK and gaps', async () => {
    const res = await t.as(s.kabid!).get(`/api/skp/tree?year=2026&unitId=${org.units.bidang.id}`);
    expectStatus(res, 200);
    const [kabid] = res.json().people;
    expect(kabid.employee.id).toBe(org.people.kabid.employeeId);
    const gizi = kabid.rhk.find((r: { text: string }) => r.text === 'Program gizi berjalan');
    expect(gizi.gaps).toEqual(['NO_PARENT', 'UNSUPPORTED']);
  });

  it('limits a pegawai to their own unit path and refuses other units with 404', async () => {
    const res = await t.as(s.staffB!).get('/api/skp/tree?year=2026');
    expect(res.json().city.people).toBe(1);
    expectStatus(await t.as(s.staffB!).get(`/api/skp/tree?year=2026&unitId=${org.units.seksi.id}`), 404);
  });
});

describe('GET /api/skp/:id/cascade-positions', () => {
  let kasiSkpId: number;
  let vacantId: number;

  beforeAll(async () => {
    kasiSkpId = (await t.as(s.kasi!).get('/api/skp?year=2026')).json().skps[0].id;
    // A slot below the kasi with nobody definitive, held by staff2 as Plt.
    const p = await makePosition(db.db, org.instansiId, org.units.seksi.id, 'Analis Layanan Kesehatan', 'PELAKSANA', org.positions.pKasi.id);
    vacantId = p.id;
    await db.db.insert(assignments).values({ instansiId: org.instansiId, employeeId: org.people.staff2.employeeId, positionId: p.id, kind: 'PLT', validFrom: '2026-01-01' });
  });

  it('fails with 401 anonymously, 403 for a reader who does not own the SKP, 404 outside scope', async () => {
    expectStatus(await t.as(null).get(`/api/skp/${kasiSkpId}/cascade-positions`), 401);
    expectStatus(await t.as(s.kabid!).get(`/api/skp/${kasiSkpId}/cascade-positions`), 403);
    expectStatus(await t.as(s.staffB!).get(`/api/skp/${kasiSkpId}/cascade-positions`), 404);
  });

  it('lists the slots below the leader with their holders, acting ones shown but not targeted', async () => {
    const res = await t.as(s.kasi!).get(`/api/skp/${kasiSkpId}/cascade-positions`);
    expectStatus(res, 200);
    const { date, positions } = res.json();
    expect(date).toBe('2026-05-15');
    expect(positions.map((p: { id: number }) => p.id).sort()).toEqual([org.positions.pStaff.id, vacantId].sort());
    const staff = positions.find((p: { id: number }) => p.id === org.positions.pStaff.id);
    expect(staff).toMatchObject({ depth: 1, unitName: org.units.seksi.name });
    expect(staff.holders.map((h: { employeeId: number }) => h.employeeId).sort()).toEqual(
      [org.people.staff1.employeeId, org.people.staff2.employeeId, staff3.employeeId].sort(),
    );
    const vacant = positions.find((p: { id: number }) => p.id === vacantId);
    expect(vacant.holders).toEqual([{ employeeId: org.people.staff2.employeeId, name: 'Rizki Staf', kind: 'PLT', receives: false }]);
  });

  it('lists two levels for the kabid and nothing outside the chain', async () => {
    const kabidSkpId = (await t.as(s.kabid!).get('/api/skp?year=2026')).json().skps[0].id;
    const { positions } = (await t.as(s.kabid!).get(`/api/skp/${kabidSkpId}/cascade-positions`)).json();
    expect(positions.map((p: { id: number; depth: number }) => [p.id, p.depth])).toEqual(
      expect.arrayContaining([[org.positions.pKasi.id, 1], [org.positions.pStaff.id, 2]]),
    );
    expect(positions.some((p: { id: number }) => p.id === org.positions.pStaffB.id || p.id === org.positions.pKabid.id)).toBe(false);
  });

  it('refuses a cascade to a position outside the chain with 404, and to a slot with only an acting holder with 400', async () => {
    expectStatus(await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { positionId: org.positions.pStaffB.id }), 404);
    expectStatus(await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { positionId: org.positions.pKabid.id }), 404);
    const acting = await t.as(s.kasi!).post(`/api/skp/rhk/${kasiRhkId}/cascades`, { positionId: vacantId });
    expectStatus(acting, 400);
    expect(acting.json().error.fields[0].code).toBe('CASCADE_EMPTY');
  });
});
