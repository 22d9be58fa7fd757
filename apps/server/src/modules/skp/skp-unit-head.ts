import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpBulkRatingBody, SkpRatingBody } from '@pantau/contracts';
import { PREDIKAT_ORGANISASI_LABELS, RATING_LABELS, unitHeadHasilKerja, type PredikatOrganisasi, type Rating } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { AppError } from '../../http/errors.js';
import { interpolate } from '../../http/messages.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import type { SkpEvaluationService } from './skp-evaluation.service.js';
import { effectiveSettings } from './skp-settings.service.js';

const MESSAGE = {
  id: 'Pegawai ini memimpin {unit}. Rating hasil kerjanya mengikuti predikat kinerja organisasi unit tersebut ({org}): {rating}.',
  en: 'This employee heads {unit}. Their rating hasil kerja follows the unit\'s organisation rating ({org}): {rating}.',
} as const;

/**
 * SE MenPANRB 3/2023: when the leader of an organisation unit is the one evaluated, the unit's
 * organisation predikat is their rating hasil kerja (mapping in @pantau/domain unitHeadHasilKerja;
 * switchable in the SKP settings). Applied around the evaluation service: the suggestion shown
 * is the unit's rating, and the pejabat penilai cannot give another one (400, field
 * hasilKerja.rating). Until the organisation predikat is set, nothing changes.
 */
export function withUnitHeadRule(service: SkpEvaluationService, deps: { db: Db }): SkpEvaluationService {
  type Rule = { rating: Rating; org: PredikatOrganisasi; unit: string };

  /** The rule for each of these SKPs whose owner heads the SKP's unit (one query; usually none). */
  async function rules(ctx: SkpCtx, skpIds: readonly number[], periodId: number): Promise<Map<number, Rule>> {
    const out = new Map<number, Rule>();
    const instansiId = instansiOf(ctx);
    if (skpIds.length === 0 || !(await effectiveSettings(deps.db, instansiId)).unitHeadFollowsOrg) return out;
    const found = await rows<{ skpId: number; predikat: PredikatOrganisasi; unit: string }>(
      deps.db,
      sql`select s.id as "skpId", o.predikat::text as predikat, u.name as unit
          from skps s join positions p on p.id = s.position_id and p.is_head and p.unit_id = s.unit_id
          join skp_org_predikat o on o.unit_id = s.unit_id and o.period_id = ${periodId}
          join org_units u on u.id = s.unit_id
          where s.id = any(${sql.param([...skpIds])}::int[]) and s.instansi_id = ${instansiId}`,
    );
    for (const f of found) out.set(f.skpId, { rating: unitHeadHasilKerja(f.predikat), org: f.predikat, unit: f.unit });
    return out;
  }
  const rule = async (ctx: SkpCtx, skpId: number, periodId: number) => (await rules(ctx, [skpId], periodId)).get(skpId) ?? null;
  const refusal = (ctx: SkpCtx, path: string, r: Rule) =>
    new AppError(400, 'VALIDATION_FAILED', undefined, [
      { path, code: 'HASIL_KERJA_FOLLOWS_ORG', message: interpolate(MESSAGE[ctx.locale], { unit: r.unit, org: PREDIKAT_ORGANISASI_LABELS[r.org][ctx.locale], rating: RATING_LABELS[r.rating][ctx.locale] }) },
    ]);

  return {
    ...service,
    async get(ctx: SkpCtx, skpId: number, periodId: number) {
      const answer = await service.get(ctx, skpId, periodId);
      const r = await rule(ctx, skpId, periodId);
      return r ? { ...answer, evaluation: { ...answer.evaluation, suggestedHasilKerja: r.rating } } : answer;
    },
    async rate(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpRatingBody>) {
      // Read first: access (404) and the right to rate (403, 409 locked) come before the rule.
      const current = await service.get(ctx, skpId, periodId);
      if (!current.evaluation.abilities.rate) return service.rate(ctx, skpId, periodId, body);
      const r = await rule(ctx, skpId, periodId);
      if (r && body.hasilKerja.rating !== r.rating) throw refusal(ctx, 'body.hasilKerja.rating', r);
      return service.rate(ctx, skpId, periodId, body);
    },
    async rateMany(ctx: SkpCtx, body: z.infer<typeof SkpBulkRatingBody>) {
      const found = await rules(ctx, body.ratings.map((x) => x.skpId), body.periodId);
      for (const [n, item] of body.ratings.entries()) {
        const r = found.get(item.skpId);
        if (!r || item.hasilKerja.rating === r.rating) continue;
        // Only a caller who may rate this SKP hears about the rule; others get the service's answer.
        const current = await service.get(ctx, item.skpId, body.periodId).catch(() => null);
        if (current?.evaluation.abilities.rate) throw refusal(ctx, `body.ratings.${n}.hasilKerja.rating`, r);
      }
      return service.rateMany(ctx, body);
    },
  };
}
