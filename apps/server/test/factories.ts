import { eq } from 'drizzle-orm';
import { makeNip } from '@pantau/domain';
import type { Db } from '../src/db/open-db.js';
import { assignments, employees, instansi, orgUnits, positions, roleGrants, users } from '../src/db/schema/index.js';
import type { RoleName } from '../src/db/schema/auth.js';
import { hashPassword } from '../src/modules/auth/passwords.js';

export const TEST_PASSWORD = 'rahasia-uji-123';
let passwordHash: Promise<string> | undefined;
let nipCounter = 0;

/** A valid, unique PNS NIP (birth date varies with a counter). */
export function nextNip(sex: 'L' | 'P' = 'L'): string {
  nipCounter++;
  const day = 1 + (nipCounter % 28);
  const month = 1 + (Math.floor(nipCounter / 28) % 12);
  const year = 1970 + (Math.floor(nipCounter / 336) % 25) + (process.pid % 5);
  const pad = (n: number) => String(n).padStart(2, '0');
  return makeNip({
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    tmt: `${year + 25}-03`,
    sex,
    sequence: 1 + (Math.floor(Math.random() * 900) + nipCounter) % 999,
    jenisAsn: 'PNS',
  });
}

export interface Person {
  employeeId: number;
  userId: number;
  nip: string;
  name: string;
  password: string;
}

export async function makeInstansi(db: Db, code = `kota-${Math.random().toString(36).slice(2, 8)}`) {
  const [i] = await db.insert(instansi).values({ code, name: `Pemerintah ${code}` }).returning();
  if (!i) throw new Error('no instansi');
  return i;
}

export async function makeUnit(
  db: Db,
  instansiId: number,
  name: string,
  kind: (typeof orgUnits.$inferInsert)['kind'],
  parent?: { id: number; path: string; opdId: number | null },
) {
  const [u] = await db.insert(orgUnits).values({ instansiId, name, kind, parentId: parent?.id ?? null, path: '/' }).returning();
  if (!u) throw new Error('no unit');
  const path = `${parent?.path ?? '/'}${u.id}/`;
  const opdId = parent ? (parent.opdId ?? parent.id) : u.id;
  await db.update(orgUnits).set({ path, opdId }).where(eq(orgUnits.id, u.id));
  return { ...u, path, opdId };
}

export async function makePosition(
  db: Db,
  instansiId: number,
  unitId: number,
  name: string,
  type: (typeof positions.$inferInsert)['type'],
  parentPositionId: number | null,
  isHead = false,
) {
  const [p] = await db.insert(positions).values({ instansiId, unitId, name, type, parentPositionId, isHead }).returning();
  if (!p) throw new Error('no position');
  return p;
}

/** An employee with a user account (password TEST_PASSWORD) and optionally a definitive post. */
export async function makePerson(
  db: Db,
  instansiId: number,
  opts: { name: string; positionId?: number; validFrom?: string; roles?: Array<{ role: RoleName; unitId?: number }>; jenisAsn?: 'PNS' | 'PPPK' },
): Promise<Person> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const nip = nextNip();
  const [e] = await db
    .insert(employees)
    .values({ instansiId, nip, name: opts.name, jenisAsn: opts.jenisAsn ?? 'PNS', golongan: 'III/a' })
    .returning();
  if (!e) throw new Error('no employee');
  const [u] = await db
    .insert(users)
    .values({ instansiId, employeeId: e.id, login: nip, displayName: opts.name, passwordHash: await passwordHash, mustChangePassword: false })
    .returning();
  if (!u) throw new Error('no user');
  if (opts.positionId) {
    await db.insert(assignments).values({ instansiId, employeeId: e.id, positionId: opts.positionId, kind: 'DEFINITIF', validFrom: opts.validFrom ?? '2020-01-01' });
  }
  for (const g of opts.roles ?? []) {
    await db.insert(roleGrants).values({ userId: u.id, role: g.role, instansiId, unitId: g.unitId ?? null });
  }
  return { employeeId: e.id, userId: u.id, nip, name: opts.name, password: TEST_PASSWORD };
}

