import { compareIsoDate } from '../calendar/iso-date.js';
import { workingDaysAfter } from '../calendar/holidays.js';
import { addWorkingDays, type Holidays } from '../calendar/working-days.js';
import { DomainError } from '../errors.js';
import type { ComplaintStage } from './complaint-deadline.js';

/**
 * The complaint workflow of SP4N-LAPOR! as Pantau runs it (§5.2 of the reference):
 * diterima → diverifikasi (or ditolak with a reason) → didisposisikan to a unit → ditindaklanjuti
 * → selesai; the complainant may reopen within a window. Deadlines come from
 * `complaintDeadline`; this file holds the transitions, stages, reopen and escalation rules.
 */

export const COMPLAINT_STATUSES = ['DITERIMA', 'DIVERIFIKASI', 'DITOLAK', 'DIDISPOSISIKAN', 'DITINDAKLANJUTI', 'SELESAI'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * Moves an official may make. DIDISPOSISIKAN → DIDISPOSISIKAN re-routes to another unit ("bukan
 * wewenang", no-wrong-door); DITINDAKLANJUTI → DITINDAKLANJUTI records a further follow-up and
 * restarts the closing clock. DITOLAK and SELESAI are final for officials; only the complainant
 * reopens (see `reopenCheck`).
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  DITERIMA: ['DIVERIFIKASI', 'DITOLAK'],
  DIVERIFIKASI: ['DIDISPOSISIKAN', 'DITOLAK'],
  DIDISPOSISIKAN: ['DIDISPOSISIKAN', 'DITINDAKLANJUTI'],
  DITINDAKLANJUTI: ['DITINDAKLANJUTI', 'SELESAI'],
  DITOLAK: [],
  SELESAI: [],
};

/** True when an official may move a complaint from `from` to `to`. */
export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

/** Statuses in which somebody still owes the complainant something. */
export function isOpenComplaint(status: ComplaintStatus): boolean {
  return status !== 'DITOLAK' && status !== 'SELESAI';
}

/**
 * The SLA stage a status runs under: verification and forwarding (3 hari kerja from receipt,
 * covering DITERIMA and DIVERIFIKASI), the unit's follow-up (5 from the disposition), and the
 * closing period (10 after the follow-up, after which the complaint counts as selesai).
 */
export function stageOf(status: ComplaintStatus): ComplaintStage | null {
  switch (status) {
    case 'DITERIMA':
    case 'DIVERIFIKASI':
      return 'VERIFIKASI';
    case 'DIDISPOSISIKAN':
      return 'TINDAK_LANJUT';
    case 'DITINDAKLANJUTI':
      return 'PENUTUPAN';
    default:
      return null;
  }
}

/** Reopen settings: a window in hari kerja after the follow-up or closure, and a cap. */
export interface ReopenPolicy {
  readonly windowWorkingDays: number;
  readonly maxReopens: number;
}

export type ReopenRefusal = 'REOPEN_NOT_ALLOWED_STATUS' | 'REOPEN_WINDOW_PASSED' | 'REOPEN_LIMIT';

/**
 * Whether the complainant may reopen on `today`: only after a follow-up (DITINDAKLANJUTI) or a
 * closure (SELESAI), within `windowWorkingDays` hari kerja after `since` (the last follow-up or
 * the closure, whichever is later; the window's last day is inclusive), and at most `maxReopens`
 * times. A rejected complaint is not reopened: the complainant files a new one.
 */
export function reopenCheck(
  input: { status: ComplaintStatus; since: string; reopenCount: number; today: string },
  policy: ReopenPolicy,
  holidays: Holidays,
): { ok: true } | { ok: false; reason: ReopenRefusal } {
  if (input.status !== 'DITINDAKLANJUTI' && input.status !== 'SELESAI') return { ok: false, reason: 'REOPEN_NOT_ALLOWED_STATUS' };
  if (input.reopenCount >= policy.maxReopens) return { ok: false, reason: 'REOPEN_LIMIT' };
  const lastDay = addWorkingDays(input.since, policy.windowWorkingDays, holidays);
  if (compareIsoDate(input.today, lastDay) > 0) return { ok: false, reason: 'REOPEN_WINDOW_PASSED' };
  return { ok: true };
}

/**
 * How many levels up an overdue complaint has gone: 0 while `today` is on or before `dueOn`;
 * level 1 (the next level up) from the first day after the deadline, then one level more for every
 * further `stepWorkingDays` hari kerja it stays overdue ("intervention when late", §5.2).
 */
export function escalationLevel(dueOn: string, today: string, holidays: Holidays, stepWorkingDays: number): number {
  if (!Number.isInteger(stepWorkingDays) || stepWorkingDays < 1) {
    throw new DomainError('INVALID_ARGUMENT', `stepWorkingDays must be a positive integer, got ${stepWorkingDays}`);
  }
  if (compareIsoDate(today, dueOn) <= 0) return 0;
  const late = workingDaysAfter(dueOn, today, holidays);
  return 1 + Math.floor(Math.max(0, late - 1) / stepWorkingDays);
}

/** True when a step done on `doneOn` met its deadline `dueOn` (the deadline day counts). */
export function metDeadline(doneOn: string, dueOn: string): boolean {
  return compareIsoDate(doneOn, dueOn) <= 0;
}
