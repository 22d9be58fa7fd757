import { DomainError } from '../errors.js';
import { compareIsoDate, dayOfWeek, fromDayNumber, toDayNumber } from './iso-date.js';
import type { Holidays } from './working-days.js';

/**
 * Working-hour norms of Perpres No. 21 Tahun 2023 (§8.1 of the reference):
 * 5 hari kerja (Senin–Jumat), 37 jam 30 menit per minggu excluding breaks, start 07.30 local time,
 * break 90 menit on Friday and 60 menit on other days; in Ramadan 32 jam 30 menit per minggu,
 * start 08.00, Friday break 60 menit.
 *
 * The per-day times are the common Keppres 68/1995 pattern (Senin–Kamis 07.30–16.00, Jumat
 * 07.30–16.30), which yields exactly 2250 menit. The Ramadan per-day times (Senin–Kamis
 * 08.00–15.00 with 30 menit break, Jumat 08.00–15.30 with 60 menit break) are UNCONFIRMED for
 * Lhokseumawe: they are chosen because they give exactly 1950 menit with the confirmed start and
 * Friday break. Units with other hours supply their own `WorkSchedule`.
 */

/** One day's hours; times are local (WIB) `HH:mm`. */
export interface DaySchedule {
  readonly start: string;
  readonly end: string;
  readonly breakStart: string;
  readonly breakMinutes: number;
}

/** A weekly schedule; `days[0]` is Minggu (Sunday) … `days[6]` Sabtu, `null` = not a working day. */
export interface WorkSchedule {
  readonly id: string;
  readonly name: string;
  /** The weekly norm the schedule must add up to (checked by tests). */
  readonly weeklyMinutes: number;
  readonly days: readonly [
    DaySchedule | null, DaySchedule | null, DaySchedule | null, DaySchedule | null,
    DaySchedule | null, DaySchedule | null, DaySchedule | null,
  ];
}

/** An inclusive date range `YYYY-MM-DD`…`YYYY-MM-DD`. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Regular and Ramadan schedules plus the Ramadan dates (set each year, so left empty by default). */
export interface WorkHoursConfig {
  readonly regular: WorkSchedule;
  readonly ramadan: WorkSchedule;
  readonly ramadanPeriods: readonly DateRange[];
}

/** Perpres 21/2023 weekly norm: 37 jam 30 menit = 2250 menit. */
export const WEEKLY_NORM_MINUTES = 2250;
/** Perpres 21/2023 Ramadan weekly norm: 32 jam 30 menit = 1950 menit. */
export const RAMADAN_WEEKLY_NORM_MINUTES = 1950;

const MON_THU: DaySchedule = { start: '07:30', end: '16:00', breakStart: '12:00', breakMinutes: 60 };
const FRI: DaySchedule = { start: '07:30', end: '16:30', breakStart: '11:30', breakMinutes: 90 };
const RAMADAN_MON_THU: DaySchedule = { start: '08:00', end: '15:00', breakStart: '12:00', breakMinutes: 30 };
const RAMADAN_FRI: DaySchedule = { start: '08:00', end: '15:30', breakStart: '11:30', breakMinutes: 60 };

/** Regular week per Perpres 21/2023: Senin–Kamis 07.30–16.00, Jumat 07.30–16.30 (450 menit/day). */
export const REGULAR_WORK_SCHEDULE: WorkSchedule = {
  id: 'perpres-21-2023-reguler',
  name: 'Jam kerja reguler (Perpres 21/2023)',
  weeklyMinutes: WEEKLY_NORM_MINUTES,
  days: [null, MON_THU, MON_THU, MON_THU, MON_THU, FRI, null],
};

/** Ramadan week per Perpres 21/2023 (per-day times UNCONFIRMED, see module note): 390 menit/day. */
export const RAMADAN_WORK_SCHEDULE: WorkSchedule = {
  id: 'perpres-21-2023-ramadan',
  name: 'Jam kerja bulan Ramadan (Perpres 21/2023)',
  weeklyMinutes: RAMADAN_WEEKLY_NORM_MINUTES,
  days: [null, RAMADAN_MON_THU, RAMADAN_MON_THU, RAMADAN_MON_THU, RAMADAN_MON_THU, RAMADAN_FRI, null],
};

