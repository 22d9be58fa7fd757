import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { nipErrorMessages } from '@pantau/domain';
import { freshDb } from '../../../test/db.js';
import { makeOrg, nextNip, type TestOrg } from '../../../test/factories.js';
import type { Session } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, auditLog, employees, positions } from '../../db/schema/index.js';
import { blankLine, buildPeopleTestApp, type PeopleTestApp, person, roster, toCsvText, toXlsxBuffer, uploader, type Line } from './people.test-helpers.js';

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

/** Each block gets its own instansi, so blocks do not see each other's imports. */
async function setup() {
  const org = await makeOrg(db.db);
  const bkpsdm = await t.signIn(org.people.adminBkpsdm);
  return { org, bkpsdm };
}

async function counts(instansiId: number) {
  const n = async (q: Promise<Array<{ n: number }>>) => (await q)[0]?.n ?? 0;
  const c = sql<number>`count(*)::int`;
  return {
    employees: await n(db.db.select({ n: c }).from(employees).where(eq(employees.instansiId, instansiId))),
    positions: await n(db.db.select({ n: c }).from(positions).where(eq(positions.instansiId, instansiId))),
    assignments: await n(db.db.select({ n: c }).from(assignments).where(eq(assignments.instansiId, instansiId))),
    audit: await n(
      db.db
        .select({ n: c })
        .from(auditLog)
        .where(and(eq(auditLog.instansiId, instansiId), or(like(auditLog.action, 'employee.import%'), eq(auditLog.action, 'import.commit')))),
    ),
  };
}

describe('POST /api/imports/employees — denials and bad files', () => {
  let org: TestOrg;
  let bkpsdm: Session;
  beforeAll(async () => ({ org, bkpsdm } = await setup()));

  it('fails with 401 without sign-in', async () => {
    const res = await upload(null, 'dry-run', 'pegawai.csv', toCsvText(roster(org)));
    expect(res.statusCode).toBe(401);
  });

  it('fails with 403 when a plain pegawai imports', async () => {
    const staff = await t.signIn(org.people.staff1);
    const res = await upload(staff, 'dry-run', 'pegawai.csv', toCsvText(roster(org)));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('reports rows for units outside the ADMIN_OPD subtree as row errors', async () => {
    const admin = await t.signIn(org.people.adminOpdB);
    const lines = roster(org).filter((l) => l.Unit === 'Dinas Sosial');
    lines.push(person('Orang Luar', 'Perawat', 'Dinas Kesehatan', ''));
    const staff1 = roster(org)[3];
    if (!staff1) throw new Error('roster');
    lines.push({ ...staff1, Unit: 'Dinas Sosial', Jabatan: 'Penata Layanan Operasional', 'NIP Atasan': org.people.headB.nip });
    const res = await upload(admin, 'dry-run', 'pegawai.csv', toCsvText(lines));
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      { row: 5, column: 'Unit', code: 'UNIT_OUT_OF_SCOPE', message: 'Unit di luar wewenang Anda.' },
      { row: 6, column: 'NIP', code: 'EMPLOYEE_OUT_OF_SCOPE', message: 'Pegawai ini saat ini terdaftar di unit di luar wewenang Anda.' },
    ]);
  });

  it('fails with 415 for an executable renamed to .csv', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(64, 0xff)]);
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
  });

  it('fails with 415 for a CSV renamed to .xlsx, and for other extensions', async () => {
    expect((await upload(bkpsdm, 'dry-run', 'pegawai.xlsx', toCsvText(roster(org)))).statusCode).toBe(415);
    expect((await upload(bkpsdm, 'dry-run', 'pegawai.pdf', toCsvText(roster(org)))).statusCode).toBe(415);
  });

  it('fails with 400 on "file" for an empty file or a header without data rows', async () => {
    for (const content of ['', '\uFEFF', toCsvText([])]) {
      const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', content);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields[0].path).toBe('file');
    }
  });

  it('fails with 400 on "file" when no file is sent', async () => {
    const res = await t.as(bkpsdm).post('/api/imports/employees?mode=dry-run', { nothing: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('file');
  });
});

