import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, makeInstansi, makeUnit, makePosition, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments } from '../../db/schema/index.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let other: { employeeId: number; nip: string; password: string };
const s: Record<string, Session> = {};

const ids = (res: { json(): { employees: Array<{ id: number }> } }) => res.json().employees.map((e) => e.id);

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db);
  org = await makeOrg(db.db);
  // A second instansi: nothing may cross over.
  const inst2 = await makeInstansi(db.db);
  const u2 = await makeUnit(db.db, inst2.id, 'Dinas Kesehatan', 'DINAS');
  const p2 = await makePosition(db.db, inst2.id, u2.id, 'Kepala Dinas', 'JPT', null, true);
  other = await makePerson(db.db, inst2.id, { name: 'Orang Lain', positionId: p2.id, roles: [{ role: 'ADMIN_BKPSDM' }] });
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  s.other = await t.signIn(other);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('GET /api/employees', () => {
  it('fails with 401 when not signed in', async () => {
    expect((await t.as(null).get('/api/employees')).statusCode).toBe(401);
  });

  it('fails with 400 naming the field for a bad page size', async () => {
    const res = await t.as(s.kasi!).get('/api/employees?pageSize=5000');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('querystring.pageSize');
  });

  it('shows a pegawai only themself', async () => {
    expect(ids(await t.as(s.staff1!).get('/api/employees'))).toEqual([org.people.staff1.employeeId]);
  });

  it('shows an atasan the whole chain below them, not their peers or superiors', async () => {
    const res = ids(await t.as(s.kabid!).get('/api/employees?pageSize=100'));
    expect(res.sort()).toEqual(
      [org.people.kabid, org.people.kasi, org.people.staff1, org.people.staff2].map((p) => p.employeeId).sort(),
    );
  });

  it('shows an admin OPD their unit subtree only', async () => {
    const res = ids(await t.as(s.adminOpdB!).get('/api/employees?pageSize=100'));
    expect(res.sort()).toEqual([org.people.headB, org.people.staffB, org.people.adminOpdB].map((p) => p.employeeId).sort());
  });

  it('shows BKPSDM, inspektorat and pimpinan the whole instansi and never another instansi', async () => {
    for (const who of ['adminBkpsdm', 'inspektorat', 'pimpinan']) {
      const res = await t.as(s[who]!).get('/api/employees?pageSize=200');
      expect(res.json().meta.total).toBe(Object.keys(org.people).length);
      expect(ids(res)).not.toContain(other.employeeId);
    }
    expect(ids(await t.as(s.other!).get('/api/employees'))).toEqual([other.employeeId]);
  });

  it('searches by name and by NIP, filters by unit subtree and pages', async () => {
    const byName = await t.as(s.adminBkpsdm!).get(`/api/employees?q=${encodeURIComponent('nurul')}`);
    expect(ids(byName)).toEqual([org.people.staff1.employeeId]);
    const byNip = await t.as(s.adminBkpsdm!).get(`/api/employees?q=${org.people.kasi.nip}`);
    expect(ids(byNip)).toEqual([org.people.kasi.employeeId]);
    const byUnit = await t.as(s.adminBkpsdm!).get(`/api/employees?unitId=${org.units.bidang.id}&pageSize=100`);
    expect(byUnit.json().meta.total).toBe(4);
    const page2 = await t.as(s.adminBkpsdm!).get(`/api/employees?unitId=${org.units.bidang.id}&pageSize=3&page=2`);
    expect(page2.json().employees).toHaveLength(1);
  });

  it('includes the supervisor computed from the chain', async () => {
    const res = await t.as(s.kasi!).get(`/api/employees?q=${org.people.staff1.nip}`);
    expect(res.json().employees[0]).toMatchObject({ supervisorId: org.people.kasi.employeeId, supervisorName: 'Zulkifli Kasi' });
  });
});

