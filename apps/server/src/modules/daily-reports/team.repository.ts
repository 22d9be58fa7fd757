import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { supervisionRecords } from '../../db/schema/index.js';

export interface TeamRow {
  employeeId: number;
  name: string;
  nip: string;
  positionName: string | null;
  unitName: string | null;
  trackingFrom: string | null;
  reportId: number | null;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED' | null;
  totalMinutes: number | null;
  activityCount: number | null;
  submittedAt: Date | string | null;
  lastReportedDate: string | null;
  monthMinutes: number;
  returnedDate: string | null;
  returnedAt: Date | string | null;
  pendingCount: number;
  oldestPendingDate: string | null;
}

export function teamRepository(db: DbOrTx) {
  return {
    /**
     * Everything the live team view shows for the given people, in one statement: today's report,
     * the last reported day, this month's minutes before today, the oldest unfixed returned day and
     * the days waiting for this verifier. Each subquery walks one employee's slice of the
     * (employee_id, date) index, so a 40-person team reads a few hundred index entries.
     */
    async teamFacts(opts: { instansiId: number; ids: readonly number[]; today: string; monthStart: string; verifierId: number }) {
      if (opts.ids.length === 0) return [];
      return rows<TeamRow>(
        db,
        sql`with pend as (
              select r.employee_id, count(*) as n, min(r.date) as oldest from daily_reports r
              where r.verifier_employee_id = ${opts.verifierId} and r.status = 'SUBMITTED'
              group by r.employee_id
            )
            select e.id as "employeeId", concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as name, e.nip,
                   p.name as "positionName", u.name as "unitName",
                   -- Count missing days from the later of the post's start and the instansi's first report
                   -- (its go-live); before anyone in the instansi reports, nobody is "behind".
                   (select case when min(d.date) is null then null else greatest(cur.valid_from, min(d.date)) end
                      from daily_reports d where d.instansi_id = ${opts.instansiId})::text
                     as "trackingFrom",
                   t.id as "reportId", t.status, t.total_minutes as "totalMinutes", t.activity_count::int as "activityCount",
                   t.submitted_at as "submittedAt",
                   (select max(r.date) from daily_reports r where r.employee_id = e.id and r.status <> 'DRAFT' and r.date <= ${opts.today}::date)::text
                     as "lastReportedDate",
                   (select coalesce(sum(r.total_minutes), 0) from daily_reports r where r.employee_id = e.id
                      and r.date >= ${opts.monthStart}::date and r.date < ${opts.today}::date and r.status in ('SUBMITTED', 'VERIFIED'))::int
                     as "monthMinutes",
                   ret.date::text as "returnedDate", ret.decided_at as "returnedAt",
                   coalesce(pend.n, 0)::int as "pendingCount", pend.oldest::text as "oldestPendingDate"
            from employees e
            left join lateral (
              select a.position_id, a.valid_from from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF'
                and a.valid_from <= ${opts.today}::date and (a.valid_to is null or a.valid_to >= ${opts.today}::date)
              order by a.valid_from desc limit 1
            ) cur on true
            left join positions p on p.id = cur.position_id
            left join org_units u on u.id = p.unit_id
            left join daily_reports t on t.employee_id = e.id and t.date = ${opts.today}::date
            left join lateral (
              select r.date, r.decided_at from daily_reports r where r.employee_id = e.id and r.status = 'RETURNED'
              order by r.date limit 1
            ) ret on true
            left join pend on pend.employee_id = e.id
            where e.instansi_id = ${opts.instansiId} and e.id = any(${sql.param([...opts.ids])}::int[])
            order by e.name, e.id`,
      );
    },

    async insertRecord(values: typeof supervisionRecords.$inferInsert) {
      const [r] = await db.insert(supervisionRecords).values(values).returning();
      if (!r) throw new Error('insert returned nothing');
      return r;
    },

    async records(instansiId: number, employeeId: number, limit: number) {
      return db
        .select()
        .from(supervisionRecords)
        .where(and(eq(supervisionRecords.instansiId, instansiId), eq(supervisionRecords.employeeId, employeeId)))
        .orderBy(desc(supervisionRecords.heldOn), desc(supervisionRecords.id))
        .limit(limit);
    },
  };
}
