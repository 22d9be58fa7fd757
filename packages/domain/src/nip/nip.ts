import { isValidCalendarDate } from '../calendar/iso-date.js';
import type { JenisAsn } from '../org/asn.js';
import { NipError } from './nip-error.js';

/**
 * NIP (PNS, Perka BKN 22/2007 and 43/2007, §6.1) and NI PPPK (§6.2): 18 digits, no check digit.
 *
 *   PNS : YYYYMMDD (lahir) + YYYYMM (TMT CPNS) + sex (1 = L, 2 = P) + 3-digit nomor urut
 *   PPPK: YYYYMMDD (lahir) + YYYY (tahun pengangkatan) + 2-digit code + sex + 3-digit nomor urut
 *
 * The PPPK 2-digit code is NOT a month (e.g. "21" penuh waktu, "24" paruh waktu; meaning
 * UNCONFIRMED), so it is never range-checked.
 */

/** The fields of a valid NIP. `tmtCpns` is set for PNS, `appointmentYear` for PPPK. */
export interface ParsedNip {
  /** Tanggal lahir, `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** Jenis kelamin: 'L' (laki-laki, digit 1) or 'P' (perempuan, digit 2). */
  readonly sex: 'L' | 'P';
  /** Nomor urut 1–999. */
  readonly sequence: number;
  /** PNS only: TMT CPNS `YYYY-MM` (the day is always the 1st). */
  readonly tmtCpns?: string;
  /** PPPK only: year of first appointment as calon PPPK. */
  readonly appointmentYear?: number;
}

/** Options for NIP validation. */
export interface NipOptions {
  /**
   * The appointment (TMT CPNS / PPPK) year must be at least birth year + this many years.
   * Default 18 (the reference calls this an UNCONFIRMED practical check, §6.1). `null` turns the
   * check off.
   */
  readonly minAgeAtAppointment?: number | null;
}

/** Default minimum age (in years, compared by year only) at first appointment. */
export const DEFAULT_MIN_AGE_AT_APPOINTMENT = 18;

/** Removes all whitespace, so "19860926 201505 1 001" becomes "198609262015051001". */
export function normalizeNip(nip: string): string {
  return nip.replace(/\s+/g, '');
}

/**
 * Parses and validates a NIP (PNS, §6.1) or NI PPPK (§6.2). Whitespace is ignored.
 * Throws `NipError` with, checked in this order: NIP_DIGITS (non-digit), NIP_LENGTH (not 18),
 * NIP_BIRTH_DATE (impossible date), NIP_TMT_MONTH (PNS month not 01–12), NIP_TMT_YEAR (appointment
 * year < birth year + `minAgeAtAppointment`, default 18), NIP_SEX (digit 15 not 1/2),
 * NIP_SEQUENCE (000).
 *
 * @example parseNip('198609262015051001') // { birthDate: '1986-09-26', tmtCpns: '2015-05', sex: 'L', sequence: 1 }
 */
export function parseNip(nip: string, jenisAsn: JenisAsn = 'PNS', options: NipOptions = {}): ParsedNip {
  if (typeof nip !== 'string') throw new NipError('NIP_DIGITS', `got ${typeof nip}`);
  const digits = normalizeNip(nip);
  if (!/^\d*$/.test(digits)) throw new NipError('NIP_DIGITS');
  if (digits.length !== 18) throw new NipError('NIP_LENGTH', `got ${digits.length} digits`);

  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (!isValidCalendarDate(year, month, day)) {
    throw new NipError('NIP_BIRTH_DATE', digits.slice(0, 8));
  }

  const appointmentYear = Number(digits.slice(8, 12));
  const tmtMonth = Number(digits.slice(12, 14));
  if (jenisAsn === 'PNS' && (tmtMonth < 1 || tmtMonth > 12)) {
    throw new NipError('NIP_TMT_MONTH', digits.slice(12, 14));
  }
  const minAge =
    options.minAgeAtAppointment === undefined ? DEFAULT_MIN_AGE_AT_APPOINTMENT : options.minAgeAtAppointment;
  if (minAge !== null && appointmentYear < year + minAge) {
    throw new NipError('NIP_TMT_YEAR', `appointment ${appointmentYear}, birth ${year}, minimum age ${minAge}`);
  }

  const sexDigit = digits.charAt(14);
  if (sexDigit !== '1' && sexDigit !== '2') throw new NipError('NIP_SEX', sexDigit);
  const sequence = Number(digits.slice(15, 18));
  if (sequence === 0) throw new NipError('NIP_SEQUENCE');

  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const sex = sexDigit === '1' ? 'L' : 'P';
  return jenisAsn === 'PNS'
    ? { birthDate, tmtCpns: `${digits.slice(8, 12)}-${digits.slice(12, 14)}`, sex, sequence }
    : { birthDate, appointmentYear, sex, sequence };
}

