import { type Holidays, isWorkingDay, wibToInstant } from '../calendar/working-days.js';

/**
 * Daily reminders (issue 4 §5): at a configured WIB time on hari kerja only, remind employees who
 * have not submitted today's report and atasan with days waiting for their verification.
 */
export const DEFAULT_REMINDER_TIME = '15:00';

/** True when the reminder for `today` is due at `now`: a working day and the time has come. */
export function isReminderDue(now: Date, today: string, time: string, holidays: Holidays): boolean {
  return isWorkingDay(today, holidays) && now.getTime() >= wibToInstant(today, time).getTime();
}
