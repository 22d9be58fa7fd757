import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../../test/http.js';
import { pdfText } from '../../../../test/pdf-text.js';
import type { OpenDb } from '../../../db/open-db.js';
import { MAY_15, addRhk, approveSkp, createSkp, expectStatus } from '../skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let skpId: number;
let q2: number;

const pdfFlat = async (body: Buffer) => (await pdfText(body, { layout: false })).replace(/\s+/g, ' ');

const put = (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock: MAY_15, env: { PANTAU_PUBLIC_URL: 'https://pantau.lhokseumawekota.go.id/' } });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  const skp = await createSkp(t, s.staff1!);
  skpId = skp.id;
  await addRhk(t, s.staff1!, skp.id, 'Register pasien Puskesmas Banda Sakti', kasiRhk.id);
  await put(s.kasi!, `/api/skp/${skp.id}/perilaku`, { items: [{ behaviour: 'BERORIENTASI_PELAYANAN', ekspektasi: 'Melayani pasien dengan ramah dan cepat' }] });
  await t.app.inject({
    method: 'PUT', url: `/api/skp/${skp.id}/lampiran`, headers: { cookie: s.staff1!.cookie, 'x-csrf-token': s.staff1!.csrf },
    payload: { DUKUNGAN_SUMBER_DAYA: ['Komputer register'], SKEMA_PERTANGGUNGJAWABAN: ['Laporan bulanan'], KONSEKUENSI: ['Teguran bila terlambat'] },
  });
  await approveSkp(t, s.staff1!, s.kasi!, skp.id);
  q2 = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods[1].id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('GET /api/skp/:id/document.pdf', () => {
  it('fails with 401 anonymously and 404 for a peer', async () => {
    expectStatus(await t.as(null).get(`/api/skp/${skpId}/document.pdf`), 401);
    expectStatus(await t.as(s.staff2!).get(`/api/skp/${skpId}/document.pdf`), 404);
  });

  it('prints the SKP in the official layout with a QR code that verifies it', async () => {
    const res = await t.as(s.staff1!).get(`/api/skp/${skpId}/document.pdf`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`SKP-${org.people.staff1.nip}-2026-v1.pdf`);
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      'SASARAN KINERJA PEGAWAI',
      'PERIODE: 01 JANUARI SD 31 DESEMBER TAHUN 2026',
      'PEGAWAI YANG DINILAI',
      'PEJABAT PENILAI KINERJA',
      'Nurul Staf',
      org.people.staff1.nip,
      'Zulkifli Kasi',
      'Penata Muda',
      'Register pasien Puskesmas',
      'Layanan primer tertib',
      'Kuantitas',
      'Berorientasi Pelayanan',
      'Melayani pasien dengan ramah',
      'LAMPIRAN SASARAN KINERJA PEGAWAI',
      'Komputer register',
      'Pegawai yang Dinilai',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text.split('\n')[0]?.trim()).toMatch(/^PEMERINTAH KOTA-/);
    const code = /Kode verifikasi: ([A-Z2-7]+)/.exec(text)?.[1];
    expect(code).toHaveLength(24);
    expect(text).toContain(`/api/documents/verify/${code}`);
    // The QR and the printed link use the configured public URL, never the request's host.
    expect((await pdfFlat(res.rawPayload)).replace(/\s+/g, '')).toContain(`https://pantau.lhokseumawekota.go.id/api/documents/verify/${code}`);
    expect(text).not.toContain('localhost');

    const sha = createHash('sha256').update(res.rawPayload).digest('hex');
    const verify = await t.as(null).get(`/api/documents/verify/${code}?sha256=${sha}`);
    expectStatus(verify, 200);
    expect(verify.json()).toMatchObject({ valid: true, kind: 'SKP', sha256: sha, matches: true, summary: { employeeName: 'Nurul Staf' } });
    expect(verify.json().summary.nipMasked).toMatch(/^\d{4}\*+\d{4}$/);
    const tampered = await t.as(null).get(`/api/documents/verify/${code}?sha256=${'0'.repeat(64)}`);
    expect(tampered.json().matches).toBe(false);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expectStatus(await t.as(null).get(`/api/documents/verify/${'A'.repeat(24)}`), 404);
    expectStatus(await t.as(null).get('/api/documents/verify/abc'), 400);
  });
});

