import type { z } from 'zod';
import type { SkpIndicatorInput, SkpLampiranBody, SkpPerilakuBody, SkpRhkBody, SkpUpdateRhkBody } from '@pantau/contracts';
import { SKP_LAMPIRAN_KINDS } from '@pantau/domain';
import type { Tx } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { loadSkpDetail } from './skp-detail.js';
import { skpConflict, skpField, skpInvalid } from './skp-messages.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { skpAbilities } from './skp.policy.js';
import { skpRepository, type SkpRow } from './skp.repository.js';

/** Checks aspek/perspektif per form; returns field problems under `prefix`. */
export function indicatorProblems(ctx: SkpCtx, form: SkpRow['form'], list: readonly SkpIndicatorInput[], prefix: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  list.forEach((i, n) => {
    if (form === 'NON_JPT' && !i.aspek) out.push(skpField(ctx.locale, `${prefix}.${n}.aspek`, 'ASPEK_REQUIRED'));
    if (form === 'JPT' && !i.perspektif) out.push(skpField(ctx.locale, `${prefix}.${n}.perspektif`, 'PERSPEKTIF_REQUIRED'));
  });
  return out;
}

export const indicatorValues = (rhkId: number, i: SkpIndicatorInput, seq: number) => ({
  rhkId,
  seq,
  aspek: i.aspek ?? null,
  perspektif: i.perspektif ?? null,
  text: i.text,
  targetValue: i.targetValue ?? null,
  targetUnit: i.targetUnit ?? null,
  targetText: i.targetText ?? null,
});

