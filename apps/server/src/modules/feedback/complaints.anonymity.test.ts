import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../../../test/sse.js';
import { auditLog, events } from '../../db/schema/index.js';
import { feedbackFixture, makeServicePoint, submitComplaint, type FeedbackFixture, type Submitted } from './feedback.test-helpers.js';

/**
 * "An official's API responses never contain the identity of an anonim complainant — check every
 * endpoint that returns complaints." Every response an official (or the named employee) receives
 * in this file is collected and searched for the complainant's name, phone and e-mail.
 */
let f: FeedbackFixture;
let sp: { id: number; slug: string };
let anon: Submitted;
let secret: Submitted;
let base: string;
const IDENTITY = ['Budi Pelapor Rahasia', '0812-9988-7766', 'budi.rahasia@contoh.id'];
const OFFICIALS = ['kasi', 'kabid', 'kadis', 'staff1', 'staff2', 'headB', 'adminBkpsdm', 'adminOpdB', 'inspektorat', 'pimpinan'];
const seen: string[] = [];

const as = (who: string) => {
  const client = f.t.as(f.s[who]!);
  const keep = async <T extends { body: string }>(p: Promise<T>) => {
    const res = await p;
    seen.push(res.body);
    return res;
  };
  return {
    get: (url: string) => keep(client.get(url)),
    post: (url: string, body: unknown) => keep(client.post(url, body)),
  };
};

beforeAll(async () => {
  f = await feedbackFixture('2026-03-02T02:00:00Z');
  sp = await makeServicePoint(f, f.org.units.seksi.id, 'Poli Umum', 'poli-umum');
  await f.t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = f.t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await f?.close();
});

describe('a complaint reaches the supervisor live, without the complainant', () => {
  it('streams complaint.received to the named staff member\'s supervisor at once', async () => {
    const stream = await openSse(`${base}/api/events`, { cookie: f.s.kasi!.cookie });
    const unrelated = await openSse(`${base}/api/events`, { cookie: f.s.headB!.cookie });
    try {
      anon = await submitComplaint(f, {
        servicePointSlug: sp.slug,
        category: 'PERILAKU_PETUGAS',
        description: 'Petugas loket membentak warga yang bertanya tentang syarat berkas.',
        subjectEmployeeId: f.org.people.staff1.employeeId,
        anonymous: true,
        contact: { name: IDENTITY[0], phone: IDENTITY[1], email: IDENTITY[2] },
      });
      const ev = await stream.waitFor((e) => e.event === 'complaint.received');
      const payload = JSON.parse(ev.data).payload;
      expect(payload).toMatchObject({ complaintId: anon.id, category: 'PERILAKU_PETUGAS', servicePointName: 'Poli Umum', subjectEmployeeId: f.org.people.staff1.employeeId });
      for (const id of IDENTITY) expect(ev.data).not.toContain(id);
      expect(ev.data).not.toContain('membentak');
      expect(unrelated.received.some((e) => e.event === 'complaint.received')).toBe(false);
    } finally {
      await stream.close();
      await unrelated.close();
    }
  });

  it('lists the alert for the supervisor, pending until they record a follow-up', async () => {
    const alerts = (await as('kasi').get('/api/feedback/alerts')).json().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'COMPLAINT', complaint: { id: anon.id }, responsibleEmployee: { id: f.org.people.kasi.employeeId } });
    expect((await as('staff1').get('/api/feedback/alerts')).json().alerts).toEqual([]);
  });

  it('also receives a rahasia complaint with a contact the administrators may read', async () => {
    secret = await submitComplaint(f, {
      servicePointSlug: sp.slug,
      category: 'PERILAKU_PETUGAS',
      description: 'Petugas meminta imbalan untuk mempercepat surat rujukan saya.',
      subjectEmployeeId: f.org.people.staff1.employeeId,
      contact: { name: 'Siti Pelapor Terbuka', phone: '0813-1111-2222' },
    });
  });
});

describe('the complainant\'s identity', () => {
  it('is refused (403) for an anonim complaint, to every official who can see it, and 404 to the others', async () => {
    for (const who of OFFICIALS) {
      const res = await as(who).get(`/api/complaints/${anon.id}/complainant`);
      expect([403, 404], who).toContain(res.statusCode);
    }
    expect((await as('adminBkpsdm').get(`/api/complaints/${anon.id}/complainant`)).statusCode).toBe(403);
  });

  it('is given for a rahasia complaint to complaint administrators only, and every read is logged', async () => {
    const res = await f.t.as(f.s.adminBkpsdm!).get(`/api/complaints/${secret.id}/complainant`);
    expect(res.statusCode).toBe(200);
    expect(res.json().complainant).toEqual({ name: 'Siti Pelapor Terbuka', phone: '0813-1111-2222', email: null });
    const reads = await f.db.db.select().from(auditLog).where(eq(auditLog.action, 'read.complaint_contact'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entityId: String(secret.id), actorUserId: f.org.people.adminBkpsdm.userId });
    // A unit head handles the complaint but does not read who made it; the named employee never sees it here.
    expect((await f.t.as(f.s.kasi!).get(`/api/complaints/${secret.id}/complainant`)).statusCode).toBe(403);
    expect((await f.t.as(f.s.inspektorat!).get(`/api/complaints/${secret.id}/complainant`)).statusCode).toBe(403);
    expect((await f.t.as(f.s.staff1!).get(`/api/complaints/${secret.id}/complainant`)).statusCode).toBe(404);
  });
});

