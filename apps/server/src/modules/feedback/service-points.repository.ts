import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { instansi, orgUnits, servicePointStaff, servicePoints } from '../../db/schema/index.js';

export type ServicePointRow = typeof servicePoints.$inferSelect;

export interface ServicePointListRow extends ServicePointRow {
  unitName: string;
  unitPath: string;
  staffIds: number[];
}

export interface PublicStaffRow {
  id: number;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jabatan: string | null;
}

const inForce = (d: string) => sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`;

export function servicePointsRepository(db: DbOrTx) {
  return {
    /** Service points with unit name/path and chosen staff, filtered by `where` on aliases sp and u. */
    async list(instansiId: number, where: ReturnType<typeof sql>): Promise<ServicePointListRow[]> {
      return rows<ServicePointListRow>(
        db,
        sql`select sp.id, sp.instansi_id as "instansiId", sp.unit_id as "unitId", sp.name, sp.description, sp.slug, sp.active,
                   sp.created_at as "createdAt", sp.updated_at as "updatedAt", u.name as "unitName", u.path as "unitPath",
                   coalesce((select array_agg(s.employee_id order by s.employee_id) from service_point_staff s
                             where s.service_point_id = sp.id), '{}'::int[]) as "staffIds"
            from service_points sp join org_units u on u.id = sp.unit_id
            where sp.instansi_id = ${instansiId} and ${where}
            order by u.path, sp.name`,
      );
    },

    async findById(instansiId: number, id: number): Promise<ServicePointListRow | undefined> {
      const [row] = await this.list(instansiId, sql`sp.id = ${id}`);
      return row;
    },

    async findBySlug(slug: string) {
      const [row] = await db
        .select({
          sp: servicePoints,
          unitName: orgUnits.name,
          unitPath: orgUnits.path,
          opdId: orgUnits.opdId,
          instansiCode: instansi.code,
          instansiName: instansi.name,
        })
        .from(servicePoints)
        .innerJoin(orgUnits, eq(orgUnits.id, servicePoints.unitId))
        .innerJoin(instansi, eq(instansi.id, servicePoints.instansiId))
        .where(eq(servicePoints.slug, slug));
      return row;
    },

    async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
      const [row] = await db.select({ id: servicePoints.id }).from(servicePoints).where(eq(servicePoints.slug, slug));
      return row !== undefined && row.id !== exceptId;
    },

    async isUsed(id: number): Promise<boolean> {
      const [row] = await rows<{ used: boolean }>(
        db,
        sql`select exists (select 1 from survey_responses where service_point_id = ${id})
                or exists (select 1 from complaints where service_point_id = ${id}) as used`,
      );
      return row?.used === true;
    },

    async replaceStaff(servicePointId: number, employeeIds: readonly number[]): Promise<void> {
      await db.delete(servicePointStaff).where(eq(servicePointStaff.servicePointId, servicePointId));
      if (employeeIds.length > 0) {
        await db.insert(servicePointStaff).values(employeeIds.map((employeeId) => ({ servicePointId, employeeId })));
      }
    },

    /**
     * The public staff list on date d: the chosen employees, or when none were chosen everyone
     * with a definitive post in the service point's own unit. Names and jabatan only; active only.
     */
    async publicStaff(servicePointId: number, unitId: number, date: string): Promise<PublicStaffRow[]> {
      return rows<PublicStaffRow>(
        db,
        sql`with chosen as (select employee_id from service_point_staff where service_point_id = ${servicePointId}),
            current_post as (
              select distinct on (a.employee_id) a.employee_id, p.name, p.unit_id from assignments a
              join positions p on p.id = a.position_id
              where a.kind = 'DEFINITIF' and ${inForce(date)}
                and (a.employee_id in (select employee_id from chosen) or p.unit_id = ${unitId})
              order by a.employee_id, a.valid_from desc
            )
            select e.id, e.name, e.gelar_depan as "gelarDepan", e.gelar_belakang as "gelarBelakang", cp.name as jabatan
            from employees e join current_post cp on cp.employee_id = e.id
            where e.active and case when exists (select 1 from chosen) then e.id in (select employee_id from chosen)
                                    else cp.unit_id = ${unitId} end
            order by e.name, e.id`,
      );
    },

    /** Of the ids, the employees of the instansi whose definitive unit on d lies under one of the roots (all when null). */
    async employeesUnder(instansiId: number, ids: readonly number[], roots: readonly string[] | null, date: string): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const pathFilter =
        roots === null
          ? sql`true`
          : roots.length === 0
            ? sql`false`
            : sql`exists (select 1 from assignments a join positions p on p.id = a.position_id join org_units u on u.id = p.unit_id
                          where a.employee_id = e.id and a.kind = 'DEFINITIF' and ${inForce(date)}
                            and u.path like any(${sql.param(roots.map((r) => `${r}%`))}::text[]))`;
      const result = await rows<{ id: number }>(
        db,
        sql`select e.id from employees e where e.instansi_id = ${instansiId} and e.id = any(${sql.param([...ids])}::int[]) and ${pathFilter}`,
      );
      return new Set(result.map((r) => r.id));
    },

    async findUnit(instansiId: number, unitId: number) {
      const [u] = await db.select().from(orgUnits).where(and(eq(orgUnits.instansiId, instansiId), eq(orgUnits.id, unitId)));
      return u;
    },
  };
}
