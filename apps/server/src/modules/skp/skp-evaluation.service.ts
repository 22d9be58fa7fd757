import type { z } from 'zod';
import type { SkpBulkFinaliseBody, SkpBulkRatingBody, SkpFinaliseBody, SkpRatingBody, SkpSelfAssessmentBody } from '@pantau/contracts';
import { predikatKinerja } from '@pantau/domain';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { INSTANSI_WIDE_READ, hasAnyRole } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { skpAccess } from './skp-access.js';
import { rateMany } from './skp-bulk-rating.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { distributionFor, distributionsFor } from './skp-distribution.js';
import { skpDistributionRepository } from './skp-distribution.repository.js';
import { loadEvalContext, presentEvaluation, ratingDate, type EvalContext } from './skp-evaluation-context.js';
import { skpEvaluationRepository, type EvaluationRow } from './skp-evaluation.repository.js';
import { finaliseInTx } from './skp-finalise.js';
import { skpConflict, skpField, skpInvalid } from './skp-messages.js';
import type { SkpDeps } from './skp-plan.service.js';
import { skpPeriodsRepository } from './skp-periods.repository.js';
import { effectiveSettings, ruleSetById } from './skp-settings.service.js';
import { skpRepository } from './skp.repository.js';

/**
 * Periodic and annual evaluation (PermenPANRB 6/2022 Pasal 24–25, SE MenPANRB 3/2023): the
 * employee self-assesses, the pejabat penilai of the period rates hasil kerja and perilaku with a
 * reason each, the predikat follows from the rule set's matrix, the unit's distribution is shown
 * live, and finalising locks the evaluation.
 */