describe('POST /api/imports/employees — dry run lists every bad row', () => {
  let org: TestOrg;
  let bkpsdm: Session;
  beforeAll(async () => ({ org, bkpsdm } = await setup()));

  it('lists a bad NIP with its spreadsheet row number and column, in Bahasa Indonesia', async () => {
    const lines = roster(org);
    lines.splice(3, 0, person('Salah Nip', 'Perawat', 'Seksi Layanan Primer', org.people.kasi.nip, { NIP: '19860926201505' }));
    const before = await counts(org.instansiId);
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText(lines));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.mode).toBe('dry-run');
    expect(body.errors).toEqual([{ row: 5, column: 'NIP', code: 'NIP_LENGTH', message: nipErrorMessages.NIP_LENGTH.id }]);
    expect(await counts(org.instansiId)).toEqual(before);
  });

  it('answers in English with Accept-Language: en', async () => {
    const lines = [...roster(org), person('Salah Gol', 'Perawat', 'Seksi Layanan Primer', '', { Golongan: 'V/z' })];
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText(lines), { 'accept-language': 'en' });
    expect(res.json().errors).toEqual([
      { row: 13, column: 'Golongan', code: 'GOLONGAN_UNKNOWN', message: 'Golongan "V/z" is not valid for PNS (e.g. III/a for PNS, IX for PPPK).' },
    ]);
  });

  it('lists every kind of problem, each with row and column', async () => {
    const a = nextNip();
    const b = nextNip();
    const dup = roster(org)[3];
    const lines = [
      ...roster(org),
      person('', 'Perawat', 'Seksi Layanan Primer', ''), // 13: name missing
      person('Unit Hilang', 'Perawat', 'Dinas Pariwisata', ''), // 14
      person('X'.repeat(121), 'Perawat', 'Seksi Layanan Primer', ''), // 15
      person('Atasan Hilang', 'Perawat', 'Seksi Layanan Primer', '199001012015011999'), // 16
      { ...person('Lingkar A', 'Perawat', 'Seksi Layanan Primer', b), NIP: a }, // 17
      { ...person('Lingkar B', 'Perawat', 'Seksi Layanan Primer', a), NIP: b }, // 18
      { ...blankLine(), ...dup, Nama: 'Kembar' } as Line, // 19
      person('Jenis Salah', 'Perawat', 'Seksi Layanan Primer', '', { 'Jenis ASN': 'Honorer' }), // 20
      person('Jabatan Kosong', '', 'Seksi Layanan Primer', ''), // 21
    ];
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText(lines));
    const errors = res.json().errors as Array<{ row: number; column: string; code: string; message: string }>;
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [13, 'Nama', 'REQUIRED'],
      [14, 'Unit', 'UNIT_UNKNOWN'],
      [15, 'Nama', 'TOO_LONG'],
      [16, 'NIP Atasan', 'ATASAN_UNKNOWN'],
      [17, 'NIP Atasan', 'ATASAN_CYCLE'],
      [18, 'NIP Atasan', 'ATASAN_CYCLE'],
      [19, 'NIP', 'NIP_DUPLICATE'],
      [20, 'Jenis ASN', 'JENIS_ASN_UNKNOWN'],
      [21, 'Jabatan', 'REQUIRED'],
    ]);
    expect(errors.find((e) => e.row === 19)?.message).toBe('NIP ini sudah ada di baris 5.');
    expect(errors.find((e) => e.row === 17)?.message).toBe('Rantai atasan berputar kembali (baris 17 → 18 → 17).');
  });

  it('refuses a NIP Atasan whom the same file would mark as leaving', async () => {
    const lines = roster(org).filter((l) => l.NIP !== org.people.kabid.nip);
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText(lines));
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 3, column: 'NIP Atasan', code: 'ATASAN_LEAVING' })]);
    expect(res.json().summary.leaving).toBe(1);
  });

  it('reads XLSX, and explains a NIP that a spreadsheet stored as a number', async () => {
    const ok = await upload(bkpsdm, 'dry-run', 'pegawai.xlsx', await toXlsxBuffer(roster(org)));
    expect(ok.json()).toMatchObject({ ok: true, summary: { new: 0, changed: 0, leaving: 0, unchanged: 11 } });
    const numeric = await upload(bkpsdm, 'dry-run', 'pegawai.xlsx', await toXlsxBuffer(roster(org), { nipAsNumber: true }));
    const errors = numeric.json().errors as Array<{ row: number; code: string }>;
    expect(errors.length).toBe(11);
    expect(errors[0]).toMatchObject({ row: 2, code: 'NIP_NUMERIC' });
  });

  it('accepts header variants and semicolons', async () => {
    const headers = ['NIP Baru', 'Nama Lengkap', 'Gelar Depan', 'Gelar Belakang', 'Jenis Pegawai', 'Gol', 'Nama Jabatan', 'Jenis Jabatan', 'Unor', 'NIP Atasan'];
    const res = await upload(bkpsdm, 'dry-run', 'siasn.csv', `\uFEFF${toCsvText(roster(org), { sep: ';', headers })}`);
    expect(res.json()).toMatchObject({ ok: true, errors: [], summary: { unchanged: 11 } });
  });

  it('reports a missing required column on the header row', async () => {
    const text = toCsvText(roster(org), { headers: ['NIP', 'Nama', 'Gelar Depan', 'Gelar Belakang', 'Jenis ASN', 'Pangkat', 'Jabatan', 'Jenis Jabatan', 'Unit', 'NIP Atasan'] });
    const res = await upload(bkpsdm, 'dry-run', 'pegawai.csv', text);
    expect(res.json().errors).toEqual([{ row: 1, column: 'Golongan', code: 'HEADER_MISSING', message: 'Kolom "Golongan" tidak ditemukan di baris judul.' }]);
  });
});

