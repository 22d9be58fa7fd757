import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpBulkRatingBody, SkpBulkRatingResponse } from '@pantau/contracts';
import { predikatKinerja, type PredikatKinerja } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAuditBatch } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import type { SkpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { distributionsFor } from './skp-distribution.js';
import { skpDistributionRepository } from './skp-distribution.repository.js';
import { overlaps, ratingDate } from './skp-evaluation-context.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { skpPeriodsRepository } from './skp-periods.repository.js';
import { effectiveSettings, ruleSetById } from './skp-settings.service.js';
import { skpRepository } from './skp.repository.js';

/**
 * Rates many SKPs of one period at once (the team page's "save all"): the same rules as one
 * rating — only the pejabat penilai of each SKP's rating day, a reason for each rating, the period
 * started, nothing locked, the predikat from the rule set's matrix — checked for every SKP before
 * anything is written; then one transaction of a fixed number of statements (lock the existing
 * rows, one upsert, one delete of item ratings, one audit batch as the last statement).
 * Item ratings (per RHK or behaviour) are cleared, as a rating without items does.
 */
export async function rateMany(
  db: Db,
  access: SkpAccess,
  clock: Clock,
  ctx: SkpCtx,
  body: z.infer<typeof SkpBulkRatingBody>,
): Promise<z.infer<typeof SkpBulkRatingResponse>> {
  const instansiId = instansiOf(ctx);
  const me = ctx.actor.employeeId;
  if (me === null) throw forbidden();
  const period = await skpPeriodsRepository(db).find(instansiId, body.periodId);
  if (!period) throw notFound();
  const repo = skpRepository(db);
  const asked = await repo.findMany(body.ratings.map((r) => r.skpId));
  if (new Set(body.ratings.map((r) => r.skpId)).size !== body.ratings.length) throw skpInvalid(ctx.locale, 'body.ratings', 'RATING_DUPLICATE');
  if (asked.length !== body.ratings.length || asked.some((s) => s.instansiId !== instansiId)) throw notFound();
  // The newest approved version of each series is the one rated.
  const latest = await repo.latestApprovedIds(asked.map((s) => s.seriesId ?? s.id));
  const latestRows = new Map((await repo.findMany([...new Set(latest.values())])).map((s) => [s.id, s]));
  const today = access.today();
  const items = body.ratings.map((r, n) => {
    const given = asked.find((s) => s.id === r.skpId);
    const skp = given ? latestRows.get(latest.get(given.seriesId ?? given.id) ?? 0) : undefined;
    if (!skp) throw skpConflict(ctx.locale, `body.ratings.${n}.skpId`, 'SKP_NOT_APPROVED');
    if (!overlaps(skp, period)) throw skpInvalid(ctx.locale, `body.ratings.${n}.skpId`, 'PERIOD_OUTSIDE');
    const from = skp.periodStart > period.startDate ? skp.periodStart : period.startDate;
    if (today < from) throw skpInvalid(ctx.locale, 'body.periodId', 'PERIOD_OUTSIDE');
    return { r, n, skp, date: ratingDate(skp, period, today) };
  });
  const penilai = await access.penilaiOf(items.map((i) => ({ employeeId: i.skp.employeeId, date: i.date })));
  const notMine = items.filter((i) => {
    const who = penilai.get(access.penilaiKey(i.skp.employeeId, i.date));
    return !who || who.penilaiId !== me || i.skp.employeeId === me;
  });
  if (notMine.length > 0) {
    // As for one rating: an SKP I may not even read is 404, one I may read is 403.
    const ids = notMine.map((i) => i.skp.employeeId);
    const readable = await accessRepository(db).readableEmployeeIds(ctx.actor, ids, today);
    if (ids.some((id) => !readable.has(id))) throw notFound();
    throw forbidden();
  }
  const ruleSet = ruleSetById((await effectiveSettings(db, instansiId)).ruleSetId);
  const now = clock.now();
  const values = items.map((i) => {
    const who = penilai.get(access.penilaiKey(i.skp.employeeId, i.date));
    return {
      seriesId: i.skp.seriesId ?? i.skp.id,
      skpId: i.skp.id,
      employeeId: i.skp.employeeId,
      unitId: i.skp.unitId,
      hasil: i.r.hasilKerja.rating,
      hasilReason: i.r.hasilKerja.reason,
      perilaku: i.r.perilaku.rating,
      perilakuReason: i.r.perilaku.reason,
      catatan: i.r.catatan ?? null,
      predikat: predikatKinerja(i.r.hasilKerja.rating, i.r.perilaku.rating, ruleSet),
      atasan: who?.atasanId ?? me,
    };
  });
  const col = <K extends keyof (typeof values)[number]>(k: K) => sql.param(values.map((v) => v[k]));

  const written = await db.transaction(async (tx) => {
    const before = await rows<{ id: number; seriesId: number; locked: boolean; hasil: string | null; perilaku: string | null; predikat: PredikatKinerja | null }>(
      tx,
      sql`select id, series_id as "seriesId", locked, hasil_kerja_rating as hasil, perilaku_rating as perilaku, predikat
          from skp_evaluations where period_id = ${period.id} and series_id = any(${col('seriesId')}::int[]) for update`,
    );
    const locked = before.find((b) => b.locked);
    if (locked) {
      const n = values.findIndex((v) => v.seriesId === locked.seriesId);
      throw skpConflict(ctx.locale, `body.ratings.${n}.skpId`, 'EVALUATION_LOCKED');
    }
    const saved = await rows<{ id: number; seriesId: number; predikat: PredikatKinerja }>(
      tx,
      sql`insert into skp_evaluations (instansi_id, series_id, skp_id, employee_id, period_id, unit_id, status, hasil_kerja_rating, hasil_kerja_reason,
            perilaku_rating, perilaku_reason, catatan, predikat, rule_set_id, penilai_employee_id, atasan_penilai_employee_id, rated_at)
          select ${instansiId}, v.series_id, v.skp_id, v.employee_id, ${period.id}, v.unit_id, 'RATED', v.hasil::skp_rating, v.hasil_reason,
                 v.perilaku::skp_rating, v.perilaku_reason, v.catatan, v.predikat::predikat_kinerja, ${ruleSet.id}, ${me}, v.atasan, ${now.toISOString()}::timestamptz
          from unnest(${col('seriesId')}::int[], ${col('skpId')}::int[], ${col('employeeId')}::int[], ${col('unitId')}::int[], ${col('hasil')}::text[],
                      ${col('hasilReason')}::text[], ${col('perilaku')}::text[], ${col('perilakuReason')}::text[], ${col('catatan')}::text[],
                      ${col('predikat')}::text[], ${col('atasan')}::int[])
               as v(series_id, skp_id, employee_id, unit_id, hasil, hasil_reason, perilaku, perilaku_reason, catatan, predikat, atasan)
          on conflict (series_id, period_id) do update set
            skp_id = excluded.skp_id, status = 'RATED', hasil_kerja_rating = excluded.hasil_kerja_rating, hasil_kerja_reason = excluded.hasil_kerja_reason,
            perilaku_rating = excluded.perilaku_rating, perilaku_reason = excluded.perilaku_reason,
            catatan = coalesce(excluded.catatan, skp_evaluations.catatan), predikat = excluded.predikat, rule_set_id = excluded.rule_set_id,
            penilai_employee_id = excluded.penilai_employee_id, atasan_penilai_employee_id = excluded.atasan_penilai_employee_id,
            rated_at = excluded.rated_at, updated_at = now()
          where not skp_evaluations.locked
          returning id, series_id as "seriesId", predikat`,
    );
    // A row locked between the check and the upsert (a concurrent finalisation) is not updated.
    if (saved.length !== values.length) throw skpConflict(ctx.locale, 'body.ratings', 'EVALUATION_LOCKED');
    const existing = before.map((b) => b.id);
    if (existing.length > 0) await tx.execute(sql`delete from skp_evaluation_items where evaluation_id = any(${sql.param(existing)}::int[])`);
    const bySeries = new Map(saved.map((s) => [s.seriesId, s]));
    const old = new Map(before.map((b) => [b.seriesId, b]));
    await recordAuditBatch(
      tx,
      ctx.req,
      values.map((v, n) => {
        const o = old.get(v.seriesId);
        return {
          action: 'skp.evaluation.rate',
          entityType: 'skp_evaluation',
          entityId: bySeries.get(v.seriesId)?.id ?? null,
          oldValues: { hasilKerja: o?.hasil ?? null, perilaku: o?.perilaku ?? null, predikat: o?.predikat ?? null },
          newValues: { ...body.ratings[n], results: [], behaviours: [], predikat: v.predikat, ruleSetId: ruleSet.id },
        };
      }),
    );
    return bySeries;
  });

  const units = await skpDistributionRepository(db).units(instansiId, [...new Set(values.map((v) => v.unitId))]);
  return {
    rated: values.map((v, n) => ({ skpId: body.ratings[n]?.skpId ?? v.skpId, evaluationId: written.get(v.seriesId)?.id ?? 0, predikat: v.predikat })),
    distributions: await distributionsFor(db, units, period.id, ruleSet, ctx.locale),
  };
}
