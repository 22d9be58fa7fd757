import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { orgRepository } from '../org/org.repository.js';
import { displayName } from '../org/names.js';

const KIND_PRIORITY: Record<string, number> = { PLH: 0, PLT: 1, DEFINITIF: 2 };

/**
 * Who answers for citizen feedback on a date: the head of a unit (Plh, then Plt, then the
 * definitive holder; a unit without a head on that date falls to the nearest unit above), the
 * direct supervisor of a named employee, and the chain above a person for escalation.
 */
export function feedbackPeopleRepository(db: DbOrTx) {
  const org = orgRepository(db);
  return {
    async unitHeads(unitIds: readonly number[], date: string): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (unitIds.length === 0) return out;
      const found = await rows<{ unitId: number; depth: number; employeeId: number; kind: string; validFrom: string }>(
        db,
        sql`with recursive up(unit_id, cur, depth) as (
              select id, id, 0 from org_units where id = any(${sql.param([...new Set(unitIds)])}::int[])
              union all
              select up.unit_id, u.parent_id, up.depth + 1 from up join org_units u on u.id = up.cur
              where u.parent_id is not null and up.depth < 30
            )
            select up.unit_id as "unitId", up.depth, a.employee_id as "employeeId", a.kind, a.valid_from::text as "validFrom"
            from up join positions p on p.unit_id = up.cur and p.is_head
            join assignments a on a.position_id = p.id and a.valid_from <= ${date}::date
              and (a.valid_to is null or a.valid_to >= ${date}::date)
            join employees e on e.id = a.employee_id and e.active`,
      );
      found.sort(
        (a, b) =>
          a.unitId - b.unitId ||
          a.depth - b.depth ||
          (KIND_PRIORITY[a.kind] ?? 9) - (KIND_PRIORITY[b.kind] ?? 9) ||
          b.validFrom.localeCompare(a.validFrom) ||
          a.employeeId - b.employeeId,
      );
      for (const f of found) if (!out.has(f.unitId)) out.set(f.unitId, f.employeeId);
      return out;
    },

    async supervisorOf(employeeId: number, date: string): Promise<number | null> {
      return (await org.supervisorsOn([employeeId], date)).get(employeeId)?.supervisorId ?? null;
    },

    /** [person, their supervisor, the next one up …], at most `levels + 1` long, without repeats. */
    async chainFrom(employeeId: number, date: string, levels: number): Promise<number[]> {
      const chain = [employeeId];
      for (let i = 0; i < levels; i++) {
        const last = chain[chain.length - 1];
        if (last === undefined) break;
        const next = await this.supervisorOf(last, date);
        if (next === null || chain.includes(next)) break;
        chain.push(next);
      }
      return chain;
    },

    async names(ids: readonly number[]): Promise<Map<number, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const result = await rows<{ id: number; name: string; gelarDepan: string | null; gelarBelakang: string | null }>(
        db,
        sql`select id, name, gelar_depan as "gelarDepan", gelar_belakang as "gelarBelakang" from employees where id = any(${sql.param(unique)}::int[])`,
      );
      return new Map(result.map((r) => [r.id, displayName(r)]));
    },
  };
}
