import { sql } from 'drizzle-orm';
import type { Locale } from '@pantau/contracts';
import type { SkpRuleSet } from '@pantau/domain';
import type { Tx } from '../../db/open-db.js';
import { AppError } from '../../http/errors.js';
import { recordAuditBatch, type AuditEvent } from '../audit/audit.repository.js';
import type { SkpCtx } from './skp-context.js';
import { poolChecks, violationMessage } from './skp-distribution.js';
import { skpEvaluationRepository, type EvaluationRow } from './skp-evaluation.repository.js';
import { skpConflict, skpField } from './skp-messages.js';

/**
 * Finalises rated evaluations in the caller's transaction. The distribution of every pool they
 * belong to is checked once (SE MenPANRB 3/2023); a pool without an organisation predikat cannot
 * be finalised, and a pool that breaks the pattern needs a written justification, stored as an
 * override and linked to the evaluations. Final evaluations are locked.
 *
 * A fixed number of statements whatever the number of evaluations: pools, counts, one insert of
 * the overrides, one update of the evaluations, and the audit rows as one batch at the end (the
 * audit chain head is a row lock, held for as short a time as possible).
 */
export async function finaliseInTx(
  tx: Tx,
  ctx: SkpCtx,
  evaluations: readonly EvaluationRow[],
  opts: { justification: string | null | undefined; finaliserId: number; atasanOf: ReadonlyMap<number, number>; ruleSet: SkpRuleSet; now: Date },
): Promise<void> {
  const first = evaluations[0];
  if (!first) return;
  const locale: Locale = ctx.locale;
  const repo = skpEvaluationRepository(tx);
  const justification = opts.justification?.trim() ? opts.justification.trim() : null;
  const checks = await poolChecks(tx, evaluations.map((e) => e.unitId), first.periodId, opts.ruleSet);
  if (evaluations.some((e) => !checks.has(e.unitId))) throw skpConflict(locale, 'id', 'ORG_PREDIKAT_MISSING');

  const broken = [...new Map([...checks.values()].filter((c) => !c.valid).map((c) => [c.pool.unitId, c])).values()];
  if (broken.length > 0 && justification === null) {
    const violations = broken
      .flatMap((c) => c.violations.map((v) => violationMessage(v, locale, opts.ruleSet, c.pool.predikat)))
      .join(' ');
    throw new AppError(400, 'VALIDATION_FAILED', undefined, [
      skpField(locale, 'body.distributionJustification', 'DISTRIBUTION_JUSTIFICATION_REQUIRED', { violations }),
    ]);
  }
  const overrides = await repo.insertOverrides(
    broken.map((c) => ({
      instansiId: first.instansiId,
      unitId: c.pool.unitId,
      periodId: first.periodId,
      predikatOrganisasi: c.pool.predikat,
      justification: justification ?? '',
      counts: c.counts,
      violations: c.violations.map((v) => ({ code: v.code, ruleId: v.ruleId, actual: v.actual, limit: v.limit, total: v.total, message: v.message })),
      createdByEmployeeId: opts.finaliserId,
      createdByUserId: ctx.actor.userId,
    })),
  );
  const overrideOfPool = new Map(overrides.map((o) => [o.unitId, o.id]));

  // The atasan penilai decides objections; captured per evaluation's penilai.
  const ids = evaluations.map((e) => e.id);
  const atasan = evaluations.map((e) => opts.atasanOf.get(e.id) ?? e.atasanPenilaiEmployeeId ?? opts.finaliserId);
  const overrideIds = evaluations.map((e) => {
    const pool = checks.get(e.unitId)?.pool.unitId;
    return pool === undefined ? null : (overrideOfPool.get(pool) ?? null);
  });
  await tx.execute(sql`
    update skp_evaluations e set
      status = 'FINAL', locked = true, finalised_at = ${opts.now.toISOString()}::timestamptz, finalised_by_employee_id = ${opts.finaliserId},
      penilai_employee_id = ${opts.finaliserId}, atasan_penilai_employee_id = v.atasan, override_id = v.override_id, updated_at = now()
    from unnest(${sql.param(ids)}::int[], ${sql.param(atasan)}::int[], ${sql.param(overrideIds)}::int[]) as v(id, atasan, override_id)
    where e.id = v.id`);

  const events: AuditEvent[] = overrides.map((o) => ({ action: 'skp.distribution.override', entityType: 'skp_distribution_override', entityId: o.id, newValues: o }));
  events.push({
    action: 'skp.evaluation.finalise',
    entityType: 'skp_evaluation',
    entityId: evaluations.length === 1 ? first.id : null,
    newValues: { evaluationIds: ids, justification, overrides: overrides.map((o) => o.id) },
  });
  await recordAuditBatch(tx, ctx.req, events);
}
