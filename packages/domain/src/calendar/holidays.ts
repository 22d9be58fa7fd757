import { DomainError } from '../errors.js';
import { addDays, compareIsoDate, isIsoDate } from './iso-date.js';
import { type Holidays, isWorkingDay, workingDaysBetween } from './working-days.js';

/**
 * Holiday calendar helpers. Holidays are data kept per instansi (libur nasional and cuti bersama
 * from the yearly SKB 3 Menteri, plus local days off), not rules; these functions only read them.
 */

/**
 * Kinds of days off: NASIONAL (hari libur nasional, SKB 3 Menteri), CUTI_BERSAMA (cuti bersama ASN,
 * same SKB) and DAERAH (set by the Pemda, e.g. a local holiday). All three are non-working days for
 * hari-kerja deadlines.
 */
export const HOLIDAY_KINDS = ['NASIONAL', 'CUTI_BERSAMA', 'DAERAH'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One day off. */
export interface HolidayEntry {
  readonly date: string;
  readonly name: string;
  readonly kind: HolidayKind;
}

/** True for one of `HOLIDAY_KINDS`. */
export function isHolidayKind(value: unknown): value is HolidayKind {
  return typeof value === 'string' && (HOLIDAY_KINDS as readonly string[]).includes(value);
}

/**
 * Working days that have passed after `from` up to and including `to`: the inverse of
 * `addWorkingDays` (`workingDaysAfter(d, addWorkingDays(d, n, h), h) === n` for n ≥ 0), so the
 * start day is not counted. 0 when `to` is on or before `from`.
 */
export function workingDaysAfter(from: string, to: string, holidays: Holidays): number {
  if (compareIsoDate(to, from) <= 0) return 0;
  return workingDaysBetween(addDays(from, 1), to, holidays);
}

/** The first working day on or after `date`. */
export function firstWorkingDayFrom(date: string, holidays: Holidays): string {
  const set = holidays instanceof Set ? holidays : new Set(holidays);
  let day = date;
  // A year holds at most ~120 non-working days; 400 steps means the calendar is broken.
  for (let i = 0; i < 400; i++) {
    if (isWorkingDay(day, set)) return day;
    day = addDays(day, 1);
  }
  throw new DomainError('INVALID_ARGUMENT', `No working day within 400 days after ${date}`);
}

/** The entries whose date lies in `from`…`to` (inclusive), sorted by date. */
export function holidaysInRange<T extends { readonly date: string }>(entries: readonly T[], from: string, to: string): T[] {
  if (!isIsoDate(from) || !isIsoDate(to)) {
    throw new DomainError('INVALID_DATE', `Range must be YYYY-MM-DD dates, got ${from}…${to}`);
  }
  return entries
    .filter((e) => compareIsoDate(e.date, from) >= 0 && compareIsoDate(e.date, to) <= 0)
    .sort((a, b) => compareIsoDate(a.date, b.date));
}
