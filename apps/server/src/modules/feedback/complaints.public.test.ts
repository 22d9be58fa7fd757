import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaintAttachments, complaints } from '../../db/schema/index.js';
import { feedbackFixture, makeServicePoint, nextIp, submitComplaint, track, type FeedbackFixture } from './feedback.test-helpers.js';

let f: FeedbackFixture;
let sp: { id: number; slug: string };
const text = 'Antrean perekaman sangat lama, sudah tiga jam belum dipanggil.';

beforeAll(async () => {
  // Monday 16 March 2026, 09:00 WIB: the week of Nyepi and Idul Fitri 1447 H.
  f = await feedbackFixture('2026-03-16T02:00:00Z');
  sp = await makeServicePoint(f, f.org.units.seksi.id, 'Poli Umum', 'poli-umum');
  await f.t.as(f.s.adminBkpsdm!).post('/api/holidays/national/2026', {});
});
afterAll(async () => {
  await f?.close();
});

const post = (body: Record<string, unknown>, ip?: string) =>
  f.pub('POST', '/api/public/complaints', { ip, body: { servicePointSlug: sp.slug, category: 'PELAYANAN_LAMBAT', ...body } });

function jpegWithExif(secret: string): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const exifBody = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(secret, 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(exifBody.length + 2) >> 8, (exifBody.length + 2) & 0xff]), exifBody]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, app1, sos]);
}

function multipart(file: Buffer, filename: string, type = 'image/jpeg') {
  const boundary = '----pantau-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (c: { trackingCode: string; token: string }, file: Buffer, name: string, type?: string) => {
  const { payload, headers } = multipart(file, name, type);
  return f.t.app.inject({
    method: 'POST',
    url: `/api/public/complaints/${c.trackingCode}/attachments`,
    payload,
    remoteAddress: nextIp(),
    headers: { ...headers, 'x-tracking-token': c.token },
  });
};

