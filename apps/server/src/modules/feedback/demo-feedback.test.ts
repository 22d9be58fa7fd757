import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, instansi, surveyResponses } from '../../db/schema/index.js';
import { seedFeedbackDemo } from './demo-feedback.js';
import { feedbackFixture, track, type FeedbackFixture } from './feedback.test-helpers.js';

let f: FeedbackFixture;

beforeAll(async () => {
  f = await feedbackFixture('2026-06-15T02:00:00Z');
});
afterAll(async () => {
  await f?.close();
});

describe('seedFeedbackDemo', () => {
  it('creates services, a period of answers and complaints in every status, once', async () => {
    const result = await f.db.db.transaction((tx) => seedFeedbackDemo(tx, { instansiId: f.org.instansiId, today: '2026-06-15', days: 120 }));
    expect(result.servicePoints).toBe(1); // makeOrg has one public-facing unit: Dinas Sosial
    expect(result.answers).toBeGreaterThan(150);
    expect(result.complaints).toBeGreaterThanOrEqual(3);
    const statuses = new Set((await f.db.db.select({ s: complaints.status }).from(complaints)).map((r) => r.s));
    expect(statuses.has('SELESAI') || statuses.has('DITOLAK')).toBe(true);
    expect((await f.db.db.select({ id: surveyResponses.id }).from(surveyResponses)).length).toBe(result.answers);
    const again = await f.db.db.transaction((tx) => seedFeedbackDemo(tx, { instansiId: f.org.instansiId, today: '2026-06-15', days: 120 }));
    expect(again).toEqual({ servicePoints: 0, answers: 0, complaints: 0, samples: [] });
    for (const sample of result.samples) expect((await track(f, sample)).statusCode).toBe(200);
  });

  it('feeds the transparency page and the officials\' lists', async () => {
    const [inst] = await f.db.db.select({ code: instansi.code }).from(instansi).where(eq(instansi.id, f.org.instansiId));
    const body = (await f.pub('GET', `/api/public/instansi/${inst?.code ?? ''}/transparency?year=2026`)).json();
    const kes = body.opds.find((o: { name: string }) => o.name === 'Dinas Sosial');
    expect(kes.survey.responses).toBeGreaterThan(50);
    expect(kes.survey.ikm).toBeGreaterThan(25);
    const list = (await f.t.as(f.s.adminBkpsdm!).get('/api/complaints?pageSize=200')).json();
    expect(list.meta.total).toBe((await f.db.db.select({ id: complaints.id }).from(complaints)).length);
    const report = await f.t.as(f.s.pimpinan!).get('/api/feedback/ikm-report?from=2026-01-01&to=2026-06-30');
    expect(report.json().report.responses).toBeGreaterThan(150);
  });
});
