import type { SkpEvaluationDto, SkpPersonRef } from '@pantau/contracts';
import { PREDIKAT_KINERJA_LABELS, clampDate, suggestHasilKerjaRating, type SkpRuleSet } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { notFound } from '../../http/errors.js';
import type { PenilaiPair, SkpAccess, SkpFacts } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { evaluationAbilities, objectionDeadline } from './skp-evaluation.policy.js';
import { skpEvaluationRepository, type EvaluationItemRow, type EvaluationRow, type ObjectionRow } from './skp-evaluation.repository.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpPeriodsRepository, type PeriodRow } from './skp-periods.repository.js';
import { effectiveSettings, periodDto, ruleSetById, type EffectiveSettings } from './skp-settings.service.js';
import { unknownPerson } from './skp.presenter.js';
import { skpRepository, type RhkWithParent, type SkpRow } from './skp.repository.js';

/** Everything an evaluation action needs about (SKP series, period) and the caller. */
export interface EvalContext {
  skp: SkpRow;
  facts: SkpFacts;
  period: PeriodRow;
  ratingDate: string;
  penilai: PenilaiPair | null;
  isPenilai: boolean;
  started: boolean;
  evaluation: EvaluationRow | undefined;
  settings: EffectiveSettings;
  ruleSet: SkpRuleSet;
}

/**
 * The day that decides the pejabat penilai of a period: today, but not after the period's end,
 * and inside the part of the period covered by this SKP (a transferred employee is rated for
 * each segment by the penilai of that segment).
 */
export function ratingDate(skp: Pick<SkpRow, 'periodStart' | 'periodEnd'>, period: Pick<PeriodRow, 'startDate' | 'endDate'>, today: string): string {
  const from = skp.periodStart > period.startDate ? skp.periodStart : period.startDate;
  const to = skp.periodEnd < period.endDate ? skp.periodEnd : period.endDate;
  return clampDate(today < to ? today : to, from, to);
}

export function overlaps(skp: Pick<SkpRow, 'periodStart' | 'periodEnd' | 'year'>, p: Pick<PeriodRow, 'startDate' | 'endDate' | 'year'>): boolean {
  return skp.year === p.year && skp.periodStart <= p.endDate && p.startDate <= skp.periodEnd;
}

export async function loadEvalContext(db: DbOrTx, access: SkpAccess, ctx: SkpCtx, skpId: number, periodId: number): Promise<EvalContext> {
  const loaded = await access.loadApproved(ctx, skpId);
  if (!loaded) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_APPROVED');
  const { skp, facts } = loaded;
  const period = await skpPeriodsRepository(db).find(instansiOf(ctx), periodId);
  if (!period) throw notFound();
  if (!overlaps(skp, period)) throw skpInvalid(ctx.locale, 'params.periodId', 'PERIOD_OUTSIDE');
  const today = access.today();
  const date = ratingDate(skp, period, today);
  // Usually the same day as the SKP's action date, whose penilai is already known.
  const penilai =
    date === access.actionDate(skp)
      ? facts.penilai
      : ((await access.penilaiOf([{ employeeId: skp.employeeId, date }])).get(access.penilaiKey(skp.employeeId, date)) ?? null);
  const me = ctx.actor.employeeId;
  const settings = await effectiveSettings(db, skp.instansiId);
  return {
    skp,
    facts,
    period,
    ratingDate: date,
    penilai,
    isPenilai: me !== null && penilai !== null && penilai.penilaiId === me && me !== skp.employeeId,
    started: today >= (skp.periodStart > period.startDate ? skp.periodStart : period.startDate),
    evaluation: await skpEvaluationRepository(db).findBySeries(skp.seriesId ?? skp.id, period.id),
    settings,
    ruleSet: ruleSetById(settings.ruleSetId),
  };
}