describe('POST /api/imports/employees — commit', () => {
  let org: TestOrg;
  let bkpsdm: Session;
  let lines: Line[];
  beforeAll(async () => {
    ({ org, bkpsdm } = await setup());
    lines = [
      ...roster(org),
      person('Siti Perawat', 'Perawat Terampil', 'Seksi Layanan Primer', org.people.kasi.nip, { 'Jenis Jabatan': 'Fungsional', 'Gelar Belakang': 'A.Md.Kep.' }),
      person('Rahmat Staf', 'Pengadministrasi Perkantoran', 'Bidang Pelayanan > Seksi Layanan Primer', org.people.kasi.nip, { 'Jenis ASN': 'PPPK', Golongan: 'V' }),
    ];
  });

  it('writes nothing when a row is bad, and answers 400 with the same body', async () => {
    const bad = [...lines, person('Salah', 'Perawat', 'Seksi Layanan Primer', '', { Golongan: 'III/z' })];
    const before = await counts(org.instansiId);
    const res = await upload(bkpsdm, 'commit', 'pegawai.csv', toCsvText(bad));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ mode: 'commit', ok: false, summary: { new: 2 } });
    expect(body.errors).toEqual([expect.objectContaining({ row: 15, column: 'Golongan', code: 'GOLONGAN_UNKNOWN' })]);
    expect(await counts(org.instansiId)).toEqual(before);
  });

  it('creates employees, posts, definitive assignments and audit rows', async () => {
    const before = await counts(org.instansiId);
    const res = await upload(bkpsdm, 'commit', 'pegawai.csv', toCsvText(lines));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'commit', ok: true, summary: { new: 2, changed: 0, leaving: 0, unchanged: 11 } });
    expect(res.json().changes.map((c: { kind: string; name: string }) => [c.kind, c.name])).toEqual([
      ['new', 'Siti Perawat, A.Md.Kep.'],
      ['new', 'Rahmat Staf'],
    ]);
    const after = await counts(org.instansiId);
    expect(after).toEqual({ ...before, employees: before.employees + 2, positions: before.positions + 1, assignments: before.assignments + 2, audit: before.audit + 3 });

    const [siti] = await db.db.select().from(employees).where(eq(employees.nip, lines[11]?.NIP ?? ''));
    expect(siti).toMatchObject({ name: 'Siti Perawat', gelarBelakang: 'A.Md.Kep.', golongan: 'III/a', active: true });
    const [post] = await db.db.select().from(positions).where(and(eq(positions.instansiId, org.instansiId), eq(positions.name, 'Perawat Terampil')));
    expect(post).toMatchObject({ type: 'FUNGSIONAL', unitId: org.units.seksi.id, parentPositionId: org.positions.pKasi.id });
    const rahmat = await db.db.select().from(assignments).innerJoin(employees, eq(employees.id, assignments.employeeId)).where(eq(employees.nip, lines[12]?.NIP ?? ''));
    expect(rahmat.map((r) => [r.assignments.positionId, r.assignments.kind, r.assignments.validFrom, r.assignments.validTo])).toEqual([
      [org.positions.pStaff.id, 'DEFINITIF', TODAY, null],
    ]);
    expect(rahmat[0]?.employees).toMatchObject({ jenisAsn: 'PPPK', golongan: 'V' });
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.instansiId, org.instansiId), inArray(auditLog.action, ['employee.import_create', 'import.commit'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['employee.import_create', 'employee.import_create', 'import.commit']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts(org.instansiId);
    const res = await upload(bkpsdm, 'commit', 'pegawai.csv', toCsvText(lines));
    expect(res.json()).toMatchObject({ ok: true, summary: { new: 0, changed: 0, leaving: 0, unchanged: 13 }, changes: [] });
    expect(await counts(org.instansiId)).toEqual(before);
  });

  it('shows new, changed and leaving, then applies them with effective dates', async () => {
    const p = org.people;
    const changed = lines
      .filter((l) => l.NIP !== p.staffB.nip)
      .map((l) => (l.NIP === p.staff1.nip ? { ...l, Golongan: 'III/b' } : l))
      .map((l) => (l.NIP === p.staff2.nip ? { ...l, Jabatan: 'Penata Layanan Operasional', Unit: 'Dinas Sosial', 'NIP Atasan': p.headB.nip } : l));
    const newcomer = person('Budi Baru', 'Penata Layanan Operasional', 'Dinas Sosial', p.headB.nip);
    changed.push(newcomer);
    const dry = await upload(bkpsdm, 'dry-run', 'pegawai.csv', toCsvText(changed));
    const body = dry.json();
    expect(body.summary).toEqual({ new: 1, changed: 2, leaving: 1, unchanged: 10 });
    expect(body.changes).toEqual([
      { kind: 'changed', nip: p.staff1.nip, name: p.staff1.name, fields: [{ column: 'Golongan', old: 'III/a', new: 'III/b' }] },
      {
        kind: 'changed',
        nip: p.staff2.nip,
        name: p.staff2.name,
        fields: [
          { column: 'Unit', old: 'Seksi Layanan Primer', new: 'Dinas Sosial' },
          { column: 'Jabatan', old: 'Pengadministrasi Perkantoran', new: 'Penata Layanan Operasional' },
          { column: 'NIP Atasan', old: p.kasi.nip, new: p.headB.nip },
        ],
      },
      { kind: 'new', nip: newcomer.NIP, name: 'Budi Baru' },
      { kind: 'leaving', nip: p.staffB.nip, name: p.staffB.name },
    ]);

    const before = await counts(org.instansiId);
    const res = await upload(bkpsdm, 'commit', 'pegawai.csv', toCsvText(changed));
    expect(res.json()).toMatchObject({ ok: true, summary: body.summary });
    expect(await counts(org.instansiId)).toEqual({ ...before, employees: before.employees + 1, assignments: before.assignments + 2, audit: before.audit + 5 });

    const history = await db.db.select().from(assignments).where(eq(assignments.employeeId, p.staff2.employeeId)).orderBy(assignments.validFrom);
    expect(history.map((a) => [a.positionId, a.validFrom, a.validTo])).toEqual([
      [org.positions.pStaff.id, '2020-01-01', YESTERDAY],
      [org.positions.pStaffB.id, TODAY, null],
    ]);
    const [leaver] = await db.db.select().from(employees).where(eq(employees.id, p.staffB.employeeId));
    expect(leaver?.active).toBe(false);
    const leaverPosts = await db.db.select().from(assignments).where(eq(assignments.employeeId, p.staffB.employeeId));
    expect(leaverPosts.map((a) => a.validTo)).toEqual([YESTERDAY]);
    const actions = await db.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(p.staffB.employeeId)));
    expect(actions.map((a) => a.action)).toContain('employee.import_leave');
  });

  it('lets ADMIN_OPD import its own units; only their people can be leaving', async () => {
    const admin = await t.signIn(org.people.adminOpdB);
    const mine = roster(org).filter((l) => l.Unit === 'Dinas Sosial' && l.NIP !== org.people.adminOpdB.nip && l.NIP !== org.people.staffB.nip);
    const res = await upload(admin, 'dry-run', 'pegawai.csv', toCsvText(mine));
    const body = res.json();
    expect(body.ok).toBe(true);
    // Dinas Sosial now holds headB, adminOpdB, staff2 (moved in) and Budi Baru; staffB already left.
    expect(body.changes.filter((c: { kind: string }) => c.kind === 'leaving').map((c: { nip: string }) => c.nip).sort()).toEqual(
      [org.people.adminOpdB.nip, org.people.staff2.nip, expect.any(String)].sort(),
    );
    expect(body.summary).toMatchObject({ leaving: 3, unchanged: 1 });
  });
});