describe('GET /api/employees/:id', () => {
  it('fails with 404 (not 403) for an employee outside the caller\'s scope', async () => {
    const res = await t.as(s.staff1!).get(`/api/employees/${org.people.staff2.employeeId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('fails with 404 across instansi, even for an admin', async () => {
    expect((await t.as(s.other!).get(`/api/employees/${org.people.staff1.employeeId}`)).statusCode).toBe(404);
  });

  it('fails with 400 for a non-numeric id', async () => {
    expect((await t.as(s.kasi!).get('/api/employees/abc')).statusCode).toBe(400);
  });

  it('returns the employee with assignment history to their atasan', async () => {
    const res = await t.as(s.kadis!).get(`/api/employees/${org.people.staff1.employeeId}`);
    expect(res.statusCode).toBe(200);
    const e = res.json().employee;
    expect(e.nip).toBe(org.people.staff1.nip);
    expect(e.pangkat).toBe('Penata Muda');
    expect(e.assignments).toHaveLength(1);
    expect(e.assignments[0]).toMatchObject({ kind: 'DEFINITIF', unitName: 'Seksi Layanan Primer' });
  });
});

describe('effective-dated supervisors (Plt, Plh, transfers)', () => {
  it('answers who the supervisor was on a date, with Plh over Plt over definitive', async () => {
    const { kasi, kabid, staff1, kadis } = org.people;
    // Kasi is on leave 2026-03-01..2026-03-14 with Kabid as Plh.
    await db.db.insert(assignments).values({
      instansiId: org.instansiId, employeeId: kabid.employeeId, positionId: org.positions.pKasi.id,
      kind: 'PLH', validFrom: '2026-03-01', validTo: '2026-03-14',
    });
    const on = async (date: string) =>
      (await t.as(s.adminBkpsdm!).get(`/api/employees/${staff1.employeeId}/supervisor?date=${date}`)).json();
    expect((await on('2026-02-28')).supervisor.id).toBe(kasi.employeeId);
    const during = await on('2026-03-05');
    expect(during.supervisor.id).toBe(kabid.employeeId);
    expect(during.kind).toBe('PLH');
    expect((await on('2026-03-15')).supervisor.id).toBe(kasi.employeeId);
    // The kabid's own supervisor is the kadis.
    const kabidSup = await t.as(s.adminBkpsdm!).get(`/api/employees/${kabid.employeeId}/supervisor?date=2026-03-05`);
    expect(kabidSup.json().supervisor.id).toBe(kadis.employeeId);
  });

  it('skips a vacant post upwards and rejects a bad date', async () => {
    const bad = await t.as(s.adminBkpsdm!).get(`/api/employees/${org.people.staff1.employeeId}/supervisor?date=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.date');
    // Before anyone held the kasi post (assignments start 2020-01-01) nobody holds any post: null.
    const before = await t.as(s.adminBkpsdm!).get(`/api/employees/${org.people.staff1.employeeId}/supervisor?date=2019-06-01`);
    expect(before.json().supervisor).toBeNull();
  });

  it('fails with 403 when a pegawai records an assignment', async () => {
    const res = await t.as(s.kasi!).post(`/api/employees/${org.people.staff1.employeeId}/assignments`, {
      positionId: org.positions.pKabid.id, kind: 'PLT', validFrom: '2026-05-01',
    });
    expect(res.statusCode).toBe(403);
  });

  it('records a transfer: the old post is closed the day before, history kept, new atasan from then on', async () => {
    const who = org.people.staff2;
    const res = await t.as(s.adminBkpsdm!).post(`/api/employees/${who.employeeId}/assignments`, {
      positionId: org.positions.pStaffB.id, kind: 'DEFINITIF', validFrom: '2026-06-01', decreeNumber: 'SK 800/123/2026',
    });
    expect(res.statusCode).toBe(201);
    const detail = (await t.as(s.adminBkpsdm!).get(`/api/employees/${who.employeeId}`)).json().employee;
    expect(detail.assignments).toHaveLength(2);
    expect(detail.assignments.find((a: { validTo: string | null }) => a.validTo === '2026-05-31')).toBeTruthy();
    const sup = async (date: string) =>
      (await t.as(s.adminBkpsdm!).get(`/api/employees/${who.employeeId}/supervisor?date=${date}`)).json().supervisor.id;
    expect(await sup('2026-05-31')).toBe(org.people.kasi.employeeId);
    expect(await sup('2026-06-01')).toBe(org.people.headB.employeeId);
  });

  it('refuses an end date before the start date with a field error', async () => {
    const res = await t.as(s.adminBkpsdm!).post(`/api/employees/${org.people.staff1.employeeId}/assignments`, {
      positionId: org.positions.pKabid.id, kind: 'PLT', validFrom: '2026-05-01', validTo: '2026-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.validTo', code: 'DATE_RANGE' });
  });
});

describe('GET /api/units', () => {
  it('lists the units of the caller\'s instansi only, ordered as a tree', async () => {
    const res = await t.as(s.staff1!).get('/api/units');
    const names = res.json().units.map((u: { name: string }) => u.name);
    expect(names).toContain('Seksi Layanan Primer');
    expect(names.indexOf('Dinas Kesehatan')).toBeLessThan(names.indexOf('Bidang Pelayanan'));
    expect((await t.as(s.other!).get('/api/units')).json().units).toHaveLength(1);
  });

  it('fails with 403 when a pegawai adds a unit; BKPSDM may', async () => {
    expect((await t.as(s.staff1!).post('/api/units', { parentId: null, name: 'X', kind: 'DINAS' })).statusCode).toBe(403);
    const res = await t.as(s.adminBkpsdm!).post('/api/units', { parentId: org.units.dinasB.id, name: 'Bidang Rehabilitasi', kind: 'BIDANG' });
    expect(res.statusCode).toBe(201);
    expect(res.json().unit.opdId).toBe(org.units.dinasB.id);
  });
});