export function presentObjection(o: ObjectionRow, refs: ReadonlyMap<number, SkpPersonRef>, today: string, me: number | null) {
  return {
    id: o.id,
    evaluationId: o.evaluationId,
    employee: refs.get(o.employeeId) ?? unknownPerson(o.employeeId),
    decider: refs.get(o.deciderEmployeeId) ?? null,
    reason: o.reason,
    filedAt: o.filedAt.toISOString(),
    decisionDue: o.decisionDue,
    overdue: o.status === 'PENDING' && today > o.decisionDue,
    status: o.status,
    decisionNote: o.decisionNote,
    decidedAt: o.decidedAt?.toISOString() ?? null,
    previousPredikat: o.previousPredikat,
    newPredikat: o.newPredikat,
    canDecide: me !== null && o.status === 'PENDING' && o.deciderEmployeeId === me,
  };
}

/** Builds the SkpEvaluationDto (a not-started evaluation has id null). */
export async function presentEvaluation(db: DbOrTx, ec: EvalContext, ctx: SkpCtx, today: string): Promise<SkpEvaluationDto> {
  const e = ec.evaluation;
  const repo = skpEvaluationRepository(db);
  const items: EvaluationItemRow[] = e ? await repo.itemsOf([e.id]) : [];
  // Objections exist only against final (locked) evaluations.
  const [objection] = e?.locked ? await repo.objectionsOf([e.id]) : [];
  const rhk: RhkWithParent[] = items.some((i) => i.rhkId !== null) ? await skpRepository(db).rhkOf([e?.skpId ?? ec.skp.id]) : [];
  const kindOf = new Map(rhk.map((r) => [r.id, r.kind]));
  const penilaiId = e?.penilaiEmployeeId ?? ec.penilai?.penilaiId ?? null;
  const atasanId = e?.atasanPenilaiEmployeeId ?? ec.penilai?.atasanId ?? null;
  const ids = [ec.skp.employeeId, penilaiId, atasanId, objection?.deciderEmployeeId].filter((x): x is number => typeof x === 'number');
  const refs = await skpPeopleRepository(db).personRefs(ids, ec.ratingDate);
  const ref = (id: number | null) => (id === null ? null : (refs.get(id) ?? unknownPerson(id)));
  const facts = { isOwner: ec.facts.isOwner, isPenilai: ec.isPenilai, started: ec.started, today, objectionDays: ec.settings.objectionDays };
  const results = items.flatMap((i) => {
    const kind = i.rhkId === null ? undefined : kindOf.get(i.rhkId);
    return kind ? [{ kind, rating: i.rating }] : [];
  });
  return {
    id: e?.id ?? null,
    skpId: ec.skp.id,
    seriesId: ec.skp.seriesId ?? ec.skp.id,
    period: periodDto(ec.period),
    employee: ref(ec.skp.employeeId) ?? unknownPerson(ec.skp.employeeId),
    status: e ? e.status : 'NOT_STARTED',
    selfAssessment: e?.selfAssessment ?? null,
    selfAssessedAt: e?.selfAssessedAt?.toISOString() ?? null,
    hasilKerja: e?.hasilKerjaRating ? { rating: e.hasilKerjaRating, reason: e.hasilKerjaReason ?? '' } : null,
    perilaku: e?.perilakuRating ? { rating: e.perilakuRating, reason: e.perilakuReason ?? '' } : null,
    predikat: e?.predikat ?? null,
    predikatLabel: e?.predikat ? PREDIKAT_KINERJA_LABELS[e.predikat] : null,
    catatan: e?.catatan ?? null,
    items: items.map((i) => ({ rhkId: i.rhkId, behaviour: i.behaviour, rating: i.rating, note: i.note })),
    suggestedHasilKerja: suggestHasilKerjaRating(results),
    penilai: ref(penilaiId),
    atasanPenilai: ref(atasanId),
    ratedAt: e?.ratedAt?.toISOString() ?? null,
    locked: e?.locked ?? false,
    finalisedAt: e?.finalisedAt?.toISOString() ?? null,
    acknowledgedAt: e?.acknowledgedAt?.toISOString() ?? null,
    objectionDeadline: objectionDeadline(e, ec.settings.objectionDays),
    objection: objection ? presentObjection(objection, refs, today, ctx.actor.employeeId) : null,
    abilities: evaluationAbilities(e, objection, facts),
  };
}

