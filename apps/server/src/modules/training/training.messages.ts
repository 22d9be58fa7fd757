import type { Locale } from '@pantau/contracts';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { interpolate } from '../../http/messages.js';
import type { Actor, RequestContext } from '../auth/actor.js';

/**
 * Messages of the training module, Bahasa Indonesia first. Field problems carry the localised
 * text, so the shared error handler shows it as is (no edit of the shared table needed).
 */
const messages = {
  TIME_FORMAT: { id: 'Jam harus berformat JJ:MM, misalnya 08:30.', en: 'Time must be HH:mm, e.g. 08:30.' },
  TOKEN_FORMAT: { id: 'Kode kehadiran tidak dikenali.', en: 'The attendance code is not recognised.' },
  JP_DECIMALS: { id: 'JP paling banyak satu angka desimal, misalnya 2,5.', en: 'JP may have at most one decimal, e.g. 2.5.' },
  DATE_RANGE: { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  TIME_ORDER: { id: 'Jam selesai harus setelah jam mulai.', en: 'The end time must be after the start time.' },
  SESSION_TOO_LONG: { id: 'Satu sesi paling lama {days} hari.', en: 'A session can last at most {days} days.' },
  UNIT_UNKNOWN: { id: 'Unit penyelenggara tidak ditemukan.', en: 'The organising unit was not found.' },
  UNIT_NOT_MANAGED: {
    id: 'Sertakan unit yang Anda kelola sebagai penyelenggara.',
    en: 'Include a unit you administer among the organisers.',
  },
  COURSE_INACTIVE: { id: 'Pelatihan ini sudah tidak aktif di katalog.', en: 'This training is no longer active in the catalogue.' },
  SESSION_CANCELLED: { id: 'Sesi ini sudah dibatalkan.', en: 'This session was cancelled.' },
  SESSION_OVER: { id: 'Sesi ini sudah selesai.', en: 'This session is already over.' },
  SESSION_STARTED: { id: 'Sesi ini sudah dimulai; pendaftaran ditutup.', en: 'This session has started; registration is closed.' },
  SESSION_FULL: {
    id: 'Kuota sesi ini sudah penuh ({capacity} peserta). Pilih sesi lain.',
    en: 'This session is full ({capacity} participants). Choose another session.',
  },
  SEATS_SHORT: {
    id: 'Sisa kuota {left} kursi, tidak cukup untuk {wanted} peserta.',
    en: 'Only {left} seats left, not enough for {wanted} participants.',
  },
  CAPACITY_BELOW_TAKEN: {
    id: 'Kuota tidak boleh kurang dari {taken} peserta yang sudah terdaftar.',
    en: 'The capacity cannot be below the {taken} participants already enrolled.',
  },
  ALREADY_ENROLLED: {
    id: '{name} sudah terdaftar atau sudah mengajukan pelatihan ini.',
    en: '{name} is already enrolled in, or has asked for, this training.',
  },
  ALREADY_ENROLLED_SELF: {
    id: 'Anda sudah terdaftar atau sudah mengajukan pelatihan ini.',
    en: 'You are already enrolled in, or have asked for, this training.',
  },
  EMPLOYEE_DUPLICATE: { id: 'Pegawai ini tercantum dua kali.', en: 'This employee is listed twice.' },
  UNIT_DUPLICATE: { id: 'Unit ini tercantum dua kali.', en: 'This unit is listed twice.' },
  NOT_IN_SCOPE: { id: 'Pegawai ini bukan bawahan Anda atau di luar unit yang Anda kelola.', en: 'This employee is not in your team or your units.' },
  NEED_UNKNOWN: { id: 'Kebutuhan pengembangan tidak ditemukan pada rencana Anda.', en: 'The development need is not on your plan.' },
  NEED_NOT_OPEN: { id: 'Kebutuhan pengembangan ini sudah ditutup.', en: 'This development need is already closed.' },
  NEED_EMPTY: { id: 'Pilih perilaku kerja atau tulis kompetensi yang perlu dikembangkan.', en: 'Choose a behaviour or write the competency to develop.' },
  NEED_DUPLICATE: { id: 'Kebutuhan yang sama sudah ada pada rencana tahun ini.', en: 'The same need is already on this year\'s plan.' },
  COURSE_UNKNOWN: { id: 'Pelatihan tidak ditemukan di katalog.', en: 'The training was not found in the catalogue.' },
  NOT_REQUESTED: { id: 'Permintaan ini sudah diputuskan atau dibatalkan.', en: 'This request was already decided or withdrawn.' },
  NOTE_REQUIRED: { id: 'Tulis alasan penolakan untuk pegawai.', en: 'Write the reason for the employee.' },
  NOT_ENROLLED: { id: 'Anda tidak terdaftar sebagai peserta sesi ini.', en: 'You are not enrolled in this session.' },
  NOT_ENROLLED_PARTICIPANT: { id: 'Peserta ini tidak terdaftar aktif pada sesi ini.', en: 'This participant is not enrolled in this session.' },
  CODE_INVALID: {
    id: 'Kode QR tidak berlaku. Pindai kode yang sedang tampil di layar penyelenggara.',
    en: 'This QR code is not valid. Scan the code showing on the organiser\'s screen now.',
  },
  CODE_EXPIRED: {
    id: 'Kode QR ini sudah berganti. Pindai ulang kode yang sedang tampil di layar.',
    en: 'This QR code has changed. Scan the code showing on the screen again.',
  },
  CHECK_IN_NOT_YET: {
    id: 'Presensi dibuka {minutes} menit sebelum sesi dimulai (pukul {start} WIB).',
    en: 'Check-in opens {minutes} minutes before the session starts ({start} WIB).',
  },
  CHECK_IN_OVER: { id: 'Sesi sudah berakhir; presensi dengan kode QR ditutup.', en: 'The session has ended; QR check-in is closed.' },
  ALREADY_CHECKED_IN: { id: 'Kehadiran Anda hari ini sudah tercatat.', en: 'Your attendance today is already recorded.' },
  DATE_NOT_IN_SESSION: { id: 'Tanggal ini bukan hari pelaksanaan sesi.', en: 'This date is not a day of the session.' },
  DATE_FUTURE: { id: 'Kehadiran tidak dapat dicatat untuk hari yang belum tiba.', en: 'Attendance cannot be recorded for a day still to come.' },
  OWN_ATTENDANCE: { id: 'Anda tidak dapat mencatat kehadiran Anda sendiri.', en: 'You cannot record your own attendance.' },
  CERTIFICATE_REQUIRED: { id: 'Unggah sertifikat untuk menyatakan selesai.', en: 'Upload the certificate to mark it completed.' },
  CERTIFICATE_UNKNOWN: { id: 'Sertifikat tidak ditemukan di unggahan Anda.', en: 'The certificate is not among your uploads.' },
  CERTIFICATE_TYPE: { id: 'Sertifikat harus berupa PDF atau foto (JPEG, PNG, WebP).', en: 'The certificate must be a PDF or a photo (JPEG, PNG, WebP).' },
  ATTENDANCE_SHORT: {
    id: 'Peserta baru hadir {attended} dari {needed} hari yang diperlukan.',
    en: 'The participant attended {attended} of the {needed} days required.',
  },
  NOT_FINISHED: { id: 'Penyelesaian dapat dicatat setelah sesi berakhir.', en: 'Completion can be recorded once the session is over.' },
  NOT_COMPLETABLE: { id: 'Status peserta ini tidak dapat diubah lagi.', en: 'This place cannot be changed any more.' },
  NOT_CANCELLABLE: { id: 'Tempat ini tidak dapat dibatalkan lagi.', en: 'This place can no longer be cancelled.' },
  DATE_IN_FUTURE: { id: 'Tanggal pelatihan tidak boleh melewati hari ini.', en: 'The training dates cannot be after today.' },
  NOT_PENDING: { id: 'Pelatihan ini sudah diverifikasi atau ditolak.', en: 'This training was already verified or rejected.' },
  YEAR_RANGE: { id: 'Tahun rencana harus tahun ini atau tahun depan.', en: 'The plan year must be this year or next.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type TrainingMessage = keyof typeof messages;

export function trainingText(locale: Locale, code: TrainingMessage, params?: Record<string, unknown>): string {
  return interpolate(messages[code][locale], params);
}

/** A field problem with its text already in the caller's language. */
export function problem(locale: Locale, path: string, code: TrainingMessage, params?: Record<string, unknown>): FieldProblem {
  return { path, code, message: trainingText(locale, code, params), ...(params ? { params } : {}) };
}

/** 409 naming one field. */
export const conflictOn = (locale: Locale, path: string, code: TrainingMessage, params?: Record<string, unknown>) =>
  new AppError(409, 'CONFLICT', undefined, [problem(locale, path, code, params)]);

/** 400 naming one field. */
export const invalidOn = (locale: Locale, path: string, code: TrainingMessage, params?: Record<string, unknown>) =>
  new AppError(400, 'VALIDATION_FAILED', undefined, [problem(locale, path, code, params)]);

/** Who is calling, for the audit log, and in which language messages are wanted. */
export interface TrainingCtx {
  actor: Actor;
  req: RequestContext;
  locale: Locale;
}
