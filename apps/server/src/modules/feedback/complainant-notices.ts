import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { complaintContacts, complaints, jobs } from '../../db/schema/index.js';
import { jobsRepository, type JobRow } from '../jobs/jobs.repository.js';
import type { JobHandler } from '../jobs/runner.js';
import type { Mailer } from '../notifications/mailer.js';
import { phoneE164, type TextSender } from '../notifications/sms-gateway.js';
import { groupedSecret } from './tracking-code.js';

/**
 * Messages to the complainant (issue 5 §3): the tracking code and secret right after sending,
 * then the steps that matter to them — ditolak with the reason, ditindaklanjuti, selesai and a
 * reopened complaint's new deadline. Bahasa Indonesia only (the public form is Indonesian first
 * and the contact carries no language).
 *
 * Each message is a job in the PostgreSQL queue, added in the same transaction as the step that
 * causes it: a mail server or gateway outage only delays it (the queue retries with backoff), and
 * never loses the complaint or slows the public form. The job holds the complaint id, not the
 * contact: the handler reads the contact when it sends, so the address lives in one table only.
 * The secret travels in the first job's payload until it is sent (or given up) and is then
 * removed from the row. Nothing here is shown to officials; error texts kept on the job have the
 * address replaced.
 */

export const COMPLAINANT_NOTICE_JOB = 'feedback.complainant_notice';

export type NoticeKind = 'RECEIVED' | 'DITOLAK' | 'DITINDAKLANJUTI' | 'SELESAI' | 'REOPENED';
export type NoticeChannel = 'EMAIL' | 'PHONE';

/** Which channels are configured (SMTP, SMS gateway); a contact of another kind is not written to. */
export interface NoticeChannels {
  email: boolean;
  phone: boolean;
}

interface NoticePayload {
  complaintId: number;
  kind: NoticeKind;
  channel: NoticeChannel;
  secret?: string;
  /** The deadline and closing day as the step left them (later steps change the row). */
  dueOn: string | null;
  closedOn: string | null;
}

/**
 * Queues the notices of one step inside the caller's transaction; returns the channels that will
 * carry them (empty: no contact, or none of its kinds configured).
 */
export async function queueComplainantNotices(
  tx: DbOrTx,
  channels: NoticeChannels,
  n: { complaintId: number; instansiId: number; kind: NoticeKind; secret?: string },
): Promise<NoticeChannel[]> {
  if (!channels.email && !channels.phone) return [];
  const [contact] = await tx
    .select({ email: complaintContacts.email, phone: complaintContacts.phone })
    .from(complaintContacts)
    .where(eq(complaintContacts.complaintId, n.complaintId));
  const via: NoticeChannel[] = [];
  if (channels.email && contact?.email) via.push('EMAIL');
  if (channels.phone && contact?.phone && phoneE164(contact.phone) !== null) via.push('PHONE');
  if (via.length === 0) return via;
  const [state] = await tx.select({ dueOn: complaints.dueOn, closedOn: complaints.closedOn }).from(complaints).where(eq(complaints.id, n.complaintId));
  const queue = jobsRepository(tx);
  for (const channel of via) {
    const payload: NoticePayload = {
      complaintId: n.complaintId,
      kind: n.kind,
      channel,
      dueOn: state?.dueOn ?? null,
      closedOn: state?.closedOn ?? null,
      ...(n.secret ? { secret: n.secret } : {}),
    };
    await queue.enqueue({ type: COMPLAINANT_NOTICE_JOB, instansiId: n.instansiId, payload: { ...payload }, maxAttempts: 8 });
  }
  return via;
}

export interface NoticeFacts {
  trackingCode: string;
  unitName: string;
  receivedOn: string;
  dueOn: string | null;
  closedOn: string | null;
  rejectionReason: string | null;
}

export interface NoticeText {
  subject: string;
  /** E-mail body. */
  text: string;
  /** The SMS/WhatsApp text: the same facts, shorter. */
  short: string;
}

