import type { z } from 'zod';
import type { SkpCascadeBody, SkpIndicatorInput } from '@pantau/contracts';
import { BERAKHLAK, skpSegments } from '@pantau/domain';
import { skps } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpInvalid, skpMessage } from './skp-messages.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { indicatorValues } from './skp-rhk.service.js';
import { ensurePeriods } from './skp-settings.service.js';
import { skpTreeRepository } from './skp-tree.repository.js';
import { skpRepository } from './skp.repository.js';

type SkipReason = 'ALREADY_LINKED' | 'SKP_NOT_EDITABLE' | 'NO_POSITION';

/**
 * Cascading (§1.4): a leader hands one of their RHK down to many subordinates at once — by
 * unit, by position or by a list — in one transaction. Each subordinate gets a draft RHK linked
 * to the leader's RHK (a new SKP is opened when they have none), then adjusts the targets.
 */
export function createSkpCascadeService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);
  const repo = skpRepository(db);

  async function targets(ctx: SkpCtx, body: z.infer<typeof SkpCascadeBody>, me: number, date: string): Promise<number[]> {
    const instansiId = instansiOf(ctx);
    const chosen = [body.unitId, body.positionId, body.employeeIds].filter((x) => x !== undefined).length;
    if (chosen !== 1) throw skpInvalid(ctx.locale, 'body', 'CASCADE_TARGET');
    const below = await accessRepository(db).subordinateIds(me, date);
    const people = skpPeopleRepository(db);
    let ids: number[];
    if (body.employeeIds) {
      ids = [...new Set(body.employeeIds)];
      if (ids.some((id) => !below.has(id))) throw notFound();
    } else if (body.unitId !== undefined) {
      const unit = await orgRepository(db).findUnit(instansiId, body.unitId);
      if (!unit) throw skpInvalid(ctx.locale, 'body.unitId', 'UNIT_UNKNOWN');
      ids = (await people.employeesInUnitTree(instansiId, unit.path, date)).filter((id) => below.has(id));
    } else {
      const position = body.positionId === undefined ? undefined : await orgRepository(db).findPosition(instansiId, body.positionId);
      if (!position) throw skpInvalid(ctx.locale, 'body.positionId', 'POSITION_UNKNOWN');
      // A position outside the leader's chain reads as absent (404), like people outside it.
      const chain = await people.positionsBelow(me, date);
      if (!chain.positions.some((p) => p.id === position.id)) throw notFound();
      ids = (await people.holdersOf(position.id, date)).filter((id) => below.has(id));
    }
    if (ids.length === 0) throw skpInvalid(ctx.locale, 'body', 'CASCADE_EMPTY');
    return ids;
  }

  return {
    /** The jabatan slots below the owner of a leader SKP, with holders (Plt/Plh shown, not targeted). */
    async positions(ctx: SkpCtx, skpId: number) {
      const { skp, facts } = await access.load(ctx, skpId);
      const me = ctx.actor.employeeId;
      if (!facts.isOwner || me === null) throw forbidden();
      const date = access.actionDate(skp);
      const people = skpPeopleRepository(db);
      const { positions, holders } = await people.positionsBelow(me, date);
      const refs = await people.personRefs(holders.map((h) => h.employeeId), date);
      return {
        date,
        positions: positions.map((p) => ({
          ...p,
          holders: holders
            .filter((h) => h.positionId === p.id)
            .map((h) => ({ employeeId: h.employeeId, name: refs.get(h.employeeId)?.name ?? '', kind: h.kind, receives: h.kind === 'DEFINITIF' })),
        })),
      };
    },

    async cascade(ctx: SkpCtx, rhkId: number, body: z.infer<typeof SkpCascadeBody>) {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      const parent = await repo.findRhk(instansiId, rhkId);
      if (!parent) throw notFound();
      const { skp: parentSkp, facts } = await access.load(ctx, parent.skpId);
      if (!facts.isOwner || me === null) throw forbidden();
      const date = access.actionDate(parentSkp);
      const year = parentSkp.year;
      const ids = await targets(ctx, body, me, date);
      const parentIndicators = await repo.indicatorsOf([parent.id]);
      const indicators: SkpIndicatorInput[] =
        body.indicators ??
        parentIndicators.map((i) => ({ aspek: i.aspek, perspektif: i.perspektif, text: i.text, targetValue: i.targetValue, targetUnit: i.targetUnit, targetText: i.targetText }));
      const refs = await skpPeopleRepository(db).personRefs(ids, date);
      const name = (id: number) => refs.get(id)?.name ?? String(id);

      return db.transaction(async (tx) => {
        const tree = skpTreeRepository(tx);
        const r = skpRepository(tx);
        const skipped: { employeeId: number; employeeName: string; reason: SkipReason; message: string }[] = [];
        const skip = (employeeId: number, reason: SkipReason) =>
          skipped.push({ employeeId, employeeName: name(employeeId), reason, message: skpMessage(ctx.locale, reason) });

        // The subordinate's SKP for the segment containing the date, or a new one.
        const existing = await tree.currentSkps(ids, year);
        const skpOf = new Map<number, { id: number; status: string }>();
        for (const s of existing) {
          const covers = s.periodStart <= date && date <= s.periodEnd;
          if (covers || !skpOf.has(s.employeeId)) skpOf.set(s.employeeId, s);
        }
        const missing = ids.filter((id) => !skpOf.has(id));
        const spans = await tree.spans(missing, `${year}-01-01`, `${year}-12-31`);
        const toCreate: (typeof skps.$inferInsert)[] = [];
        const newSkpIds: number[] = [];
        for (const id of missing) {
          const own = spans.filter((s) => s.employeeId === id);
          const seg = skpSegments(year, own).find((s) => s.startDate <= date && date <= s.endDate);
          const post = seg ? own.find((s) => s.positionId === seg.positionId) : undefined;
          if (!seg || !post) {
            skip(id, 'NO_POSITION');
            continue;
          }
          toCreate.push({
            instansiId, employeeId: id, year, periodStart: seg.startDate, periodEnd: seg.endDate, positionId: seg.positionId,
            unitId: post.unitId, form: post.type === 'JPT' ? 'JPT' : 'NON_JPT',
          });
        }
        if (toCreate.length > 0) {
          await ensurePeriods(tx, ctx.req, instansiId, year);
          const inserted = await tx.insert(skps).values(toCreate).returning({ id: skps.id, employeeId: skps.employeeId, status: skps.status });
          await tree.initSeries(inserted.map((s) => s.id));
          await r.initPerilaku(inserted.map((s) => s.id), BERAKHLAK);
          for (const s of inserted) {
            skpOf.set(s.employeeId, s);
            newSkpIds.push(s.id);
          }
        }

        const linked = await tree.linkedTo([...skpOf.values()].map((s) => s.id), parent.key);
        const targetSkps: { employeeId: number; skpId: number }[] = [];
        for (const id of ids) {
          const s = skpOf.get(id);
          if (!s) continue;
          if (s.status !== 'DRAFT' && s.status !== 'RETURNED') skip(id, 'SKP_NOT_EDITABLE');
          else if (linked.has(s.id)) skip(id, 'ALREADY_LINKED');
          else targetSkps.push({ employeeId: id, skpId: s.id });
        }
        const seq = await tree.maxSeq(targetSkps.map((t) => t.skpId), body.kind);
        const rhks = await r.insertRhks(
          targetSkps.map((t) => ({
            instansiId, skpId: t.skpId, kind: body.kind, seq: (seq.get(t.skpId) ?? 0) + 1,
            text: body.text ?? parent.text, parentRhkId: parent.id, origin: 'CASCADE' as const,
          })),
        );
        await r.insertIndicators(rhks.flatMap((rhk) => indicators.map((i, n) => indicatorValues(rhk.id, i, n + 1))));
        const created = rhks.map((rhk) => {
          const employeeId = targetSkps.find((t) => t.skpId === rhk.skpId)?.employeeId ?? 0;
          return { employeeId, employeeName: name(employeeId), skpId: rhk.skpId, rhkId: rhk.id };
        });
        await recordAudit(tx, ctx.req, {
          action: 'skp.rhk.cascade',
          entityType: 'skp_rhk',
          entityId: parent.id,
          newValues: {
            target: body.unitId !== undefined ? { unitId: body.unitId } : body.positionId !== undefined ? { positionId: body.positionId } : { employeeIds: body.employeeIds },
            created: created.map(({ employeeId, skpId, rhkId }) => ({ employeeId, skpId, rhkId })),
            createdSkpIds: newSkpIds,
            skipped: skipped.map(({ employeeId, reason }) => ({ employeeId, reason })),
            text: body.text ?? parent.text,
            indicators,
          },
        });
        return { created, skipped };
      });
    },
  };
}

export type SkpCascadeService = ReturnType<typeof createSkpCascadeService>;
