import type { z } from 'zod';
import type { SkpEvaluationAbilities } from '@pantau/contracts';
import { addDays } from '@pantau/domain';
import { wibDate } from '../../lib/clock.js';
import type { EvaluationRow, ObjectionRow } from './skp-evaluation.repository.js';

/** The last day a keberatan may be filed: the WIB date of finalisation + the configured days. */
export function objectionDeadline(e: Pick<EvaluationRow, 'finalisedAt'> | undefined, objectionDays: number): string | null {
  return e?.finalisedAt ? addDays(wibDate(e.finalisedAt), objectionDays) : null;
}

export interface EvaluationFacts {
  isOwner: boolean;
  /** The caller is the pejabat penilai on the period's rating date (Plt/Plh included). */
  isPenilai: boolean;
  /** The period has started for this SKP (nothing can be rated before it starts). */
  started: boolean;
  today: string;
  objectionDays: number;
}

/**
 * Readable evaluation rules (sent as `abilities`): the owner self-assesses until the evaluation
 * is final; only the pejabat penilai of the period rates and finalises; a final evaluation is
 * locked for everybody (only an objection decision can change it); the owner acknowledges and
 * may object within the window.
 */
export function evaluationAbilities(
  e: EvaluationRow | undefined,
  objection: ObjectionRow | undefined,
  f: EvaluationFacts,
): z.infer<typeof SkpEvaluationAbilities> {
  const locked = e?.locked === true;
  const deadline = objectionDeadline(e, f.objectionDays);
  return {
    selfAssess: f.isOwner && !locked,
    rate: f.isPenilai && !locked && f.started,
    finalise: f.isPenilai && !locked && e?.status === 'RATED',
    acknowledge: f.isOwner && locked && e?.acknowledgedAt === null,
    object: f.isOwner && locked && objection === undefined && deadline !== null && f.today <= deadline,
    downloadPdf: true,
  };
}
