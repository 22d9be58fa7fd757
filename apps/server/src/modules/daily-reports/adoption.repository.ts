import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

const inForce = (d: SQL) => sql`a.kind = 'DEFINITIF' and a.valid_from <= ${d} and (a.valid_to is null or a.valid_to >= ${d})`;

/**
 * Adoption figures over the whole instansi (or some OPDs). Reports carry the OPD they were made
 * in (`daily_reports.opd_id`), so counting them is an index-only scan of
 * (instansi_id, date, opd_id, status); headcounts come from the effective-dated assignments.
 */
export function adoptionRepository(db: DbOrTx) {
  const opdFilter = (col: SQL, opdIds: readonly number[] | null) =>
    opdIds === null ? sql`true` : sql`${col} = any(${sql.param([...opdIds])}::int[])`;

  return {
    async opdNames(instansiId: number, opdIds: readonly number[] | null) {
      return rows<{ id: number; name: string }>(
        db,
        sql`select u.id, u.name from org_units u where u.instansi_id = ${instansiId} and u.parent_id is null
              and ${opdFilter(sql`u.id`, opdIds)} order by u.name`,
      );
    },

    /**
     * Definitive assignments overlapping from…to, with their OPD: one pass over the instansi's
     * assignments; headcounts per day are worked out from these spans in memory (much cheaper
     * than joining every day with every assignment).
     */
    async assignmentSpans(instansiId: number, from: string, to: string, opdIds: readonly number[] | null) {
      return rows<{ opdId: number; validFrom: string; validTo: string | null }>(
        db,
        sql`select coalesce(u.opd_id, u.id) as "opdId", a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
            from assignments a
            join employees e on e.id = a.employee_id and e.active
            join positions p on p.id = a.position_id
            join org_units u on u.id = p.unit_id
            where a.instansi_id = ${instansiId} and a.kind = 'DEFINITIF' and a.valid_from <= ${to}::date
              and (a.valid_to is null or a.valid_to >= ${from}::date)
              and ${opdFilter(sql`coalesce(u.opd_id, u.id)`, opdIds)}`,
      );
    },

    /** Submitted reports (anything but a draft) per OPD on each date. */
    async reportedPerDay(instansiId: number, dates: readonly string[], opdIds: readonly number[] | null) {
      if (dates.length === 0) return [];
      return rows<{ date: string; opdId: number; n: number }>(
        db,
        sql`select r.date::text as date, r.opd_id as "opdId", count(*)::int as n
            from daily_reports r
            where r.instansi_id = ${instansiId} and r.date = any(${sql.param([...dates])}::date[]) and r.status <> 'DRAFT'
              and r.opd_id is not null and ${opdFilter(sql`r.opd_id`, opdIds)}
            group by 1, 2`,
      );
    },

    /** Submitted reports per month (YYYY-MM) in the range. */
    async reportedPerMonth(instansiId: number, from: string, to: string, opdIds: readonly number[] | null) {
      const result = await rows<{ month: string; n: number }>(
        db,
        sql`select to_char(r.date, 'YYYY-MM') as month, count(*)::int as n from daily_reports r
            where r.instansi_id = ${instansiId} and r.date between ${from}::date and ${to}::date and r.status <> 'DRAFT'
              and ${opdFilter(sql`r.opd_id`, opdIds)}
            group by 1`,
      );
      return new Map(result.map((r) => [r.month, r.n]));
    },

    /** People with a post on `to` and no submitted report in the range, with their units. */
    async notStarted(instansiId: number, from: string, to: string, opdIds: readonly number[] | null) {
      return rows<{ employeeId: number; name: string; nip: string; unitId: number; unitName: string; opdName: string | null; started: boolean }>(
        db,
        sql`select e.id as "employeeId", concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as name, e.nip,
                   u.id as "unitId", u.name as "unitName", o.name as "opdName",
                   exists (select 1 from daily_reports r where r.employee_id = e.id and r.date between ${from}::date and ${to}::date
                           and r.status <> 'DRAFT') as started
            from assignments a
            join employees e on e.id = a.employee_id and e.active
            join positions p on p.id = a.position_id
            join org_units u on u.id = p.unit_id
            left join org_units o on o.id = coalesce(u.opd_id, u.id)
            where a.instansi_id = ${instansiId} and ${inForce(sql`${to}::date`)}
              and ${opdFilter(sql`coalesce(u.opd_id, u.id)`, opdIds)}
            order by o.name, u.name, e.name`,
      );
    },

    /** Decisions grouped by atasan and by (submission day, decision day) in WIB. */
    async decisions(instansiId: number, from: string, to: string, opdIds: readonly number[] | null) {
      return rows<{ employeeId: number; submittedOn: string; decidedOn: string; n: number }>(
        db,
        sql`select r.decided_by_employee_id as "employeeId",
                   (r.submitted_at at time zone 'Asia/Jakarta')::date::text as "submittedOn",
                   (r.decided_at at time zone 'Asia/Jakarta')::date::text as "decidedOn", count(*)::int as n
            from daily_reports r
            where r.instansi_id = ${instansiId} and r.decided_at is not null and r.submitted_at is not null
              and r.date between ${from}::date and ${to}::date and ${opdFilter(sql`r.opd_id`, opdIds)}
            group by 1, 2, 3`,
      );
    },

    async pendingBySupervisor(instansiId: number, opdIds: readonly number[] | null) {
      return rows<{ employeeId: number; n: number; oldest: string }>(
        db,
        sql`select r.verifier_employee_id as "employeeId", count(*)::int as n, min(r.date)::text as oldest
            from daily_reports r
            where r.instansi_id = ${instansiId} and r.status = 'SUBMITTED' and r.verifier_employee_id is not null
              and ${opdFilter(sql`r.opd_id`, opdIds)}
            group by 1`,
      );
    },

    async people(ids: readonly number[], date: string) {
      if (ids.length === 0) return [];
      return rows<{ id: number; name: string; unitName: string | null }>(
        db,
        sql`select e.id, concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as name, u.name as "unitName"
            from employees e
            left join lateral (select a.position_id from assignments a where a.employee_id = e.id and ${inForce(sql`${date}::date`)}
                               order by a.valid_from desc limit 1) cur on true
            left join positions p on p.id = cur.position_id
            left join org_units u on u.id = p.unit_id
            where e.id = any(${sql.param([...ids])}::int[])`,
      );
    },

    /** The OPDs (top-level units) of the given units. */
    async opdsOf(unitIds: readonly number[]) {
      if (unitIds.length === 0) return [];
      const r = await rows<{ id: number }>(
        db,
        sql`select distinct coalesce(u.opd_id, u.id) as id from org_units u where u.id = any(${sql.param([...unitIds])}::int[])`,
      );
      return r.map((x) => x.id);
    },
  };
}
