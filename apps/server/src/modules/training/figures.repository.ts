import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

export interface UnitFigureRaw {
  unitId: number;
  name: string;
  hasChildren: boolean;
  staff: number;
  staffAtMinimum: number;
  jpSum: number;
  openNeeds: number;
  sessionsHeld: number;
}

export interface HeldSessionRaw {
  courseId: number;
  title: string;
  /** BerAKHLAK behaviours the course develops. */
  behaviours: string[];
  sessionId: number;
  startDate: string;
  endDate: string;
  employeeId: number | null;
  status: string | null;
  opdId: number | null;
}

/** Aggregates for the training figures: one statement per table of figures. */
export function figuresRepository(db: DbOrTx) {
  return {
    /**
     * One row per unit chosen by `which` (children of a unit, top-level OPDs, or given roots),
     * each counting its whole subtree: staff with a definitive post on `date`, those with at least
     * `minimum` JP in the year, the JP sum, open needs of the year, and sessions organised by the
     * subtree that ended in the year (up to `date`).
     */
    async units(o: { instansiId: number; which: SQL; year: number; date: string; minimum: number }): Promise<UnitFigureRaw[]> {
      const from = `${o.year}-01-01`;
      const to = `${o.year}-12-31`;
      const result = await rows<UnitFigureRaw & { jpSum: string | number }>(
        db,
        sql`with picked as (
              select u.id, u.name, u.path from org_units u where u.instansi_id = ${o.instansiId} and u.active and ${o.which}
            ), staff as (
              select distinct on (a.employee_id) a.employee_id, u.path
              from assignments a join positions p on p.id = a.position_id join org_units u on u.id = p.unit_id
              join employees e on e.id = a.employee_id and e.active
              where u.instansi_id = ${o.instansiId} and a.kind = 'DEFINITIF'
                and a.valid_from <= ${o.date}::date and (a.valid_to is null or a.valid_to >= ${o.date}::date)
              order by a.employee_id, a.valid_from desc
            ), jp as (
              select id, sum(jp) as total from (
                select e.employee_id as id, e.jp from training_enrolments e
                where e.instansi_id = ${o.instansiId} and e.status = 'COMPLETED' and e.completed_on between ${from}::date and ${to}::date
                union all
                select x.employee_id, x.jp from training_external x
                where x.instansi_id = ${o.instansiId} and x.status = 'VERIFIED' and x.end_date between ${from}::date and ${to}::date
              ) t group by id
            ), needs as (
              select employee_id, count(*)::int as n from training_needs
              where instansi_id = ${o.instansiId} and year = ${o.year} and status = 'OPEN' group by employee_id
            ), held as (
              select distinct s.id, ou.path from training_sessions s
              join training_course_organisers o on o.course_id = s.course_id join org_units ou on ou.id = o.unit_id
              where s.instansi_id = ${o.instansiId} and s.cancelled_at is null
                and s.end_date between ${from}::date and least(${to}::date, ${o.date}::date)
            )
            select r.id as "unitId", r.name,
                   exists (select 1 from org_units c where c.parent_id = r.id and c.active) as "hasChildren",
                   (select count(*)::int from staff s where s.path like r.path || '%') as staff,
                   (select count(*)::int from staff s join jp on jp.id = s.employee_id
                     where s.path like r.path || '%' and jp.total >= ${o.minimum}) as "staffAtMinimum",
                   (select coalesce(sum(jp.total), 0)::float8 from staff s join jp on jp.id = s.employee_id
                     where s.path like r.path || '%') as "jpSum",
                   (select coalesce(sum(n.n), 0)::int from staff s join needs n on n.employee_id = s.employee_id
                     where s.path like r.path || '%') as "openNeeds",
                   (select count(distinct h.id)::int from held h where h.path like r.path || '%') as "sessionsHeld"
            from picked r order by r.name, r.id`,
      );
      return result.map((r) => ({ ...r, jpSum: Number(r.jpSum) }));
    },

    /** Sessions of the year that were held (ended by `date`), with their seat holders and each holder's OPD then. */
    async heldSessions(instansiId: number, year: number, date: string): Promise<HeldSessionRaw[]> {
      return rows<HeldSessionRaw>(
        db,
        sql`select c.id as "courseId", c.title, c.behaviours::text[] as behaviours, s.id as "sessionId", s.start_date::text as "startDate", s.end_date::text as "endDate",
                   e.employee_id as "employeeId", e.status::text as status, opd.opd_id as "opdId"
            from training_sessions s join training_courses c on c.id = s.course_id
            left join training_enrolments e on e.session_id = s.id and e.status in ('ENROLLED', 'COMPLETED', 'INCOMPLETE')
            left join lateral (
              select coalesce(u.opd_id, u.id) as opd_id from assignments a join positions p on p.id = a.position_id
              join org_units u on u.id = p.unit_id
              where a.employee_id = e.employee_id and a.kind = 'DEFINITIF'
                and a.valid_from <= s.start_date and (a.valid_to is null or a.valid_to >= s.start_date)
              order by a.valid_from desc limit 1
            ) opd on true
            where s.instansi_id = ${instansiId} and s.cancelled_at is null
              and s.end_date between ${`${year}-01-01`}::date and least(${`${year}-12-31`}::date, ${date}::date)
            order by c.title, c.id, s.start_date`,
      );
    },

    /** Units of the instansi by id, with their path (scope checks of a drill-down). */
    async unit(instansiId: number, id: number) {
      const [row] = await rows<{ id: number; name: string; path: string }>(
        db,
        sql`select id, name, path from org_units where instansi_id = ${instansiId} and id = ${id}`,
      );
      return row;
    },

    async paths(ids: readonly number[]) {
      if (ids.length === 0) return [];
      return rows<{ id: number; path: string }>(db, sql`select id, path from org_units where id = any(${sql.param([...ids])}::int[])`);
    },
  };
}
