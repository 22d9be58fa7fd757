import { sql, type SQL } from 'drizzle-orm';
import type { PredikatKinerja, PredikatOrganisasi } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

const KIND_PRIORITY: Record<string, number> = { PLH: 0, PLT: 1, DEFINITIF: 2 };

/**
 * The units on a materialised path ('/3/9/73/' → 3, 9, 73) as rows `a(anc, depth)`, root first:
 * a handful of rows per unit, instead of comparing every unit's path with every other's.
 */
const ancestors = (path: SQL) => sql`unnest(string_to_array(trim(both '/' from ${path}), '/')::int[]) with ordinality as a(anc, depth)`;

export interface Pool {
  unitId: number;
  unitName: string;
  path: string;
  predikat: PredikatOrganisasi;
}

/**
 * Distribution pools (SE MenPANRB 3/2023 applied per unit): an evaluation belongs to the pool of
 * the nearest unit at or above its SKP's unit that has an organisation predikat for the period;
 * a sub-unit with its own predikat forms its own pool.
 */
export function skpDistributionRepository(db: DbOrTx) {
  return {
    /** The pool of each unit for a period (units without any predikat above them are absent). */
    async poolsOf(unitIds: readonly number[], periodId: number): Promise<Map<number, Pool>> {
      const out = new Map<number, Pool>();
      if (unitIds.length === 0) return out;
      const result = await rows<{ unitId: number; poolUnitId: number; unitName: string; path: string; predikat: PredikatOrganisasi }>(
        db,
        sql`select distinct on (u.id) u.id as "unitId", pu.id as "poolUnitId", pu.name as "unitName", pu.path, op.predikat
            from org_units u cross join lateral ${ancestors(sql`u.path`)}
            join skp_org_predikat op on op.unit_id = a.anc and op.period_id = ${periodId}
            join org_units pu on pu.id = a.anc
            where u.id = any(${sql.param([...new Set(unitIds)])}::int[])
            order by u.id, a.depth desc`,
      );
      for (const r of result) {
        out.set(r.unitId, { unitId: r.poolUnitId, unitName: r.unitName, path: r.path, predikat: r.predikat });
      }
      return out;
    },

    /**
     * Predikat counts for many pools (`ownPool`: a unit inside the pool that has its own predikat
     * for the period forms its own pool and is left out) or plain unit subtrees at once: unit id →
     * predikat (null = not rated yet) → n. The units are listed first (org units only, a few
     * hundred rows), then the period's evaluations are read through the index with that list, so
     * the cost follows the pools' size, never the number of evaluations of the whole period.
     */
    async countsMany(unitIds: readonly number[], periodId: number, ownPool: boolean): Promise<Map<number, Map<PredikatKinerja | null, number>>> {
      const out = new Map<number, Map<PredikatKinerja | null, number>>();
      if (unitIds.length === 0) return out;
      const wanted = sql.param([...new Set(unitIds)]);
      // Each unit with the pool it counts in: its nearest ancestor (or itself) with a predikat
      // (ownPool), or every wanted unit on its path (subtrees).
      const sub = ownPool
        ? sql`select x.id, x.top from (
                select distinct on (eu.id) eu.id, a.anc as top
                from org_units eu cross join lateral ${ancestors(sql`eu.path`)}
                join skp_org_predikat op on op.unit_id = a.anc and op.period_id = ${periodId}
                order by eu.id, a.depth desc
              ) x where x.top = any(${wanted}::int[])`
        : sql`select eu.id, a.anc as top from org_units eu cross join lateral ${ancestors(sql`eu.path`)} where a.anc = any(${wanted}::int[])`;
      const result = await rows<{ unitId: number; predikat: PredikatKinerja | null; n: number }>(
        db,
        // unit_id = any(array(…)) is an init plan: the index is searched with the list of units;
        // evaluations are grouped per unit before the (small) join to the pools.
        sql`with sub as materialized (${sub}), ev as (
              select e.unit_id, e.predikat, count(*)::int as n from skp_evaluations e
              where e.period_id = ${periodId} and e.unit_id = any(array(select id from sub))
              group by e.unit_id, e.predikat
            )
            select sub.top as "unitId", ev.predikat, sum(ev.n)::int as n
            from ev join sub on sub.id = ev.unit_id
            group by sub.top, ev.predikat`,
      );
      for (const r of result) {
        const m = out.get(r.unitId) ?? new Map<PredikatKinerja | null, number>();
        m.set(r.predikat, r.n);
        out.set(r.unitId, m);
      }
      return out;
    },

    /** Latest override justification per pool unit for a period. */
    async latestOverrides(unitIds: readonly number[], periodId: number): Promise<Map<number, { justification: string; createdAt: string }>> {
      if (unitIds.length === 0) return new Map();
      const result = await rows<{ unitId: number; justification: string; createdAt: string }>(
        db,
        sql`select distinct on (unit_id) unit_id as "unitId", justification,
                   to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
            from skp_distribution_overrides where period_id = ${periodId} and unit_id = any(${sql.param([...new Set(unitIds)])}::int[])
            order by unit_id, id desc`,
      );
      return new Map(result.map((r) => [r.unitId, { justification: r.justification, createdAt: r.createdAt }]));
    },

    /**
     * "The leader one level up" of each unit on date d: the holder (Plh, then Plt, then
     * definitive) of the nearest post above the unit's head post that has a holder.
     */
    async leadersAbove(unitIds: readonly number[], date: string): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (unitIds.length === 0) return out;
      const result = await rows<{ unitId: number; depth: number; employeeId: number; kind: string }>(
        db,
        sql`with recursive head as (
              select distinct on (p.unit_id) p.unit_id, p.parent_position_id as pos from positions p
              where p.is_head and p.unit_id = any(${sql.param([...new Set(unitIds)])}::int[]) order by p.unit_id, p.id
            ), up(unit_id, pos, depth) as (
              select unit_id, pos, 1 from head where pos is not null
              union all
              select up.unit_id, p.parent_position_id, up.depth + 1 from up join positions p on p.id = up.pos
              where p.parent_position_id is not null and up.depth < 30
            )
            select up.unit_id as "unitId", up.depth, a.employee_id as "employeeId", a.kind
            from up join assignments a on a.position_id = up.pos
              and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to >= ${date}::date)`,
      );
      const best = new Map<number, { depth: number; prio: number; employeeId: number }>();
      for (const r of result) {
        const prio = KIND_PRIORITY[r.kind] ?? 9;
        const cur = best.get(r.unitId);
        if (!cur || r.depth < cur.depth || (r.depth === cur.depth && (prio < cur.prio || (prio === cur.prio && r.employeeId < cur.employeeId)))) {
          best.set(r.unitId, { depth: r.depth, prio, employeeId: r.employeeId });
        }
      }
      for (const [unitId, b] of best) out.set(unitId, b.employeeId);
      return out;
    },

    async units(instansiId: number, ids: readonly number[] | 'all') {
      return rows<{ id: number; parentId: number | null; name: string; path: string }>(
        db,
        sql`select id, parent_id as "parentId", name, path from org_units
            where instansi_id = ${instansiId} and active ${ids === 'all' ? sql`` : sql`and id = any(${sql.param([...ids])}::int[])`}
            order by path`,
      );
    },

    async childUnits(instansiId: number, parentId: number) {
      return rows<{ id: number; parentId: number | null; name: string; path: string }>(
        db,
        sql`select id, parent_id as "parentId", name, path from org_units
            where instansi_id = ${instansiId} and active and (id = ${parentId} or parent_id = ${parentId}) order by path`,
      );
    },
  };
}
