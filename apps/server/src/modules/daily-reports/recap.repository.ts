import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

export interface RecapFacts {
  employeeId: number;
  nip: string;
  name: string;
  unitName: string | null;
  daysReported: number;
  daysVerified: number;
  minutes: number;
  verifiedMinutes: number;
}

/** Monthly recap per unit: one statement for the people and their totals, one for outputs. */
export function recapRepository(db: DbOrTx) {
  return {
    async facts(opts: { instansiId: number; unitPath: string; ref: string; from: string; to: string; scope: SQL }): Promise<RecapFacts[]> {
      return rows<RecapFacts>(
        db,
        sql`with members as (
              select distinct on (a.employee_id) a.employee_id, u.name as unit_name
              from assignments a join positions p on p.id = a.position_id join org_units u on u.id = p.unit_id
              where a.instansi_id = ${opts.instansiId} and a.kind = 'DEFINITIF' and a.valid_from <= ${opts.ref}::date
                and (a.valid_to is null or a.valid_to >= ${opts.ref}::date) and u.path like ${`${opts.unitPath}%`}
              order by a.employee_id, a.valid_from desc
            )
            select e.id as "employeeId", e.nip, concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as name,
                   m.unit_name as "unitName",
                   coalesce(t.days_reported, 0)::int as "daysReported", coalesce(t.days_verified, 0)::int as "daysVerified",
                   coalesce(t.minutes, 0)::int as minutes,
                   (select coalesce(sum(a.minutes), 0) from daily_activities a where a.employee_id = e.id
                      and a.date between ${opts.from}::date and ${opts.to}::date and a.status = 'VERIFIED')::int as "verifiedMinutes"
            from members m join employees e on e.id = m.employee_id
            left join lateral (
              select count(*) filter (where r.status <> 'DRAFT') as days_reported,
                     count(*) filter (where r.status = 'VERIFIED') as days_verified,
                     sum(r.total_minutes) filter (where r.status in ('SUBMITTED', 'VERIFIED')) as minutes
              from daily_reports r where r.employee_id = e.id and r.date between ${opts.from}::date and ${opts.to}::date
            ) t on true
            where ${opts.scope}
            order by m.unit_name, e.name, e.id`,
      );
    },

    async outputs(ids: readonly number[], from: string, to: string) {
      if (ids.length === 0) return [];
      return rows<{ employeeId: number; indicator: string | null; unit: string | null; quantity: number }>(
        db,
        sql`select a.employee_id as "employeeId", i.text as indicator, a.output_unit as unit, sum(a.output_quantity)::float8 as quantity
            from daily_activities a left join skp_indicators i on i.id = a.indicator_id
            where a.employee_id = any(${sql.param([...ids])}::int[]) and a.date between ${from}::date and ${to}::date
              and a.status = 'VERIFIED' and a.output_quantity is not null
            group by 1, 2, 3
            order by 1, 2 nulls last, 3`,
      );
    },
  };
}
