import { canDecide, canDelete, canSubmit, isEditableByOwner } from '@pantau/domain';
import type { Actor } from '../auth/actor.js';
import type { DailyReportRow } from './daily-reports.repository.js';

export type DailyReportAction = 'edit' | 'submit' | 'delete' | 'verify';

/**
 * Who may do what with a daily report, in one place:
 * - the owner edits, submits and deletes (within the status rules of the domain);
 * - only the atasan of the report's date (Plh > Plt > definitive) verifies or returns it.
 * Admins, pimpinan and inspektorat only read.
 */
export function can(
  actor: Actor,
  action: DailyReportAction,
  report: Pick<DailyReportRow, 'employeeId' | 'status' | 'activityCount' | 'firstSubmittedAt'>,
  ctx: { isVerifier: boolean },
): boolean {
  const own = actor.employeeId !== null && actor.employeeId === report.employeeId;
  switch (action) {
    case 'edit':
      return own && isEditableByOwner(report.status);
    case 'submit':
      return own && canSubmit(report.status, report.activityCount);
    case 'delete':
      return own && canDelete(report.status, report.firstSubmittedAt !== null);
    case 'verify':
      return ctx.isVerifier && !own && canDecide(report.status);
  }
}

export function abilitiesFor(
  actor: Actor,
  report: Pick<DailyReportRow, 'employeeId' | 'status' | 'activityCount' | 'firstSubmittedAt'>,
  ctx: { isVerifier: boolean },
) {
  return {
    edit: can(actor, 'edit', report, ctx),
    submit: can(actor, 'submit', report, ctx),
    delete: can(actor, 'delete', report, ctx),
    verify: can(actor, 'verify', report, ctx),
  };
}
