import { DomainError } from '../errors.js';

/** Stable codes for an invalid NIP / NI PPPK (§6.1, §6.2 of the reference). */
export const NIP_ERROR_CODES = [
  'NIP_LENGTH',
  'NIP_DIGITS',
  'NIP_BIRTH_DATE',
  'NIP_TMT_MONTH',
  'NIP_TMT_YEAR',
  'NIP_SEX',
  'NIP_SEQUENCE',
] as const;
export type NipErrorCode = (typeof NIP_ERROR_CODES)[number];

/** Plain-language messages per code, Bahasa Indonesia (`id`) and English (`en`), for forms and imports. */
export const nipErrorMessages: Readonly<Record<NipErrorCode, { readonly id: string; readonly en: string }>> = {
  NIP_LENGTH: {
    id: 'NIP harus terdiri dari 18 angka.',
    en: 'The NIP must have 18 digits.',
  },
  NIP_DIGITS: {
    id: 'NIP hanya boleh berisi angka (spasi diperbolehkan sebagai pemisah).',
    en: 'The NIP may contain only digits (spaces are allowed as separators).',
  },
  NIP_BIRTH_DATE: {
    id: 'Delapan angka pertama NIP bukan tanggal lahir yang benar (format TahunBulanTanggal).',
    en: 'The first eight digits of the NIP are not a real birth date (YYYYMMDD).',
  },
  NIP_TMT_MONTH: {
    id: 'Bulan TMT CPNS pada NIP (angka ke-13 dan ke-14) harus 01 sampai 12.',
    en: 'The TMT CPNS month in the NIP (digits 13–14) must be 01 to 12.',
  },
  NIP_TMT_YEAR: {
    id: 'Tahun pengangkatan pada NIP terlalu dekat dengan tahun lahir atau sebelum tahun lahir.',
    en: 'The appointment year in the NIP is too close to, or before, the birth year.',
  },
  NIP_SEX: {
    id: 'Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).',
    en: 'Digit 15 of the NIP (sex) must be 1 (male) or 2 (female).',
  },
  NIP_SEQUENCE: {
    id: 'Nomor urut pada NIP (tiga angka terakhir) tidak boleh 000.',
    en: 'The sequence number in the NIP (last three digits) must not be 000.',
  },
};

/** Thrown by `parseNip` / `makeNip` for an invalid NIP; `code` tells which rule failed. */
export class NipError extends DomainError<NipErrorCode> {
  constructor(code: NipErrorCode, detail?: string) {
    const base = nipErrorMessages[code].en;
    super(code, detail === undefined ? base : `${base} (${detail})`);
    this.name = 'NipError';
  }
}
