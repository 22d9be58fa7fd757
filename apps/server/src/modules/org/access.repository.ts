import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { INSTANSI_WIDE_READ, hasAnyRole, type Actor } from '../auth/actor.js';

/** SQL fragment: an assignment row `a` is in force on date d (inclusive bounds). */
const inForce = (d: string) => sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`;

/**
 * SQL boolean: does anyone hold a definitive post directly below a post the employee holds on d?
 * Shared by isAtasan() and the one-statement session lookup.
 */
export function isAtasanExpr(employeeId: SQL, date: string): SQL {
  return sql`exists (
    select 1 from assignments a
    join positions p on p.parent_position_id = a.position_id
    join assignments s on s.position_id = p.id and s.kind = 'DEFINITIF'
      and s.valid_from <= ${date}::date and (s.valid_to is null or s.valid_to >= ${date}::date)
    where a.employee_id = ${employeeId} and ${inForce(date)}
  )`;
}

/**
 * Row-level access over the supervisor chain (immich-style: answer "which of these ids may the
 * actor touch?" with one query, return a Set). Out-of-scope ids read as 404 to the caller.
 */
export function accessRepository(db: DbOrTx) {
  return {
    /** Everyone below the actor's held positions (any kind: definitive, Plt, Plh) on date d. */
    async subordinateIds(employeeId: number, date: string): Promise<Set<number>> {
      const result = await rows<{ id: number }>(
        db,
        sql`with recursive held as (
              select a.position_id from assignments a where a.employee_id = ${employeeId} and ${inForce(date)}
            ), tree(id) as (
              select p.id from positions p where p.parent_position_id in (select position_id from held)
              union
              select p.id from positions p join tree t on p.parent_position_id = t.id
            )
            select distinct a.employee_id as id from assignments a join tree t on a.position_id = t.id
            where a.kind = 'DEFINITIF' and ${inForce(date)} and a.employee_id <> ${employeeId}`,
      );
      return new Set(result.map((r) => r.id));
    },

    /** True when anybody reports (directly or further down) to a post the employee holds on d. */
    async isAtasan(employeeId: number, date: string): Promise<boolean> {
      const result = await rows<{ yes: boolean }>(db, sql`select ${isAtasanExpr(sql`${employeeId}`, date)} as yes`);
      return result[0]?.yes === true;
    },

    /**
     * Of the given employee ids, those the actor may read on date d: self, subordinates,
     * the admin OPD's subtree (by current definitive unit), or the whole instansi for
     * BKPSDM, inspektorat and pimpinan. Never across instansi.
     */
    async readableEmployeeIds(actor: Actor, ids: readonly number[], date: string): Promise<Set<number>> {
      if (ids.length === 0 || actor.instansiId === null) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select e.id from employees e
            where e.instansi_id = ${actor.instansiId} and e.id = any(${sql.param([...ids])}::int[])
              and ${this.scopeCondition(actor, date)}`,
      );
      return new Set(result.map((r) => r.id));
    },

    /** A WHERE condition on alias `e` (employees) restricting to the actor's read scope. */
    scopeCondition(actor: Actor, date: string) {
      if (hasAnyRole(actor, INSTANSI_WIDE_READ)) return sql`true`;
      const parts = [];
      if (actor.employeeId !== null) {
        parts.push(sql`e.id = ${actor.employeeId}`);
        parts.push(sql`e.id in (
          with recursive held as (
            select a.position_id from assignments a where a.employee_id = ${actor.employeeId} and ${inForce(date)}
          ), tree(id) as (
            select p.id from positions p where p.parent_position_id in (select position_id from held)
            union
            select p.id from positions p join tree t on p.parent_position_id = t.id
          )
          select a.employee_id from assignments a join tree t on a.position_id = t.id
          where a.kind = 'DEFINITIF' and ${inForce(date)})`);
      }
      if (actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0) {
        parts.push(sql`e.id in (
          select a.employee_id from assignments a
          join positions p on p.id = a.position_id
          join org_units u on u.id = p.unit_id
          join org_units root on root.id = any(${sql.param([...actor.adminUnitIds])}::int[])
          where ${inForce(date)} and a.kind = 'DEFINITIF' and u.path like root.path || '%')`);
      }
      if (parts.length === 0) return sql`false`;
      return sql`(${sql.join(parts, sql` or `)})`;
    },
  };
}

export type AccessRepository = ReturnType<typeof accessRepository>;
