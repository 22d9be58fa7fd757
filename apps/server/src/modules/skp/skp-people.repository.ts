import { sql } from 'drizzle-orm';
import type { SkpPersonRef } from '@pantau/contracts';
import { pangkatFor } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { displayName } from '../org/names.js';

/** SQL: assignment alias `a` in force on date d (inclusive). */
const inForce = (d: string) => sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`;

/**
 * People facts the SKP module needs, in batches: identity blocks for documents, definitive posts
 * over a year, and who is a leader. Supervisor resolution itself stays in org.repository.
 */
export function skpPeopleRepository(db: DbOrTx) {
  return {
    /** Identity blocks (name with gelar, NIP, pangkat, definitive post and unit on date d). */
    async personRefs(ids: readonly number[], date: string): Promise<Map<number, SkpPersonRef>> {
      const out = new Map<number, SkpPersonRef>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return out;
      const result = await rows<{
        id: number; nip: string; name: string; gelarDepan: string | null; gelarBelakang: string | null;
        jenisAsn: string; golongan: string | null; positionName: string | null; unitName: string | null;
      }>(
        db,
        sql`select e.id, e.nip, e.name, e.gelar_depan as "gelarDepan", e.gelar_belakang as "gelarBelakang",
                   e.jenis_asn as "jenisAsn", e.golongan, p.name as "positionName", u.name as "unitName"
            from employees e
            left join lateral (
              select a.position_id from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF' and ${inForce(date)}
              order by a.valid_from desc limit 1
            ) cur on true
            left join positions p on p.id = cur.position_id
            left join org_units u on u.id = p.unit_id
            where e.id = any(${sql.param(unique)}::int[])`,
      );
      for (const r of result) {
        out.set(r.id, {
          id: r.id,
          nip: r.nip,
          name: displayName(r),
          golongan: r.golongan,
          pangkat: r.jenisAsn === 'PNS' && r.golongan ? (pangkatFor(r.golongan) ?? null) : null,
          positionName: r.positionName,
          unitName: r.unitName,
        });
      }
      return out;
    },

    /** Definitive assignments of one employee overlapping a year, with position type and unit. */
    async definitiveSpans(employeeId: number, yearStart: string, yearEnd: string) {
      return rows<{ positionId: number; validFrom: string; validTo: string | null; type: string; unitId: number }>(
        db,
        sql`select a.position_id as "positionId", a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
                   p.type::text as type, p.unit_id as "unitId"
            from assignments a join positions p on p.id = a.position_id
            where a.employee_id = ${employeeId} and a.kind = 'DEFINITIF'
              and a.valid_from <= ${yearEnd}::date and (a.valid_to is null or a.valid_to >= ${yearStart}::date)
            order by a.valid_from`,
      );
    },

    /** Definitive post (position, type, unit) of many employees on date d. */
    async postsOn(ids: readonly number[], date: string) {
      const out = new Map<number, { positionId: number; type: string; unitId: number }>();
      if (ids.length === 0) return out;
      const result = await rows<{ employeeId: number; positionId: number; type: string; unitId: number }>(
        db,
        sql`select distinct on (a.employee_id) a.employee_id as "employeeId", a.position_id as "positionId",
                   p.type::text as type, p.unit_id as "unitId"
            from assignments a join positions p on p.id = a.position_id
            where a.employee_id = any(${sql.param([...new Set(ids)])}::int[]) and a.kind = 'DEFINITIF' and ${inForce(date)}
            order by a.employee_id, a.valid_from desc`,
      );
      for (const r of result) out.set(r.employeeId, { positionId: r.positionId, type: r.type, unitId: r.unitId });
      return out;
    },

    /** Of the given employees, those holding (any kind) a post that others report to on date d. */
    async leaders(ids: readonly number[], date: string): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct a.employee_id as id from assignments a
            where a.employee_id = any(${sql.param([...new Set(ids)])}::int[]) and ${inForce(date)}
              and exists (select 1 from positions c join assignments s on s.position_id = c.id and s.kind = 'DEFINITIF'
                            and s.valid_from <= ${date}::date and (s.valid_to is null or s.valid_to >= ${date}::date)
                          where c.parent_position_id = a.position_id)`,
      );
      return new Set(result.map((r) => r.id));
    },

    /**
     * Of the given employees, those whose definitive post on d lies below a post that `holderId`
     * holds on d in any capacity (the same rule as access.subordinateIds, walked upwards from the
     * few employees asked about instead of down the leader's whole subtree).
     */
    async belowHolder(holderId: number, ids: readonly number[], date: string): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`with recursive cur as (
              select a.employee_id, a.position_id from assignments a
              where a.employee_id = any(${sql.param([...new Set(ids)])}::int[]) and a.kind = 'DEFINITIF' and ${inForce(date)}
            ), up(employee_id, position_id, depth) as (
              select cur.employee_id, p.parent_position_id, 1 from cur join positions p on p.id = cur.position_id
              where p.parent_position_id is not null
              union all
              select up.employee_id, p.parent_position_id, up.depth + 1 from up join positions p on p.id = up.position_id
              where p.parent_position_id is not null and up.depth < 30
            )
            select distinct up.employee_id as id from up
            join assignments h on h.position_id = up.position_id and h.employee_id = ${holderId}
              and h.valid_from <= ${date}::date and (h.valid_to is null or h.valid_to >= ${date}::date)
            where up.employee_id <> ${holderId}`,
      );
      return new Set(result.map((r) => r.id));
    },

    /**
     * Those who may have `holderId` as direct supervisor on d: employees whose definitive post is
     * reached from a post `holderId` holds (any kind) through posts that nobody else holds on d
     * (org.supervisorsOn skips vacant posts and the employee's own posts; one holds a single
     * definitive post, so an own post above is a Plt/Plh). The walk stops at the first post held
     * by someone else, so it reads the team, not the whole subtree. A superset: callers confirm
     * with supervisorsOn (priority of Plh/Plt on the holder's post).
     */
    async directReportCandidates(holderId: number, date: string): Promise<number[]> {
      const result = await rows<{ id: number }>(
        db,
        sql`with recursive held as (
              select a.position_id from assignments a where a.employee_id = ${holderId} and ${inForce(date)}
            ), walk(id, sole, depth) as (
              select p.id, null::int, 1 from positions p where p.parent_position_id in (select position_id from held)
              union all
              select c.id, coalesce(w.sole, h.only_holder), w.depth + 1
              from walk w
              join lateral (
                select count(distinct a.employee_id)::int as n, min(a.employee_id) as only_holder, bool_or(a.kind = 'DEFINITIF') as definitive
                from assignments a where a.position_id = w.id and ${inForce(date)}
              ) h on h.n = 0 or (h.n = 1 and not h.definitive and (w.sole is null or w.sole = h.only_holder) and h.only_holder <> ${holderId})
              join positions c on c.parent_position_id = w.id
              where w.depth < 30
            )
            select distinct a.employee_id as id from assignments a join walk w on w.id = a.position_id
            where a.position_id = any(array(select id from walk)) and a.kind = 'DEFINITIF' and ${inForce(date)}
              and a.employee_id <> ${holderId} and (w.sole is null or w.sole = a.employee_id)`,
      );
      return result.map((r) => r.id);
    },

    /** Employees whose definitive post on d is in the unit subtree (path prefix). */
    async employeesInUnitTree(instansiId: number, unitPath: string, date: string): Promise<number[]> {
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct a.employee_id as id from assignments a
            join positions p on p.id = a.position_id join org_units u on u.id = p.unit_id
            where a.instansi_id = ${instansiId} and a.kind = 'DEFINITIF' and ${inForce(date)} and u.path like ${`${unitPath}%`}`,
      );
      return result.map((r) => r.id);
    },

    /**
     * Positions (jabatan slots) below the posts `leaderId` holds on d in any capacity, with every
     * holder in force on d (definitive, Plt, Plh), nearest first. Same chain as subordinateIds.
     */
    async positionsBelow(leaderId: number, date: string) {
      const list = await rows<{ id: number; name: string; type: string; unitId: number; unitName: string; parentPositionId: number | null; depth: number }>(
        db,
        sql`with recursive held as (
              select a.position_id from assignments a where a.employee_id = ${leaderId} and ${inForce(date)}
            ), tree(id, depth) as (
              select p.id, 1 from positions p where p.parent_position_id in (select position_id from held)
              union all
              select p.id, t.depth + 1 from positions p join tree t on p.parent_position_id = t.id where t.depth < 30
            )
            select p.id, p.name, p.type::text as type, p.unit_id as "unitId", u.name as "unitName",
                   p.parent_position_id as "parentPositionId", min(t.depth)::int as depth
            from tree t join positions p on p.id = t.id join org_units u on u.id = p.unit_id
            where p.id not in (select position_id from held)
            group by p.id, u.name, u.path
            order by min(t.depth), u.path, p.name, p.id`,
      );
      const holders = list.length === 0 ? [] : await rows<{ positionId: number; employeeId: number; kind: 'DEFINITIF' | 'PLT' | 'PLH' }>(
        db,
        sql`select a.position_id as "positionId", a.employee_id as "employeeId", a.kind::text as kind from assignments a
            where a.position_id = any(${sql.param(list.map((p) => p.id))}::int[]) and ${inForce(date)} and a.employee_id <> ${leaderId}
            order by a.position_id, case a.kind when 'PLH' then 0 when 'PLT' then 1 else 2 end, a.valid_from desc, a.employee_id`,
      );
      return { positions: list, holders };
    },

    /** Employees holding a position definitively on d. */
    async holdersOf(positionId: number, date: string): Promise<number[]> {
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct a.employee_id as id from assignments a
            where a.position_id = ${positionId} and a.kind = 'DEFINITIF' and ${inForce(date)}`,
      );
      return result.map((r) => r.id);
    },
  };
}

export type SkpPeopleRepository = ReturnType<typeof skpPeopleRepository>;
