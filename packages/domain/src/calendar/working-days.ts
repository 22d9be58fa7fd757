import { DomainError } from '../errors.js';
import { dayOfWeek, formatIsoDate, fromDayNumber, isIsoDate, toDayNumber } from './iso-date.js';

/**
 * Working days and WIB helpers.
 *
 * Working days follow Perpres 21/2023 (§8.1 of the reference): Senin–Jumat are hari kerja,
 * Sabtu and Minggu are not, and the caller supplies the holidays (libur nasional and cuti bersama,
 * `YYYY-MM-DD`), because they are set each year by SKB 3 Menteri and are data, not rules.
 */

/** Holidays as given by the caller: any iterable of `YYYY-MM-DD` strings, or a ready Set. */
export type Holidays = Iterable<string> | ReadonlySet<string>;

/** Asia/Jakarta (WIB) offset from UTC in minutes; WIB has no daylight saving time (§6.5). */
export const WIB_OFFSET_MINUTES = 7 * 60;

/** Sets already checked, with their size then: a calendar checks one set many times per request. */
const checked = new WeakMap<ReadonlySet<string>, number>();

function holidaySet(holidays: Holidays): ReadonlySet<string> {
  const set: ReadonlySet<string> = holidays instanceof Set ? holidays : new Set(holidays);
  if (checked.get(set) === set.size) return set;
  for (const h of set) {
    if (!isIsoDate(h)) {
      throw new DomainError('INVALID_DATE', `Holiday is not a valid YYYY-MM-DD date: ${String(h)}`);
    }
  }
  checked.set(set, set.size);
  return set;
}

function isWeekend(dayNumber: number): boolean {
  const dow = (((dayNumber + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

/**
 * True when `date` is a hari kerja: Senin–Jumat (Perpres 21/2023, 5-day week) and not in `holidays`.
 */
export function isWorkingDay(date: string, holidays: Holidays): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !holidaySet(holidays).has(date);
}

/**
 * The date `n` working days after `date` (hari kerja as in Perpres 21/2023; the caller's holidays
 * are skipped). Used for deadlines stated in "hari kerja" (e.g. SP4N-LAPOR! limits, §5.2).
 *
 * Choices (documented in README):
 * - The start date itself is never counted ("3 hari kerja setelah laporan"): Friday + 1 = Monday,
 *   and a start on a Saturday or holiday counts from the next working day.
 * - `n = 0` returns `date` unchanged, even when `date` is not a working day.
 * - Negative `n` counts backwards: `-1` is the last working day before `date`.
 * - `n` must be an integer; otherwise `DomainError('INVALID_ARGUMENT')`.
 */
export function addWorkingDays(date: string, n: number, holidays: Holidays): string {
  if (!Number.isInteger(n)) {
    throw new DomainError('INVALID_ARGUMENT', `n must be an integer, got ${n}`);
  }
  let day = toDayNumber(date);
  if (n === 0) return date;
  const set = holidaySet(holidays);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (!isWeekend(day) && !set.has(fromDayNumber(day))) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Number of working days in the inclusive range `from`…`to` (both ends count when they are
 * working days). Returns 0 when `from` is after `to`. Holidays on weekends or outside the range
 * are ignored; duplicate holidays count once.
 */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const set = holidaySet(holidays);
  if (start > end) return 0;
  const total = end - start + 1;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  for (let d = start + fullWeeks * 7; d <= end; d++) {
    if (!isWeekend(d)) count += 1;
  }
  for (const h of set) {
    const d = toDayNumber(h);
    if (d >= start && d <= end && !isWeekend(d)) count -= 1;
  }
  return count;
}

function wibShifted(instant: Date): Date {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new DomainError('INVALID_DATE', 'Expected a valid Date instant');
  }
  return new Date(ms + WIB_OFFSET_MINUTES * 60_000);
}

/** The calendar date (`YYYY-MM-DD`) of `instant` in WIB / Asia/Jakarta (UTC+7, §6.5). */
export function toWibDate(instant: Date): string {
  const s = wibShifted(instant);
  return formatIsoDate(s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate());
}

/** The wall-clock time `HH:mm` (or `HH:mm:ss`) of `instant` in WIB. */
export function toWibTime(instant: Date, options: { seconds?: boolean } = {}): string {
  const s = wibShifted(instant);
  const hm = `${String(s.getUTCHours()).padStart(2, '0')}:${String(s.getUTCMinutes()).padStart(2, '0')}`;
  return options.seconds === true ? `${hm}:${String(s.getUTCSeconds()).padStart(2, '0')}` : hm;
}

/**
 * Formats `instant` for display in WIB: `YYYY-MM-DD HH:mm WIB` (`HH:mm:ss` with `seconds`).
 * Timestamps are stored in UTC and shown in WIB (§6.5).
 */
export function formatWib(instant: Date, options: { seconds?: boolean } = {}): string {
  return `${toWibDate(instant)} ${toWibTime(instant, options)} WIB`;
}

/**
 * The UTC instant of a WIB wall-clock time, e.g. `wibToInstant('2025-01-02', '07:30')` is
 * 2025-01-02T00:30:00Z (used to compare attendance with the 07.30 start, §8.1).
 */
export function wibToInstant(date: string, time = '00:00'): Date {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  const hh = Number(m?.[1]);
  const mm = Number(m?.[2]);
  const ss = Number(m?.[3] ?? '0');
  if (m === null || hh > 23 || mm > 59 || ss > 59) {
    throw new DomainError('INVALID_TIME', `Not a valid HH:mm[:ss] time: ${time}`);
  }
  const ms = ((toDayNumber(date) * 24 + hh) * 60 + mm - WIB_OFFSET_MINUTES) * 60_000 + ss * 1000;
  return new Date(ms);
}
