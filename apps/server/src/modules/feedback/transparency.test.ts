import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instansi } from '../../db/schema/index.js';
import { monthsSoFar } from './transparency.service.js';
import { feedbackFixture, makeServicePoint, submitComplaint, type FeedbackFixture, type Submitted } from './feedback.test-helpers.js';

let f: FeedbackFixture;
let code: string;
let spA: { id: number; slug: string };
let spB: { id: number; slug: string };
const SECRET_TEXT = 'Keluhan nomor';
const CONTACT = 'Teuku Warga Pelapor';

const answer = (slug: string, answers: number[], comment?: string) =>
  f.pub('POST', `/api/public/service-points/${slug}/survey-responses`, { body: { answers, ...(comment ? { comment } : {}) } });
const move = (who: string, c: Submitted, body: Record<string, unknown>) => f.t.as(f.s[who]!).post(`/api/complaints/${c.id}/transitions`, body);
const transparency = async () => (await f.pub('GET', `/api/public/instansi/${code}/transparency?year=2026`)).json();
const opd = (body: { opds: Array<{ name: string }> }, name: string) => body.opds.find((o) => o.name === name) as unknown as {
  survey: { responses: number | null; ikm: number | null; mutu: string | null; trend: Array<{ month: string; responses: number | null; ikm: number | null }> };
  complaints: Record<string, number | null>;
  services: Array<{ id: number; name: string; survey: { responses: number | null; ikm: number | null }; complaints: Record<string, number | null> }>;
};

beforeAll(async () => {
  f = await feedbackFixture('2026-03-02T02:00:00Z');
  const [inst] = await f.db.db.select({ code: instansi.code }).from(instansi).where(eq(instansi.id, f.org.instansiId));
  code = inst!.code;
  spA = await makeServicePoint(f, f.org.units.seksi.id, 'Poli Umum', 'poli-umum');
  spB = await makeServicePoint(f, f.org.units.dinasB.id, 'Bantuan Sosial', 'bansos');
  for (const a of [[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 3, 4, 3, 4, 3, 4, 3, 4], [2, 3, 3, 4, 3, 3, 3, 3, 3]]) {
    await answer(spA.slug, a, 'Rahasia pribadi: nama saya Siti');
  }
  await answer(spB.slug, [1, 2, 1, 2, 1, 2, 1, 2, 1]);

  // Six complaints about Poli Umum received on 2 March; five closed by 10 March, one late.
  const cs: Submitted[] = [];
  for (let i = 1; i <= 6; i++) {
    cs.push(await submitComplaint(f, { servicePointSlug: spA.slug, description: `${SECRET_TEXT} ${i}: antrean panjang sekali di poli.`, contact: { name: CONTACT } }));
  }
  for (const c of cs) {
    await move('adminBkpsdm', c, { to: 'DIVERIFIKASI' });
    await move('adminBkpsdm', c, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id });
  }
  const followUp = (c: Submitted) => move('kasi', c, { to: 'DITINDAKLANJUTI', note: 'Sudah diperbaiki.' });
  await f.travel('2026-03-03T02:00:00Z');
  for (const c of cs.slice(0, 3)) await followUp(c);
  await f.travel('2026-03-05T02:00:00Z');
  await followUp(cs[3]!);
  await f.travel('2026-03-10T02:00:00Z');
  await followUp(cs[4]!); // due 9 March: late
  for (const c of cs.slice(0, 5)) await move('adminBkpsdm', c, { to: 'SELESAI' });
});
afterAll(async () => {
  await f?.close();
});

describe('the IKM trend months', () => {
  it('never shows a future month: the current year up to this month, a past year whole, a future year none', () => {
    expect(monthsSoFar(2026, '2026-03-10')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsSoFar(2025, '2026-03-10')).toHaveLength(12);
    expect(monthsSoFar(2027, '2026-03-10')).toEqual([]);
    expect(monthsSoFar(2026, '2026-12-31')).toHaveLength(12);
  });
});