describe('POST /api/public/complaints — bad input and abuse', () => {
  it('fails with 400 naming the field when the description is too short or too long', async () => {
    const short = await post({ description: 'Lambat.' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ path: 'body.description', message: 'Minimal 20 karakter.' });
    const long = await post({ description: 'a'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0]).toMatchObject({ path: 'body.description', message: 'Maksimal 4000 karakter.' });
  });

  it('counts the text without HTML', async () => {
    const res = await post({ description: '<b><i><u>ok</u></i></b><script>alert(1)</script><img src=x>' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.description', code: 'TEXT_TOO_SHORT' });
    expect(res.json().error.fields[0].message).toBe('Tulis minimal 20 karakter (tanpa kode HTML).');
  });

  it('fails with 400 for a missing or unknown service and a staff member not on the list', async () => {
    const none = await f.pub('POST', '/api/public/complaints', { body: { category: 'LAINNYA', description: text } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].path).toBe('body.servicePointSlug');
    const unknown = await post({ servicePointSlug: 'tidak-ada', description: text });
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'body.servicePointSlug', code: 'SERVICE_UNKNOWN' });
    const staff = await post({ description: text, subjectEmployeeId: f.org.people.staffB.employeeId });
    expect(staff.json().error.fields[0]).toMatchObject({ path: 'body.subjectEmployeeId', code: 'STAFF_NOT_LISTED' });
    const email = await post({ description: text, contact: { email: 'bukan-email' } });
    expect(email.json().error.fields[0].path).toBe('body.contact.email');
  });

  it('fails with 413 and a clear message for a body over the size limit', async () => {
    const res = await post({ description: 'x'.repeat(11 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Ukuran data terlalu besar (maksimal 10 MB).' });
  });

  it('discards a complaint whose honeypot is filled, answering with a plausible code', async () => {
    const before = (await f.db.db.select({ id: complaints.id }).from(complaints)).length;
    const res = await post({ description: text, website: 'https://promo.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingCode).toMatch(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect((await f.db.db.select({ id: complaints.id }).from(complaints)).length).toBe(before);
    expect((await track(f, res.json())).statusCode).toBe(404);
  });

  it('refuses the same complaint from the same client the same day, and flags it from another client', async () => {
    const ip = nextIp();
    const body = { description: 'Petugas loket meminta uang tambahan Rp50.000 untuk mempercepat.', category: 'PUNGUTAN_LIAR' };
    const first = await post(body, ip);
    expect(first.statusCode).toBe(201);
    const again = await post({ ...body, description: `  ${body.description.toUpperCase()} ` }, ip);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ path: 'body.description', code: 'COMPLAINT_DUPLICATE' });
    const elsewhere = await post(body, nextIp());
    expect(elsewhere.statusCode).toBe(201);
    const list = (await f.t.as(f.s.adminBkpsdm!).get('/api/complaints?category=PUNGUTAN_LIAR&pageSize=50')).json().complaints;
    const dupes = list.filter((c: { duplicateOfId: number | null }) => c.duplicateOfId !== null);
    expect(dupes).toHaveLength(1);
  });

  it('limits complaints per address (429)', async () => {
    const ip = nextIp();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post({ description: `${text} Percobaan nomor ${i}.` }, ip)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
  });
});

describe('POST /api/public/complaints — accepted', () => {
  it('is rahasia by default and counts the verification deadline in working days past Nyepi and Lebaran', async () => {
    const res = await post({ description: text });
    expect(res.statusCode).toBe(201);
    // 17 March, then the break 18–24 March (cuti bersama, Nyepi, Idul Fitri, weekend), 25, 26.
    expect(res.json()).toMatchObject({ receivedOn: '2026-03-16', verifyDueOn: '2026-03-26', anonymous: false, confidential: true });
    // 60 bits in 12 Crockford characters, easy to copy (tracking-code.test.ts).
    expect(res.json().token).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(res.json().codeSentBy).toEqual([]);
  });

  it('stores the text without tags and audits the receipt without address or contact', async () => {
    const c = await submitComplaint(f, {
      servicePointSlug: sp.slug,
      description: 'Loket tutup <script>document.location="https://evil.example"</script>sebelum jam <b>12</b> siang.',
      contact: { name: 'Cut Pelapor', phone: '0811-222-333' },
    });
    const view = (await track(f, c)).json().complaint;
    expect(view.description).toBe('Loket tutup sebelum jam 12 siang.');
    const rows = await f.db.db.select().from(auditLog).where(eq(auditLog.entityId, String(c.id)));
    const created = rows.find((r) => r.action === 'complaint.create');
    expect(created).toMatchObject({ ip: null, actorUserId: null });
    expect(JSON.stringify(rows)).not.toMatch(/Cut Pelapor|0811-222-333|Loket tutup/);
  });
});

describe('GET /api/public/complaints/:code — tracking', () => {
  it('answers 404 alike for an unknown code, a wrong token and no token', async () => {
    const c = await submitComplaint(f, { servicePointSlug: sp.slug, description: text + ' (lacak)' });
    expect((await f.pub('GET', '/api/public/complaints/ADU-AAAA-AAAA', { headers: { 'x-tracking-token': c.token } })).statusCode).toBe(404);
    expect((await f.pub('GET', `/api/public/complaints/${c.trackingCode}`, { headers: { 'x-tracking-token': 'salah' } })).statusCode).toBe(404);
    expect((await f.pub('GET', `/api/public/complaints/${c.trackingCode}`)).statusCode).toBe(404);
    const ok = await track(f, c);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().complaint).toMatchObject({ status: 'DITERIMA', dueOn: '2026-03-26', unitName: 'Seksi Layanan Primer', servicePointName: 'Poli Umum' });
    expect(ok.json().complaint.history).toEqual([{ at: '2026-03-16T02:00:00.000Z', status: 'DITERIMA', kind: 'DITERIMA', unitName: null, note: null }]);
  });

  it('limits lookups per address', async () => {
    const ip = nextIp();
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await f.pub('GET', '/api/public/complaints/ADU-AAAA-AAAA', { ip })).statusCode;
    expect(last).toBe(429);
  });
});

describe('POST /api/public/complaints/:code/attachments', () => {
  it('stores a photo without its EXIF metadata; officials download it as an attachment', async () => {
    const c = await submitComplaint(f, { servicePointSlug: sp.slug, description: text + ' (foto)' });
    const res = await upload(c, jpegWithExif('GPS 5.18N 97.14E Samsung SM-A125F'), '../../etc/foto rumah.jpeg');
    expect(res.statusCode).toBe(201);
    expect(res.json().attachment).toMatchObject({ mimeType: 'image/jpeg', fileName: 'foto rumah.jpg' });
    const [stored] = await f.db.db.select().from(complaintAttachments).where(eq(complaintAttachments.complaintId, c.id));
    const bytes = Buffer.from(stored!.contentBase64, 'base64');
    expect(bytes.toString('latin1')).not.toContain('GPS');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const dl = await f.t.as(f.s.adminBkpsdm!).get(`/api/complaints/${c.id}/attachments/${res.json().attachment.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.headers['content-disposition']).toBe('attachment; filename="foto rumah.jpg"');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a photo or PDF (415), one over 5 MB (413), a fourth file and one after verification (409)', async () => {
    const c = await submitComplaint(f, { servicePointSlug: sp.slug, description: text + ' (lampiran)' });
    const html = await upload(c, Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg');
    expect(html.statusCode).toBe(415);
    expect(html.json().error.fields[0].code).toBe('ATTACHMENT_TYPE');
    const big = await upload(c, Buffer.concat([jpegWithExif(''), Buffer.alloc(5 * 1024 * 1024)]), 'besar.jpg');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('Ukuran data terlalu besar (maksimal 5 MB).');
    for (let i = 0; i < 3; i++) expect((await upload(c, jpegWithExif(''), `f${i}.jpg`)).statusCode).toBe(201);
    const fourth = await upload(c, Buffer.from('%PDF-1.4\n%%EOF'), 'surat.pdf', 'application/pdf');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.fields[0]).toMatchObject({ code: 'ATTACHMENT_LIMIT', message: 'Maksimal 3 lampiran per pengaduan.' });
    await f.t.as(f.s.adminBkpsdm!).post(`/api/complaints/${c.id}/transitions`, { to: 'DIVERIFIKASI' });
    const c2 = { ...c };
    expect((await upload(c2, Buffer.from('%PDF-1.4\n%%EOF'), 'surat.pdf', 'application/pdf')).json().error.fields[0].code).toBe('ATTACHMENTS_CLOSED');
    expect((await upload({ ...c, token: 'salah' }, jpegWithExif(''), 'a.jpg')).statusCode).toBe(404);
  });
});

describe('public list of complaints (never rahasia)', () => {
  it('shows a verified, forwarded non-rahasia complaint with HTML removed, and never a rahasia one', async () => {
    const open = await submitComplaint(f, {
      servicePointSlug: sp.slug,
      confidential: false,
      anonymous: true,
      description: 'Kursi ruang tunggu rusak <img src=x onerror=alert(1)> dan AC mati.',
    });
    const secret = await submitComplaint(f, { servicePointSlug: sp.slug, description: 'Rahasia: dokter sering datang terlambat.' });
    for (const c of [open, secret]) {
      await f.t.as(f.s.adminBkpsdm!).post(`/api/complaints/${c.id}/transitions`, { to: 'DIVERIFIKASI' });
      await f.t.as(f.s.adminBkpsdm!).post(`/api/complaints/${c.id}/transitions`, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id });
    }
    const res = await f.pub('GET', `/api/public/service-points/${sp.slug}/complaints`);
    expect(res.statusCode).toBe(200);
    const list = res.json().complaints;
    expect(list.map((c: { description: string }) => c.description)).toEqual(['Kursi ruang tunggu rusak dan AC mati.']);
    expect(res.body).not.toContain('terlambat');
    expect(res.body).not.toContain('<');
  });
});
