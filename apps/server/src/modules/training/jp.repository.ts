import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

export interface JpRecordRow {
  kind: 'COURSE' | 'EXTERNAL';
  id: number;
  title: string;
  date: string;
  jp: number;
  status: string;
  counted: boolean;
}

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * JP per employee and year: completed places (by the last day of the session) and verified
 * external training (by its end date). Nothing else counts (issue 6 §2).
 */
export function jpRepository(db: DbOrTx) {
  return {
    /** Everything of the year that carries JP or may soon: completed places, and external training not rejected. */
    async records(employeeId: number, year: number): Promise<JpRecordRow[]> {
      const { from, to } = yearBounds(year);
      const result = await rows<Omit<JpRecordRow, 'jp'> & { jp: string | number }>(
        db,
        sql`select 'COURSE' as kind, e.id, c.title, e.completed_on::text as date, e.jp, e.status::text as status, true as counted
            from training_enrolments e join training_courses c on c.id = e.course_id
            where e.employee_id = ${employeeId} and e.status = 'COMPLETED' and e.completed_on between ${from}::date and ${to}::date
            union all
            select 'EXTERNAL', x.id, x.title, x.end_date::text, x.jp, x.status::text, x.status = 'VERIFIED'
            from training_external x
            where x.employee_id = ${employeeId} and x.status <> 'REJECTED' and x.end_date between ${from}::date and ${to}::date
            order by date desc, id desc`,
      );
      return result.map((r) => ({ ...r, jp: Number(r.jp) }));
    },

    /** Counted JP per employee in the year (employees without any are absent). */
    async totals(employeeIds: readonly number[] | null, instansiId: number, year: number): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (employeeIds !== null && employeeIds.length === 0) return out;
      const { from, to } = yearBounds(year);
      const whoE = employeeIds === null ? sql`e.instansi_id = ${instansiId}` : sql`e.employee_id = any(${sql.param([...employeeIds])}::int[])`;
      const whoX = employeeIds === null ? sql`x.instansi_id = ${instansiId}` : sql`x.employee_id = any(${sql.param([...employeeIds])}::int[])`;
      const result = await rows<{ id: number; jp: string | number }>(
        db,
        sql`select id, sum(jp)::float8 as jp from (
              select e.employee_id as id, e.jp from training_enrolments e
              where ${whoE} and e.status = 'COMPLETED' and e.completed_on between ${from}::date and ${to}::date
              union all
              select x.employee_id, x.jp from training_external x
              where ${whoX} and x.status = 'VERIFIED' and x.end_date between ${from}::date and ${to}::date
            ) t group by id`,
      );
      for (const r of result) out.set(r.id, Number(r.jp));
      return out;
    },
  };
}
