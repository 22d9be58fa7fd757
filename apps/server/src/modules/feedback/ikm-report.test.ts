import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackFixture, makeServicePoint, type FeedbackFixture } from './feedback.test-helpers.js';

let f: FeedbackFixture;
let spA: { id: number; slug: string };
let spB: { id: number; slug: string };
const march = 'from=2026-03-01&to=2026-03-31';

const answer = (slug: string, answers: number[], extra: Record<string, unknown> = {}) =>
  f.pub('POST', `/api/public/service-points/${slug}/survey-responses`, { body: { answers, ...extra } });

beforeAll(async () => {
  f = await feedbackFixture('2026-03-02T02:00:00Z');
  spA = await makeServicePoint(f, f.org.units.seksi.id, 'Poli Umum', 'poli-umum');
  spB = await makeServicePoint(f, f.org.units.dinasB.id, 'Bantuan Sosial', 'bansos');
  await answer(spA.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4], { comment: 'Pelayanan cepat, petugas ramah' });
  await answer(spA.slug, [3, 3, 2, 4, 3, 3, 2, 3, 3], { comment: '=HYPERLINK("http://evil.example","klik") antrean lama dan petugas judes', sex: 'L' });
  await answer(spA.slug, [3, 3, 3, 4, 3, 3, 3, 3, 2], { comment: 'Toilet kotor', sex: 'P', ageGroup: '30_39' });
  await answer(spA.slug, [4, 3, 3, 4, 4, 4, 3, 4, 3], { sex: 'P', education: 'SMA', job: 'WIRAUSAHA' });
  await answer(spB.slug, [1, 1, 1, 1, 1, 1, 1, 1, 1], { comment: 'Tidak ada yang melayani' });
  f.clock.set('2026-04-01T02:00:00Z');
  await answer(spA.slug, [1, 1, 1, 1, 1, 1, 1, 1, 1], { comment: 'April: buruk' });
  await f.travel('2026-04-01T03:00:00Z');
});
afterAll(async () => {
  await f?.close();
});

