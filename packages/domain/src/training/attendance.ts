import { addDays, compareIsoDate, toDayNumber } from '../calendar/iso-date.js';
import { timeToMinutes } from '../calendar/work-hours.js';

/**
 * Attendance rules of a training session (issue 6 §2). Times are WIB wall-clock times; a session
 * runs every day from `startDate` to `endDate` between `startTime` and `endTime`.
 */

export interface SessionTimes {
  readonly startDate: string;
  readonly endDate: string;
  /** HH:mm WIB. */
  readonly startTime: string;
  readonly endTime: string;
}

/** Check-in by QR opens this many minutes before the start of each day of the session. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

/** The days of a session, in order. */
export function sessionDays(s: Pick<SessionTimes, 'startDate' | 'endDate'>): string[] {
  const days: string[] = [];
  for (let d = s.startDate; compareIsoDate(d, s.endDate) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

export type CheckInState = 'NOT_YET' | 'OPEN' | 'OVER';

/**
 * Where `now` (WIB date and HH:mm) stands for check-in: OPEN from 30 minutes before the start to
 * the end time on a day of the session, OVER once the last day's end time has passed, NOT_YET
 * otherwise (before the session, or between two of its days).
 */
export function checkInState(s: SessionTimes, date: string, time: string): CheckInState {
  const minutes = timeToMinutes(time);
  const end = timeToMinutes(s.endTime);
  const last = compareIsoDate(date, s.endDate);
  if (last > 0 || (last === 0 && minutes > end)) return 'OVER';
  if (compareIsoDate(date, s.startDate) < 0) return 'NOT_YET';
  return minutes >= timeToMinutes(s.startTime) - CHECK_IN_OPENS_MINUTES_BEFORE && minutes <= end ? 'OPEN' : 'NOT_YET';
}

/** Whether the session's last day has ended (its end time on the end date has passed). */
export function sessionIsOver(s: SessionTimes, date: string, time: string): boolean {
  return checkInState(s, date, time) === 'OVER';
}

/**
 * The displayed QR code changes every `rotationSeconds`; a code is accepted in its own window and
 * the next one (so a scan just before the change still works). Returns the window of an instant.
 */
export function qrWindow(epochMs: number, rotationSeconds: number): number {
  return Math.floor(epochMs / 1000 / rotationSeconds);
}

/** A code made in window `codeWindow` is still accepted in window `current`. */
export function qrWindowAccepted(codeWindow: number, current: number): boolean {
  return codeWindow === current || codeWindow === current - 1;
}

/** Share of a session's days a participant must attend before the organiser may mark completion. */
export const MIN_ATTENDANCE_SHARE = 0.8;

/** Days of attendance needed to complete a session of `days` days (at least one), for a share of days. */
export function attendanceNeeded(days: number, share: number = MIN_ATTENDANCE_SHARE): number {
  return Math.max(1, Math.ceil(days * share - 1e-9));
}

/** Number of days from start to end inclusive. */
export function sessionLength(s: Pick<SessionTimes, 'startDate' | 'endDate'>): number {
  return toDayNumber(s.endDate) - toDayNumber(s.startDate) + 1;
}
