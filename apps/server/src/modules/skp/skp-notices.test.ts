import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { events } from '../../db/schema/index.js';
import { MAY_15, addRhk, approveSkp, createSkp, expectStatus } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
const s: Record<string, Session> = {};
let skpId: number;
let q2: number;

interface Note { type: string; title: string; body: string; link: string | null }
const notes = async (who: Session, type: string): Promise<Note[]> =>
  ((await t.as(who).get('/api/notifications')).json().notifications as Note[]).filter((n) => n.type === type);
const skpEvents = async (type: string) => (await db.db.select().from(events).where(like(events.type, 'skp.%'))).filter((e) => e.type === type);
const put = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, payload, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { clock: MAY_15 });
  org = await makeOrg(db.db);
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  const skp = await createSkp(t, s.staff1!);
  await addRhk(t, s.staff1!, skp.id, 'Register pasien tertib', kasiRhk.id);
  skpId = skp.id;
  q2 = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods[1].id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('SKP notifications and live events', () => {
  it('tells the pejabat penilai of a submission, and nobody else', async () => {
    expectStatus(await t.as(s.staff1!).post(`/api/skp/${skpId}/submission`), 200);
    const [n] = await notes(s.kasi!, 'skp.submitted');
    expect(n).toMatchObject({ title: 'Nurul Staf mengajukan SKP 2026', link: `/skp/${skpId}` });
    expect(await notes(s.kabid!, 'skp.submitted')).toHaveLength(1); // the kasi's own SKP, earlier
    expect(await notes(s.staff2!, 'skp.submitted')).toEqual([]);
    const [e] = (await skpEvents('skp.submitted')).filter((x) => (x.payload as { skpId: number }).skpId === skpId);
    expect(e).toMatchObject({ subjectEmployeeIds: [org.people.staff1.employeeId], payload: { skpId } });
  });

  it('tells the pegawai when the SKP is returned (with the note) and when it is approved, in their language', async () => {
    expectStatus(await t.as(s.kasi!).post(`/api/skp/${skpId}/return`, { note: 'Tambahkan target waktu.' }), 200);
    const [returned] = await notes(s.staff1!, 'skp.returned');
    expect(returned).toMatchObject({ title: 'SKP 2026 Anda dikembalikan', body: 'Catatan pejabat penilai: Tambahkan target waktu. Perbaiki lalu ajukan lagi.' });
    await approveSkp(t, s.staff1!, s.kasi!, skpId);
    const en = (await t.as(s.staff1!).get('/api/notifications', { 'accept-language': 'en' })).json().notifications.find((x: Note) => x.type === 'skp.approved');
    expect(en.title).toBe('Your SKP 2026 was approved');
    expect(en.body).toContain('Zulkifli Kasi');
    expect(await skpEvents('skp.approved')).toHaveLength(2);
  });

  it('tells the pegawai when the period is rated and when it is final', async () => {
    await put(s.kabid!, '/api/skp/org-predikat', { unitId: org.units.seksi.id, periodId: q2, predikat: 'BAIK' });
    const ev = `/api/skp/${skpId}/evaluations/${q2}`;
    const rated = await put(s.kasi!, `${ev}/rating`, { hasilKerja: { rating: 'SESUAI', reason: 'Target tercapai' }, perilaku: { rating: 'SESUAI', reason: 'Sikap baik' } });
    expectStatus(rated, 200);
    const [r] = await notes(s.staff1!, 'skp.evaluation.rated');
    expect(r).toMatchObject({ title: 'Penilaian kinerja Triwulan II 2026 sudah diisi', body: 'Predikat sementara: Baik. Penilaian belum final.', link: `/skp/${skpId}/evaluasi?periode=${q2}` });
    expectStatus(await t.as(s.kasi!).post(`${ev}/finalisation`, { distributionJustification: 'Seksi kecil, satu pegawai dinilai.' }), 200);
    const [f] = await notes(s.staff1!, 'skp.evaluation.finalised');
    expect(f?.body).toContain('Predikat kinerja: Baik.');
    const [e] = await skpEvents('skp.evaluation.finalised');
    expect(e).toMatchObject({ subjectEmployeeIds: [org.people.staff1.employeeId], payload: { skpId, periodId: q2 } });
    expect(JSON.stringify(e?.payload)).not.toContain('Nurul');
  });

  it('sends an objection to the atasan pejabat penilai and the decision back to the pegawai', async () => {
    const filed = await t.as(s.staff1!).post(`/api/skp/${skpId}/evaluations/${q2}/objection`, { reason: 'Register saya lengkap.' });
    expectStatus(filed, 201);
    expect(await notes(s.kasi!, 'skp.objection.filed')).toEqual([]);
    const [n] = await notes(s.kabid!, 'skp.objection.filed');
    expect(n).toMatchObject({ title: 'Nurul Staf mengajukan keberatan atas penilaian Triwulan II 2026', link: '/skp/keberatan' });
    expect(n?.body).toContain('29 Mei 2026');
    const decided = await t.as(s.kabid!).post(`/api/skp/objections/${filed.json().objection.id}/decision`, { outcome: 'ACCEPTED', note: 'Bukti cukup.', hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS' });
    expectStatus(decided, 200);
    const [d] = await notes(s.staff1!, 'skp.objection.decided');
    expect(d).toMatchObject({ title: 'Keberatan Anda diterima', body: 'Predikat kinerja sekarang: Sangat Baik. Catatan: Bukti cukup.' });
    expect(await skpEvents('skp.objection.decided')).toHaveLength(1);
  });
});
