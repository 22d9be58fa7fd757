import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeInstansi, makeOrg, makePerson, makePosition, makeUnit, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { assignments, auditLog } from '../../db/schema/index.js';
import { MAY_15, addRhk, createSkp, expectStatus, indicator } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock: MAY_15 });
  org = await makeOrg(db.db);
  const inst2 = await makeInstansi(db.db);
  const u2 = await makeUnit(db.db, inst2.id, 'Dinas Lain', 'DINAS');
  const p2 = await makePosition(db.db, inst2.id, u2.id, 'Kepala', 'JPT', null, true);
  const other = await makePerson(db.db, inst2.id, { name: 'Orang Lain', positionId: p2.id, roles: [{ role: 'ADMIN_BKPSDM' }] });
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  s.other = await t.signIn(other);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('POST /api/skp', () => {
  it('fails with 401 when not signed in', async () => {
    expectStatus(await t.as(null).post('/api/skp', { year: 2026 }), 401);
  });

  it('fails with 400 naming the field for a year out of range', async () => {
    const res = await t.as(s.staff1!).post('/api/skp', { year: 1990 });
    expectStatus(res, 400);
    expect(res.json().error.fields[0].path).toBe('body.year');
  });

  it('fails with 400 for someone without a definitive post', async () => {
    const res = await t.as(s.pimpinan!).post('/api/skp', { year: 2026 });
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.year', code: 'NO_POSITION' });
  });

  it('creates a draft SKP for the year with the seven BerAKHLAK rows and today\'s penilai', async () => {
    const res = await t.as(s.staff1!).post('/api/skp', { year: 2026 });
    expectStatus(res, 201);
    const skp = res.json().skp;
    expect(skp).toMatchObject({ status: 'DRAFT', version: 1, form: 'NON_JPT', periodStart: '2026-01-01', periodEnd: '2026-12-31', penilaiCaptured: false });
    expect(skp.perilaku).toHaveLength(7);
    expect(skp.penilai.id).toBe(org.people.kasi.employeeId);
    expect(skp.atasanPenilai.id).toBe(org.people.kabid.employeeId);
    expect(skp.abilities).toMatchObject({ edit: true, submit: true, approve: false });
    expect(skp.problems.map((p: { code: string }) => p.code)).toContain('NO_UTAMA');
    const periods = await t.as(s.staff1!).get('/api/skp/periods?year=2026');
    expect(periods.json().periods).toHaveLength(5);
  });

  it('fails with 409 for a second SKP of the same segment', async () => {
    const res = await t.as(s.staff1!).post('/api/skp', { year: 2026 });
    expectStatus(res, 409);
    expect(res.json().error.fields[0].code).toBe('SKP_EXISTS');
  });

  it('gives a JPT post the JPT form', async () => {
    const skp = (await t.as(s.kadis!).post('/api/skp', { year: 2026 })).json().skp;
    expect(skp.form).toBe('JPT');
  });
});

describe('GET /api/skp/:id — row scope', () => {
  let skpId: number;
  beforeAll(async () => {
    skpId = (await t.as(s.staff1!).get('/api/skp?year=2026')).json().skps[0].id;
  });

  it('fails with 404 for a peer, another dinas and another instansi', async () => {
    for (const who of ['staff2', 'staffB', 'headB', 'other']) {
      expectStatus(await t.as(s[who]!).get(`/api/skp/${skpId}`), 404);
    }
  });

  it('shows the SKP to the owner, the chain above and instansi-wide readers, read-only', async () => {
    for (const who of ['staff1', 'kasi', 'kabid', 'kadis', 'adminBkpsdm', 'inspektorat']) {
      expectStatus(await t.as(s[who]!).get(`/api/skp/${skpId}`), 200);
    }
    const asAdmin = (await t.as(s.adminBkpsdm!).get(`/api/skp/${skpId}`)).json().skp;
    expect(Object.values(asAdmin.abilities).filter(Boolean)).toEqual([true]); // downloadPdf only
  });

  it('fails with 400 for a non-numeric id', async () => {
    expectStatus(await t.as(s.staff1!).get('/api/skp/abc'), 400);
  });
});

