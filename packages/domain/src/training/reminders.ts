import { addDays } from '../calendar/iso-date.js';

/**
 * When training reminders go out (issue 6 §5). Participants hear about a session the day before
 * it starts; employees still under the yearly minimum hear about it once a month in the last
 * quarter (October–December), when there is still time to catch up (§8.3).
 */

/** The date on which participants are reminded of a session starting on `startDate`. */
export function sessionReminderDate(startDate: string): string {
  return addDays(startDate, -1);
}

/** True in October, November and December. */
export function isLastQuarter(date: string): boolean {
  return Number(date.slice(5, 7)) >= 10;
}

/** The monthly key of the under-20-JP reminder (one run per instansi per month), or null outside Q4. */
export function jpReminderMonth(date: string): string | null {
  return isLastQuarter(date) ? date.slice(0, 7) : null;
}
