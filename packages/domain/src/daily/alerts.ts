import { compareIsoDate } from '../calendar/iso-date.js';
import { type Holidays, addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';

/**
 * Alerts on the atasan's live team view. PP 94/2021 makes the atasan langsung answerable for not
 * following up a subordinate's lapses (reference §8.2), so the view points at who needs attention.
 * The thresholds are Pemda settings; the defaults below are UNCONFIRMED choices (docs/decisions/0005).
 */
export interface AlertRules {
  /** Alert when the last this-many working days before today have no submitted report. */
  readonly noReportWorkingDays: number;
  /** Alert when a returned day is still not resubmitted this many working days after the return. */
  readonly returnedUnfixedWorkingDays: number;
  /** Alert when reported minutes this month are below this share of the norm so far (0–1). */
  readonly behindRatio: number;
  /** …but only once this many working days of the month have passed. */
  readonly behindMinWorkingDays: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  noReportWorkingDays: 3,
  returnedUnfixedWorkingDays: 2,
  behindRatio: 0.5,
  behindMinWorkingDays: 3,
};

export type SupervisionAlert =
  | { kind: 'NO_REPORT'; workingDays: number; since: string | null }
  | { kind: 'RETURNED_NOT_FIXED'; workingDays: number; date: string }
  | { kind: 'BEHIND'; ratio: number; minutes: number; normMinutes: number };

export interface EmployeeDayFacts {
  /** Latest date with a submitted (submitted, verified or returned) report, or null. */
  readonly lastReportedDate: string | null;
  /** Oldest returned day not yet resubmitted: its report date and the WIB date it was returned. */
  readonly oldestReturned: { date: string; returnedOn: string } | null;
  /** Minutes reported (submitted or verified) in the month so far, before today. */
  readonly monthMinutes: number;
  /** Norm minutes of the working days of the month so far, before today. */
  readonly monthNormMinutes: number;
  /** Working days of the month so far, before today. */
  readonly monthWorkingDays: number;
}

/**
 * The alerts for one employee on `today`. `trackingStart` bounds "no report" for someone who has
 * never reported (the day they joined the unit, or the go-live date): days before it never count.
 * Today is not counted: the day is not over.
 */
export function supervisionAlerts(
  facts: EmployeeDayFacts,
  today: string,
  trackingStart: string,
  holidays: Holidays,
  rules: AlertRules = DEFAULT_ALERT_RULES,
): SupervisionAlert[] {
  const set: ReadonlySet<string> = holidays instanceof Set ? holidays : new Set(holidays);
  const alerts: SupervisionAlert[] = [];
  const yesterday = addWorkingDays(today, -1, set);
  const from = facts.lastReportedDate && compareIsoDate(facts.lastReportedDate, trackingStart) >= 0
    ? addWorkingDays(facts.lastReportedDate, 1, set)
    : trackingStart;
  const missed = compareIsoDate(from, yesterday) <= 0 ? workingDaysBetween(from, yesterday, set) : 0;
  if (rules.noReportWorkingDays > 0 && missed >= rules.noReportWorkingDays) {
    alerts.push({ kind: 'NO_REPORT', workingDays: missed, since: facts.lastReportedDate });
  }
  if (facts.oldestReturned) {
    const waited = compareIsoDate(facts.oldestReturned.returnedOn, today) < 0
      ? workingDaysBetween(addWorkingDays(facts.oldestReturned.returnedOn, 1, set), today, set)
      : 0;
    if (waited >= rules.returnedUnfixedWorkingDays) {
      alerts.push({ kind: 'RETURNED_NOT_FIXED', workingDays: waited, date: facts.oldestReturned.date });
    }
  }
  if (facts.monthWorkingDays >= rules.behindMinWorkingDays && facts.monthNormMinutes > 0) {
    const ratio = facts.monthMinutes / facts.monthNormMinutes;
    if (ratio < rules.behindRatio) {
      alerts.push({
        kind: 'BEHIND',
        ratio: Math.round(ratio * 1000) / 1000,
        minutes: facts.monthMinutes,
        normMinutes: facts.monthNormMinutes,
      });
    }
  }
  return alerts;
}

/** Share (0–1, three decimals) of `part` in `whole`; 0 when `whole` is 0. */
export function adoptionShare(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 1000) / 1000;
}

/**
 * Working days the atasan took to decide: from the WIB date of submission to the WIB date of the
 * decision, not counting the submission day (a same-day decision is 0).
 */
export function verificationDelayWorkingDays(submittedOn: string, decidedOn: string, holidays: Holidays): number {
  if (compareIsoDate(decidedOn, submittedOn) <= 0) return 0;
  return workingDaysBetween(addWorkingDays(submittedOn, 1, holidays), decidedOn, holidays);
}