/** RHK, indicators, lampiran and ekspektasi khusus of one SKP, plus the RHK atasan choices. */
export function createSkpRhkService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);
  const repo = skpRepository(db);

  async function editable(ctx: SkpCtx, skpId: number) {
    const loaded = await access.load(ctx, skpId);
    const abilities = skpAbilities(loaded.skp, loaded.facts);
    if (!abilities.edit) throw loaded.facts.isOwner ? skpConflict(ctx.locale, 'id', 'SKP_NOT_EDITABLE') : forbidden();
    return loaded;
  }

  const detail = async (ctx: SkpCtx, id: number) => {
    const { skp, facts } = await access.load(ctx, id);
    return loadSkpDetail(db, access, ctx.locale, skp, facts);
  };

  /** The RHK atasan must be in a current SKP of the same year of someone above the employee. */
  async function checkParent(ctx: SkpCtx, skp: SkpRow, parentRhkId: number | null | undefined, path: string) {
    if (parentRhkId === null || parentRhkId === undefined) return;
    const parent = await repo.findRhk(instansiOf(ctx), parentRhkId);
    const parentSkp = parent ? await repo.find(skp.instansiId, parent.skpId) : undefined;
    if (!parent || !parentSkp || parentSkp.year !== skp.year || parentSkp.employeeId === skp.employeeId) {
      throw skpInvalid(ctx.locale, path, 'PARENT_NOT_ATASAN');
    }
    const below = await accessRepository(db).subordinateIds(parentSkp.employeeId, access.actionDate(skp));
    if (!below.has(skp.employeeId)) throw skpInvalid(ctx.locale, path, 'PARENT_NOT_ATASAN');
  }

  async function audit(tx: Tx, ctx: SkpCtx, action: string, entityId: number, oldValues: unknown, newValues: unknown) {
    await recordAudit(tx, ctx.req, { action, entityType: 'skp_rhk', entityId, oldValues, newValues });
  }

  return {
    async addRhk(ctx: SkpCtx, skpId: number, body: z.infer<typeof SkpRhkBody>) {
      const { skp } = await editable(ctx, skpId);
      const problems = indicatorProblems(ctx, skp.form, body.indicators, 'body.indicators');
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      await checkParent(ctx, skp, body.parentRhkId, 'body.parentRhkId');
      await db.transaction(async (tx) => {
        const r = skpRepository(tx);
        const seq = await r.nextRhkSeq(skpId, body.kind);
        const [rhk] = await r.insertRhks([{ instansiId: skp.instansiId, skpId, kind: body.kind, seq, text: body.text, parentRhkId: body.parentRhkId ?? null }]);
        if (!rhk) throw new Error('rhk insert returned nothing');
        const indicators = await r.insertIndicators(body.indicators.map((i, n) => indicatorValues(rhk.id, i, n + 1)));
        await audit(tx, ctx, 'skp.rhk.create', rhk.id, null, { ...rhk, indicators });
      });
      return detail(ctx, skpId);
    },

    async updateRhk(ctx: SkpCtx, rhkId: number, body: z.infer<typeof SkpUpdateRhkBody>) {
      const rhk = await repo.findRhk(instansiOf(ctx), rhkId);
      if (!rhk) throw notFound();
      const { skp } = await editable(ctx, rhk.skpId);
      if (body.indicators) {
        const problems = indicatorProblems(ctx, skp.form, body.indicators, 'body.indicators');
        if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      }
      await checkParent(ctx, skp, body.parentRhkId, 'body.parentRhkId');
      const before = await repo.indicatorsOf([rhkId]);
      const known = new Set(before.map((i) => i.id));
      body.indicators?.forEach((i, n) => {
        if (i.id !== undefined && !known.has(i.id)) throw skpInvalid(ctx.locale, `body.indicators.${n}.id`, 'INDICATOR_UNKNOWN');
      });
      await db.transaction(async (tx) => {
        const r = skpRepository(tx);
        const patch = {
          ...(body.kind !== undefined ? { kind: body.kind } : {}),
          ...(body.text !== undefined ? { text: body.text } : {}),
          ...(body.parentRhkId !== undefined ? { parentRhkId: body.parentRhkId } : {}),
        };
        const after = await r.updateRhk(rhkId, patch);
        if (body.indicators) {
          const keep = new Set(body.indicators.flatMap((i) => (i.id === undefined ? [] : [i.id])));
          await r.deleteIndicators(before.filter((i) => !keep.has(i.id)).map((i) => i.id));
          const fresh: ReturnType<typeof indicatorValues>[] = [];
          for (const [n, i] of body.indicators.entries()) {
            if (i.id === undefined) fresh.push(indicatorValues(rhkId, i, n + 1));
            else await r.updateIndicator(i.id, indicatorValues(rhkId, i, n + 1));
          }
          await r.insertIndicators(fresh);
        }
        await audit(tx, ctx, 'skp.rhk.update', rhkId, { ...rhk, indicators: before }, { ...after, indicators: body.indicators ?? before });
      });
      return detail(ctx, rhk.skpId);
    },

    async deleteRhk(ctx: SkpCtx, rhkId: number) {
      const rhk = await repo.findRhk(instansiOf(ctx), rhkId);
      if (!rhk) throw notFound();
      await editable(ctx, rhk.skpId);
      const children = await repo.childCount(rhkId);
      if (children > 0) throw skpConflict(ctx.locale, 'rhkId', 'RHK_HAS_CHILDREN', { count: children });
      await db.transaction(async (tx) => {
        const before = await skpRepository(tx).indicatorsOf([rhkId]);
        await skpRepository(tx).deleteRhk(rhkId);
        await audit(tx, ctx, 'skp.rhk.delete', rhkId, { ...rhk, indicators: before }, null);
      });
      return detail(ctx, rhk.skpId);
    },

    async setLampiran(ctx: SkpCtx, skpId: number, body: z.infer<typeof SkpLampiranBody>) {
      const { skp } = await editable(ctx, skpId);
      const values = SKP_LAMPIRAN_KINDS.flatMap((kind) => body[kind].map((text, n) => ({ skpId: skp.id, kind, seq: n + 1, text })));
      await db.transaction(async (tx) => {
        const before = await skpRepository(tx).lampiranOf(skpId);
        await skpRepository(tx).replaceLampiran(skpId, values);
        await recordAudit(tx, ctx.req, { action: 'skp.lampiran.update', entityType: 'skp', entityId: skpId, oldValues: before.map((l) => [l.kind, l.text]), newValues: body });
      });
      return detail(ctx, skpId);
    },

    /** Ekspektasi khusus pimpinan: the pejabat penilai (until approval) or the owner while editable. */
    async setPerilaku(ctx: SkpCtx, skpId: number, body: z.infer<typeof SkpPerilakuBody>) {
      const { skp, facts } = await access.load(ctx, skpId);
      if (!skpAbilities(skp, facts).editEkspektasi) {
        throw facts.isOwner || facts.isPenilai ? skpConflict(ctx.locale, 'id', 'SKP_NOT_EDITABLE') : forbidden();
      }
      await db.transaction(async (tx) => {
        const r = skpRepository(tx);
        const before = await r.perilakuOf(skpId);
        for (const item of body.items) await r.setEkspektasi(skpId, item.behaviour, item.ekspektasi?.trim() ? item.ekspektasi : null, ctx.actor.employeeId);
        await recordAudit(tx, ctx.req, {
          action: 'skp.perilaku.update',
          entityType: 'skp',
          entityId: skpId,
          oldValues: before.filter((b) => body.items.some((i) => i.behaviour === b.behaviour)).map((b) => [b.behaviour, b.ekspektasi]),
          newValues: body.items,
        });
      });
      return detail(ctx, skpId);
    },

    /** RHK the employee may intervene: current SKPs of the penilai and the atasan penilai. */
    async parentOptions(ctx: SkpCtx, skpId: number) {
      const { skp, facts } = await access.load(ctx, skpId);
      const date = access.actionDate(skp);
      const leaders = facts.penilai ? [...new Set([facts.penilai.penilaiId, facts.penilai.atasanId])] : [];
      const refs = await skpPeopleRepository(db).personRefs(leaders, date);
      const leaderSkps = (await Promise.all(leaders.map((id) => repo.currentOf(id, skp.year)))).flat();
      const rhk = await repo.rhkOf(leaderSkps.map((s) => s.id));
      const byId = new Map(leaderSkps.map((s) => [s.id, s]));
      return {
        atasan: facts.penilai ? (refs.get(facts.penilai.penilaiId) ?? null) : null,
        options: rhk.flatMap((r) => {
          const s = byId.get(r.skpId);
          if (!s) return [];
          return [{ id: r.id, key: r.key, kind: r.kind, text: r.text, ownerName: refs.get(s.employeeId)?.name ?? '', skpStatus: s.status }];
        }),
      };
    },
  };
}

export type SkpRhkService = ReturnType<typeof createSkpRhkService>;