describe('GET /api/feedback/ikm-report — denials', () => {
  it('fails with 401 without a session and 403 for a pegawai without units', async () => {
    expect((await f.t.as(null).get(`/api/feedback/ikm-report?${march}`)).statusCode).toBe(401);
    expect((await f.t.as(f.s.staff2!).get(`/api/feedback/ikm-report?${march}`)).statusCode).toBe(403);
  });

  it('fails with 404 for a unit or service outside the caller\'s scope', async () => {
    expect((await f.t.as(f.s.adminOpdB!).get(`/api/feedback/ikm-report?${march}&unitId=${f.org.units.seksi.id}`)).statusCode).toBe(404);
    expect((await f.t.as(f.s.kasi!).get(`/api/feedback/ikm-report?${march}&servicePointId=${spB.id}`)).statusCode).toBe(404);
  });

  it('fails with 400 naming the field for a reversed or too long period', async () => {
    const reversed = await f.t.as(f.s.kasi!).get('/api/feedback/ikm-report?from=2026-03-31&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0]).toMatchObject({ path: 'querystring.to', code: 'DATE_RANGE' });
    const long = await f.t.as(f.s.kasi!).get('/api/feedback/ikm-report?from=2020-01-01&to=2026-03-01');
    expect(long.json().error.fields[0]).toMatchObject({ code: 'RANGE_TOO_LONG', message: 'Rentang tanggal maksimal 1100 hari.' });
  });
});

describe('GET /api/feedback/ikm-report/units — the unit filter offers only the caller\'s scope', () => {
  const ids = async (who: string) => (await f.t.as(f.s[who]!).get('/api/feedback/ikm-report/units')).json().unitIds as number[];
  it('gives a unit head their subtree, an admin OPD theirs, BKPSDM and inspektorat everything', async () => {
    const u = f.org.units;
    expect(await ids('kasi')).toEqual([u.seksi.id]);
    expect((await ids('kabid')).sort()).toEqual([u.bidang.id, u.seksi.id].sort());
    expect(await ids('adminOpdB')).toEqual([u.dinasB.id]);
    for (const who of ['adminBkpsdm', 'inspektorat']) {
      expect(await ids(who), who).toEqual(expect.arrayContaining([u.dinasA.id, u.bidang.id, u.seksi.id, u.dinasB.id, u.bkpsdm.id]));
    }
  });

  it('fails with 401 without a session and 403 for a pegawai without units', async () => {
    expect((await f.t.as(null).get('/api/feedback/ikm-report/units')).statusCode).toBe(401);
    expect((await f.t.as(f.s.staff2!).get('/api/feedback/ikm-report/units')).statusCode).toBe(403);
  });
});

describe('GET /api/feedback/ikm-report', () => {
  it('computes NRR per unsur, IKM, mutu and kinerja for the head\'s own services in the period', async () => {
    const res = await f.t.as(f.s.kasi!).get(`/api/feedback/ikm-report?${march}`);
    expect(res.statusCode).toBe(200);
    const r = res.json().report;
    // Σ = 121 over 4 sheets: 25 × 121 / 36 = 84,027… → 84,03 (B, Baik).
    expect(r).toMatchObject({ responses: 4, ikm: 84.03, mutu: 'B', kinerja: 'Baik', weightVariant: 'exact' });
    expect(r.unsur.map((u: { nrr: number }) => u.nrr)).toEqual([3.5, 3.25, 3, 4, 3.5, 3.5, 3, 3.5, 3]);
    expect(r.unsur[2]).toMatchObject({ kode: 'U3', rank: 1, nrrTertimbang: 3 / 9 });
    expect(r.servicePoints).toEqual([{ id: spA.id, name: 'Poli Umum', unitName: 'Seksi Layanan Primer', responses: 4, ikm: 84.03, mutu: 'B', kinerja: 'Baik' }]);
  });

  it('lists the weakest unsur first with the comments that mention them', async () => {
    const r = (await f.t.as(f.s.kasi!).get(`/api/feedback/ikm-report?${march}`)).json().report;
    expect(r.weakestFirst.map((w: { kode: string }) => w.kode)).toEqual(['U3', 'U7', 'U9', 'U2', 'U1', 'U5', 'U6', 'U8', 'U4']);
    const comments = (kode: string) => r.weakestFirst.find((w: { kode: string }) => w.kode === kode).comments.map((c: { comment: string }) => c.comment);
    expect(comments('U3')).toEqual(['=HYPERLINK("http://evil.example","klik") antrean lama dan petugas judes', 'Pelayanan cepat, petugas ramah']);
    expect(comments('U9')).toEqual(['Toilet kotor']);
    expect(r.profile.sex).toEqual([{ value: 'P', count: 2 }, { value: 'L', count: 1 }, { value: 'TIDAK_DIISI', count: 1 }]);
  });

  it('covers the whole instansi for pimpinan and one subtree for an admin OPD', async () => {
    const all = (await f.t.as(f.s.pimpinan!).get(`/api/feedback/ikm-report?${march}`)).json().report;
    // Σ = 121 + 9 over 5 sheets: 2500 × 130 / 45 = 72,22 (C).
    expect(all).toMatchObject({ responses: 5, ikm: 72.22, mutu: 'C', kinerja: 'Kurang Baik' });
    const b = (await f.t.as(f.s.adminOpdB!).get(`/api/feedback/ikm-report?${march}`)).json().report;
    expect(b).toMatchObject({ responses: 1, ikm: 25, mutu: 'D', kinerja: 'Tidak Baik' });
    const one = (await f.t.as(f.s.pimpinan!).get(`/api/feedback/ikm-report?${march}&servicePointId=${spB.id}`)).json().report;
    expect(one).toMatchObject({ servicePoint: { id: spB.id, name: 'Bantuan Sosial' }, responses: 1 });
    const april = (await f.t.as(f.s.kasi!).get('/api/feedback/ikm-report?from=2026-04-01&to=2026-04-30')).json().report;
    expect(april).toMatchObject({ responses: 1, ikm: 25 });
    const empty = (await f.t.as(f.s.kasi!).get('/api/feedback/ikm-report?from=2025-01-01&to=2025-01-31')).json().report;
    expect(empty).toMatchObject({ responses: 0, ikm: null, mutu: null, weakestFirst: [] });
  });
});

describe('GET /api/feedback/ikm-report.xlsx', () => {
  it('exports the report as a workbook that reopens with the same figures, formulas neutralised', async () => {
    const res = await f.t.as(f.s.kasi!).get(`/api/feedback/ikm-report.xlsx?${march}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ikm-2026-03-01-2026-03-31.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Per Unsur', 'Per Layanan', 'Rencana Tindak Lanjut', 'Profil Responden']);
    const summary = wb.getWorksheet('Ringkasan');
    expect(summary?.getRow(6).values).toEqual([undefined, 'IKM (25–100)', 84.03]);
    expect(summary?.getRow(7).values).toEqual([undefined, 'Mutu pelayanan', 'B']);
    const unsur = wb.getWorksheet('Per Unsur');
    expect(unsur?.getRow(4).values).toEqual([undefined, 'U3', 'Waktu Penyelesaian', 3, 3 / 9, 1]);
    const plan = wb.getWorksheet('Rencana Tindak Lanjut');
    const first = plan?.getRow(2).values as unknown[];
    expect(first[1]).toBe('U3 Waktu Penyelesaian');
    expect(first[5]).toBe('\'=HYPERLINK("http://evil.example","klik") antrean lama dan petugas judes');
    expect(plan?.getRow(2).getCell(5).formula).toBeUndefined();
  });

  it('refuses the export like the report (403 for a pegawai)', async () => {
    expect((await f.t.as(f.s.staff2!).get(`/api/feedback/ikm-report.xlsx?${march}`)).statusCode).toBe(403);
  });
});
