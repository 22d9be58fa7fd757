import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { notFound } from '../../http/errors.js';
import { INSTANSI_WIDE_READ, hasAnyRole, type Actor } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';

/**
 * What an official may see of citizen feedback on a date, loaded once per request (three small
 * queries): the whole instansi (BKPSDM, inspektorat, pimpinan), admin OPD subtrees, the units the
 * actor heads (definitive, Plt or Plh), and the people below them in the supervisor chain.
 */
export interface FeedbackScope {
  actor: Actor;
  instansiId: number;
  employeeId: number | null;
  date: string;
  /** Reads everything in the instansi. */
  wide: boolean;
  /** ADMIN_BKPSDM: administers the whole instansi. */
  adminAll: boolean;
  /** Paths of the admin OPD subtrees. */
  adminPaths: string[];
  /** Paths of the units the actor heads on `date`. */
  headPaths: string[];
  subordinates: ReadonlySet<number>;
}

export function requireInstansi(actor: Actor): number {
  if (actor.instansiId === null) throw notFound();
  return actor.instansiId;
}

export async function loadScope(db: DbOrTx, actor: Actor, date: string): Promise<FeedbackScope> {
  const instansiId = requireInstansi(actor);
  const adminPaths =
    actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0
      ? (
          await rows<{ path: string }>(
            db,
            sql`select path from org_units where instansi_id = ${instansiId} and id = any(${sql.param([...actor.adminUnitIds])}::int[])`,
          )
        ).map((r) => r.path)
      : [];
  const headPaths =
    actor.employeeId === null
      ? []
      : (
          await rows<{ path: string }>(
            db,
            sql`select distinct u.path from assignments a
                join positions p on p.id = a.position_id and p.is_head
                join org_units u on u.id = p.unit_id
                where a.employee_id = ${actor.employeeId} and a.valid_from <= ${date}::date
                  and (a.valid_to is null or a.valid_to >= ${date}::date)`,
          )
        ).map((r) => r.path);
  const subordinates = actor.employeeId === null ? new Set<number>() : await accessRepository(db).subordinateIds(actor.employeeId, date);
  return {
    actor,
    instansiId,
    employeeId: actor.employeeId,
    date,
    wide: hasAnyRole(actor, INSTANSI_WIDE_READ),
    adminAll: actor.roles.has('ADMIN_BKPSDM'),
    adminPaths,
    headPaths,
    subordinates,
  };
}

/** True when `path` lies in one of the subtrees `roots` (materialised paths "/1/7/"). */
export function underAny(path: string | null | undefined, roots: readonly string[]): boolean {
  return path !== null && path !== undefined && roots.some((r) => path.startsWith(r));
}

/** The actor administers this unit (BKPSDM: all; admin OPD: their subtrees). */
export function administers(scope: FeedbackScope, unitPath: string | null | undefined): boolean {
  return scope.adminAll || underAny(unitPath, scope.adminPaths);
}

/** The actor administers the unit or heads it or a unit above it. */
export function managesUnit(scope: FeedbackScope, unitPath: string | null | undefined): boolean {
  return administers(scope, unitPath) || underAny(unitPath, scope.headPaths);
}

/** SQL: the unit path expression lies in one of the subtrees (false for none). */
export function pathUnder(pathExpr: SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`${pathExpr} like any(${sql.param(roots.map((r) => `${r.replace(/[%_\\]/g, (c) => `\\${c}`)}%`))}::text[])`;
}

/** SQL: a unit path the actor manages (see managesUnit). */
export function managedPathSql(scope: FeedbackScope, pathExpr: SQL): SQL {
  if (scope.adminAll) return sql`true`;
  return pathUnder(pathExpr, [...scope.adminPaths, ...scope.headPaths]);
}

/** SQL: an employee id the actor supervises (directly or further up). */
export function subordinateSql(scope: FeedbackScope, idExpr: SQL): SQL {
  if (scope.subordinates.size === 0) return sql`false`;
  return sql`${idExpr} = any(${sql.param([...scope.subordinates])}::int[])`;
}
