import { DomainError } from '../errors.js';

/**
 * Calendar dates as ISO strings `YYYY-MM-DD` (proleptic Gregorian, years 0001–9999).
 * All arithmetic is integer "day number" math (days since 1970-01-01), so it never depends on the
 * host time zone.
 */

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A parsed calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Gregorian leap-year rule. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
      return 31;
    case 4: case 6: case 9: case 11:
      return 30;
    case 2:
      return isLeapYear(year) ? 29 : 28;
    default:
      return 0;
  }
}

/** True when year (1–9999), month and day form a real Gregorian date (e.g. not 30 February). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** True when `value` is a `YYYY-MM-DD` string naming a real date. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses `YYYY-MM-DD`; throws `DomainError('INVALID_DATE')` for anything else or an impossible date. */
export function parseIsoDate(value: string): CalendarDate {
  const m = typeof value === 'string' ? ISO_DATE_RE.exec(value) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (m === null || !isValidCalendarDate(year, month, day)) {
    throw new DomainError('INVALID_DATE', `Not a valid YYYY-MM-DD date: ${String(value)}`);
  }
  return { year, month, day };
}

/** Formats year/month/day as `YYYY-MM-DD` (zero-padded). */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (H. Hinnant's days_from_civil). */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toDayNumber` (civil_from_days). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) {
    throw new DomainError('INVALID_DATE', `Day number must be an integer, got ${dayNumber}`);
  }
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (!isValidCalendarDate(year, month, day)) {
    throw new DomainError('INVALID_DATE', `Day number ${dayNumber} is outside years 0001–9999`);
  }
  return formatIsoDate(year, month, day);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new DomainError('INVALID_ARGUMENT', `days must be an integer, got ${days}`);
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of week: 0 = Minggu (Sunday), 1 = Senin, … 6 = Sabtu (same numbering as `Date#getDay`). */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Compares two dates: negative if a < b, 0 if equal, positive if a > b. */
export function compareIsoDate(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}