/** Default config: Perpres 21/2023 schedules, no Ramadan dates (the Pemko sets them per year). */
export const WORK_HOURS_PERPRES_21_2023: WorkHoursConfig = {
  regular: REGULAR_WORK_SCHEDULE,
  ramadan: RAMADAN_WORK_SCHEDULE,
  ramadanPeriods: [],
};

/** Minutes after midnight of an `HH:mm` time; throws `DomainError('INVALID_TIME')`. */
export function timeToMinutes(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  const hh = Number(m?.[1]);
  const mm = Number(m?.[2]);
  if (m === null || hh > 23 || mm > 59) {
    throw new DomainError('INVALID_TIME', `Not a valid HH:mm time: ${time}`);
  }
  return hh * 60 + mm;
}

/** Net working minutes of one day: end − start − break (Perpres 21/2023 excludes breaks). */
export function dayScheduleMinutes(day: DaySchedule): number {
  const minutes = timeToMinutes(day.end) - timeToMinutes(day.start) - day.breakMinutes;
  if (minutes < 0 || day.breakMinutes < 0) {
    throw new DomainError('INVALID_SCHEDULE', `Day schedule ${day.start}–${day.end} has negative net minutes`);
  }
  return minutes;
}

/** Sum of the net minutes of the seven days of `schedule`. */
export function weeklyNormMinutes(schedule: WorkSchedule): number {
  return schedule.days.reduce((sum, day) => sum + (day === null ? 0 : dayScheduleMinutes(day)), 0);
}

function isConfig(value: WorkSchedule | WorkHoursConfig): value is WorkHoursConfig {
  return 'regular' in value;
}

/** The schedule in force on `date`: the Ramadan one inside a configured Ramadan period, else regular. */
export function scheduleForDate(date: string, config: WorkHoursConfig = WORK_HOURS_PERPRES_21_2023): WorkSchedule {
  const inRamadan = config.ramadanPeriods.some(
    (p) => compareIsoDate(p.from, date) <= 0 && compareIsoDate(date, p.to) <= 0,
  );
  return inRamadan ? config.ramadan : config.regular;
}

/**
 * Norm working minutes for `date` (Perpres 21/2023): 450 on a regular Senin–Jumat, 390 on a
 * Ramadan weekday (when `schedule` is a config whose `ramadanPeriods` contain the date), 0 on
 * days the schedule marks as non-working (Sabtu/Minggu by default) and on the given holidays.
 * Pass a `WorkSchedule` to force one schedule (e.g. a unit with a 6-day public-service week).
 */
export function dailyNormMinutes(
  date: string,
  schedule: WorkSchedule | WorkHoursConfig = WORK_HOURS_PERPRES_21_2023,
  holidays: Holidays = [],
): number {
  const week = isConfig(schedule) ? scheduleForDate(date, schedule) : schedule;
  const day = week.days[dayOfWeek(date)];
  if (day === null || day === undefined) return 0;
  const holidaySet: ReadonlySet<string> = holidays instanceof Set ? holidays : new Set(holidays);
  if (holidaySet.has(date)) return 0;
  return dayScheduleMinutes(day);
}

/**
 * Sum of `dailyNormMinutes` over the inclusive range `from`…`to` (e.g. a month's minute target for
 * TPP, §3.4); 0 when `from` is after `to`.
 */
export function normMinutesBetween(
  from: string,
  to: string,
  schedule: WorkSchedule | WorkHoursConfig = WORK_HOURS_PERPRES_21_2023,
  holidays: Holidays = [],
): number {
  const set = new Set(holidays);
  let total = 0;
  const end = toDayNumber(to);
  for (let d = toDayNumber(from); d <= end; d++) {
    total += dailyNormMinutes(fromDayNumber(d), schedule, set);
  }
  return total;
}
