import { DomainError } from '../errors.js';
import { timeToMinutes } from '../calendar/work-hours.js';

/**
 * One activity of a daily report: either a start and end time (WIB, `HH:mm`, same day) or a
 * plain number of minutes. Reference §3.4: activity logs count "menit efektif"; the day's norm
 * comes from Perpres 21/2023 (`dailyNormMinutes`).
 */
export interface ActivityTime {
  readonly startTime?: string | null;
  readonly endTime?: string | null;
  readonly minutes?: number | null;
}

export type ActivityTimeProblem = 'TIME_REQUIRED' | 'TIME_PAIR' | 'TIME_ORDER' | 'MINUTES_MISMATCH' | 'MINUTES_RANGE';

/** Longest single activity and longest day: a day has 1440 minutes. */
export const MAX_ACTIVITY_MINUTES = 1440;

/**
 * The minutes an activity counts for, or the problem with its times:
 * - start and end must come together, end after start (no activity crosses midnight);
 * - with times, `minutes` may be omitted; when given it may be less than the span (a break
 *   inside it) but never more;
 * - without times, `minutes` is required, 1–1440.
 */
export function activityMinutes(a: ActivityTime): { minutes: number } | { problem: ActivityTimeProblem } {
  const hasStart = a.startTime !== undefined && a.startTime !== null;
  const hasEnd = a.endTime !== undefined && a.endTime !== null;
  const given = a.minutes ?? null;
  if (given !== null && (!Number.isInteger(given) || given < 1 || given > MAX_ACTIVITY_MINUTES)) {
    return { problem: 'MINUTES_RANGE' };
  }
  if (hasStart !== hasEnd) return { problem: 'TIME_PAIR' };
  if (hasStart && hasEnd) {
    const span = timeToMinutes(String(a.endTime)) - timeToMinutes(String(a.startTime));
    if (span <= 0) return { problem: 'TIME_ORDER' };
    if (given !== null && given > span) return { problem: 'MINUTES_MISMATCH' };
    return { minutes: given ?? span };
  }
  if (given === null) return { problem: 'TIME_REQUIRED' };
  return { minutes: given };
}

/**
 * Index pairs `[i, j]` (i < j) of activities whose time spans overlap; activities given only as
 * minutes never overlap. Touching spans (08:00–09:00 and 09:00–10:00) do not overlap.
 */
export function overlappingActivities(list: readonly ActivityTime[]): Array<[number, number]> {
  const spans: Array<{ i: number; from: number; to: number }> = [];
  list.forEach((a, i) => {
    if (a.startTime && a.endTime) spans.push({ i, from: timeToMinutes(a.startTime), to: timeToMinutes(a.endTime) });
  });
  spans.sort((x, y) => x.from - y.from || x.i - y.i);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    if (!a) continue;
    for (let m = k + 1; m < spans.length; m++) {
      const b = spans[m];
      if (!b || b.from >= a.to) break;
      out.push(a.i < b.i ? [a.i, b.i] : [b.i, a.i]);
    }
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Sum of minutes of a day; throws when it exceeds the 1440 minutes a day has. */
export function dayTotalMinutes(minutes: readonly number[]): number {
  const total = minutes.reduce((s, m) => s + m, 0);
  if (total > MAX_ACTIVITY_MINUTES) {
    throw new DomainError('DAY_TOO_LONG', `A day has 1440 minutes; the activities add up to ${total}`);
  }
  return total;
}