describe('GET /api/exports/employees.(xlsx|csv)', () => {
  let org: TestOrg;
  let bkpsdm: Session;
  beforeAll(async () => ({ org, bkpsdm } = await setup()));

  it('fails with 401 without sign-in', async () => {
    expect((await t.as(null).get('/api/exports/employees.xlsx')).statusCode).toBe(401);
    expect((await t.as(null).get('/api/exports/employees.csv')).statusCode).toBe(401);
  });

  it('gives a plain pegawai only their own scope', async () => {
    const staff = await t.signIn(org.people.staff1);
    const res = await t.as(staff).get('/api/exports/employees.csv');
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(org.people.staff1.nip);
    const reads = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'read.employee_export'), eq(auditLog.actorUserId, org.people.staff1.userId)));
    expect(reads).toHaveLength(0);
  });

  it('exports XLSX with a bold, frozen header and NIPs as text', async () => {
    const res = await t.as(bkpsdm).get('/api/exports/employees.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="pegawai-${TODAY}.xlsx"`);
    const [read] = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'read.employee_export'), eq(auditLog.actorUserId, org.people.adminBkpsdm.userId)));
    expect(read).toMatchObject({ entityId: `pegawai-${TODAY}.xlsx`, newValues: { purpose: '11 pegawai' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).getCell(1).value).toBe('NIP');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThan(18);
    expect(ws.rowCount).toBe(12);
    const nips = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      nips.add(String(cell.value));
    }
    expect(nips).toEqual(new Set(Object.values(org.people).map((p) => p.nip)));
    const kasiRow = ws.getRows(2, ws.rowCount - 1)?.find((row) => row.getCell(1).value === org.people.kasi.nip);
    expect(kasiRow?.values).toEqual([undefined, org.people.kasi.nip, 'Zulkifli Kasi', '', '', 'PNS', 'III/a', 'Kepala Seksi Layanan Primer', 'Pengawas', 'Seksi Layanan Primer', org.people.kabid.nip]);
  });

  it('CSV export (BOM, commas) re-imports with zero changes', async () => {
    const res = await t.as(bkpsdm).get('/api/exports/employees.csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="pegawai-${TODAY}.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.split('\r\n')[1]?.split(',')).toHaveLength(10);
    const before = await counts(org.instansiId);
    const again = await upload(bkpsdm, 'commit', `pegawai-${TODAY}.csv`, res.rawPayload);
    expect(again.json()).toMatchObject({ ok: true, errors: [], summary: { new: 0, changed: 0, leaving: 0, unchanged: 11 } });
    expect(await counts(org.instansiId)).toEqual(before);
  });

  it('XLSX export re-imports with zero changes', async () => {
    const res = await t.as(bkpsdm).get('/api/exports/employees.xlsx');
    const again = await upload(bkpsdm, 'dry-run', `pegawai-${TODAY}.xlsx`, res.rawPayload);
    expect(again.json()).toMatchObject({ ok: true, summary: { new: 0, changed: 0, leaving: 0, unchanged: 11 } });
  });
});
