import { createServer, type IncomingMessage, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, fakeSmtp } from '../../../test/fake-smtp.js';
import { complaints, jobs } from '../../db/schema/index.js';
import { createJobRunner } from '../jobs/runner.js';
import { createSmsGateway, phoneE164 } from '../notifications/sms-gateway.js';
import { createSmtpMailer } from '../notifications/smtp-mailer.js';
import { COMPLAINANT_NOTICE_JOB, createComplainantNoticeJobs } from './complainant-notices.js';
import { allStrings, feedbackFixture, makeServicePoint, session, submitComplaint, track, type FeedbackFixture, type Submitted } from './feedback.test-helpers.js';

/** A real HTTP SMS gateway on localhost: records each POST; answers `status` (503 = outage). */
function fakeGateway() {
  const received: Array<{ auth: string | undefined; body: { to: string; text: string } }> = [];
  let status = 200;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (status === 200) received.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return {
    received,
    setStatus: (s: number) => (status = s),
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const addr = server.address();
      return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/kirim`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let smtp = fakeSmtp();
const gateway = fakeGateway();
let smtpPort = 0;
let gatewayUrl = '';
let f: FeedbackFixture;
let sp: { slug: string };
let runner: ReturnType<typeof createJobRunner>;
const day = (d: string) => `${d}T02:00:00Z`;
const text = (n: string) => `Pengaduan ${n}: antrean loket sangat lambat dan petugas tidak menjelaskan.`;

/** Runs the queue once with the notice handler; jobs are made due first (retries wait minutes). */
async function deliver(): Promise<void> {
  await f.db.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.status, 'PENDING'));
  await runner.runOnce();
}

const noticeJobs = () => f.db.db.select().from(jobs).where(eq(jobs.type, COMPLAINANT_NOTICE_JOB)).orderBy(jobs.id);

beforeAll(async () => {
  smtpPort = await smtp.start();
  gatewayUrl = await gateway.start();
  f = await feedbackFixture(day('2026-03-02'), {
    env: {
      PANTAU_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PANTAU_MAIL_FROM: 'pantau@lhokseumawekota.go.id',
      PANTAU_SMS_GATEWAY_URL: gatewayUrl,
      PANTAU_SMS_GATEWAY_TOKEN: 'rahasia-gateway',
      PANTAU_PUBLIC_URL: 'https://pantau.lhokseumawekota.go.id',
    },
  });
  sp = await makeServicePoint(f, f.org.units.seksi.id, 'Perekaman KTP', 'ktp');
  const handlers = createComplainantNoticeJobs({
    db: f.db.db,
    mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'pantau@lhokseumawekota.go.id', timeoutMs: 2000 }),
    sms: createSmsGateway({ url: gatewayUrl, token: 'rahasia-gateway', timeoutMs: 2000 }),
    publicUrl: 'https://pantau.lhokseumawekota.go.id',
    reopenWindowWorkingDays: 10,
  }).handlers;
  runner = createJobRunner({ db: f.db.db, handlers });
});
afterAll(async () => {
  await f?.close();
  await smtp.close();
  await gateway.close();
});

describe('phone numbers for the gateway', () => {
  it('writes Indonesian numbers as E.164 and refuses what cannot be one', () => {
    expect(phoneE164('0812-3456 7890')).toBe('+6281234567890');
    expect(phoneE164('62 812 3456 7890')).toBe('+6281234567890');
    expect(phoneE164('+62 (812) 3456-7890')).toBe('+6281234567890');
    expect(phoneE164('12345')).toBeNull();
  });
});

describe('the tracking code reaches the complainant', () => {
  let byMail: Submitted;
  let byPhone: Submitted;

  it('queues an e-mail at submission and says so; the job holds no address', async () => {
    const res = await f.pub('POST', '/api/public/complaints', {
      body: { servicePointSlug: sp.slug, category: 'PELAYANAN_LAMBAT', description: text('A'), anonymous: true, contact: { email: 'Warga@Contoh.id' } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().codeSentBy).toEqual(['EMAIL']);
    const [job] = await noticeJobs();
    expect(job).toMatchObject({ status: 'PENDING', payload: { kind: 'RECEIVED', channel: 'EMAIL' } });
    expect(JSON.stringify(job!.payload)).not.toContain('contoh.id');
    byMail = { trackingCode: res.json().trackingCode, token: res.json().token, id: (job!.payload as { complaintId: number }).complaintId };
  });

  it('sends it in Bahasa Indonesia with the code, the grouped secret and the link, then forgets the secret', async () => {
    await deliver();
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m.to).toBe('RCPT TO:<warga@contoh.id>');
    const body = bodyText(m.data);
    expect(body).toContain(`Kode pelacakan: ${byMail.trackingCode}`);
    expect(body).toContain(`Kode rahasia: ${byMail.token.match(/.{4}/g)!.join(' ')}`);
    expect(body).toContain('https://pantau.lhokseumawekota.go.id/pengaduan/lacak');
    expect(body).toContain('diverifikasi dan diteruskan paling lambat 5 Maret 2026');
    const [job] = await noticeJobs();
    expect(job!.status).toBe('DONE');
    expect(job!.payload).not.toHaveProperty('secret');
  });

  it('sends a phone contact through the HTTP gateway, and a gateway outage only delays it', async () => {
    gateway.setStatus(503);
    const res = await f.pub('POST', '/api/public/complaints', {
      body: { servicePointSlug: sp.slug, category: 'PELAYANAN_LAMBAT', description: text('B'), contact: { phone: '0812-3456 7890' } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().codeSentBy).toEqual(['PHONE']);
    byPhone = { trackingCode: res.json().trackingCode, token: res.json().token, id: 0 };
    await deliver();
    const failed = (await noticeJobs()).at(-1)!;
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'SMS gateway answered HTTP 503' });
    expect(failed.payload).toHaveProperty('secret');
    // The complaint is there all along.
    expect((await track(f, byPhone)).statusCode).toBe(200);

    gateway.setStatus(200);
    await deliver();
    expect(gateway.received).toHaveLength(1);
    const sms = gateway.received[0]!;
    expect(sms.auth).toBe('Bearer rahasia-gateway');
    expect(sms.body.to).toBe('+6281234567890');
    expect(sms.body.text).toContain(byPhone.trackingCode);
    expect(sms.body.text).toContain(byPhone.token.match(/.{4}/g)!.join(' '));
    expect(sms.body.text.length).toBeLessThan(320);
    expect((await noticeJobs()).at(-1)).toMatchObject({ status: 'DONE' });
  });

  it('keeps the complaint and the form fast when the mail server is down, and retries later', async () => {
    await smtp.close();
    const res = await f.pub('POST', '/api/public/complaints', {
      body: { servicePointSlug: sp.slug, category: 'PELAYANAN_LAMBAT', description: text('C'), contact: { email: 'tunggu@contoh.id' } },
    });
    expect(res.statusCode).toBe(201);
    await deliver();
    const job = (await noticeJobs()).at(-1)!;
    expect(job.status).toBe('PENDING');
    expect(job.attempts).toBe(1);
    expect(job.lastError ?? '').not.toContain('tunggu@contoh.id');
    // Back up on the same port: the retry goes out.
    smtp = fakeSmtp();
    await smtp.start(smtpPort);
    await deliver();
    expect((await noticeJobs()).at(-1)).toMatchObject({ status: 'DONE' });
    expect(smtp.messages.at(-1)!.to).toBe('RCPT TO:<tunggu@contoh.id>');
  });

  it('tells the complainant of a rejection with its reason, a follow-up, the closing and a reopened deadline', async () => {
    const admin = f.t.as(session(f, 'adminBkpsdm'));
    const D = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('D'), contact: { email: 'd@contoh.id' } });
    await admin.post(`/api/complaints/${D.id}/transitions`, { to: 'DITOLAK', reason: 'Bukan kewenangan Pemko; silakan ke BPJS.' });
    const E = await submitComplaint(f, { servicePointSlug: sp.slug, description: text('E'), contact: { email: 'e@contoh.id' } });
    await admin.post(`/api/complaints/${E.id}/transitions`, { to: 'DIVERIFIKASI' });
    await admin.post(`/api/complaints/${E.id}/transitions`, { to: 'DIDISPOSISIKAN', unitId: f.org.units.seksi.id });
    const kasi = f.t.as(session(f, 'kasi'));
    expect((await kasi.post(`/api/complaints/${E.id}/transitions`, { to: 'DITINDAKLANJUTI', note: 'Loket tambahan dibuka.' })).statusCode).toBe(200);
    expect((await admin.post(`/api/complaints/${E.id}/transitions`, { to: 'SELESAI' })).statusCode).toBe(200);
    const reopened = await f.pub('POST', `/api/public/complaints/${E.trackingCode}/reopen`, { body: { reason: 'Masih lambat.' }, headers: { 'x-tracking-token': E.token } });
    expect(reopened.statusCode).toBe(200);
    const before = smtp.messages.length;
    await deliver();
    const sent = smtp.messages.slice(before).map((m) => ({ to: m.to, text: bodyText(m.data) }));
    const to = (a: string) => sent.filter((m) => m.to === `RCPT TO:<${a}>`).map((m) => m.text);
    expect(to('d@contoh.id')).toHaveLength(2);
    expect(to('d@contoh.id')[1]).toContain('Alasan: Bukan kewenangan Pemko; silakan ke BPJS.');
    const e = to('e@contoh.id');
    expect(e).toHaveLength(4);
    expect(e[1]).toContain('telah mencatat tindak lanjut');
    expect(e[1]).toContain('dianggap selesai pada 16 Maret 2026');
    expect(e[2]).toContain('dinyatakan selesai pada 2 Maret 2026');
    expect(e[3]).toContain('dibuka kembali');
    expect(e[3]).toContain('Tindak lanjut paling lambat 9 Maret 2026');
    // No official's name in any message.
    expect(sent.some((m) => m.text.includes('Kasi') || m.text.includes('Admin'))).toBe(false);
  });

  it('never puts the contact of an anonim complaint in what officials read', async () => {
    const [row] = await f.db.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, byMail.trackingCode));
    for (const who of ['adminBkpsdm', 'kasi', 'kabid', 'inspektorat']) {
      const as = f.t.as(session(f, who));
      const detail = await as.get(`/api/complaints/${row!.id}`);
      const list = await as.get('/api/complaints');
      const strings = [...allStrings(detail.json()), ...allStrings(list.json())].join('\n').toLowerCase();
      expect(strings, who).not.toContain('warga@contoh.id');
      expect((await as.get(`/api/complaints/${row!.id}/complainant`)).statusCode, who).not.toBe(200);
    }
  });

  it('sends nothing and says so when no channel is configured', async () => {
    const plain = await feedbackFixture(day('2026-03-02'));
    try {
      const p = await makeServicePoint(plain, plain.org.units.seksi.id, 'Perekaman KTP', 'ktp');
      const res = await plain.pub('POST', '/api/public/complaints', {
        body: { servicePointSlug: p.slug, category: 'PELAYANAN_LAMBAT', description: text('F'), contact: { phone: '081234567890', email: 'f@contoh.id' } },
      });
      expect(res.json().codeSentBy).toEqual([]);
      expect(await plain.db.db.select().from(jobs).where(eq(jobs.type, COMPLAINANT_NOTICE_JOB))).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