/** True when `parseNip(nip, jenisAsn, options)` would succeed (§6.1, §6.2). */
export function isValidNip(nip: string, jenisAsn: JenisAsn = 'PNS', options: NipOptions = {}): boolean {
  try {
    parseNip(nip, jenisAsn, options);
    return true;
  } catch (error) {
    if (error instanceof NipError) return false;
    throw error;
  }
}

/**
 * Display form "YYYYMMDD YYYYMM S NNN" (§6.1), e.g. '19860926 201505 1 001'; the same grouping is
 * used for NI PPPK. Only the shape is checked: input that is not 18 digits after removing
 * whitespace (e.g. an old 9-digit NIP) is returned trimmed and otherwise unchanged, so display
 * code never throws.
 */
export function formatNip(nip: string): string {
  const digits = normalizeNip(nip);
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/** Input of `makeNip`. */
export interface MakeNipInput {
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** PNS: TMT CPNS `YYYY-MM`. PPPK: the appointment year (number, `YYYY` or `YYYY-MM`, month ignored). */
  readonly tmt: string | number;
  readonly sex: 'L' | 'P';
  /** Nomor urut 1–999. */
  readonly sequence: number;
  /** Default 'PNS'. */
  readonly jenisAsn?: JenisAsn;
  /** PPPK only: the 2-digit code (digits 13–14), default '21' (common for PPPK penuh waktu). */
  readonly code?: string | number;
}

/** Default PPPK 2-digit code used by `makeNip`. */
export const DEFAULT_PPPK_CODE = '21';

/**
 * Builds a valid 18-digit NIP / NI PPPK (no spaces) from its parts, following the layout of §6.1
 * and §6.2, and validates the result with `parseNip`. Throws `NipError` with the code of the part
 * that is wrong (an invalid PPPK `code` gives NIP_DIGITS; a `code` for a PNS is an error too,
 * NIP_TMT_MONTH, because digits 13–14 of a PNS NIP are the TMT month).
 */
export function makeNip(input: MakeNipInput, options: NipOptions = {}): string {
  const jenisAsn = input.jenisAsn ?? 'PNS';
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate);
  if (!birth) throw new NipError('NIP_BIRTH_DATE', input.birthDate);
  const birthDigits = `${birth[1] ?? ''}${birth[2] ?? ''}${birth[3] ?? ''}`;

  let middle: string;
  if (jenisAsn === 'PNS') {
    if (input.code !== undefined) throw new NipError('NIP_TMT_MONTH', 'code is only for PPPK');
    const tmt = typeof input.tmt === 'string' ? /^(\d{4})-(\d{2})$/.exec(input.tmt) : null;
    if (!tmt) throw new NipError('NIP_TMT_MONTH', `PNS tmt must be YYYY-MM, got ${String(input.tmt)}`);
    middle = `${tmt[1] ?? ''}${tmt[2] ?? ''}`;
  } else {
    const yearText = typeof input.tmt === 'number' ? String(input.tmt) : (/^(\d{4})(?:-\d{2})?$/.exec(input.tmt)?.[1] ?? '');
    if (!/^\d{4}$/.test(yearText)) throw new NipError('NIP_TMT_YEAR', `PPPK tmt must be a year, got ${String(input.tmt)}`);
    const code = String(input.code ?? DEFAULT_PPPK_CODE);
    if (!/^\d{2}$/.test(code)) throw new NipError('NIP_DIGITS', `PPPK code must be 2 digits, got ${code}`);
    middle = `${yearText}${code}`;
  }

  if (input.sex !== 'L' && input.sex !== 'P') throw new NipError('NIP_SEX', String(input.sex));
  if (!Number.isInteger(input.sequence) || input.sequence < 1 || input.sequence > 999) {
    throw new NipError('NIP_SEQUENCE', `sequence must be an integer 1–999, got ${input.sequence}`);
  }
  const nip = `${birthDigits}${middle}${input.sex === 'L' ? '1' : '2'}${String(input.sequence).padStart(3, '0')}`;
  parseNip(nip, jenisAsn, options);
  return nip;
}
