import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import { pdfText } from '../../../test/pdf-text.js';
import type { OpenDb } from '../../db/open-db.js';
import { activity, reports, testClock } from './daily-reports.test-helpers.js';

const clock = testClock('2025-01-06T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};

beforeAll(async () => {
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock, env: { PANTAU_SESSION_HOURS: '240' } });
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const api = reports(t);
  // Monday: staff1 reports. Tuesday: the kasi verifies it; staff1, staff2 and staffB report.
  const monday = (await api.create(s.staff1!, { date: '2025-01-06', activities: [activity()], submit: true })).json().dailyReport;
  clock.set('2025-01-07T03:00:00Z');
  await api.verify(s.kasi!, monday.id, { decision: 'VERIFIED' });
  await api.create(s.staff1!, { date: '2025-01-07', activities: [activity()], submit: true });
  await api.create(s.staff2!, { date: '2025-01-07', activities: [activity({ outputQuantity: 3 })], submit: true });
  await api.create(s.staffB!, { date: '2025-01-07', activities: [activity()], submit: true });
  await api.create(s.kabid!, { date: '2025-01-07', activities: [activity()] });
  clock.set('2025-01-08T03:00:00Z');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const q = 'from=2025-01-06&to=2025-01-08';

describe('GET /api/adoption/daily', () => {
  it('fails with 401, 403 for pegawai and atasan, and 400 for a long range', async () => {
    expect((await t.as(null).get(`/api/adoption/daily?${q}`)).statusCode).toBe(401);
    expect((await t.as(s.staff1!).get(`/api/adoption/daily?${q}`)).statusCode).toBe(403);
    expect((await t.as(s.kasi!).get(`/api/adoption/daily?${q}`)).statusCode).toBe(403);
    const long = await t.as(s.pimpinan!).get('/api/adoption/daily?from=2024-01-01&to=2025-01-08');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0]).toMatchObject({ path: 'querystring.to', code: 'RANGE_TOO_LONG' });
  });

  it('shows pimpinan the share per OPD per working day', async () => {
    const res = await t.as(s.pimpinan!).get(`/api/adoption/daily?${q}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workingDays).toEqual(['2025-01-06', '2025-01-07', '2025-01-08']);
    const byName = Object.fromEntries(body.opds.map((o: { name: string }) => [o.name, o]));
    expect(byName['Dinas Kesehatan']).toMatchObject({ headcount: [5, 5, 5], reported: [1, 2, 0], share: [0.2, 0.4, 0], averageShare: 0.2 });
    expect(byName['Dinas Sosial']).toMatchObject({ headcount: [3, 3, 3], reported: [0, 1, 0] });
    expect(byName.BKPSDM).toMatchObject({ headcount: [1, 1, 1], reported: [0, 0, 0] });
    expect(body.total).toMatchObject({ headcount: [9, 9, 9], reported: [1, 3, 0] });
  });

  it('shows an admin OPD their own OPD only, and 404 for another', async () => {
    const res = (await t.as(s.adminOpdB!).get(`/api/adoption/daily?${q}`)).json();
    expect(res.opds.map((o: { name: string }) => o.name)).toEqual(['Dinas Sosial']);
    expect((await t.as(s.adminOpdB!).get(`/api/adoption/daily?${q}&opdId=${org.units.dinasA.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/adoption/trend, not-started and verification-delay', () => {
  it('gives the monthly trend', async () => {
    const res = (await t.as(s.adminBkpsdm!).get('/api/adoption/trend?months=2')).json();
    expect(res.months).toEqual([
      { month: '2024-12', workingDays: 22, headcount: 9, reportedDays: 0, share: 0 },
      { month: '2025-01', workingDays: 6, headcount: 9, reportedDays: 4, share: 0.074 },
    ]);
  });

  it('lists the units and people who have not started', async () => {
    const res = (await t.as(s.inspektorat!).get('/api/adoption/not-started?from=2025-01-01&to=2025-01-08')).json();
    expect(res.units.map((u: { name: string }) => u.name).sort()).toEqual(['BKPSDM', 'Bidang Pelayanan', 'Dinas Kesehatan']);
    expect(res.totalEmployees).toBe(6);
    expect(res.employees.map((e: { name: string }) => e.name)).toContain('Teuku Kadis');
    expect(res.employees.map((e: { name: string }) => e.name)).not.toContain('Nurul Staf');
  });

  it('shows how fast each atasan decides and what is waiting', async () => {
    const res = (await t.as(s.pimpinan!).get('/api/adoption/verification-delay?from=2025-01-01&to=2025-01-31')).json();
    const byName = Object.fromEntries(res.supervisors.map((x: { name: string }) => [x.name, x]));
    expect(byName['Zulkifli Kasi']).toMatchObject({ decided: 1, averageWorkingDays: 1, maxWorkingDays: 1, pending: 2, oldestPendingDate: '2025-01-07' });
    expect(byName['Iskandar KadisB']).toMatchObject({ decided: 0, pending: 1 });
  });
});

describe('GET /api/daily-reports/recap', () => {
  it('fails with 404 for a unit of another instansi and limits rows to what the caller may read', async () => {
    expect((await t.as(s.kasi!).get('/api/daily-reports/recap?month=2025-01&unitId=999999&format=json')).statusCode).toBe(404);
    const bad = await t.as(s.kasi!).get(`/api/daily-reports/recap?month=2025-13&unitId=${org.units.dinasA.id}`);
    expect(bad.json().error.fields[0].code).toBe('MONTH_FORMAT');
    const asKasi = (await t.as(s.kasi!).get(`/api/daily-reports/recap?month=2025-01&unitId=${org.units.dinasA.id}&format=json`)).json();
    expect(asKasi.rows.map((r: { name: string }) => r.name).sort()).toEqual(['Nurul Staf', 'Rizki Staf', 'Zulkifli Kasi']);
  });

  it('gives per employee days, minutes, verified share and outputs', async () => {
    const res = (await t.as(s.adminBkpsdm!).get(`/api/daily-reports/recap?month=2025-01&unitId=${org.units.dinasA.id}&format=json`)).json();
    expect(res).toMatchObject({ month: '2025-01', unit: { name: 'Dinas Kesehatan' }, workingDays: 6 });
    expect(res.rows).toHaveLength(5);
    const nurul = res.rows.find((r: { name: string }) => r.name === 'Nurul Staf');
    expect(nurul).toMatchObject({ daysReported: 2, minutes: 180, verifiedMinutes: 90, verifiedShare: 0.5, outputs: [{ indicator: null, unit: 'orang', quantity: 12 }] });
  });

  it('exports XLSX and PDF that reopen with the same content', async () => {
    const xlsx = await t.as(s.adminBkpsdm!).get(`/api/daily-reports/recap?month=2025-01&unitId=${org.units.dinasA.id}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Rekap');
    expect(ws?.getRow(1).getCell(1).value).toBe('Rekap Laporan Harian — Dinas Kesehatan');
    expect(ws?.getRow(4).getCell(2).value).toBe('Nama');
    const values = [5, 6, 7, 8, 9].map((i) => ws?.getRow(i).getCell(2).value);
    expect(values).toContain('Nurul Staf');
    const nurulRow = [5, 6, 7, 8, 9].find((i) => ws?.getRow(i).getCell(2).value === 'Nurul Staf') ?? 0;
    expect(ws?.getRow(nurulRow).getCell(6).value).toBe(180);
    expect(ws?.getRow(nurulRow).getCell(9).value).toBe('Tanpa indikator: 12 orang');

    const pdf = await t.as(s.adminBkpsdm!).get(`/api/daily-reports/recap?month=2025-01&unitId=${org.units.dinasA.id}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Rekap Laporan Harian — Dinas Kesehatan');
    expect(text).toContain('Januari 2025');
    expect(text).toContain('Nurul Staf');
    expect(text).toContain('Tanpa indikator: 12 orang');
  });
});
