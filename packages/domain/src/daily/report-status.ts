/**
 * Life of a daily report: the pegawai drafts, submits; the atasan of that date verifies or
 * returns it with a note (per day or per activity); a returned day is fixed and submitted again.
 * Regional e-Kinerja apps and e-Kinerja BKN's 2026 dashboard use the same steps
 * (Draft / Submitted / Approved, reference §2.2, §3.4).
 */
export const DAILY_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'] as const;
export type DailyReportStatus = (typeof DAILY_REPORT_STATUSES)[number];

export const ACTIVITY_STATUSES = ['PENDING', 'VERIFIED', 'RETURNED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The owner may change activities only while the day is a draft or was returned. */
export function isEditableByOwner(status: DailyReportStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

/** A day can be submitted from DRAFT or RETURNED, and only with at least one activity. */
export function canSubmit(status: DailyReportStatus, activityCount: number): boolean {
  return isEditableByOwner(status) && activityCount > 0;
}

/** Only a submitted day waits for the atasan's decision. */
export function canDecide(status: DailyReportStatus): boolean {
  return status === 'SUBMITTED';
}

/** A draft that was never submitted can be thrown away by its owner. */
export function canDelete(status: DailyReportStatus, everSubmitted: boolean): boolean {
  return status === 'DRAFT' && !everSubmitted;
}

export type Decision = 'VERIFIED' | 'RETURNED';

/**
 * Outcome of a verification: each activity takes its own decision when one is given, else the
 * day's; activities already VERIFIED stay verified. The day is RETURNED when any activity is
 * returned, else VERIFIED.
 */
export function decideActivities(
  activities: ReadonlyArray<{ id: number; status: ActivityStatus }>,
  dayDecision: Decision,
  perActivity: ReadonlyMap<number, Decision>,
): { day: Decision; activities: Map<number, ActivityStatus> } {
  const out = new Map<number, ActivityStatus>();
  for (const a of activities) {
    const own = perActivity.get(a.id);
    out.set(a.id, own ?? (a.status === 'VERIFIED' ? 'VERIFIED' : dayDecision));
  }
  const anyReturned = [...out.values()].some((s) => s === 'RETURNED');
  return { day: anyReturned ? 'RETURNED' : 'VERIFIED', activities: out };
}

/** Whether an activity may still be changed by its owner (verified activities are kept as they are). */
export function isActivityEditable(status: ActivityStatus): boolean {
  return status !== 'VERIFIED';
}
