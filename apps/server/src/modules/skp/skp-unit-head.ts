import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpRatingBody } from '@pantau/contracts';
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
  async function rule(ctx: SkpCtx, skpId: number, periodId: number): Promise<{ rating: Rating; org: PredikatOrganisasi; unit: string } | null> {
    const instansiId = instansiOf(ctx);
    if (!(await effectiveSettings(deps.db, instansiId)).unitHeadFollowsOrg) return null;
    const [found] = await rows<{ predikat: PredikatOrganisasi; unit: string }>(
      deps.db,
      sql`select o.predikat::text as predikat, u.name as unit
          from skps s join positions p on p.id = s.position_id and p.is_head and p.unit_id = s.unit_id
          join skp_org_predikat o on o.unit_id = s.unit_id and o.period_id = ${periodId}
          join org_units u on u.id = s.unit_id
          where s.id = ${skpId} and s.instansi_id = ${instansiId}`,
    );
    return found ? { rating: unitHeadHasilKerja(found.predikat), org: found.predikat, unit: found.unit } : null;
  }

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
      if (r && body.hasilKerja.rating !== r.rating) {
        const message = interpolate(MESSAGE[ctx.locale], { unit: r.unit, org: PREDIKAT_ORGANISASI_LABELS[r.org][ctx.locale], rating: RATING_LABELS[r.rating][ctx.locale] });
        throw new AppError(400, 'VALIDATION_FAILED', undefined, [{ path: 'body.hasilKerja.rating', code: 'HASIL_KERJA_FOLLOWS_ORG', message }]);
      }
      return service.rate(ctx, skpId, periodId, body);
    },
  };
}
