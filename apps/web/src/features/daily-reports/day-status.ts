import { addDays, isWorkingDay } from '@pantau/domain';
import type { DayStatus } from './StatusTag';
import type { DayEntry } from './outbox';
import { dayGroup } from './outbox';

/** What a date shows: the outbox first (waiting, refused), then the server's status. */
export function statusOf(date: string, serverStatus: DayStatus | null, entries: readonly DayEntry[]): DayStatus {
  const mine = entries.filter((e) => e.group === dayGroup(date));
  const latest = mine[mine.length - 1];
  if (latest?.state === 'failed') return 'FAILED';
  if (latest) return 'QUEUED';
  return serverStatus ?? 'NONE';
}

/**
 * The date the page opens on: the one asked for when it may be reported, else today when it is a
 * working day, else the latest reportable working day; without a connection, today (or the one asked for).
 */
export function chooseDate(requested: string | null, reportable: readonly string[], today: string): string {
  const valid = requested !== null && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : null;
  if (reportable.length === 0) {
    if (valid) return valid;
    // Offline, without the server's calendar: at least skip the weekend.
    let day = today;
    while (!isWorkingDay(day, [])) day = addDays(day, -1);
    return day;
  }
  if (valid && reportable.includes(valid)) return valid;
  if (reportable.includes(today)) return today;
  return reportable[reportable.length - 1] ?? today;
}