/**
 * A small instansi of its own: Dinas A (kadis → kabid → kasi → two staff) and Dinas B (head →
 * staff), plus BKPSDM admin, admin OPD of Dinas B, inspektorat and pimpinan.
 */
export async function makeOrg(db: Db) {
  const inst = await makeInstansi(db);
  const iid = inst.id;
  const dinasA = await makeUnit(db, iid, 'Dinas Kesehatan', 'DINAS');
  const bidang = await makeUnit(db, iid, 'Bidang Pelayanan', 'BIDANG', dinasA);
  const seksi = await makeUnit(db, iid, 'Seksi Layanan Primer', 'SEKSI', bidang);
  const dinasB = await makeUnit(db, iid, 'Dinas Sosial', 'DINAS');
  const bkpsdm = await makeUnit(db, iid, 'BKPSDM', 'BADAN');

  const pKadis = await makePosition(db, iid, dinasA.id, 'Kepala Dinas Kesehatan', 'JPT', null, true);
  const pKabid = await makePosition(db, iid, bidang.id, 'Kepala Bidang Pelayanan', 'ADMINISTRATOR', pKadis.id, true);
  const pKasi = await makePosition(db, iid, seksi.id, 'Kepala Seksi Layanan Primer', 'PENGAWAS', pKabid.id, true);
  const pStaff = await makePosition(db, iid, seksi.id, 'Pengadministrasi Perkantoran', 'PELAKSANA', pKasi.id);
  const pHeadB = await makePosition(db, iid, dinasB.id, 'Kepala Dinas Sosial', 'JPT', null, true);
  const pStaffB = await makePosition(db, iid, dinasB.id, 'Penata Layanan Operasional', 'PELAKSANA', pHeadB.id);
  const pAnalis = await makePosition(db, iid, bkpsdm.id, 'Analis SDM Aparatur', 'FUNGSIONAL', null);

  const kadis = await makePerson(db, iid, { name: 'Teuku Kadis', positionId: pKadis.id });
  const kabid = await makePerson(db, iid, { name: 'Cut Kabid', positionId: pKabid.id });
  const kasi = await makePerson(db, iid, { name: 'Zulkifli Kasi', positionId: pKasi.id });
  const staff1 = await makePerson(db, iid, { name: 'Nurul Staf', positionId: pStaff.id });
  const staff2 = await makePerson(db, iid, { name: 'Rizki Staf', positionId: pStaff.id });
  const headB = await makePerson(db, iid, { name: 'Iskandar KadisB', positionId: pHeadB.id });
  const staffB = await makePerson(db, iid, { name: 'Mawaddah StafB', positionId: pStaffB.id });
  const adminBkpsdm = await makePerson(db, iid, { name: 'Admin Bkpsdm', positionId: pAnalis.id, roles: [{ role: 'ADMIN_BKPSDM' }] });
  const adminOpdB = await makePerson(db, iid, { name: 'Admin OpdB', positionId: pStaffB.id, roles: [{ role: 'ADMIN_OPD', unitId: dinasB.id }] });
  const inspektorat = await makePerson(db, iid, { name: 'Auditor Inspektorat', roles: [{ role: 'INSPEKTORAT' }] });
  const pimpinan = await makePerson(db, iid, { name: 'Sekda Pimpinan', roles: [{ role: 'PIMPINAN' }] });

  return {
    instansiId: iid,
    units: { dinasA, bidang, seksi, dinasB, bkpsdm },
    positions: { pKadis, pKabid, pKasi, pStaff, pHeadB, pStaffB, pAnalis },
    people: { kadis, kabid, kasi, staff1, staff2, headB, staffB, adminBkpsdm, adminOpdB, inspektorat, pimpinan },
  };
}

export type TestOrg = Awaited<ReturnType<typeof makeOrg>>;