describe('the named employee sees the complaint, answers, and it becomes evidence', () => {
  it('keeps an unverified complaint from the named employee', async () => {
    expect((await as('staff1').get('/api/me/complaints')).json().complaints).toEqual([]);
    expect((await as('staff1').get(`/api/complaints/${anon.id}`)).statusCode).toBe(404);
    expect((await as('staff1').get('/api/complaints')).json().complaints).toEqual([]);
  });

  it('verifies with a redacted text, forwards and follows up (every response checked)', async () => {
    const verified = await as('kabid').post(`/api/complaints/${anon.id}/transitions`, {
      to: 'DIVERIFIKASI',
      redactedDescription: 'Petugas loket bersikap kasar kepada pemohon.',
    });
    expect(verified.statusCode).toBe(200);
    expect((await as('kabid').post(`/api/complaints/${anon.id}/transitions`, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id })).statusCode).toBe(200);
    expect((await as('kasi').post(`/api/complaints/${anon.id}/transitions`, { to: 'DITINDAKLANJUTI', note: 'Petugas sudah ditegur.' })).statusCode).toBe(200);
    await as('adminBkpsdm').post(`/api/complaints/${secret.id}/transitions`, { to: 'DIVERIFIKASI' });
  });

  it('refuses evidence before the employee has seen and answered it', async () => {
    const early = await as('kasi').post(`/api/complaints/${anon.id}/evidence`, { note: 'Catatan' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields[0].code).toBe('EVIDENCE_AWAITS_EMPLOYEE');
  });

  it('shows the employee the redacted text, never who complained, and takes their answer', async () => {
    const mine = (await as('staff1').get('/api/me/complaints')).json().complaints;
    expect(mine.map((c: { id: number }) => c.id).sort()).toEqual([anon.id, secret.id].sort());
    const a = mine.find((c: { id: number }) => c.id === anon.id);
    expect(a).toMatchObject({ description: 'Petugas loket bersikap kasar kepada pemohon.', acknowledgedAt: null, evidenceAttached: false });
    expect(JSON.stringify(mine)).not.toContain('Siti Pelapor');
    expect((await as('staff2').post(`/api/me/complaints/${anon.id}/acknowledgement`, {})).statusCode).toBe(404);
    const ack = await as('staff1').post(`/api/me/complaints/${anon.id}/acknowledgement`, { response: 'Saya mohon maaf, saat itu antrean sangat padat.' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().complaint).toMatchObject({ acknowledgedAt: '2026-03-02T02:00:00.000Z', response: 'Saya mohon maaf, saat itu antrean sangat padat.' });
  });

  it('lets the supervisor attach it once; not the named employee, not another unit', async () => {
    expect((await as('staff1').post(`/api/complaints/${anon.id}/evidence`, {})).statusCode).toBe(404);
    expect((await as('headB').post(`/api/complaints/${anon.id}/evidence`, {})).statusCode).toBe(404);
    const detail = (await as('kasi').get(`/api/complaints/${anon.id}`)).json().complaint;
    expect(detail.abilities.attachEvidence).toBe(true);
    expect(detail.employeeResponse.response).toMatch(/mohon maaf/);
    const res = await as('kasi').post(`/api/complaints/${anon.id}/evidence`, { note: 'Dibahas dalam dialog kinerja.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().evidence).toMatchObject({ complaintId: anon.id, employeeId: f.org.people.staff1.employeeId, aspect: 'BERORIENTASI_PELAYANAN' });
    expect((await as('kasi').post(`/api/complaints/${anon.id}/evidence`, {})).statusCode).toBe(409);
    expect((await as('staff1').post(`/api/me/complaints/${anon.id}/acknowledgement`, { response: 'ubah' })).statusCode).toBe(409);
  });

  it('lists the evidence for the employee and their chain, not for others', async () => {
    const url = `/api/employees/${f.org.people.staff1.employeeId}/feedback-evidence`;
    const own = (await as('staff1').get(url)).json().evidence;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ category: 'PERILAKU_PETUGAS', description: 'Petugas loket bersikap kasar kepada pemohon.', response: expect.stringMatching(/mohon maaf/) });
    expect((await as('kadis').get(url)).statusCode).toBe(200);
    expect((await as('headB').get(url)).statusCode).toBe(404);
  });
});

describe('no official response ever carried the anonim complainant', () => {
  it('checks every complaint-returning endpoint for every role', async () => {
    const q = encodeURIComponent(anon.trackingCode);
    for (const who of OFFICIALS) {
      await as(who).get('/api/complaints?pageSize=200');
      await as(who).get(`/api/complaints?q=${q}`);
      await as(who).get(`/api/complaints?q=${encodeURIComponent('membentak')}`);
      await as(who).get(`/api/complaints/${anon.id}`);
      await as(who).get(`/api/complaints/${secret.id}`);
      await as(who).get('/api/feedback/alerts?pending=false');
      await as(who).get('/api/me/complaints');
      await as(who).get(`/api/employees/${f.org.people.staff1.employeeId}/feedback-evidence`);
      await as(who).get('/api/audit?limit=200');
    }
    expect(seen.length).toBeGreaterThan(100);
    for (const body of seen) for (const id of IDENTITY) expect(body.toLowerCase()).not.toContain(id.toLowerCase());
  });

  it('kept it out of the audit log and the live events too', async () => {
    const rows = JSON.stringify(await f.db.db.select().from(auditLog)) + JSON.stringify(await f.db.db.select().from(events));
    for (const id of IDENTITY) expect(rows).not.toContain(id);
    const received = await f.db.db.select().from(events).where(eq(events.type, 'complaint.received'));
    expect(received.map((e) => e.subjectEmployeeIds)).toEqual([
      [f.org.people.staff1.employeeId, f.org.people.kasi.employeeId],
      [f.org.people.staff1.employeeId, f.org.people.kasi.employeeId],
    ]);
  });
});
