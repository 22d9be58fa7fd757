import type { ComplaintAbilities, ComplaintCategory, ComplaintSummary } from '@pantau/contracts';
import { isOpenComplaint, slaStatus } from '@pantau/domain';
import type { ComplaintListRow } from './complaints.repository.js';
import { type FeedbackScope, administers, managesUnit } from './feedback-scope.js';

/**
 * Complaint rows → what officials receive. The row type has no field of the complainant's
 * identity, and nothing here reads one: identity only leaves through the audited
 * GET /api/complaints/:id/complainant.
 */

export function toSummary(row: ComplaintListRow, names: ReadonlyMap<number, string>, today: string): ComplaintSummary {
  const ref = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const officialDeadline = isOpenComplaint(row.status) && row.status !== 'DITINDAKLANJUTI' && row.dueOn !== null;
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    category: row.category as ComplaintCategory,
    status: row.status,
    anonymous: row.anonymous,
    confidential: row.confidential,
    unit: { id: row.unitId, name: row.unitName },
    handlingUnit: row.handlingUnitId === null ? null : { id: row.handlingUnitId, name: row.handlingUnitName ?? '' },
    servicePoint: row.servicePointId === null ? null : { id: row.servicePointId, name: row.servicePointName ?? '' },
    subjectEmployee: ref(row.subjectEmployeeId),
    receivedAt: new Date(row.receivedAt).toISOString(),
    dueOn: row.dueOn,
    sla: officialDeadline && row.dueOn !== null ? slaStatus(row.dueOn, today) : null,
    escalationLevel: row.escalationLevel,
    escalatedTo: ref(row.escalatedToEmployeeId),
    excerpt: row.description.length > 160 ? `${row.description.slice(0, 157)}…` : row.description,
    duplicateOfId: row.duplicateOfId,
    attachments: row.attachments,
  };
}

/** Intake: verify, reject, forward — whoever administers or heads the unit complained about. */
export const isIntake = (scope: FeedbackScope, row: ComplaintListRow) => managesUnit(scope, row.unitPath);
/** The unit a complaint was forwarded to answers it. */
export const isHandler = (scope: FeedbackScope, row: ComplaintListRow) => row.handlingUnitPath !== null && managesUnit(scope, row.handlingUnitPath);
/** Only complaint administrators read a (non-anonymous) complainant's contact. */
export const mayReveal = (scope: FeedbackScope, row: ComplaintListRow) =>
  !row.anonymous && (administers(scope, row.unitPath) || administers(scope, row.handlingUnitPath));

export function abilitiesFor(scope: FeedbackScope, row: ComplaintListRow, evidenceAttached: boolean): ComplaintAbilities {
  const intake = isIntake(scope, row);
  const handler = isHandler(scope, row);
  const s = row.status;
  return {
    verify: s === 'DITERIMA' && intake,
    reject: (s === 'DITERIMA' || s === 'DIVERIFIKASI') && intake,
    dispose: (s === 'DIVERIFIKASI' && intake) || (s === 'DIDISPOSISIKAN' && (intake || handler)),
    followUp: (s === 'DIDISPOSISIKAN' || s === 'DITINDAKLANJUTI') && handler,
    close: s === 'DITINDAKLANJUTI' && (intake || handler),
    revealComplainant: mayReveal(scope, row),
    attachEvidence:
      !evidenceAttached &&
      row.subjectEmployeeId !== null &&
      scope.subordinates.has(row.subjectEmployeeId) &&
      s !== 'DITERIMA' &&
      s !== 'DITOLAK',
  };
}

/** May the actor make this move? (The workflow itself is checked separately.) */
export function mayTransition(scope: FeedbackScope, row: ComplaintListRow, to: ComplaintSummary['status']): boolean {
  const intake = isIntake(scope, row);
  const handler = isHandler(scope, row);
  switch (to) {
    case 'DIVERIFIKASI':
    case 'DITOLAK':
      return intake;
    case 'DIDISPOSISIKAN':
      return intake || (row.status === 'DIDISPOSISIKAN' && handler);
    case 'DITINDAKLANJUTI':
      return handler;
    case 'SELESAI':
      return intake || handler;
    default:
      return false;
  }
}
