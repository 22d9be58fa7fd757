import { sql } from 'drizzle-orm';
import type { TrainingPersonRef } from '@pantau/contracts';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate, wibTime } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { displayName } from '../org/names.js';
import { orgRepository } from '../org/org.repository.js';
import type { TrainingCtx } from './training.messages.js';

const inForce = (d: string) => sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`;

/** The caller's instansi; an account without one (super-admin) sees nothing: 404. */
export function instansiOf(ctx: TrainingCtx): number {
  if (ctx.actor.instansiId === null) throw notFound();
  return ctx.actor.instansiId;
}

/** The caller's employee id; accounts without an employee cannot act for themselves (403). */
export function employeeOf(ctx: TrainingCtx): number {
  if (ctx.actor.employeeId === null) throw forbidden();
  return ctx.actor.employeeId;
}

export const isAdmin = (actor: Actor) => actor.roles.has('ADMIN_BKPSDM') || (actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0);

/**
 * Row scope for the training module, built on the shared access repository (supervisor chain,
 * admin OPD subtree, instansi-wide readers) plus what only training needs: which units an admin
 * manages and who the direct supervisor is today.
 */
export function trainingAccess(db: DbOrTx, clock: Clock) {
  const access = accessRepository(db);
  const org = orgRepository(db);
  const today = () => wibDate(clock.now());

  return {
    today,
    /** WIB date and HH:mm of now. */
    now: () => {
      const at = clock.now();
      return { at, date: wibDate(at), time: wibTime(at) };
    },

    readable: (actor: Actor, ids: readonly number[]) => access.readableEmployeeIds(actor, ids, today()),

    /**
     * Employees the actor may enrol or whose training they administer: BKPSDM admins everyone,
     * admin OPD their subtree, and (for enrolment only) an atasan their chain.
     */
    async administered(actor: Actor, ids: readonly number[], withChain: boolean): Promise<Set<number>> {
      if (ids.length === 0 || actor.instansiId === null) return new Set();
      const parts = [];
      if (actor.roles.has('ADMIN_BKPSDM')) parts.push(sql`true`);
      if (actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0) {
        parts.push(sql`e.id in (
          select a.employee_id from assignments a
          join positions p on p.id = a.position_id
          join org_units u on u.id = p.unit_id
          join org_units root on root.id = any(${sql.param([...actor.adminUnitIds])}::int[])
          where ${inForce(today())} and a.kind = 'DEFINITIF' and u.path like root.path || '%')`);
      }
      if (withChain && actor.employeeId !== null) {
        const below = await access.subordinateIds(actor.employeeId, today());
        const ids2 = ids.filter((id) => below.has(id));
        if (ids2.length > 0) parts.push(sql`e.id = any(${sql.param(ids2)}::int[])`);
      }
      if (parts.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select e.id from employees e where e.instansi_id = ${actor.instansiId}
              and e.id = any(${sql.param([...ids])}::int[]) and (${sql.join(parts, sql` or `)})`,
      );
      return new Set(result.map((r) => r.id));
    },

    /** Whether the actor administers at least one of the units (BKPSDM: any unit of the instansi). */
    async managesAnyUnit(actor: Actor, unitIds: readonly number[]): Promise<boolean> {
      if (actor.instansiId === null || unitIds.length === 0) return false;
      if (actor.roles.has('ADMIN_BKPSDM')) return true;
      if (!actor.roles.has('ADMIN_OPD') || actor.adminUnitIds.length === 0) return false;
      const result = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from org_units u
            join org_units root on root.id = any(${sql.param([...actor.adminUnitIds])}::int[])
            where u.id = any(${sql.param([...unitIds])}::int[]) and u.path like root.path || '%'`,
      );
      return (result[0]?.n ?? 0) > 0;
    },

    /** Of many courses (by their organiser units), those the actor manages. */
    async managedCourses(actor: Actor, organisers: readonly { courseId: number; unitId: number }[]): Promise<Set<number>> {
      if (actor.roles.has('ADMIN_BKPSDM')) return new Set(organisers.map((o) => o.courseId));
      if (!actor.roles.has('ADMIN_OPD') || actor.adminUnitIds.length === 0 || organisers.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select u.id from org_units u
            join org_units root on root.id = any(${sql.param([...actor.adminUnitIds])}::int[])
            where u.id = any(${sql.param([...new Set(organisers.map((o) => o.unitId))])}::int[]) and u.path like root.path || '%'`,
      );
      const units = new Set(result.map((r) => r.id));
      return new Set(organisers.filter((o) => units.has(o.unitId)).map((o) => o.courseId));
    },

    /** Direct supervisor today (Plh > Plt > definitive), or null at the top. */
    async supervisorOf(employeeId: number): Promise<number | null> {
      return (await org.supervisorsOn([employeeId], today())).get(employeeId)?.supervisorId ?? null;
    },

    supervisorsOf: (ids: readonly number[]) => org.supervisorsOn(ids, today()),

    subordinates: (employeeId: number) => access.subordinateIds(employeeId, today()),

    /** Name, NIP and current unit of people, in one query. */
    async people(ids: readonly number[]): Promise<Map<number, TrainingPersonRef>> {
      const unique = [...new Set(ids)];
      const out = new Map<number, TrainingPersonRef>();
      if (unique.length === 0) return out;
      const result = await rows<{ id: number; nip: string; name: string; gelarDepan: string | null; gelarBelakang: string | null; unitName: string | null }>(
        db,
        sql`select e.id, e.nip, e.name, e.gelar_depan as "gelarDepan", e.gelar_belakang as "gelarBelakang", u.name as "unitName"
            from employees e
            left join lateral (
              select a.position_id from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF' and ${inForce(today())}
              order by a.valid_from desc limit 1
            ) cur on true
            left join positions p on p.id = cur.position_id
            left join org_units u on u.id = p.unit_id
            where e.id = any(${sql.param(unique)}::int[])`,
      );
      for (const r of result) out.set(r.id, { id: r.id, nip: r.nip, name: displayName(r), unitName: r.unitName });
      return out;
    },
  };
}

export type TrainingAccess = ReturnType<typeof trainingAccess>;

/** Placeholder for a person who could not be loaded (never expected; keeps presenters total). */
export const unknownPerson = (id: number): TrainingPersonRef => ({ id, nip: '', name: '', unitName: null });
