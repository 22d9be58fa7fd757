import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, events, feedbackAlerts } from '../../db/schema/index.js';
import { feedbackFixture, makeServicePoint, submitComplaint, track, type FeedbackFixture, type Submitted } from './feedback.test-helpers.js';

/**
 * One chronological story in March–April 2026 (WIB, 09:00 each day), across the Nyepi and
 * Idul Fitri break (18–24 March), Good Friday (3 April) and weekends.
 */
let f: FeedbackFixture;
let sp: { id: number; slug: string };
let A: Submitted; // followed up late, reopened twice, closed by hand
let B: Submitted; // followed up on time, closed by itself
let C: Submitted; // never handled: escalates
let D: Submitted; // rejected

const day = (d: string) => `${d}T02:00:00Z`;
const as = (who: string) => f.t.as(f.s[who]!);
const move = (who: string, c: Submitted, body: Record<string, unknown>) => as(who).post(`/api/complaints/${c.id}/transitions`, body);
const detail = async (c: Submitted, who = 'adminBkpsdm') => (await as(who).get(`/api/complaints/${c.id}`)).json().complaint;
const sweep = async () => (await as('adminBkpsdm').post('/api/feedback/sweep', {})).json();
const reopen = (c: Submitted, reason = 'Masih belum beres.') =>
  f.pub('POST', `/api/public/complaints/${c.trackingCode}/reopen`, { body: { reason }, headers: { 'x-tracking-token': c.token } });

beforeAll(async () => {
  f = await feedbackFixture(day('2026-03-16'));
  sp = await makeServicePoint(f, f.org.units.seksi.id, 'Poli Umum', 'poli-umum');
  await as('adminBkpsdm').post('/api/holidays/national/2026', {});
  const text = (n: string) => `Pengaduan ${n}: pelayanan di loket sangat lambat dan tidak jelas.`;
  A = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('A') });
  B = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('B') });
  C = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('C') });
  D = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('D') });
});
afterAll(async () => {
  await f?.close();
});