describe('RHK and indicators', () => {
  let skpId: number;
  beforeAll(async () => {
    skpId = (await t.as(s.staff1!).get('/api/skp?year=2026')).json().skps[0].id;
  });

  it('fails with 403 when the supervisor edits the employee\'s RHK', async () => {
    const res = await t.as(s.kasi!).post(`/api/skp/${skpId}/rhk`, { kind: 'UTAMA', text: 'x', indicators: [indicator('x')] });
    expectStatus(res, 403);
  });

  it('fails with 400 naming the indicator field when the aspek is missing, in Indonesian or English', async () => {
    const body = { kind: 'UTAMA', text: 'Laporan', indicators: [{ text: 'Jumlah laporan', targetValue: 12, targetUnit: 'Laporan' }] };
    const id = await t.as(s.staff1!).post(`/api/skp/${skpId}/rhk`, body);
    expectStatus(id, 400);
    expect(id.json().error.fields[0]).toMatchObject({ path: 'body.indicators.0.aspek', code: 'ASPEK_REQUIRED' });
    expect(id.json().error.fields[0].message).toContain('Pilih aspek');
    const en = await t.as(s.staff1!).post(`/api/skp/${skpId}/rhk`, body, { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toContain('Choose an aspect');
  });

  it('fails with 400 for an empty RHK text and for a too-long one', async () => {
    const empty = await t.as(s.staff1!).post(`/api/skp/${skpId}/rhk`, { kind: 'UTAMA', text: '   ', indicators: [] });
    expectStatus(empty, 400);
    expect(empty.json().error.fields[0].path).toBe('body.text');
    const long = await t.as(s.staff1!).post(`/api/skp/${skpId}/rhk`, { kind: 'UTAMA', text: 'x'.repeat(1001), indicators: [] });
    expect(long.json().error.fields[0]).toMatchObject({ path: 'body.text', code: 'too_big_string' });
  });

  it('fails with 400 when the RHK atasan is not from someone above', async () => {
    const b = await createSkp(t, s.staffB!);
    const rhkB = await addRhk(t, s.staffB!, b.id, 'Layanan sosial');
    const res = await t.as(s.staff1!).post(`/api/skp/${skpId}/rhk`, { kind: 'UTAMA', text: 'x', parentRhkId: rhkB.id, indicators: [indicator('x')] });
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.parentRhkId', code: 'PARENT_NOT_ATASAN' });
  });

  it('fails with 409 when submitting without an RHK utama', async () => {
    const res = await t.as(s.staff1!).post(`/api/skp/${skpId}/submission`);
    expectStatus(res, 409);
    expect(res.json().error.fields[0].code).toBe('NO_UTAMA');
  });

  it('links an RHK to the supervisor\'s RHK offered as options, and flags unlinked ones', async () => {
    const kasiSkp = await createSkp(t, s.kasi!);
    const kasiRhk = await addRhk(t, s.kasi!, kasiSkp.id, 'Layanan primer tertib');
    const options = (await t.as(s.staff1!).get(`/api/skp/${skpId}/parent-rhk-options`)).json();
    expect(options.atasan.id).toBe(org.people.kasi.employeeId);
    expect(options.options.map((o: { id: number }) => o.id)).toEqual([kasiRhk.id]);
    await addRhk(t, s.staff1!, skpId, 'Register pasien rapi', kasiRhk.id);
    await addRhk(t, s.staff1!, skpId, 'Arsip digital', null, 'TAMBAHAN');
    const skp = (await t.as(s.staff1!).get(`/api/skp/${skpId}`)).json().skp;
    const linked = skp.rhk.find((r: { text: string }) => r.text === 'Register pasien rapi');
    expect(linked.parent).toMatchObject({ id: kasiRhk.id, text: 'Layanan primer tertib', ownerName: 'Zulkifli Kasi' });
    expect(linked.gaps).toEqual([]);
    expect(skp.rhk.find((r: { text: string }) => r.text === 'Arsip digital').gaps).toEqual(['NO_PARENT']);
    const kasi = (await t.as(s.kasi!).get(`/api/skp/${kasiSkp.id}`)).json().skp;
    expect(kasi.rhk[0]).toMatchObject({ supportedBy: 1, gaps: ['NO_PARENT'] });
  });

  it('replaces indicators while keeping the ones sent with their id', async () => {
    const skp = (await t.as(s.staff1!).get(`/api/skp/${skpId}`)).json().skp;
    const rhk = skp.rhk.find((r: { text: string }) => r.text === 'Register pasien rapi');
    const kept = rhk.indicators[0];
    const res = await t.as(s.staff1!).patch(`/api/skp/rhk/${rhk.id}`, {
      indicators: [{ ...kept, targetValue: 24 }, indicator('Ketepatan waktu', 'WAKTU', 12, 'Bulan')],
    });
    expectStatus(res, 200);
    const after = res.json().skp.rhk.find((r: { id: number }) => r.id === rhk.id);
    expect(after.indicators.map((i: { key: string; targetValue: number }) => [i.key === kept.key, i.targetValue])).toEqual([[true, 24], [false, 12]]);
  });

  it('stores lampiran and ekspektasi khusus', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/skp/${skpId}/lampiran`,
      headers: { cookie: s.staff1!.cookie, 'x-csrf-token': s.staff1!.csrf },
      payload: { DUKUNGAN_SUMBER_DAYA: ['Komputer dan printer'], SKEMA_PERTANGGUNGJAWABAN: ['Laporan bulanan ke Kasi'], KONSEKUENSI: [] },
    });
    expectStatus(res, 200);
    expect(res.json().skp.lampiran.DUKUNGAN_SUMBER_DAYA).toEqual(['Komputer dan printer']);
  });
});

describe('workflow: submit, approve, return, revise', () => {
  let skpId: number;
  beforeAll(async () => {
    skpId = (await t.as(s.staff1!).get('/api/skp?year=2026')).json().skps[0].id;
  });

  it('captures the pejabat penilai and atasan penilai at submission', async () => {
    const res = await t.as(s.staff1!).post(`/api/skp/${skpId}/submission`);
    expectStatus(res, 200);
    expect(res.json().skp).toMatchObject({ status: 'SUBMITTED', penilaiCaptured: true, penilai: { id: org.people.kasi.employeeId }, atasanPenilai: { id: org.people.kabid.employeeId } });
    const list = (await t.as(s.kasi!).get('/api/skp?scope=toApprove')).json().skps;
    expect(list.map((x: { id: number }) => x.id)).toEqual([skpId]);
    expect(list[0].abilities.approve).toBe(true);
    expect((await t.as(s.kabid!).get('/api/skp?scope=toApprove')).json().skps).toEqual([]);
  });

  it('lets only the pejabat penilai approve: 403 for the kabid above, 404 for a peer, 403 for the owner', async () => {
    expectStatus(await t.as(s.kabid!).post(`/api/skp/${skpId}/approval`), 403);
    expectStatus(await t.as(s.staff2!).post(`/api/skp/${skpId}/approval`), 404);
    expectStatus(await t.as(s.staff1!).post(`/api/skp/${skpId}/approval`), 403);
  });

  it('approves and then refuses edits with 409', async () => {
    const res = await t.as(s.kasi!).post(`/api/skp/${skpId}/approval`);
    expectStatus(res, 200);
    expect(res.json().skp).toMatchObject({ status: 'APPROVED', abilities: { approve: false } });
    const rhkId = res.json().skp.rhk[0].id;
    const edit = await t.as(s.staff1!).patch(`/api/skp/rhk/${rhkId}`, { text: 'baru' });
    expectStatus(edit, 409);
    expect(edit.json().error.fields[0].code).toBe('SKP_NOT_EDITABLE');
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp'), eq(auditLog.entityId, String(skpId))));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['skp.create', 'skp.submit', 'skp.approve']));
  });

  it('keeps the approved version when a new one is started, with the same RHK keys and links', async () => {
    const before = (await t.as(s.staff1!).get(`/api/skp/${skpId}`)).json().skp;
    const res = await t.as(s.staff1!).post(`/api/skp/${skpId}/revisions`);
    expectStatus(res, 201);
    const v2 = res.json().skp;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', seriesId: skpId });
    expect(v2.rhk.map((r: { key: string }) => r.key)).toEqual(before.rhk.map((r: { key: string }) => r.key));
    expect(v2.rhk.find((r: { parent: unknown }) => r.parent !== null).parent.text).toBe('Layanan primer tertib');
    expect(v2.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'DRAFT'], [1, 'APPROVED']]);
    const old = (await t.as(s.staff1!).get(`/api/skp/${skpId}`)).json().skp;
    expect(old).toMatchObject({ status: 'APPROVED', isCurrent: false, abilities: { revise: false, recordRealisation: true } });
    expectStatus(await t.as(s.staff1!).post(`/api/skp/${skpId}/revisions`), 409);
  });

  it('returns a submitted SKP with a required note, and the employee can edit again', async () => {
    const skp = await createSkp(t, s.staff2!);
    await addRhk(t, s.staff2!, skp.id, 'Rekap kunjungan');
    expectStatus(await t.as(s.staff2!).post(`/api/skp/${skp.id}/submission`), 200);
    const noNote = await t.as(s.kasi!).post(`/api/skp/${skp.id}/return`, { note: '' });
    expectStatus(noNote, 400);
    expect(noNote.json().error.fields[0].path).toBe('body.note');
    const res = await t.as(s.kasi!).post(`/api/skp/${skp.id}/return`, { note: 'Target terlalu rendah' });
    expect(res.json().skp).toMatchObject({ status: 'RETURNED', returnNote: 'Target terlalu rendah' });
    const mine = (await t.as(s.staff2!).get(`/api/skp/${skp.id}`)).json().skp;
    expect(mine.abilities).toMatchObject({ edit: true, submit: true });
  });
});

describe('effective-dated pejabat penilai (Plh) and a transfer that splits the year', () => {
  it('makes the Plh the only one who can approve while the Plh lasts', async () => {
    const rows = await db.db
      .insert(assignments)
      .values({ instansiId: org.instansiId, employeeId: org.people.kabid.employeeId, positionId: org.positions.pKasi.id, kind: 'PLH', validFrom: '2026-05-01', validTo: '2026-05-31' })
      .returning();
    const skp = (await t.as(s.staff2!).get('/api/skp?year=2026')).json().skps[0];
    expectStatus(await t.as(s.staff2!).post(`/api/skp/${skp.id}/submission`), 200);
    const detail = (await t.as(s.staff2!).get(`/api/skp/${skp.id}`)).json().skp;
    expect(detail.penilai.id).toBe(org.people.kabid.employeeId);
    expectStatus(await t.as(s.kasi!).post(`/api/skp/${skp.id}/approval`), 403);
    expectStatus(await t.as(s.kabid!).post(`/api/skp/${skp.id}/approval`), 200);
    await db.db.delete(assignments).where(eq(assignments.id, rows[0]!.id));
  });

  it('splits the SKP when the employee moves to another post mid-year', async () => {
    const mover = await makePerson(db.db, org.instansiId, { name: 'Pindah Tugas', positionId: org.positions.pStaff.id, validFrom: '2020-01-01' });
    const sm = await t.signIn(mover);
    const first = await createSkp(t, sm);
    await db.db.update(assignments).set({ validTo: '2026-06-30' }).where(eq(assignments.employeeId, mover.employeeId));
    await db.db.insert(assignments).values({ instansiId: org.instansiId, employeeId: mover.employeeId, positionId: org.positions.pStaffB.id, kind: 'DEFINITIF', validFrom: '2026-07-01' });
    const res = await t.as(sm).post('/api/skp', { year: 2026, date: '2026-08-01' });
    expectStatus(res, 201);
    expect(res.json().skp).toMatchObject({ periodStart: '2026-07-01', periodEnd: '2026-12-31', penilai: { id: org.people.headB.employeeId } });
    const old = (await t.as(sm).get(`/api/skp/${first.id}`)).json().skp;
    expect(old).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    const mine = (await t.as(sm).get('/api/skp?year=2026')).json().skps;
    expect(mine).toHaveLength(2);
  });
});

describe('GET /api/skp — abilities in the list', () => {
  it('lets a unit head cascade from the list, as in the detail, and not a pelaksana', async () => {
    await createSkp(t, s.kasi!).catch(() => undefined);
    await createSkp(t, s.staff2!).catch(() => undefined);
    const kasi = (await t.as(s.kasi!).get('/api/skp?year=2026')).json().skps[0];
    const staff = (await t.as(s.staff2!).get('/api/skp?year=2026')).json().skps[0];
    expect(kasi.abilities.cascade).toBe(true);
    expect(staff.abilities.cascade).toBe(false);
    const detail = (await t.as(s.kasi!).get(`/api/skp/${kasi.id}`)).json().skp;
    expect(detail.abilities.cascade).toBe(kasi.abilities.cascade);
  });
});
