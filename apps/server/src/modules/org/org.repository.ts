import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { preparedRows, rows } from '../../db/raw.js';
import { assignments, employees, orgUnits, positions } from '../../db/schema/index.js';

export interface EmployeeRow {
  id: number;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: 'PNS' | 'PPPK';
  golongan: string | null;
  positionId: number | null;
  positionName: string | null;
  unitId: number | null;
  unitName: string | null;
}

const KIND_PRIORITY: Record<string, number> = { PLH: 0, PLT: 1, DEFINITIF: 2 };

export function orgRepository(db: DbOrTx) {
  return {
    async listUnits(instansiId: number, date: string) {
      return rows<{
        id: number;
        parentId: number | null;
        opdId: number | null;
        name: string;
        shortName: string | null;
        kind: string;
        path: string;
        employeeCount: number;
      }>(
        db,
        sql`select u.id, u.parent_id as "parentId", u.opd_id as "opdId", u.name, u.short_name as "shortName",
                   u.kind, u.path,
                   (select count(distinct a.employee_id)::int from assignments a join positions p on p.id = a.position_id
                     where p.unit_id = u.id and a.kind = 'DEFINITIF' and a.valid_from <= ${date}::date
                       and (a.valid_to is null or a.valid_to >= ${date}::date)) as "employeeCount"
            from org_units u where u.instansi_id = ${instansiId} and u.active
            order by u.path`,
      );
    },

    async findUnit(instansiId: number, id: number) {
      const [u] = await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.instansiId, instansiId), eq(orgUnits.id, id)));
      return u;
    },

    async findEmployee(instansiId: number, id: number) {
      const [e] = await db
        .select()
        .from(employees)
        .where(and(eq(employees.instansiId, instansiId), eq(employees.id, id)));
      return e;
    },

    async findPosition(instansiId: number, id: number) {
      const [p] = await db
        .select()
        .from(positions)
        .where(and(eq(positions.instansiId, instansiId), eq(positions.id, id)));
      return p;
    },

    async assignmentHistory(employeeId: number) {
      return db
        .select({
          id: assignments.id,
          kind: assignments.kind,
          positionId: assignments.positionId,
          positionName: positions.name,
          positionType: positions.type,
          unitId: orgUnits.id,
          unitName: orgUnits.name,
          validFrom: assignments.validFrom,
          validTo: assignments.validTo,
          decreeNumber: assignments.decreeNumber,
        })
        .from(assignments)
        .innerJoin(positions, eq(positions.id, assignments.positionId))
        .innerJoin(orgUnits, eq(orgUnits.id, positions.unitId))
        .where(eq(assignments.employeeId, employeeId))
        .orderBy(sql`${assignments.validFrom} desc`, asc(assignments.id));
    },

    /**
     * Employee rows with their definitive position and unit on date d, filtered by `where`
     * (a condition on alias e), paged. The matching ids are found first (materialised once, so
     * the scope's recursive query runs once), then only the page's rows are joined to their
     * current post: an admin's page of 25 out of 6,700 no longer looks up 6,700 posts.
     */
    async listEmployees(opts: {
      instansiId: number;
      date: string;
      where: ReturnType<typeof sql>;
      q?: string;
      unitPath?: string;
      jenisAsn?: 'PNS' | 'PPPK';
      limit: number;
      offset: number;
      ids?: number[];
    }): Promise<{ rows: EmployeeRow[]; total: number }> {
      const currentPost = (alias: string) => sql`left join lateral (
          select a.position_id from assignments a where a.employee_id = ${sql.raw(alias)}.id and a.kind = 'DEFINITIF'
            and a.valid_from <= ${opts.date}::date and (a.valid_to is null or a.valid_to >= ${opts.date}::date)
          order by a.valid_from desc limit 1
        ) cur on true
        left join positions p on p.id = cur.position_id
        left join org_units u on u.id = p.unit_id`;
      const filters = [sql`e.instansi_id = ${opts.instansiId}`, opts.where];
      if (opts.q) {
        const like = `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        filters.push(sql`(e.name ilike ${like} or e.nip like ${like.replace(/\s/g, '')})`);
      }
      if (opts.jenisAsn) filters.push(sql`e.jenis_asn = ${opts.jenisAsn}`);
      if (opts.unitPath) filters.push(sql`u.path like ${`${opts.unitPath}%`}`);
      if (opts.ids) filters.push(sql`e.id = any(${sql.param(opts.ids)}::int[])`);
      const result = await rows<EmployeeRow & { total: number }>(
        db,
        sql`with matched as materialized (
              select e.id, e.name from employees e
              ${opts.unitPath ? currentPost('e') : sql``}
              where ${sql.join(filters, sql` and `)}
            ), page as (
              select id from matched order by name, id limit ${opts.limit} offset ${opts.offset}
            )
            select e.id, e.nip, e.name, e.gelar_depan as "gelarDepan", e.gelar_belakang as "gelarBelakang",
                   e.jenis_asn as "jenisAsn", e.golongan, p.id as "positionId", p.name as "positionName",
                   u.id as "unitId", u.name as "unitName", (select count(*)::int from matched) as total
            from page join employees e on e.id = page.id
            ${currentPost('e')}
            order by e.name, e.id`,
      );
      if (result.length === 0 && opts.offset > 0) {
        const counted = await rows<{ total: number }>(
          db,
          sql`select count(*)::int as total from employees e ${opts.unitPath ? currentPost('e') : sql``}
              where ${sql.join(filters, sql` and `)}`,
        );
        return { rows: [], total: counted[0]?.total ?? 0 };
      }
      return { rows: result, total: result[0]?.total ?? 0 };
    },

    /**
     * Direct supervisors of many employees on date d, in one query. The supervisor is the
     * holder of the nearest ancestor post that has a holder on d (a vacant post is skipped
     * upward); an acting Plh outranks a Plt, who outranks the definitive holder (the Plh covers
     * the definitive holder's absence). The employee never supervises themself.
     */
    async supervisorsOn(
      employeeIds: readonly number[],
      date: string,
    ): Promise<Map<number, { supervisorId: number; kind: 'DEFINITIF' | 'PLT' | 'PLH' }>> {
      const out = new Map<number, { supervisorId: number; kind: 'DEFINITIF' | 'PLT' | 'PLH' }>();
      if (employeeIds.length === 0) return out;
      const [only] = employeeIds;
      if (employeeIds.length === 1 && only !== undefined) {
        // One person (a submission, a verification): the same rule as the statement below, as the
        // SQL function pantau_supervisor_of (migration 0013), which reads each ancestor's holders
        // through the position index instead of hashing every assignment in force.
        const [one] = await preparedRows<{ supervisorId: number; kind: 'DEFINITIF' | 'PLT' | 'PLH' }>(
          db,
          'pantau_supervisor_of',
          sql`select s.supervisor_id as "supervisorId", s.kind from pantau_supervisor_of(${only}::int, ${date}::date) s`,
        );
        if (one) out.set(only, one);
        return out;
      }
      // The nearest ancestor post with a holder other than the employee; among its holders a Plh
      // before a Plt before the definitive holder, then the latest start, then the lowest id.
      const chosen = await preparedRows<{ employeeId: number; supervisorId: number; kind: 'DEFINITIF' | 'PLT' | 'PLH' }>(
        db,
        'pantau_supervisors_on',
        sql`with recursive cur as (
              select distinct on (a.employee_id) a.employee_id, a.position_id from assignments a
              where a.employee_id = any(${sql.param([...employeeIds])}::int[]) and a.kind = 'DEFINITIF'
                and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to >= ${date}::date)
              order by a.employee_id, a.valid_from desc
            ), up(employee_id, position_id, depth) as (
              select cur.employee_id, p.parent_position_id, 1 from cur join positions p on p.id = cur.position_id
              where p.parent_position_id is not null
              union all
              select up.employee_id, p.parent_position_id, up.depth + 1 from up join positions p on p.id = up.position_id
              where p.parent_position_id is not null and up.depth < 30
            )
            select distinct on (up.employee_id) up.employee_id as "employeeId", h.employee_id as "supervisorId", h.kind
            from up join assignments h on h.position_id = up.position_id and h.employee_id <> up.employee_id
              and h.valid_from <= ${date}::date and (h.valid_to is null or h.valid_to >= ${date}::date)
            order by up.employee_id, up.depth,
              case h.kind when 'PLH' then ${KIND_PRIORITY.PLH} when 'PLT' then ${KIND_PRIORITY.PLT} when 'DEFINITIF' then ${KIND_PRIORITY.DEFINITIF} else 9 end,
              h.valid_from desc, h.employee_id`,
      );
      for (const c of chosen) out.set(c.employeeId, { supervisorId: c.supervisorId, kind: c.kind });
      return out;
    },

    async definitiveOverlaps(employeeId: number, from: string, to: string | null, exceptId?: number) {
      const result = await rows<{ id: number }>(
        db,
        sql`select a.id from assignments a where a.employee_id = ${employeeId} and a.kind = 'DEFINITIF'
              ${exceptId ? sql`and a.id <> ${exceptId}` : sql``}
              and a.valid_from <= coalesce(${to}::date, 'infinity'::date)
              and coalesce(a.valid_to, 'infinity'::date) >= ${from}::date`,
      );
      return result.map((r) => r.id);
    },
  };
}
