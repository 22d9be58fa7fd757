import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { addRhk, approveSkp, createSkp } from '../skp/skp.test-helpers.js';
import { createCourse, createSession, expectStatus, filesEnv, movableClock, uploadPdf, wib } from './training.test-helpers.js';

/**
 * Per-course figures (issue 6 §4): for the BerAKHLAK behaviours a course develops, the ratings of
 * exactly those behaviours before and after, beside the overall perilaku rating. Side by side,
 * no causation claimed.
 */

const clock = movableClock(wib('2026-03-20', '10:00'));
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let skpId = 0;
let periods: { id: number }[] = [];

const rate = async (periodId: number, perilaku: 'DI_BAWAH' | 'SESUAI', service: 'DI_BAWAH' | 'SESUAI' | null) => {
  const res = await t.as(s.kasi!).put(`/api/skp/${skpId}/evaluations/${periodId}/rating`, {
    hasilKerja: { rating: 'SESUAI', reason: 'Target tercapai.' },
    perilaku: { rating: perilaku, reason: perilaku === 'DI_BAWAH' ? 'Warga mengeluhkan sikap di loket.' : 'Sudah membaik.' },
    behaviours: service === null ? [] : [{ behaviour: 'BERORIENTASI_PELAYANAN', rating: service }],
  });
  expectStatus(res, 200);
};

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock, env: filesEnv() });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kasiSkp = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasiSkp.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasiSkp.id);
  for (const who of ['staff1', 'staff2'] as const) {
    const skp = await createSkp(t, s[who]!);
    await addRhk(t, s[who]!, skp.id, 'Pelayanan surat keterangan di loket', kasiRhk.id);
    await approveSkp(t, s[who]!, s.kasi!, skp.id);
    if (who === 'staff1') skpId = skp.id;
  }
  periods = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods;
  // Q1: staff1 below expectation, with "Berorientasi Pelayanan" rated separately.
  await rate(periods[0]!.id, 'DI_BAWAH', 'DI_BAWAH');

  // A workshop on service in April; staff1 and staff2 complete it.
  const courseId = await createCourse(t, s.adminBkpsdm!, [org.units.bkpsdm.id], { title: 'Pelayanan Prima', behaviours: ['BERORIENTASI_PELAYANAN', 'HARMONIS'], jp: 8 });
  const sessionId = await createSession(t, s.adminBkpsdm!, courseId, { startDate: '2026-04-14', endDate: '2026-04-14', capacity: 10 });
  const res = await t.as(s.adminBkpsdm!).post(`/api/training/sessions/${sessionId}/enrolments`, { employeeIds: [org.people.staff1.employeeId, org.people.staff2.employeeId] });
  expectStatus(res, 201);
  const ids: number[] = res.json().enrolments.map((e: { id: number }) => e.id);
  clock.set(wib('2026-04-14', '17:00'));
  expectStatus(await t.as(s.adminBkpsdm!).put(`/api/training/sessions/${sessionId}/attendance`, { date: '2026-04-14', entries: ids.map((enrolmentId) => ({ enrolmentId, present: true })) }), 200);
  const pdf = await uploadPdf(t, s.adminBkpsdm!);
  for (const id of ids) expectStatus(await t.as(s.adminBkpsdm!).post(`/api/training/enrolments/${id}/completion`, { outcome: 'COMPLETED', certificateEvidenceId: pdf }), 200);

  // Q3 (the first period that starts after the workshop): service rated as expected.
  clock.set(wib('2026-08-10', '10:00'));
  // Sessions last 30 days in tests: sign in again months later.
  for (const who of ['kasi', 'pimpinan'] as const) s[who] = await t.signIn(org.people[who]);
  await rate(periods[2]!.id, 'SESUAI', 'SESUAI');
  clock.set(wib('2026-08-15', '10:00'));
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('GET /api/training/figures/courses: behaviours the course develops', () => {
  it('compares the ratings of those behaviours before and after, beside the overall rating', async () => {
    const res = await t.as(s.pimpinan!).get('/api/training/figures/courses?year=2026');
    expectStatus(res, 200);
    const row = res.json().rows.find((r: { title: string }) => r.title === 'Pelayanan Prima');
    expect(row).toMatchObject({
      completed: 2,
      // staff2 was never rated: counted nowhere.
      ratingsBefore: { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 1 },
      ratingsAfter: { DI_ATAS: 0, SESUAI: 1, DI_BAWAH: 0 },
    });
    expect(row.behaviours).toEqual([
      { behaviour: 'BERORIENTASI_PELAYANAN', before: { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 1 }, after: { DI_ATAS: 0, SESUAI: 1, DI_BAWAH: 0 } },
      // Listed by the course but never rated separately: zeros, not the overall rating.
      { behaviour: 'HARMONIS', before: { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 }, after: { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 } },
    ]);
  });
});