describe('who may see and move a complaint', () => {
  it('fails with 401 without a session', async () => {
    expect((await f.t.as(null).get('/api/complaints')).statusCode).toBe(401);
    expect((await f.t.as(null).post(`/api/complaints/${A.id}/transitions`, { to: 'DIVERIFIKASI' })).statusCode).toBe(401);
  });

  it('hides it (404) from a pegawai, another OPD and its admin', async () => {
    for (const who of ['staff2', 'headB', 'adminOpdB']) {
      expect((await as(who).get('/api/complaints')).json().complaints, who).toEqual([]);
      expect((await as(who).get(`/api/complaints/${A.id}`)).statusCode, who).toBe(404);
      expect((await move(who, A, { to: 'DIVERIFIKASI' })).statusCode, who).toBe(404);
    }
  });

  it('lets inspektorat and pimpinan read but not act (403)', async () => {
    for (const who of ['inspektorat', 'pimpinan']) {
      expect((await as(who).get(`/api/complaints/${A.id}`)).statusCode).toBe(200);
      expect((await move(who, A, { to: 'DIVERIFIKASI' })).statusCode).toBe(403);
    }
  });

  it('shows the unit head and those above, with abilities', async () => {
    const mine = (await as('kasi').get('/api/complaints')).json().complaints.map((c: { id: number }) => c.id);
    expect(mine.sort()).toEqual([A.id, B.id, C.id, D.id].sort());
    const a = await detail(A, 'kabid');
    expect(a.abilities).toMatchObject({ verify: true, reject: true, followUp: false, revealComplainant: false });
    expect(a).toMatchObject({ status: 'DITERIMA', dueOn: '2026-03-26', sla: 'ON_TIME', verifyDueOn: '2026-03-26' });
  });

  it('refuses a move the workflow does not allow (409) and a rejection without reason (400)', async () => {
    const skip = await move('adminBkpsdm', A, { to: 'DITINDAKLANJUTI', note: 'Sudah' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.fields[0]).toMatchObject({
      path: 'body.to',
      code: 'TRANSITION_NOT_ALLOWED',
      message: 'Status pengaduan tidak dapat diubah dari DITERIMA menjadi DITINDAKLANJUTI.',
    });
    const noReason = await move('adminBkpsdm', D, { to: 'DITOLAK', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.reason');
  });
});

describe('the workflow over five weeks', () => {
  it('17 Mar: verifies A, B; rejects D with a reason the complainant reads', async () => {
    await f.travel(day('2026-03-17'));
    expect((await move('adminBkpsdm', A, { to: 'DIVERIFIKASI', note: 'Lengkap' })).statusCode).toBe(200);
    expect((await move('kasi', B, { to: 'DIVERIFIKASI' })).statusCode).toBe(200);
    const rejected = await move('adminBkpsdm', D, { to: 'DITOLAK', reason: 'Bukan kewenangan <b>Pemko</b>; silakan ke BPJS.' });
    expect(rejected.json().complaint).toMatchObject({ status: 'DITOLAK', rejectionReason: 'Bukan kewenangan Pemko; silakan ke BPJS.', dueOn: null });
    const seen = (await track(f, D)).json().complaint;
    expect(seen.rejectionReason).toBe('Bukan kewenangan Pemko; silakan ke BPJS.');
    expect(seen.history.at(-1)).toMatchObject({ status: 'DITOLAK', note: 'Bukan kewenangan Pemko; silakan ke BPJS.' });
    expect(seen.reopen).toEqual({ allowed: false, until: null });
    expect((await reopen(D)).json().error.fields[0].code).toBe('REOPEN_NOT_ALLOWED_STATUS');
  });

  it('25 Mar (after the break): forwards A and B; the unit has until 1 April', async () => {
    await f.travel(day('2026-03-25'));
    const res = await move('adminBkpsdm', A, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id, note: 'Mohon ditindaklanjuti' });
    expect(res.json().complaint).toMatchObject({ status: 'DIDISPOSISIKAN', followUpDueOn: '2026-04-01', dueOn: '2026-04-01', handlingUnit: { id: f.org.units.seksi.id } });
    await move('adminBkpsdm', B, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id });
    expect((await track(f, A)).json().complaint.history.at(-1)).toMatchObject({ kind: 'DIDISPOSISIKAN', unitName: 'Seksi Layanan Primer', note: null });
    expect(await sweep()).toEqual({ closed: 0, escalated: 0 });
  });

  it('26 Mar: C is due today, not escalated', async () => {
    await f.travel(day('2026-03-26'));
    expect(await sweep()).toEqual({ closed: 0, escalated: 0 });
    expect((await detail(C)).sla).toBe('DUE_TODAY');
  });

  it('27 Mar: C is overdue and goes one level up, to the kasi\'s supervisor, live', async () => {
    await f.travel(day('2026-03-27'));
    expect(await sweep()).toEqual({ closed: 0, escalated: 1 });
    expect(await sweep()).toEqual({ closed: 0, escalated: 0 });
    const c = await detail(C);
    expect(c).toMatchObject({ escalationLevel: 1, escalatedTo: { id: f.org.people.kabid.employeeId, name: 'Cut Kabid' }, sla: 'OVERDUE' });
    expect(c.history.at(-1)).toMatchObject({ kind: 'ESKALASI', actorKind: 'SISTEM', employee: { id: f.org.people.kabid.employeeId } });
    const overdue = (await as('kasi').get('/api/complaints?overdue=true')).json().complaints.map((x: { id: number }) => x.id);
    expect(overdue).toEqual([C.id]);
    const [ev] = await f.db.db.select().from(events).where(and(eq(events.type, 'complaint.escalated')));
    expect(ev).toMatchObject({ subjectEmployeeIds: [f.org.people.kabid.employeeId] });
  });

  it('30 Mar: B is followed up on time; the complainant reads the answer and may reopen until 14 April', async () => {
    await f.travel(day('2026-03-30'));
    expect((await move('staff1', B, { to: 'DITINDAKLANJUTI', note: 'x' })).statusCode).toBe(404);
    const res = await move('kasi', B, { to: 'DITINDAKLANJUTI', note: 'Loket ditambah satu petugas mulai besok.' });
    expect(res.json().complaint).toMatchObject({ status: 'DITINDAKLANJUTI', lastFollowUpOn: '2026-03-30', dueOn: '2026-04-14', sla: null });
    const seen = (await track(f, B)).json().complaint;
    expect(seen.history.at(-1)).toMatchObject({ status: 'DITINDAKLANJUTI', note: 'Loket ditambah satu petugas mulai besok.' });
    expect(seen.reopen).toEqual({ allowed: true, until: '2026-04-14' });
  });

  it('1 Apr: C, still untouched, goes up a second level to the kadis', async () => {
    await f.travel(day('2026-04-01'));
    expect(await sweep()).toEqual({ closed: 0, escalated: 1 });
    expect((await detail(C)).escalatedTo).toEqual({ id: f.org.people.kadis.employeeId, name: 'Teuku Kadis' });
  });

  it('2 Apr: A is followed up a day late', async () => {
    await f.travel(day('2026-04-02'));
    await move('kasi', A, { to: 'DITINDAKLANJUTI', note: 'Sudah kami perbaiki alurnya.' });
    const [row] = await f.db.db.select().from(complaints).where(eq(complaints.id, A.id));
    expect(row).toMatchObject({ slaBreaches: 1, dueOn: '2026-04-17' });
  });

  it('6 Apr: the complainant reopens A; the unit gets a fresh deadline and the supervisor an alert', async () => {
    await f.travel(day('2026-04-06'));
    expect((await f.pub('POST', `/api/public/complaints/${A.trackingCode}/reopen`, { body: { reason: 'x' }, headers: { 'x-tracking-token': 'salah' } })).statusCode).toBe(404);
    const res = await reopen(A, 'Antrean <script>x</script>masih sama panjangnya.');
    expect(res.statusCode).toBe(200);
    expect(res.json().complaint).toMatchObject({ status: 'DIDISPOSISIKAN', dueOn: '2026-04-13' });
    expect(res.json().complaint.history.at(-1)).toMatchObject({ kind: 'DIBUKA_KEMBALI', note: 'Antrean masih sama panjangnya.' });
    const a = await detail(A);
    expect(a).toMatchObject({ reopenCount: 1, followUpDueOn: '2026-04-13' });
    expect(a.history.at(-1)).toMatchObject({ kind: 'DIBUKA_KEMBALI', actorKind: 'PELAPOR', actorName: null });
    const alerts = await f.db.db.select().from(feedbackAlerts).where(eq(feedbackAlerts.complaintId, A.id));
    expect(alerts).toHaveLength(2);
  });

  it('8–9 Apr: A is followed up and closed by hand; 11 hari kerja to resolve', async () => {
    await f.travel(day('2026-04-08'));
    await move('kasi', A, { to: 'DITINDAKLANJUTI', note: 'Ditambah loket kedua.' });
    await f.travel(day('2026-04-09'));
    const res = await move('adminBkpsdm', A, { to: 'SELESAI', note: 'Terima kasih.' });
    expect(res.json().complaint).toMatchObject({ status: 'SELESAI', closedOn: '2026-04-09', dueOn: null });
    const [row] = await f.db.db.select().from(complaints).where(eq(complaints.id, A.id));
    expect(row?.resolutionDays).toBe(11);
    expect((await track(f, A)).json().complaint.reopen).toEqual({ allowed: true, until: '2026-04-23' });
  });

  it('10–14 Apr: a second reopen is allowed, a third is not', async () => {
    await f.travel(day('2026-04-10'));
    expect((await reopen(A)).statusCode).toBe(200);
    await f.travel(day('2026-04-13'));
    await move('kasi', A, { to: 'DITINDAKLANJUTI', note: 'Sudah ditangani kepala seksi langsung.' });
    await f.travel(day('2026-04-14'));
    const third = await reopen(A);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.fields[0]).toMatchObject({ code: 'REOPEN_LIMIT' });
    expect(third.json().error.fields[0].message).toMatch(/kirim pengaduan baru/);
  });

  it('15 Apr: B closes by itself after the ten working days that followed its follow-up', async () => {
    await f.travel(day('2026-04-15'));
    const result = await sweep();
    expect(result.closed).toBe(1);
    const b = (await track(f, B)).json().complaint;
    expect(b.status).toBe('SELESAI');
    expect(b.history.at(-1)).toMatchObject({ status: 'SELESAI', note: expect.stringMatching(/otomatis/) });
    const [row] = await f.db.db.select().from(complaints).where(eq(complaints.id, B.id));
    expect(row).toMatchObject({ closedOn: '2026-04-15', resolutionDays: 5, slaBreaches: 0 });
  });

  it('30 Apr: the reopen window of B (until 29 April) has passed', async () => {
    await f.travel(day('2026-04-30'));
    expect((await track(f, B)).json().complaint.reopen.allowed).toBe(false);
    const late = await reopen(B);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.fields[0].code).toBe('REOPEN_WINDOW_PASSED');
  });
});
