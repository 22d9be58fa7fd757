import type { Locale } from '@pantau/contracts';
import type { SkpRuleSet } from '@pantau/domain';
import type { Tx } from '../../db/open-db.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { SkpCtx } from './skp-context.js';
import { poolCheck, violationMessage } from './skp-distribution.js';
import { skpEvaluationRepository, type EvaluationRow } from './skp-evaluation.repository.js';
import { skpConflict, skpField } from './skp-messages.js';

/**
 * Finalises rated evaluations in the caller's transaction. The distribution of every pool they
 * belong to is checked (SE MenPANRB 3/2023); a pool without an organisation predikat cannot be
 * finalised, and a pool that breaks the pattern needs a written justification, stored as an
 * override and linked to the evaluations. Final evaluations are locked.
 */
export async function finaliseInTx(
  tx: Tx,
  ctx: SkpCtx,
  evaluations: readonly EvaluationRow[],
  opts: { justification: string | null | undefined; finaliserId: number; atasanOf: ReadonlyMap<number, number>; ruleSet: SkpRuleSet; now: Date },
): Promise<void> {
  const locale: Locale = ctx.locale;
  const repo = skpEvaluationRepository(tx);
  const justification = opts.justification?.trim() ? opts.justification.trim() : null;
  const overrideOfUnit = new Map<number, number | null>();
  const checkedPools = new Map<number, number | null>();
  for (const unitId of new Set(evaluations.map((e) => e.unitId))) {
    const check = await poolCheck(tx, unitId, evaluations[0]?.periodId ?? 0, opts.ruleSet);
    if (!check) throw skpConflict(locale, 'id', 'ORG_PREDIKAT_MISSING');
    const known = checkedPools.get(check.pool.unitId);
    if (known !== undefined) {
      overrideOfUnit.set(unitId, known);
      continue;
    }
    let overrideId: number | null = null;
    if (!check.valid) {
      if (justification === null) {
        const violations = check.violations.map((v) => violationMessage(v, locale, opts.ruleSet, check.pool.predikat)).join(' ');
        throw new AppError(400, 'VALIDATION_FAILED', undefined, [
          skpField(locale, 'body.distributionJustification', 'DISTRIBUTION_JUSTIFICATION_REQUIRED', { violations }),
        ]);
      }
      const override = await repo.insertOverride({
        instansiId: evaluations[0]?.instansiId ?? 0,
        unitId: check.pool.unitId,
        periodId: evaluations[0]?.periodId ?? 0,
        predikatOrganisasi: check.pool.predikat,
        justification,
        counts: check.counts,
        violations: check.violations.map((v) => ({ code: v.code, ruleId: v.ruleId, actual: v.actual, limit: v.limit, total: v.total, message: v.message })),
        createdByEmployeeId: opts.finaliserId,
        createdByUserId: ctx.actor.userId,
      });
      await recordAudit(tx, ctx.req, { action: 'skp.distribution.override', entityType: 'skp_distribution_override', entityId: override.id, newValues: override });
      overrideId = override.id;
    }
    checkedPools.set(check.pool.unitId, overrideId);
    overrideOfUnit.set(unitId, overrideId);
  }
  const byOverride = new Map<number | null, EvaluationRow[]>();
  for (const e of evaluations) {
    const o = overrideOfUnit.get(e.unitId) ?? null;
    byOverride.set(o, [...(byOverride.get(o) ?? []), e]);
  }
  for (const [overrideId, list] of byOverride) {
    // The atasan penilai decides objections; captured per evaluation's penilai.
    for (const [atasanId, group] of groupBy(list, (e) => opts.atasanOf.get(e.id) ?? e.atasanPenilaiEmployeeId ?? opts.finaliserId)) {
      await repo.finaliseMany(group.map((e) => e.id), {
        status: 'FINAL',
        locked: true,
        finalisedAt: opts.now,
        finalisedByEmployeeId: opts.finaliserId,
        penilaiEmployeeId: opts.finaliserId,
        atasanPenilaiEmployeeId: atasanId,
        overrideId,
      });
    }
  }
  await recordAudit(tx, ctx.req, {
    action: 'skp.evaluation.finalise',
    entityType: 'skp_evaluation',
    entityId: evaluations.length === 1 ? (evaluations[0]?.id ?? null) : null,
    newValues: { evaluationIds: evaluations.map((e) => e.id), justification, overrides: [...checkedPools.values()].filter((x) => x !== null) },
  });
}

function groupBy<T, K>(list: readonly T[], keyOf: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of list) {
    const k = keyOf(t);
    out.set(k, [...(out.get(k) ?? []), t]);
  }
  return out;
}
