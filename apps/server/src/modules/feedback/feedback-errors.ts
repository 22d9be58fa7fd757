import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { interpolate } from '../../http/messages.js';

/** Field messages of this module, by code; Bahasa Indonesia first (the citizen's language). */
export const FEEDBACK_FIELD_MESSAGES: Record<string, { id: string; en: string }> = {
  SURVEY_DUPLICATE: {
    id: 'Jawaban yang sama sudah terkirim hari ini. Terima kasih, tidak perlu mengirim ulang.',
    en: 'The same answers were already sent today. Thank you, no need to send them again.',
  },
  COMPLAINT_DUPLICATE: {
    id: 'Pengaduan yang sama sudah Anda kirim hari ini. Gunakan kode pelacakan dari pengiriman pertama.',
    en: 'You already sent this complaint today. Use the tracking code from the first submission.',
  },
  STAFF_NOT_LISTED: { id: 'Pilih petugas dari daftar petugas layanan ini.', en: 'Choose a staff member from this service\'s list.' },
  TEXT_TOO_SHORT: {
    id: 'Tulis minimal {minimum} karakter (tanpa kode HTML).',
    en: 'Write at least {minimum} characters (HTML is not counted).',
  },
  SERVICE_UNKNOWN: { id: 'Layanan tidak ditemukan atau tidak aktif.', en: 'Service not found or not active.' },
  UNIT_UNKNOWN: { id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  TRANSITION_NOT_ALLOWED: {
    id: 'Status pengaduan tidak dapat diubah dari {from} menjadi {to}.',
    en: 'The complaint cannot move from {from} to {to}.',
  },
  REOPEN_NOT_ALLOWED_STATUS: {
    id: 'Pengaduan hanya dapat dibuka kembali setelah ditindaklanjuti atau diselesaikan.',
    en: 'A complaint can be reopened only after a follow-up or closure.',
  },
  REOPEN_WINDOW_PASSED: {
    id: 'Batas waktu membuka kembali pengaduan ini sudah lewat. Silakan kirim pengaduan baru.',
    en: 'The time to reopen this complaint has passed. Please send a new complaint.',
  },
  REOPEN_LIMIT: {
    id: 'Pengaduan ini sudah dibuka kembali sebanyak batas yang diizinkan. Silakan kirim pengaduan baru.',
    en: 'This complaint was reopened as often as allowed. Please send a new complaint.',
  },
  ATTACHMENT_LIMIT: { id: 'Maksimal {maximum} lampiran per pengaduan.', en: 'At most {maximum} attachments per complaint.' },
  ATTACHMENTS_CLOSED: {
    id: 'Lampiran hanya dapat ditambahkan sebelum pengaduan diverifikasi.',
    en: 'Attachments can be added only before the complaint is verified.',
  },
  ATTACHMENT_TYPE: { id: 'Lampiran harus berupa foto JPG/PNG atau PDF.', en: 'Attachments must be JPG/PNG photos or PDF files.' },
  ATTACHMENT_MISSING: { id: 'Pilih berkas yang akan dilampirkan.', en: 'Choose a file to attach.' },
  EVIDENCE_NOT_VERIFIED: {
    id: 'Hanya pengaduan terverifikasi tentang pegawai tertentu yang dapat dijadikan bukti.',
    en: 'Only a verified complaint about a named employee can become evidence.',
  },
  EVIDENCE_AWAITS_EMPLOYEE: {
    id: 'Pegawai yang bersangkutan belum melihat dan menanggapi pengaduan ini.',
    en: 'The employee has not yet seen and answered this complaint.',
  },
  EVIDENCE_EXISTS: { id: 'Pengaduan ini sudah menjadi bukti.', en: 'This complaint is already evidence.' },
  ALREADY_FOLLOWED_UP: { id: 'Tindak lanjut sudah dicatat.', en: 'The follow-up was already recorded.' },
  SERVICE_POINT_IN_USE: {
    id: 'Layanan ini sudah memiliki survei atau pengaduan; nonaktifkan saja.',
    en: 'This service already has surveys or complaints; deactivate it instead.',
  },
  RANGE_TOO_LONG: { id: 'Rentang tanggal maksimal {maximum} hari.', en: 'The date range can be at most {maximum} days.' },
};

/**
 * Error handler of the module's scope: fills in the messages of this module's field codes in the
 * caller's language, then hands the error to the application's handler (which renders the envelope).
 */
export function localiseFeedbackErrors(error: Error, request: FastifyRequest, _reply: FastifyReply): never {
  if (error instanceof AppError && error.fields?.some((f) => f.message === undefined && f.code in FEEDBACK_FIELD_MESSAGES)) {
    const fields: FieldProblem[] = error.fields.map((f) => {
      const entry = FEEDBACK_FIELD_MESSAGES[f.code];
      return f.message === undefined && entry ? { ...f, message: interpolate(entry[request.locale], f.params) } : f;
    });
    throw new AppError(error.status, error.code, error.params, fields);
  }
  throw error;
}