/** "16 Maret 2026". */
export function tanggal(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The wording of each notice (Bahasa Indonesia). `trackUrl` is the tracking page, when known. */
export function complainantNotice(
  kind: NoticeKind,
  f: NoticeFacts,
  opts: { secret?: string; trackUrl: string | null; reopenWindowWorkingDays: number },
): NoticeText {
  const where = opts.trackUrl ?? 'halaman "Lacak pengaduan" Pantau';
  const code = f.trackingCode;
  const due = f.dueOn === null ? '' : tanggal(f.dueOn);
  const footer = `\n\nLihat perkembangannya di ${where} dengan kode pelacakan dan kode rahasia Anda.\n\nPesan ini dikirim otomatis oleh Pantau; mohon tidak dibalas.`;
  switch (kind) {
    case 'RECEIVED': {
      const secret = opts.secret ? groupedSecret(opts.secret) : null;
      const codes = secret === null ? `Kode pelacakan: ${code}` : `Kode pelacakan: ${code}\nKode rahasia: ${secret}`;
      return {
        subject: `Pengaduan Anda diterima (${code})`,
        text:
          `Terima kasih. Pengaduan Anda tentang ${f.unitName} telah diterima pada ${tanggal(f.receivedOn)}.\n\n${codes}\n\n` +
          'Simpan kedua kode ini. Jangan berikan kode rahasia kepada siapa pun; petugas tidak akan pernah memintanya.' +
          (due ? `\n\nPengaduan akan diverifikasi dan diteruskan paling lambat ${due}.` : '') +
          footer,
        short: `Pantau: pengaduan diterima. Kode ${code}${secret === null ? '' : `, kode rahasia ${secret}`}. Simpan, jangan berikan kepada siapa pun. Lacak: ${where}`,
      };
    }
    case 'DITOLAK':
      return {
        subject: `Pengaduan ${code} tidak dapat diproses`,
        text: `Pengaduan ${code} tidak dapat diproses lebih lanjut.\n\nAlasan: ${f.rejectionReason ?? '-'}` + footer,
        short: `Pantau: pengaduan ${code} ditolak. Alasan: ${truncate(f.rejectionReason ?? '-', 200)}`,
      };
    case 'DITINDAKLANJUTI':
      return {
        subject: `Pengaduan ${code} sudah ditindaklanjuti`,
        text:
          `${f.unitName} telah mencatat tindak lanjut atas pengaduan ${code}. Bacalah tindak lanjutnya di halaman pelacakan.\n\n` +
          `Jika masalahnya belum selesai, Anda dapat membuka kembali pengaduan dari halaman itu.` +
          (due ? ` Tanpa tanggapan dari Anda, pengaduan dianggap selesai pada ${due}.` : '') +
          footer,
        short: `Pantau: pengaduan ${code} sudah ditindaklanjuti. Baca dan tanggapi di ${where}${due ? `; tanpa tanggapan selesai ${due}` : ''}.`,
      };
    case 'SELESAI':
      return {
        subject: `Pengaduan ${code} selesai`,
        text:
          `Pengaduan ${code} dinyatakan selesai${f.closedOn ? ` pada ${tanggal(f.closedOn)}` : ''}.\n\n` +
          `Jika masalahnya ternyata belum teratasi, Anda dapat membuka kembali pengaduan dalam ${opts.reopenWindowWorkingDays} hari kerja setelah tindak lanjut terakhir.` +
          footer,
        short: `Pantau: pengaduan ${code} selesai. Belum teratasi? Buka kembali dalam ${opts.reopenWindowWorkingDays} hari kerja di ${where}.`,
      };
    case 'REOPENED':
      return {
        subject: `Pengaduan ${code} dibuka kembali`,
        text: `Pengaduan ${code} dibuka kembali dan diteruskan lagi ke ${f.unitName}.` + (due ? ` Tindak lanjut paling lambat ${due}.` : '') + footer,
        short: `Pantau: pengaduan ${code} dibuka kembali.${due ? ` Tindak lanjut paling lambat ${due}.` : ''}`,
      };
  }
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface ComplainantNoticeDeps {
  db: Db;
  mailer: Mailer | null;
  sms: TextSender | null;
  /** Public origin (PANTAU_PUBLIC_URL) for the link to the tracking page. */
  publicUrl: string | null;
  reopenWindowWorkingDays: number;
}

/** The queue handler; added to the shared worker by main.ts. */
export function createComplainantNoticeJobs(deps: ComplainantNoticeDeps): { handlers: Record<string, JobHandler> } {
  const trackUrl = deps.publicUrl === null ? null : `${deps.publicUrl}/pengaduan/lacak`;

  async function facts(complaintId: number) {
    const [row] = await rows<Omit<NoticeFacts, 'dueOn' | 'closedOn'> & { email: string | null; phone: string | null }>(
      deps.db,
      sql`select c.tracking_code as "trackingCode", coalesce(hu.name, u.name) as "unitName", c.received_on::text as "receivedOn",
                 c.rejection_reason as "rejectionReason",
                 cc.email, cc.phone
          from complaints c
          join org_units u on u.id = c.unit_id
          left join org_units hu on hu.id = c.handling_unit_id
          left join complaint_contacts cc on cc.complaint_id = c.id
          where c.id = ${complaintId}`,
    );
    return row;
  }

  /** The secret leaves the queue once it is sent or the job gives up. */
  async function forgetSecret(job: JobRow) {
    await deps.db
      .update(jobs)
      .set({ payload: sql`${jobs.payload} - 'secret'` })
      .where(eq(jobs.id, job.id));
  }

  return {
    handlers: {
      [COMPLAINANT_NOTICE_JOB]: async (job) => {
        const p = job.payload as NoticePayload;
        let done = false;
        let contact: string[] = [];
        try {
          const f = await facts(p.complaintId);
          if (!f) {
            done = true;
            return;
          }
          const message = complainantNotice(p.kind, { ...f, dueOn: p.dueOn ?? null, closedOn: p.closedOn ?? null }, { secret: p.secret, trackUrl, reopenWindowWorkingDays: deps.reopenWindowWorkingDays });
          if (p.channel === 'EMAIL' && f.email && deps.mailer) {
            contact = [f.email];
            await deps.mailer.send({ to: f.email, subject: message.subject, text: message.text });
          } else if (p.channel === 'PHONE' && f.phone && deps.sms) {
            const to = phoneE164(f.phone);
            contact = [f.phone, ...(to === null ? [] : [to])];
            if (to !== null) await deps.sms.send({ to, text: message.short });
          }
          // A channel switched off since the job was queued: nothing to send, nothing to retry.
          done = true;
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          // No `cause`: the original error names the address, and the job row and log must not.
          // eslint-disable-next-line preserve-caught-error
          throw new Error(contact.reduce((t, c) => t.split(c).join('[kontak]'), text));
        } finally {
          if (p.secret !== undefined && (done || job.attempts >= job.maxAttempts)) await forgetSecret(job);
        }
      },
    },
  };
}