export function createSkpEvaluationService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);

  const context = (ctx: SkpCtx, skpId: number, periodId: number) => loadEvalContext(db, access, ctx, skpId, periodId);

  /**
   * After a write the context is still valid except for the evaluation row itself: `written` is
   * that row as the write returned it (committed), else it is read again.
   */
  async function respond(ctx: SkpCtx, skpId: number, periodId: number, withDistribution: boolean, known?: EvalContext, written?: EvaluationRow) {
    const ec = known
      ? { ...known, evaluation: written ?? (await skpEvaluationRepository(db).findBySeries(known.skp.seriesId ?? known.skp.id, known.period.id)) }
      : await context(ctx, skpId, periodId);
    const evaluation = await presentEvaluation(db, ec, ctx, access.today());
    if (!withDistribution) return { evaluation, distribution: null };
    const unit = await orgRepository(db).findUnit(ec.skp.instansiId, ec.skp.unitId);
    return { evaluation, distribution: unit ? await distributionFor(db, unit, periodId, ec.ruleSet, ctx.locale) : null };
  }

  function evaluationSeed(ec: EvalContext) {
    return {
      instansiId: ec.skp.instansiId,
      seriesId: ec.skp.seriesId ?? ec.skp.id,
      skpId: ec.skp.id,
      employeeId: ec.skp.employeeId,
      periodId: ec.period.id,
      unitId: ec.skp.unitId,
    };
  }

  const assertUnlocked = (ctx: SkpCtx, e: EvaluationRow | undefined) => {
    if (e?.locked) throw skpConflict(ctx.locale, 'id', 'EVALUATION_LOCKED');
  };

  return {
    get: (ctx: SkpCtx, skpId: number, periodId: number) => respond(ctx, skpId, periodId, false),

    async selfAssess(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpSelfAssessmentBody>) {
      const ec = await context(ctx, skpId, periodId);
      if (!ec.facts.isOwner) throw forbidden();
      assertUnlocked(ctx, ec.evaluation);
      await db.transaction(async (tx) => {
        const repo = skpEvaluationRepository(tx);
        const e = await repo.ensure(evaluationSeed(ec));
        assertUnlocked(ctx, e);
        await repo.update(e.id, { selfAssessment: body.selfAssessment, selfAssessedAt: clock.now(), skpId: ec.skp.id });
        await recordAudit(tx, ctx.req, { action: 'skp.evaluation.self_assess', entityType: 'skp_evaluation', entityId: e.id, oldValues: { selfAssessment: e.selfAssessment }, newValues: body });
      });
      return respond(ctx, skpId, periodId, false, ec);
    },

    /** Only the pejabat penilai of the period; reasons are required; the predikat is computed. */
    async rate(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpRatingBody>) {
      const ec = await context(ctx, skpId, periodId);
      if (!ec.isPenilai || !ec.penilai) throw forbidden();
      assertUnlocked(ctx, ec.evaluation);
      if (!ec.started) throw skpInvalid(ctx.locale, 'params.periodId', 'PERIOD_OUTSIDE');
      const rhkIds = new Set(body.results.length === 0 ? [] : (await skpRepository(db).rhkOf([ec.skp.id])).map((r) => r.id));
      const bad = body.results.map((r, n) => ({ r, n })).filter(({ r }) => !rhkIds.has(r.rhkId));
      if (bad.length > 0) {
        throw new AppError(400, 'VALIDATION_FAILED', undefined, bad.map(({ n }) => skpField(ctx.locale, `body.results.${n}.rhkId`, 'RHK_NOT_IN_SKP')));
      }
      const predikat = predikatKinerja(body.hasilKerja.rating, body.perilaku.rating, ec.ruleSet);
      const penilai = ec.penilai;
      const after = await db.transaction(async (tx) => {
        const repo = skpEvaluationRepository(tx);
        const e = await repo.ensure(evaluationSeed(ec));
        assertUnlocked(ctx, e);
        const updated = await repo.update(e.id, {
          skpId: ec.skp.id,
          status: 'RATED',
          hasilKerjaRating: body.hasilKerja.rating,
          hasilKerjaReason: body.hasilKerja.reason,
          perilakuRating: body.perilaku.rating,
          perilakuReason: body.perilaku.reason,
          catatan: body.catatan ?? e.catatan,
          predikat,
          ruleSetId: ec.ruleSet.id,
          penilaiEmployeeId: penilai.penilaiId,
          atasanPenilaiEmployeeId: penilai.atasanId,
          ratedAt: clock.now(),
        });
        await repo.replaceItems(e.id, !e.created, [
          ...body.results.map((r) => ({ rhkId: r.rhkId, behaviour: null, rating: r.rating, note: r.note ?? null })),
          ...body.behaviours.map((b) => ({ rhkId: null, behaviour: b.behaviour, rating: b.rating, note: b.note ?? null })),
        ]);
        await recordAudit(tx, ctx.req, {
          action: 'skp.evaluation.rate',
          entityType: 'skp_evaluation',
          entityId: e.id,
          oldValues: { hasilKerja: e.hasilKerjaRating, perilaku: e.perilakuRating, predikat: e.predikat },
          newValues: { ...body, predikat, ruleSetId: ec.ruleSet.id },
        });
        return updated;
      });
      return respond(ctx, skpId, periodId, true, ec, after);
    },

    async finalise(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpFinaliseBody>) {
      const ec = await context(ctx, skpId, periodId);
      if (!ec.isPenilai || !ec.penilai || ctx.actor.employeeId === null) throw forbidden();
      const e = ec.evaluation;
      assertUnlocked(ctx, e);
      if (!e || e.status !== 'RATED') throw skpConflict(ctx.locale, 'id', 'EVALUATION_NOT_RATED');
      const finaliserId = ctx.actor.employeeId;
      const atasanOf = new Map([[e.id, ec.penilai.atasanId]]);
      await db.transaction((tx) =>
        finaliseInTx(tx, ctx, [e], { justification: body.distributionJustification, finaliserId, atasanOf, ruleSet: ec.ruleSet, now: clock.now() }),
      );
      return respond(ctx, skpId, periodId, true, ec);
    },

    /** Rates many SKPs of one period at once (the team page's "save all"); see skp-bulk-rating.ts. */
    rateMany: (ctx: SkpCtx, body: z.infer<typeof SkpBulkRatingBody>) => rateMany(db, access, clock, ctx, body),

    /** Finalises many evaluations of one period at once (the team page's "finalise all"). */
    async finaliseMany(ctx: SkpCtx, body: z.infer<typeof SkpBulkFinaliseBody>) {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      if (me === null) throw forbidden();
      const ids = [...new Set(body.evaluationIds)];
      const evaluations = (await skpEvaluationRepository(db).findMany(ids)).filter((e) => e.instansiId === instansiId);
      if (evaluations.length !== ids.length) throw notFound();
      const periodIds = new Set(evaluations.map((e) => e.periodId));
      const [period] = await skpPeriodsRepository(db).findMany([...periodIds]);
      if (periodIds.size !== 1 || !period) throw skpInvalid(ctx.locale, 'body.evaluationIds', 'PERIOD_UNKNOWN');
      const skps = new Map((await skpRepository(db).findMany(evaluations.map((e) => e.skpId))).map((s) => [s.id, s]));
      const today = access.today();
      const pairs = evaluations.map((e) => {
        const skp = skps.get(e.skpId);
        if (!skp) throw notFound();
        return { e, employeeId: skp.employeeId, date: ratingDate(skp, period, today) };
      });
      const penilai = await access.penilaiOf(pairs);
      const atasanOf = new Map<number, number>();
      for (const p of pairs) {
        const who = penilai.get(access.penilaiKey(p.employeeId, p.date));
        if (!who || who.penilaiId !== me) throw forbidden();
        if (p.e.locked) throw skpConflict(ctx.locale, 'body.evaluationIds', 'EVALUATION_LOCKED');
        if (p.e.status !== 'RATED') throw skpConflict(ctx.locale, 'body.evaluationIds', 'EVALUATION_NOT_RATED');
        atasanOf.set(p.e.id, who.atasanId);
      }
      const ruleSet = ruleSetById((await effectiveSettings(db, instansiId)).ruleSetId);
      await db.transaction((tx) =>
        finaliseInTx(tx, ctx, evaluations, { justification: body.distributionJustification, finaliserId: me, atasanOf, ruleSet, now: clock.now() }),
      );
      const units = await skpDistributionRepository(db).units(instansiId, [...new Set(evaluations.map((e) => e.unitId))]);
      const distributions = await distributionsFor(db, units, period.id, ruleSet, ctx.locale);
      return { finalised: evaluations.map((e) => e.id), distributions };
    },

    async acknowledge(ctx: SkpCtx, skpId: number, periodId: number) {
      const ec = await context(ctx, skpId, periodId);
      if (!ec.facts.isOwner) throw forbidden();
      const e = ec.evaluation;
      if (!e?.locked) throw skpConflict(ctx.locale, 'id', 'EVALUATION_NOT_FINAL');
      if (e.acknowledgedAt !== null) throw skpConflict(ctx.locale, 'id', 'ALREADY_ACKNOWLEDGED');
      await db.transaction(async (tx) => {
        await skpEvaluationRepository(tx).update(e.id, { acknowledgedAt: clock.now() });
        await recordAudit(tx, ctx.req, { action: 'skp.evaluation.acknowledge', entityType: 'skp_evaluation', entityId: e.id });
      });
      return respond(ctx, skpId, periodId, false, ec);
    },

    /** Live distribution of the pool a unit belongs to, for a period. */
    async distribution(ctx: SkpCtx, unitId: number, periodId: number) {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      const mayRead =
        hasAnyRole(ctx.actor, [...INSTANSI_WIDE_READ, 'ADMIN_OPD']) || (me !== null && (await accessRepository(db).isAtasan(me, access.today())));
      if (!mayRead) throw forbidden();
      const unit = await orgRepository(db).findUnit(instansiId, unitId);
      const period = await skpPeriodsRepository(db).find(instansiId, periodId);
      if (!unit || !period) throw notFound();
      const ruleSet = ruleSetById((await effectiveSettings(db, instansiId)).ruleSetId);
      return distributionFor(db, unit, period.id, ruleSet, ctx.locale);
    },
  };
}

export type SkpEvaluationService = ReturnType<typeof createSkpEvaluationService>;
