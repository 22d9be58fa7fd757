import type { SkpAbilities } from '@pantau/contracts';
import type { SkpFacts } from './skp-access.js';
import type { SkpRow } from './skp.repository.js';

/**
 * Readable SKP rules (returned to the web as `abilities`):
 * - the owner drafts, edits and submits while DRAFT or RETURNED, and starts a new version of an
 *   approved SKP (changes after approval are new versions, the old one is kept);
 * - only the pejabat penilai on the SKP's action date approves or returns a submitted SKP, and
 *   may write the ekspektasi khusus until it is approved;
 * - realisation is recorded on the newest approved version; feedback and dialog notes come from
 *   the owner and the people above them.
 */
export function skpAbilities(skp: Pick<SkpRow, 'status' | 'isCurrent'>, f: SkpFacts, opts: { isLeader?: boolean } = {}): SkpAbilities {
  const editable = skp.isCurrent && (skp.status === 'DRAFT' || skp.status === 'RETURNED');
  return {
    edit: f.isOwner && editable,
    editEkspektasi: (f.isOwner && editable) || (f.isPenilai && skp.isCurrent && skp.status !== 'APPROVED'),
    submit: f.isOwner && editable,
    approve: f.isPenilai && skp.isCurrent && skp.status === 'SUBMITTED',
    return: f.isPenilai && skp.isCurrent && skp.status === 'SUBMITTED',
    revise: f.isOwner && skp.isCurrent && skp.status === 'APPROVED',
    cascade: f.isOwner && opts.isLeader === true,
    recordRealisation: f.isOwner && f.isLatestApproved,
    giveFeedback: (f.isOwner || f.isAbove) && f.isLatestApproved,
    addDialog: f.isOwner || f.isAbove,
    downloadPdf: true,
  };
}

export type SkpAction = keyof SkpAbilities;
