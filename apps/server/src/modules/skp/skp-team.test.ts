import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makePerson, makePosition, type TestOrg } from '../../../test/factories.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, employees } from '../../db/schema/index.js';
import { orgRepository } from '../org/org.repository.js';
import { skpPeopleRepository } from './skp-people.repository.js';

/**
 * The team-rating page finds "my team" by walking down from the caller's posts and stopping at
 * the first post someone else holds (skpPeopleRepository.directReportCandidates), then confirms
 * with org.supervisorsOn. The walk must never miss anybody whose supervisor the caller is.
 */
let db: OpenDb;
let org: TestOrg;
const DAY = '2026-05-15';
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDb();
  org = await makeOrg(db.db);
  const iid = org.instansiId;
  const { pKabid } = org.positions;
  const seksi = org.units.seksi.id;
  // A vacant kasi post: its staff report to the kabid.
  const pKasiVacant = await makePosition(db.db, iid, seksi, 'Kepala Seksi Rujukan (kosong)', 'PENGAWAS', pKabid.id, true);
  const pStaffV = await makePosition(db.db, iid, seksi, 'Pengelola Rujukan', 'PELAKSANA', pKasiVacant.id);
  ids.underVacant = (await makePerson(db.db, iid, { name: 'Staf Di Bawah Kosong', positionId: pStaffV.id })).employeeId;
  // A kasi post held only by a Plt who sits (definitively) right under it: they report to the kabid.
  const pKasiPlt = await makePosition(db.db, iid, seksi, 'Kepala Seksi Gizi', 'PENGAWAS', pKabid.id, true);
  const pStaffP = await makePosition(db.db, iid, seksi, 'Nutrisionis', 'FUNGSIONAL', pKasiPlt.id);
  const pltSelf = await makePerson(db.db, iid, { name: 'Plt Atas Dirinya', positionId: pStaffP.id });
  ids.pltSelf = pltSelf.employeeId;
  await db.db.insert(assignments).values({ instansiId: iid, employeeId: pltSelf.employeeId, positionId: pKasiPlt.id, kind: 'PLT', validFrom: '2026-01-01' });
  const colleague = await makePerson(db.db, iid, { name: 'Rekan Di Bawah Plt', positionId: pStaffP.id });
  ids.underPlt = colleague.employeeId;
  // A Plh on the kasi post of Dinas B's staff: while it lasts the Plh, not the head, rates them.
  const pKasiB = await makePosition(db.db, iid, org.units.dinasB.id, 'Kepala Seksi Sosial', 'PENGAWAS', org.positions.pHeadB.id, true);
  const pStaffB2 = await makePosition(db.db, iid, org.units.dinasB.id, 'Pekerja Sosial', 'FUNGSIONAL', pKasiB.id);
  ids.underPlh = (await makePerson(db.db, iid, { name: 'Staf Di Bawah Plh', positionId: pStaffB2.id })).employeeId;
  await db.db.insert(assignments).values({ instansiId: iid, employeeId: org.people.staffB.employeeId, positionId: pKasiB.id, kind: 'PLH', validFrom: '2026-05-01', validTo: '2026-05-31' });
});
afterAll(async () => {
  await db?.close();
});

describe('directReportCandidates — my team for the team-rating page', () => {
  it('finds exactly those whose supervisor I am, for every holder in the organisation', async () => {
    const all = (await db.db.select({ id: employees.id }).from(employees)).map((e) => e.id);
    const sup = await orgRepository(db.db).supervisorsOn(all, DAY);
    const people = skpPeopleRepository(db.db);
    const holders = new Set([...sup.values()].map((s) => s.supervisorId));
    expect(holders.size).toBeGreaterThan(4);
    for (const holder of [...holders, ...all]) {
      const expected = all.filter((id) => sup.get(id)?.supervisorId === holder).sort((a, b) => a - b);
      const candidates = await people.directReportCandidates(holder, DAY);
      const confirmed = candidates.filter((id) => sup.get(id)?.supervisorId === holder).sort((a, b) => a - b);
      expect(confirmed, `holder ${holder}`).toEqual(expected);
    }
  });

  it('walks past a vacant post and past a Plt post held by the employee themselves', async () => {
    const kabidTeam = await skpPeopleRepository(db.db).directReportCandidates(org.people.kabid.employeeId, DAY);
    expect(kabidTeam).toEqual(expect.arrayContaining([org.people.kasi.employeeId, ids.underVacant, ids.pltSelf]));
    expect(kabidTeam).not.toContain(ids.underPlt); // the Plt of the Seksi Gizi rates them
    const sup = await orgRepository(db.db).supervisorsOn([ids.underPlt!, ids.pltSelf!, ids.underPlh!], DAY);
    expect(sup.get(ids.underPlt!)?.supervisorId).toBe(ids.pltSelf);
    expect(sup.get(ids.pltSelf!)?.supervisorId).toBe(org.people.kabid.employeeId);
    expect(sup.get(ids.underPlh!)?.supervisorId).toBe(org.people.staffB.employeeId);
  });

  it('does not read the leader\'s whole subtree: the kadis\' candidates stop at the kabid', async () => {
    const kadisTeam = await skpPeopleRepository(db.db).directReportCandidates(org.people.kadis.employeeId, DAY);
    expect(kadisTeam).toEqual([org.people.kabid.employeeId]);
  });
});