describe('GET /api/public/instansi/:code/transparency', () => {
  it('fails with 404 for an unknown instansi', async () => {
    expect((await f.pub('GET', '/api/public/instansi/tidak-ada/transparency')).statusCode).toBe(404);
  });

  it('withholds survey figures for groups below five respondents, at every level', async () => {
    const body = await transparency();
    expect(body).toMatchObject({ year: 2026, minGroupSize: 5, instansi: { code } });
    const kes = opd(body, 'Dinas Kesehatan');
    expect(kes.survey).toMatchObject({ responses: null, ikm: null, mutu: null });
    expect(kes.services[0]).toMatchObject({ name: 'Poli Umum', survey: { responses: null, ikm: null } });
    expect(kes.survey.trend.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', responses: null, ikm: null });
    expect(kes.survey.trend.find((m) => m.month === '2026-02')).toEqual({ month: '2026-02', responses: 0, ikm: null });
    // 10 March 2026: the trend stops at the current month.
    expect(kes.survey.trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const sos = opd(body, 'Dinas Sosial');
    expect(sos.survey.responses).toBeNull();
  });

  it('shows complaint figures for a group of six: share on time, median hari kerja, backlog withheld at one', async () => {
    const kes = opd(await transparency(), 'Dinas Kesehatan');
    expect(kes.complaints).toEqual({ received: 6, resolved: 5, resolvedOnTimeShare: 0.8, medianResolutionDays: 1, openBacklog: null });
    expect(kes.services[0]!.complaints).toEqual(kes.complaints);
    expect(opd(await transparency(), 'Dinas Sosial').complaints).toEqual({
      received: 0,
      resolved: 0,
      resolvedOnTimeShare: null,
      medianResolutionDays: null,
      openBacklog: 0,
    });
  });

  it('shows the IKM once the fifth respondent answers (after the short public cache)', async () => {
    await answer(spA.slug, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(opd(await transparency(), 'Dinas Kesehatan').survey.responses).toBeNull();
    f.clock.set('2026-03-10T02:01:00Z');
    const kes = opd(await transparency(), 'Dinas Kesehatan');
    // Σ = 36 + 27 + 32 + 27 + 36 = 158 over 5: 2500 × 158 / 45 = 87,78 (B), just under A (88,31).
    expect(kes.survey).toMatchObject({ responses: 5, ikm: 87.78, mutu: 'B', kinerja: 'Baik' });
    expect(kes.survey.trend.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', responses: 5, ikm: 87.78 });
  });

  it('carries no personal data and no complaint or comment text', async () => {
    const res = await f.pub('GET', `/api/public/instansi/${code}/transparency?year=2026`);
    for (const p of Object.values(f.org.people)) {
      expect(res.body).not.toContain(p.nip);
      expect(res.body).not.toContain(p.name);
    }
    for (const s of [SECRET_TEXT, CONTACT, 'Siti', 'antrean']) expect(res.body).not.toContain(s);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('open data', () => {
  it('serves IKM per service and month as JSON and CSV with the documented columns, small groups empty', async () => {
    const json = await f.pub('GET', `/api/public/instansi/${code}/open-data/ikm.json?year=2026`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ dataset: 'ikm', schemaVersion: 1, year: 2026, minGroupSize: 5 });
    expect(json.json().rows).toEqual([
      { month: '2026-03', opd: 'Dinas Kesehatan', service: 'Poli Umum', responses: 5, ikm: 87.78, mutu: 'B', nrr: [3.4, 3.4, 3.6, 3.6, 3.6, 3.4, 3.6, 3.4, 3.6] },
      { month: '2026-03', opd: 'Dinas Sosial', service: 'Bantuan Sosial', responses: null, ikm: null, mutu: null, nrr: null },
    ]);
    const csv = await f.pub('GET', `/api/public/instansi/${code}/open-data/ikm.csv?year=2026`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${code}-ikm-2026.csv"`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('month,opd,service,responses,ikm,mutu,nrr_u1,nrr_u2,nrr_u3,nrr_u4,nrr_u5,nrr_u6,nrr_u7,nrr_u8,nrr_u9');
    expect(lines[1]).toBe('2026-03,Dinas Kesehatan,Poli Umum,5,87.78,B,3.4,3.4,3.6,3.6,3.6,3.4,3.6,3.4,3.6');
    expect(lines[2]).toBe('2026-03,Dinas Sosial,Bantuan Sosial,,,,,,,,,,,,');
  });

  it('serves complaints per OPD, service and month', async () => {
    const json = (await f.pub('GET', `/api/public/instansi/${code}/open-data/complaints.json?year=2026`)).json();
    expect(json.rows).toEqual([
      { month: '2026-03', opd: 'Dinas Kesehatan', service: 'Poli Umum', received: 6, resolved: 5, resolvedOnTime: 4, medianResolutionDays: 1 },
    ]);
    const csv = await f.pub('GET', `/api/public/instansi/${code}/open-data/complaints.csv?year=2026`);
    expect(csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'month,opd,service,received,resolved,resolved_on_time,median_resolution_days',
      '2026-03,Dinas Kesehatan,Poli Umum,6,5,4,1',
    ]);
    expect(csv.body).not.toContain(SECRET_TEXT);
  });
});

describe('GET /api/public/instansi/:code/directory', () => {
  it('lists OPDs with their units and active services for the complaint form', async () => {
    const body = (await f.pub('GET', `/api/public/instansi/${code}/directory`)).json();
    const kes = body.opds.find((o: { name: string }) => o.name === 'Dinas Kesehatan');
    expect(kes.servicePoints).toEqual([{ slug: 'poli-umum', name: 'Poli Umum', unitId: f.org.units.seksi.id }]);
    expect(kes.units.map((u: { name: string }) => u.name)).toEqual(['Dinas Kesehatan', 'Bidang Pelayanan', 'Seksi Layanan Primer']);
    for (const p of Object.values(f.org.people)) expect(JSON.stringify(body)).not.toContain(p.name);
    expect(body.opds.find((o: { name: string }) => o.name === 'Dinas Sosial').servicePoints[0].slug).toBe(spB.slug);
  });
});
