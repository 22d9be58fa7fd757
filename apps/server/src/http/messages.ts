import type { ErrorCode, Locale } from '@pantau/contracts';
import { dailyReportFieldMessages } from '../modules/daily-reports/daily-reports.messages.js';

type Messages = Record<string, { id: string; en: string }>;

/** Error messages by stable code. Bahasa Indonesia is the source; English follows. */
export const errorMessages: Record<ErrorCode, { id: string; en: string }> = {
  VALIDATION_FAILED: { id: 'Data yang dikirim belum benar. Periksa kolom yang ditandai.', en: 'Some fields are not valid. Check the marked fields.' },
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  CONFLICT: { id: 'Data bertabrakan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  CSRF_FAILED: { id: 'Sesi halaman sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.', en: 'The page session expired. Reload the page and try again.' },
  INVALID_CREDENTIALS: { id: 'NIP atau kata sandi salah.', en: 'Wrong NIP or password.' },
  ACCOUNT_LOCKED: { id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi pukul {until} WIB.', en: 'Account temporarily locked after too many failed attempts. Try again at {until} WIB.' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.', en: 'Too many requests. Wait a moment and try again.' },
  PASSWORD_CHANGE_REQUIRED: { id: 'Anda harus mengganti kata sandi terlebih dahulu.', en: 'You must change your password first.' },
  PAYLOAD_TOO_LARGE: { id: 'Ukuran data terlalu besar (maksimal {limit}).', en: 'The upload is too large (maximum {limit}).' },
  UNSUPPORTED_FILE: { id: 'Jenis berkas tidak didukung.', en: 'This file type is not supported.' },
  INTERNAL_ERROR: { id: 'Terjadi kesalahan di server. Coba lagi; bila berulang, laporkan kode {requestId}.', en: 'Something went wrong on the server. Try again; if it repeats, report code {requestId}.' },
};

/** Field-level messages, keyed by our own codes or zod issue codes. */
export const fieldMessages: Messages = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid_type: { id: 'Jenis isian tidak sesuai.', en: 'Wrong type of value.' },
  too_small_string: { id: 'Minimal {minimum} karakter.', en: 'At least {minimum} characters.' },
  too_big_string: { id: 'Maksimal {maximum} karakter.', en: 'At most {maximum} characters.' },
  too_small_number: { id: 'Nilai minimal {minimum}.', en: 'Must be at least {minimum}.' },
  too_big_number: { id: 'Nilai maksimal {maximum}.', en: 'Must be at most {maximum}.' },
  too_small: { id: 'Terlalu kecil atau terlalu pendek.', en: 'Too small or too short.' },
  too_big: { id: 'Terlalu besar atau terlalu panjang.', en: 'Too large or too long.' },
  invalid_format: { id: 'Format tidak sesuai.', en: 'Wrong format.' },
  invalid_value: { id: 'Pilihan tidak dikenal.', en: 'Unknown option.' },
  unrecognized_keys: { id: 'Ada isian yang tidak dikenal.', en: 'Unknown field.' },
  custom: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  DATE_FORMAT: { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'Date must be YYYY-MM-DD.' },
  PASSWORD_TOO_SHORT: { id: 'Kata sandi minimal 10 karakter.', en: 'Password must be at least 10 characters.' },
  WRONG_PASSWORD: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  SAME_PASSWORD: { id: 'Kata sandi baru harus berbeda dari yang lama.', en: 'The new password must differ from the old one.' },
  OVERLAPPING_ASSIGNMENT: { id: 'Tanggal bertumpang-tindih dengan jabatan definitif lain.', en: 'Dates overlap another definitive assignment.' },
  DATE_RANGE: { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'End date cannot be before start date.' },
  DUPLICATE: { id: 'Sudah ada.', en: 'Already exists.' },
  ...dailyReportFieldMessages,
};

export function interpolate(template: string, params?: Record<string, unknown>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function localise(
  table: Messages,
  code: string,
  locale: Locale,
  params?: Record<string, unknown>,
): string | undefined {
  const entry = table[code];
  return entry ? interpolate(entry[locale], params) : undefined;
}

/** Picks 'id' or 'en' from Accept-Language; Bahasa Indonesia unless English is preferred. */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return undefined;
}
