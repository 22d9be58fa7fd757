import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpOrgPredikatBody, SkpOrgPredikatQuery } from '@pantau/contracts';
import { rows } from '../../db/raw.js';
import { forbidden, notFound } from '../../http/errors.js';
import { INSTANSI_WIDE_READ, hasAnyRole } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpDistributionRepository } from './skp-distribution.repository.js';
import { skpEvaluationRepository, type OrgPredikatRow } from './skp-evaluation.repository.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpPeriodsRepository, type PeriodRow } from './skp-periods.repository.js';
import type { SkpDeps } from './skp-plan.service.js';

type UnitRow = { id: number; parentId: number | null; name: string; path: string };

/**
 * Predikat kinerja organisasi per unit per period (SE MenPANRB 3/2023 step 1), set by "the
 * pimpinan of the organisation one level above": the holder of the nearest post above the unit
 * head's post on the period's reference day (Plh/Plt included). A top-level unit (an OPD) is set
 * by a PIMPINAN account (wali kota / sekda) when no post above it exists in the data.
 */
export function createSkpOrgPredikatService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);

  const referenceDay = (p: PeriodRow) => {
    const today = access.today();
    return today < p.startDate ? p.startDate : today > p.endDate ? p.endDate : today;
  };

  /** Paths of the units whose head post the caller holds (any kind) on day d. */
  async function ledUnitPaths(ctx: SkpCtx, d: string): Promise<string[]> {
    const me = ctx.actor.employeeId;
    if (me === null) return [];
    const result = await rows<{ path: string }>(
      db,
      sql`select distinct u.path from assignments a join positions p on p.id = a.position_id and p.is_head
          join org_units u on u.id = p.unit_id
          where a.employee_id = ${me} and a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`,
    );
    return result.map((r) => r.path);
  }

  async function setters(ctx: SkpCtx, units: readonly UnitRow[], period: PeriodRow): Promise<Set<number>> {
    const me = ctx.actor.employeeId;
    const leaders = await skpDistributionRepository(db).leadersAbove(units.map((u) => u.id), referenceDay(period));
    const out = new Set<number>();
    for (const u of units) {
      const leader = leaders.get(u.id);
      if (leader !== undefined ? leader === me : u.parentId === null && ctx.actor.roles.has('PIMPINAN')) out.add(u.id);
    }
    return out;
  }

  async function present(ctx: SkpCtx, units: readonly UnitRow[], period: PeriodRow, rowsIn: readonly OrgPredikatRow[]) {
    const canSet = await setters(ctx, units, period);
    const byUnit = new Map(rowsIn.map((r) => [r.unitId, r]));
    const refs = await skpPeopleRepository(db).personRefs(rowsIn.flatMap((r) => (r.setByEmployeeId === null ? [] : [r.setByEmployeeId])), referenceDay(period));
    return units.map((u) => {
      const r = byUnit.get(u.id);
      const setBy = r?.setByEmployeeId ?? null;
      return {
        unit: { id: u.id, name: u.name, parentId: u.parentId },
        periodId: period.id,
        predikat: r?.predikat ?? null,
        note: r?.note ?? null,
        setBy: setBy === null ? null : { id: setBy, name: refs.get(setBy)?.name ?? '' },
        setAt: r?.setAt.toISOString() ?? null,
        canSet: canSet.has(u.id),
      };
    });
  }

  return {
    /** A unit and its children, or (without unitId) the units the caller may set or read. */
    async list(ctx: SkpCtx, q: z.infer<typeof SkpOrgPredikatQuery>) {
      const instansiId = instansiOf(ctx);
      const period = await skpPeriodsRepository(db).find(instansiId, q.periodId);
      if (!period) throw notFound();
      const repo = skpDistributionRepository(db);
      let units: UnitRow[];
      if (q.unitId !== undefined) {
        units = await repo.childUnits(instansiId, q.unitId);
        if (units.length === 0) throw notFound();
      } else {
        const all = await repo.units(instansiId, 'all');
        const wide = hasAnyRole(ctx.actor, [...INSTANSI_WIDE_READ, 'ADMIN_OPD']);
        const mine = await setters(ctx, all, period);
        // A unit head who sets nothing (e.g. a Kepala Seksi) reads their own unit and the units
        // below it instead of an empty page: their unit's predikat drives the distribution they
        // rate within.
        const led = mine.size > 0 || wide ? [] : await ledUnitPaths(ctx, referenceDay(period));
        units = all.filter((u) => mine.has(u.id) || wide || led.some((path) => u.path.startsWith(path)));
      }
      const rowsIn = await skpEvaluationRepository(db).orgPredikatOf(units.map((u) => u.id), period.id);
      return present(ctx, units, period, rowsIn);
    },

    async set(ctx: SkpCtx, body: z.infer<typeof SkpOrgPredikatBody>) {
      const instansiId = instansiOf(ctx);
      const period = await skpPeriodsRepository(db).find(instansiId, body.periodId);
      const [unit] = await skpDistributionRepository(db).units(instansiId, [body.unitId]);
      if (!period || !unit) throw notFound();
      if (!(await setters(ctx, [unit], period)).has(unit.id)) {
        const me = ctx.actor.employeeId;
        const visible = hasAnyRole(ctx.actor, [...INSTANSI_WIDE_READ, 'ADMIN_OPD']) || (me !== null && (await accessRepository(db).isAtasan(me, access.today())));
        throw visible ? forbidden() : notFound();
      }
      const saved = await db.transaction(async (tx) => {
        const repo = skpEvaluationRepository(tx);
        const [before] = await repo.orgPredikatOf([unit.id], period.id);
        const row = await repo.upsertOrgPredikat({
          instansiId,
          unitId: unit.id,
          periodId: period.id,
          predikat: body.predikat,
          note: body.note ?? null,
          setByEmployeeId: ctx.actor.employeeId,
          setByUserId: ctx.actor.userId,
        });
        await recordAudit(tx, ctx.req, {
          action: 'skp.org_predikat.set',
          entityType: 'skp_org_predikat',
          entityId: row.id,
          oldValues: before ? { predikat: before.predikat, note: before.note } : null,
          newValues: { unitId: unit.id, periodId: period.id, predikat: row.predikat, note: row.note },
        });
        return row;
      });
      const [dto] = await present(ctx, [unit], period, [saved]);
      if (!dto) throw notFound();
      return dto;
    },
  };
}

export type SkpOrgPredikatService = ReturnType<typeof createSkpOrgPredikatService>;