describe('GET /api/skp/:id/evaluations/:periodId/document.pdf', () => {
  it('fails with 409 before the evaluation is rated', async () => {
    const res = await t.as(s.staff1!).get(`/api/skp/${skpId}/evaluations/${q2}/document.pdf`);
    expectStatus(res, 409);
    expect(res.json().error.fields[0].code).toBe('EVALUATION_NOT_RATED');
  });

  it('prints the Dokumen Evaluasi Kinerja Pegawai with the three identities, realisation and feedback', async () => {
    const sheet = (await t.as(s.staff1!).get(`/api/skp/${skpId}/periods/${q2}/realisations`)).json();
    await put(s.staff1!, `/api/skp/${skpId}/periods/${q2}/realisations/${sheet.rhk[0].indicators[0].id}`, { value: 7, text: 'Register April sampai Juni lengkap' });
    await t.as(s.kasi!).post(`/api/skp/${skpId}/feedback`, { periodId: q2, rhkId: sheet.rhk[0].id, body: 'Pertahankan kelengkapan register' });
    await put(s.kabid!, '/api/skp/org-predikat', { unitId: org.units.seksi.id, periodId: q2, predikat: 'BAIK' });
    await put(s.kasi!, `/api/skp/${skpId}/evaluations/${q2}/rating`, {
      hasilKerja: { rating: 'DI_ATAS', reason: 'Register selalu lengkap' },
      perilaku: { rating: 'SESUAI', reason: 'Ramah kepada pasien' },
      catatan: 'Ikut pelatihan rekam medis elektronik',
    });
    const res = await t.as(s.staff1!).get(`/api/skp/${skpId}/evaluations/${q2}/document.pdf`);
    expectStatus(res, 200);
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      'PERIODE: TRIWULAN II',
      'PERIODE PENILAIAN: 01 APRIL SD 30 JUNI TAHUN 2026',
      'ATASAN PEJABAT PENILAI KINERJA',
      'Cut Kabid',
      'CAPAIAN KINERJA ORGANISASI',
      'PREDIKAT KINERJA PEGAWAI',
      'Ikut pelatihan rekam medis',
      'REALISASI',
      'RATING HASIL KERJA: Di Atas Ekspektasi',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const flat = await pdfFlat(res.rawPayload);
    expect(flat).toContain('REALISASI BERDASARKAN BUKTI DUKUNG');
    expect(flat).toContain('7 Dokumen — Register April sampai Juni lengkap');
    expect(flat).toContain('Zulkifli Kasi (15 Mei 2026): Pertahankan kelengkapan register');
    expect(text).toMatch(/CAPAIAN KINERJA ORGANISASI\s+BAIK/);
    expect(text).toMatch(/PREDIKAT KINERJA PEGAWAI\s+BAIK/);
    const code = /Kode verifikasi: ([A-Z2-7]+)/.exec(text)?.[1] ?? '';
    expect((await t.as(null).get(`/api/documents/verify/${code}`)).json()).toMatchObject({ kind: 'EVALUASI', summary: { predikat: 'Baik', status: 'BELUM FINAL' } });
  });
});

describe('GET /api/skp/recap.xlsx', () => {
  it('fails with 400 without a period', async () => {
    expectStatus(await t.as(s.kabid!).get(`/api/skp/recap.xlsx?unitId=${org.units.seksi.id}`), 400);
  });

  it('gives predikat per employee and the distribution, within the caller\'s scope', async () => {
    const res = await t.as(s.kabid!).get(`/api/skp/recap.xlsx?unitId=${org.units.bidang.id}&periodId=${q2}`);
    expectStatus(res, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rekap = wb.getWorksheet('Rekap Predikat');
    const values = Array.from(rekap?.getSheetValues() ?? [], (r) => r).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    const staffRow = values.find((r) => r.includes('Nurul Staf'));
    expect(staffRow).toEqual(expect.arrayContaining([org.people.staff1.nip, 'Sudah dinilai', 'Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Baik']));
    expect(values.some((r) => r.includes('Zulkifli Kasi'))).toBe(true);
    const dist = wb.getWorksheet('Pola Distribusi');
    const distValues = Array.from(dist?.getSheetValues() ?? [], (r) => r).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    expect(distValues).toContainEqual(['Predikat kinerja organisasi', 'Baik']);
    expect(distValues.find((r) => r[0] === 'Baik')?.[1]).toBe('1');
    // A pool below the binding size (decision 0008): the breach is reported as guidance.
    expect(distValues).toContainEqual(['Sesuai pola distribusi', 'Tidak (anjuran saja: kelompok kecil, tanpa justifikasi)']);

    const own = await t.as(s.staff2!).get(`/api/skp/recap.xlsx?unitId=${org.units.bidang.id}&periodId=${q2}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    const rows2 = Array.from(wb2.getWorksheet('Rekap Predikat')?.getSheetValues() ?? [], (r) => r).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    expect(rows2.some((r) => r.includes('Nurul Staf'))).toBe(false);
  });
});
