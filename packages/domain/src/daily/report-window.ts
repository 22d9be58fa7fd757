import { DomainError } from '../errors.js';
import { compareIsoDate } from '../calendar/iso-date.js';
import { type Holidays, addWorkingDays, isWorkingDay } from '../calendar/working-days.js';

/**
 * Which dates an employee may still report (laporan aktivitas harian, reference §3.4).
 *
 * Regional e-Kinerja apps let the pegawai fill in the day itself and a few days back before the
 * atasan's check; the number of days is a Pemda setting (UNCONFIRMED for Lhokseumawe), so it is a
 * parameter here with a default of 3 hari kerja. Only hari kerja (Perpres 21/2023: Senin–Jumat,
 * minus the instansi's holidays) carry a report.
 */
export const DEFAULT_BACKDATE_WORKING_DAYS = 3;

export type ReportDateProblem = 'NOT_WORKING_DAY' | 'FUTURE' | 'TOO_OLD';

function requireWindow(backdateWorkingDays: number): void {
  if (!Number.isInteger(backdateWorkingDays) || backdateWorkingDays < 0 || backdateWorkingDays > 60) {
    throw new DomainError('INVALID_ARGUMENT', `backdateWorkingDays must be an integer 0–60, got ${backdateWorkingDays}`);
  }
}

/**
 * The earliest date still open for reporting on `today`: the `backdateWorkingDays`-th working day
 * before today (today itself does not count, so on a Monday with 3 the window opens on the
 * previous Wednesday). On a weekend or holiday the window still reaches back the same number of
 * working days.
 */
export function earliestReportableDate(today: string, backdateWorkingDays: number, holidays: Holidays): string {
  requireWindow(backdateWorkingDays);
  return addWorkingDays(today, -backdateWorkingDays, holidays);
}

/**
 * Why `date` cannot carry a report on `today`, or null when it can: it must be a working day, not
 * after today, and not before `earliestReportableDate`.
 */
export function reportDateProblem(
  date: string,
  today: string,
  backdateWorkingDays: number,
  holidays: Holidays,
): ReportDateProblem | null {
  if (compareIsoDate(date, today) > 0) return 'FUTURE';
  if (!isWorkingDay(date, holidays)) return 'NOT_WORKING_DAY';
  if (compareIsoDate(date, earliestReportableDate(today, backdateWorkingDays, holidays)) < 0) return 'TOO_OLD';
  return null;
}

/** The working days open for reporting on `today`, oldest first (today last when it is one). */
export function reportableDates(today: string, backdateWorkingDays: number, holidays: Holidays): string[] {
  requireWindow(backdateWorkingDays);
  const set: ReadonlySet<string> = holidays instanceof Set ? holidays : new Set(holidays);
  const out: string[] = [];
  for (let n = backdateWorkingDays; n >= 1; n--) out.push(addWorkingDays(today, -n, set));
  if (isWorkingDay(today, set)) out.push(today);
  return out;
}
