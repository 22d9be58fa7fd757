import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, makeUnit, type TestOrg } from '../../../test/factories.js';
import type { Session } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, employees, positions } from '../../db/schema/index.js';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { buildPeopleTestApp, type PeopleTestApp, person, roster, toCsvText, uploader } from './people.test-helpers.js';

// Import cases beyond the permission table in people.routes.test.ts: unit names, post types,
// same-day corrections, returning employees, and a roster the size of a kota.

const TODAY = '2026-11-27';
const YESTERDAY = '2026-11-26';
const clock = { now: () => new Date('2026-11-27T03:00:00Z') };

let db: OpenDb;
let t: PeopleTestApp;
let upload: ReturnType<typeof uploader>;

beforeAll(async () => {
  db = await freshDb();
  t = await buildPeopleTestApp(db, { clock, env: { PANTAU_LOGIN_RATE_PER_MINUTE: '1000' } });
  upload = uploader(t);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

async function setup() {
  const org = await makeOrg(db.db);
  const bkpsdm = await t.signIn(org.people.adminBkpsdm);
  return { org, bkpsdm };
}

describe('POST /api/imports/employees — units, posts and dates', () => {
  let org: TestOrg;
  let bkpsdm: Session;
  beforeAll(async () => {
    ({ org, bkpsdm } = await setup());
    await makeUnit(db.db, org.instansiId, 'Sekretariat', 'SEKRETARIAT', org.units.dinasA);
    await makeUnit(db.db, org.instansiId, 'Sekretariat', 'SEKRETARIAT', org.units.dinasB);
  });

  it('asks for "Induk > Unit" when several units share a name, and exports that path back', async () => {
    const ambiguous = person('Dua Sekretariat', 'Pengelola Umum', 'Sekretariat', org.people.headB.nip);
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText([...roster(org), ambiguous]));
    expect(res.json().errors).toEqual([
      {
        row: 13,
        column: 'Unit',
        code: 'UNIT_AMBIGUOUS',
        message: 'Ada beberapa unit bernama "Sekretariat". Tulis lengkap dengan induknya, misalnya "Dinas Kesehatan > Sekretariat".',
      },
    ]);
    const clear = { ...ambiguous, Unit: 'dinas sosial  >  SEKRETARIAT' };
    const commit = await upload(bkpsdm, 'commit', 'pegawai.csv', toCsvText([...roster(org), clear]));
    expect(commit.json()).toMatchObject({ ok: true, summary: { new: 1 } });
    const csv = (await t.as(bkpsdm).get('/api/exports/employees.csv')).body;
    expect(csv).toContain(`${clear.NIP},Dua Sekretariat,,,PNS,III/a,Pengelola Umum,Pelaksana,Dinas Sosial > Sekretariat,${org.people.headB.nip}`);
    const again = await upload(bkpsdm, 'dry-run', 'pegawai.csv', csv);
    expect(again.json()).toMatchObject({ ok: true, summary: { new: 0, changed: 0, leaving: 0, unchanged: 12 } });
  });

  it('changes the type of an existing post when Jenis Jabatan changes', async () => {
    const lines = (await t.as(bkpsdm).get('/api/exports/employees.csv')).body;
    const edited = lines.replace(',Analis SDM Aparatur,Fungsional,', ',Analis SDM Aparatur,Pelaksana,');
    const res = await upload(bkpsdm, 'commit', 'pegawai.csv', edited);
    expect(res.json().changes).toEqual([
      { kind: 'changed', nip: org.people.adminBkpsdm.nip, name: 'Admin Bkpsdm', fields: [{ column: 'Jenis Jabatan', old: 'Fungsional', new: 'Pelaksana' }] },
    ]);
    const [post] = await db.db.select().from(positions).where(eq(positions.id, org.positions.pAnalis.id));
    expect(post?.type).toBe('PELAKSANA');
  });

  it('corrects a post given earlier the same day in place instead of overlapping it', async () => {
    const base = (await t.as(bkpsdm).get('/api/exports/employees.csv')).body;
    const nip = org.people.staff1.nip;
    const move = (text: string, jabatan: string) =>
      text.replace(new RegExp(`^(${nip},Nurul Staf,,,PNS,III/a),Pengadministrasi Perkantoran,`, 'm'), `$1,${jabatan},`);
    expect((await upload(bkpsdm, 'commit', 'a.csv', move(base, 'Pengolah Data'))).json().summary.changed).toBe(1);
    expect((await upload(bkpsdm, 'commit', 'b.csv', move(base, 'Pengelola Arsip'))).json().summary.changed).toBe(1);
    const history = await db.db
      .select({ name: positions.name, validFrom: assignments.validFrom, validTo: assignments.validTo })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(eq(assignments.employeeId, org.people.staff1.employeeId))
      .orderBy(assignments.validFrom);
    expect(history).toEqual([
      { name: 'Pengadministrasi Perkantoran', validFrom: '2020-01-01', validTo: YESTERDAY },
      { name: 'Pengelola Arsip', validFrom: TODAY, validTo: null },
    ]);
  });

  it('brings back an inactive employee who is in the file again', async () => {
    const full = (await t.as(bkpsdm).get('/api/exports/employees.csv')).body;
    const without = full.split('\r\n').filter((l) => !l.startsWith(org.people.staffB.nip)).join('\r\n');
    expect((await upload(bkpsdm, 'commit', 'a.csv', without)).json().summary.leaving).toBe(1);
    const back = await upload(bkpsdm, 'commit', 'b.csv', full);
    expect(back.json().changes).toEqual([
      {
        kind: 'changed',
        nip: org.people.staffB.nip,
        name: 'Mawaddah StafB',
        fields: [
          { column: 'Status', old: 'Tidak aktif', new: 'Aktif' },
          { column: 'Unit', old: null, new: 'Dinas Sosial' },
          { column: 'Jabatan', old: null, new: 'Penata Layanan Operasional' },
          { column: 'Jenis Jabatan', old: null, new: 'Pelaksana' },
          { column: 'NIP Atasan', old: null, new: org.people.headB.nip },
        ],
      },
    ]);
    const [e] = await db.db.select().from(employees).where(eq(employees.id, org.people.staffB.employeeId));
    expect(e?.active).toBe(true);
  });

  it('keeps the audit hash chain valid', async () => {
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
  });
});

describe('POST /api/imports/employees — a kota-sized roster', () => {
  it('dry-runs 6,700 rows in seconds and commits them in one transaction', { timeout: 120_000 }, async () => {
    const { org, bkpsdm } = await setup();
    const lines = roster(org);
    const units = ['Dinas Kesehatan', 'Bidang Pelayanan', 'Seksi Layanan Primer', 'Dinas Sosial', 'BKPSDM'];
    for (let h = 0; h < 100; h++) {
      const head = person(`Kepala Tim ${h}`, `Kepala Tim ${h}`, units[h % 5] ?? '', org.people.kadis.nip, { 'Jenis Jabatan': 'Pengawas' });
      lines.push(head);
      for (let s = 0; s < 66; s++) lines.push(person(`Staf ${h}-${s}`, s % 3 ? 'Pengadministrasi Umum' : `Analis ${s % 7}`, units[h % 5] ?? '', head.NIP));
    }
    const csv = toCsvText(lines);
    let t0 = performance.now();
    const dry = await upload(bkpsdm, 'dry-run', 'pegawai.csv', csv);
    const dryMs = performance.now() - t0;
    expect(dry.json()).toMatchObject({ ok: true, summary: { new: 6700, unchanged: 11 } });
    t0 = performance.now();
    const commit = await upload(bkpsdm, 'commit', 'pegawai.csv', csv);
    const commitMs = performance.now() - t0;
    expect(commit.json()).toMatchObject({ ok: true, summary: { new: 6700 } });
    expect(dryMs).toBeLessThan(5_000);
    expect(commitMs).toBeLessThan(30_000);
    const again = await upload(bkpsdm, 'dry-run', 'pegawai.csv', csv);
    expect(again.json().summary).toEqual({ new: 0, changed: 0, leaving: 0, unchanged: 6711 });
  });
});
