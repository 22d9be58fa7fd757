import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { dailyActivities, dailyActivityEvidence, dailyReports, evidenceFiles } from '../../db/schema/index.js';

export type DailyReportRow = typeof dailyReports.$inferSelect;
export type ActivityRow = typeof dailyActivities.$inferSelect;
export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewActivity = Omit<typeof dailyActivities.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export interface SummaryRow {
  id: number;
  employeeId: number;
  employeeName: string;
  date: string;
  status: DailyReportRow['status'];
  totalMinutes: number;
  activityCount: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  returnNote: string | null;
}

const summaryColumns = sql`r.id, r.employee_id as "employeeId",
  concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as "employeeName",
  r.date::text as date, r.status, r.total_minutes as "totalMinutes", r.activity_count::int as "activityCount",
  r.submitted_at as "submittedAt", r.decided_at as "decidedAt", r.return_note as "returnNote"`;

/** SQL for daily reports and their activities; no business decisions here. */
export function dailyReportsRepository(db: DbOrTx) {
  async function insertEvidenceLinks(links: ReadonlyArray<{ activityId: number; evidenceIds: readonly number[] }>): Promise<void> {
    const values = links.flatMap((l) => [...new Set(l.evidenceIds)].map((evidenceId) => ({ activityId: l.activityId, evidenceId })));
    if (values.length > 0) await db.insert(dailyActivityEvidence).values(values);
  }

  return {
    async findById(instansiId: number, id: number): Promise<DailyReportRow | undefined> {
      const [r] = await db
        .select()
        .from(dailyReports)
        .where(and(eq(dailyReports.instansiId, instansiId), eq(dailyReports.id, id)));
      return r;
    },

    /** Locks the report row for the rest of the transaction (serialises edits of one day). */
    async lockById(id: number): Promise<DailyReportRow | undefined> {
      const [r] = await db.select().from(dailyReports).where(eq(dailyReports.id, id)).for('update');
      return r;
    },

    async findByEmployeeDate(employeeId: number, date: string): Promise<DailyReportRow | undefined> {
      const [r] = await db
        .select()
        .from(dailyReports)
        .where(and(eq(dailyReports.employeeId, employeeId), eq(dailyReports.date, date)));
      return r;
    },

    /**
     * Inserts the day, or returns the existing one (one report per employee per date). The unit
     * and OPD are looked up inside the INSERT (the definitive post in force on the date).
     */
    async insertOrGet(values: {
      instansiId: number;
      employeeId: number;
      date: string;
    }): Promise<{ report: DailyReportRow; created: boolean }> {
      const post = sql`from assignments a join positions p on p.id = a.position_id join org_units u on u.id = p.unit_id
            where a.employee_id = ${values.employeeId} and a.kind = 'DEFINITIF' and a.valid_from <= ${values.date}::date
              and (a.valid_to is null or a.valid_to >= ${values.date}::date)
            order by a.valid_from desc limit 1`;
      const [inserted] = await db
        .insert(dailyReports)
        .values({ ...values, unitId: sql`(select u.id ${post})`, opdId: sql`(select coalesce(u.opd_id, u.id) ${post})` })
        .onConflictDoNothing()
        .returning();
      if (inserted) return { report: inserted, created: true };
      const [existing] = await db
        .select()
        .from(dailyReports)
        .where(and(eq(dailyReports.employeeId, values.employeeId), eq(dailyReports.date, values.date)))
        .for('update');
      if (!existing) throw new Error('daily report vanished');
      return { report: existing, created: false };
    },

    async update(id: number, values: Partial<typeof dailyReports.$inferInsert>): Promise<DailyReportRow> {
      const [r] = await db
        .update(dailyReports)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(dailyReports.id, id))
        .returning();
      if (!r) throw new Error('daily report vanished');
      return r;
    },

    async delete(id: number): Promise<void> {
      await db.delete(dailyReports).where(eq(dailyReports.id, id));
    },

    async activities(reportIds: readonly number[]): Promise<ActivityRow[]> {
      if (reportIds.length === 0) return [];
      return db
        .select()
        .from(dailyActivities)
        .where(inArray(dailyActivities.reportId, [...reportIds]))
        .orderBy(asc(dailyActivities.reportId), asc(dailyActivities.seq), asc(dailyActivities.id));
    },

    async insertActivities(values: NewActivity[]): Promise<ActivityRow[]> {
      if (values.length === 0) return [];
      return db.insert(dailyActivities).values(values).returning();
    },

    async updateActivity(id: number, values: Partial<NewActivity>): Promise<void> {
      await db
        .update(dailyActivities)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(dailyActivities.id, id));
    },

    async deleteActivities(ids: readonly number[]): Promise<void> {
      if (ids.length === 0) return;
      await db.delete(dailyActivities).where(inArray(dailyActivities.id, [...ids]));
    },

    /** Sets each activity's status (and note) in one statement. */
    async setActivityStatuses(list: ReadonlyArray<{ id: number; status: ActivityRow['status']; note: string | null }>): Promise<void> {
      if (list.length === 0) return;
      await db.execute(sql`update daily_activities a set status = v.status::daily_activity_status, note = v.note, updated_at = now()
        from unnest(${sql.param(list.map((l) => l.id))}::int[], ${sql.param(list.map((l) => l.status))}::text[],
                    ${sql.param(list.map((l) => l.note))}::text[]) as v(id, status, note)
        where a.id = v.id`);
    },

    async evidenceLinks(activityIds: readonly number[]): Promise<Array<{ activityId: number; evidence: EvidenceRow }>> {
      if (activityIds.length === 0) return [];
      const result = await db
        .select({ activityId: dailyActivityEvidence.activityId, evidence: evidenceFiles })
        .from(dailyActivityEvidence)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, dailyActivityEvidence.evidenceId))
        .where(inArray(dailyActivityEvidence.activityId, [...activityIds]))
        .orderBy(asc(dailyActivityEvidence.activityId), asc(evidenceFiles.id));
      return result;
    },

    async replaceEvidenceLinks(links: ReadonlyArray<{ activityId: number; evidenceIds: readonly number[] }>): Promise<void> {
      const ids = links.map((l) => l.activityId);
      if (ids.length === 0) return;
      await db.delete(dailyActivityEvidence).where(inArray(dailyActivityEvidence.activityId, ids));
      await insertEvidenceLinks(links);
    },

    /** Links evidence to activities that have none yet (just inserted): no delete needed. */
    insertEvidenceLinks,

    /** Display names (with gelar) of employees. */
    async names(ids: readonly number[]): Promise<Map<number, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const result = await rows<{ id: number; name: string }>(
        db,
        sql`select e.id, concat_ws('', e.gelar_depan || ' ', e.name, ', ' || e.gelar_belakang) as name
            from employees e where e.id = any(${sql.param(unique)}::int[])`,
      );
      return new Map(result.map((r) => [r.id, r.name]));
    },

    async summaries(where: ReturnType<typeof sql>, opts: { limit: number; offset: number; order?: 'asc' | 'desc' }) {
      const result = await rows<SummaryRow & { total: number }>(
        db,
        sql`select ${summaryColumns}, count(*) over ()::int as total
            from daily_reports r join employees e on e.id = r.employee_id
            where ${where}
            order by r.date ${opts.order === 'asc' ? sql`asc` : sql`desc`}, r.id
            limit ${opts.limit} offset ${opts.offset}`,
      );
      return { rows: result, total: result[0]?.total ?? 0 };
    },

    /** Reports of one employee on the given dates (the reporting window). */
    async byEmployeeDates(employeeId: number, dates: readonly string[]): Promise<DailyReportRow[]> {
      if (dates.length === 0) return [];
      return db
        .select()
        .from(dailyReports)
        .where(and(eq(dailyReports.employeeId, employeeId), inArray(dailyReports.date, [...dates])));
    },

    /**
     * Recent distinct activities of an employee for one-tap reuse: the same description (case
     * and spacing aside) with the same RHK/indicator counts once, newest first.
     */
    async templates(employeeId: number, since: string, limit: number) {
      return rows<{
        description: string;
        minutes: number;
        startTime: string | null;
        endTime: string | null;
        rhkId: number | null;
        indicatorId: number | null;
        outputQuantity: number | null;
        outputUnit: string | null;
        lastUsed: string;
        uses: number;
      }>(
        db,
        sql`select * from (
              select distinct on (lower(btrim(a.description)), a.indicator_id, a.rhk_id)
                a.description, a.minutes::int as minutes, to_char(a.start_time, 'HH24:MI') as "startTime",
                to_char(a.end_time, 'HH24:MI') as "endTime", a.rhk_id as "rhkId", a.indicator_id as "indicatorId",
                a.output_quantity::float8 as "outputQuantity", a.output_unit as "outputUnit", a.date::text as "lastUsed",
                (count(*) over (partition by lower(btrim(a.description)), a.indicator_id, a.rhk_id))::int as uses
              from daily_activities a
              where a.employee_id = ${employeeId} and a.date >= ${since}::date
              order by lower(btrim(a.description)), a.indicator_id, a.rhk_id, a.date desc, a.id desc
            ) t order by t."lastUsed" desc, t.uses desc limit ${limit}`,
      );
    },
  };
}

export type DailyReportsRepository = ReturnType<typeof dailyReportsRepository>;
