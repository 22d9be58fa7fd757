import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { trainingAttendance, trainingEnrolments } from '../../db/schema/index.js';

export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;
export type AttendanceRow = typeof trainingAttendance.$inferSelect;

/** Places on sessions and their attendance. */
export function enrolmentsRepository(db: DbOrTx) {
  return {
    async find(instansiId: number, id: number): Promise<EnrolmentRow | undefined> {
      const [row] = await db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.instansiId, instansiId), eq(trainingEnrolments.id, id)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<EnrolmentRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(trainingEnrolments).where(inArray(trainingEnrolments.id, [...ids]));
    },

    async lock(id: number): Promise<EnrolmentRow | undefined> {
      const [row] = await db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id)).for('update');
      return row;
    },

    async insertMany(values: (typeof trainingEnrolments.$inferInsert)[]): Promise<EnrolmentRow[]> {
      if (values.length === 0) return [];
      return db.insert(trainingEnrolments).values(values).returning();
    },

    async update(id: number, patch: Partial<typeof trainingEnrolments.$inferInsert>): Promise<EnrolmentRow> {
      const [row] = await db.update(trainingEnrolments).set({ ...patch, updatedAt: new Date() }).where(eq(trainingEnrolments.id, id)).returning();
      if (!row) throw new Error('enrolment update returned nothing');
      return row;
    },

    /** Active places (requested or enrolled) on the course, or any place on the session, of these people. */
    async clashes(courseId: number, sessionId: number, employeeIds: readonly number[]): Promise<EnrolmentRow[]> {
      if (employeeIds.length === 0) return [];
      return db
        .select()
        .from(trainingEnrolments)
        .where(
          and(
            inArray(trainingEnrolments.employeeId, [...employeeIds]),
            or(
              and(eq(trainingEnrolments.courseId, courseId), inArray(trainingEnrolments.status, ['REQUESTED', 'ENROLLED'])),
              and(eq(trainingEnrolments.sessionId, sessionId), inArray(trainingEnrolments.status, ['REQUESTED', 'ENROLLED', 'COMPLETED', 'INCOMPLETE'])),
            ),
          ),
        );
    },

    async forSession(sessionId: number): Promise<EnrolmentRow[]> {
      return db.select().from(trainingEnrolments).where(eq(trainingEnrolments.sessionId, sessionId)).orderBy(asc(trainingEnrolments.id));
    },

    async forSessions(sessionIds: readonly number[], statuses: readonly EnrolmentRow['status'][]): Promise<EnrolmentRow[]> {
      if (sessionIds.length === 0) return [];
      return db
        .select()
        .from(trainingEnrolments)
        .where(and(inArray(trainingEnrolments.sessionId, [...sessionIds]), inArray(trainingEnrolments.status, [...statuses])));
    },

    /** The places of one employee (all, or those of sessions in a year), newest session first. */
    async forEmployee(employeeId: number, year?: number): Promise<EnrolmentRow[]> {
      const conds = [eq(trainingEnrolments.employeeId, employeeId)];
      if (year !== undefined) {
        conds.push(
          sql`${trainingEnrolments.sessionId} in (select id from training_sessions s where s.start_date <= ${`${year}-12-31`}::date and s.end_date >= ${`${year}-01-01`}::date)`,
        );
      }
      return db.select().from(trainingEnrolments).where(and(...conds)).orderBy(desc(trainingEnrolments.id)).limit(200);
    },

    /** My places on these sessions (for the catalogue's "you are enrolled" marks). */
    async mineOn(employeeId: number, sessionIds: readonly number[]): Promise<EnrolmentRow[]> {
      if (sessionIds.length === 0) return [];
      return db
        .select()
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.employeeId, employeeId), inArray(trainingEnrolments.sessionId, [...sessionIds])))
        .orderBy(desc(trainingEnrolments.id));
    },

    /** Requests waiting for this approver (or, with `orphans`, requests nobody was named for). */
    async toDecide(instansiId: number, approverId: number | null, orphans: boolean): Promise<EnrolmentRow[]> {
      const who = [];
      if (approverId !== null) who.push(eq(trainingEnrolments.approverEmployeeId, approverId));
      if (orphans) who.push(isNull(trainingEnrolments.approverEmployeeId));
      if (who.length === 0) return [];
      return db
        .select()
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.instansiId, instansiId), eq(trainingEnrolments.status, 'REQUESTED'), or(...who)))
        .orderBy(asc(trainingEnrolments.requestedAt))
        .limit(200);
    },

    /** Requests waiting per approver among the given approvers. */
    async requestsWaiting(employeeIds: readonly number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (employeeIds.length === 0) return out;
      const result = await rows<{ id: number; n: number }>(
        db,
        sql`select employee_id as id, count(*)::int as n from training_enrolments
            where status = 'REQUESTED' and employee_id = any(${sql.param([...employeeIds])}::int[]) group by employee_id`,
      );
      for (const r of result) out.set(r.id, r.n);
      return out;
    },

    async attendanceOf(enrolmentIds: readonly number[]): Promise<Map<number, string[]>> {
      const out = new Map<number, string[]>();
      if (enrolmentIds.length === 0) return out;
      const result = await db
        .select({ enrolmentId: trainingAttendance.enrolmentId, date: trainingAttendance.date })
        .from(trainingAttendance)
        .where(inArray(trainingAttendance.enrolmentId, [...enrolmentIds]))
        .orderBy(asc(trainingAttendance.date));
      for (const r of result) out.set(r.enrolmentId, [...(out.get(r.enrolmentId) ?? []), r.date]);
      return out;
    },

    /** Records attendance; returns the rows that were new (an existing day is left as it was). */
    async addAttendance(values: (typeof trainingAttendance.$inferInsert)[]): Promise<AttendanceRow[]> {
      if (values.length === 0) return [];
      return db.insert(trainingAttendance).values(values).onConflictDoNothing().returning();
    },

    async removeAttendance(enrolmentIds: readonly number[], date: string): Promise<AttendanceRow[]> {
      if (enrolmentIds.length === 0) return [];
      return db
        .delete(trainingAttendance)
        .where(and(inArray(trainingAttendance.enrolmentId, [...enrolmentIds]), eq(trainingAttendance.date, date)))
        .returning();
    },

    /** Cancels the open places of a session (cancelled session); returns them. */
    async cancelOpen(sessionId: number, userId: number, at: Date): Promise<EnrolmentRow[]> {
      return db
        .update(trainingEnrolments)
        .set({ status: 'CANCELLED', cancelledAt: at, cancelledByUserId: userId, updatedAt: at })
        .where(and(eq(trainingEnrolments.sessionId, sessionId), inArray(trainingEnrolments.status, ['REQUESTED', 'ENROLLED'])))
        .returning();
    },
  };
}

/** PostgreSQL unique violation (two requests for the same place at once). */
export function isUniqueViolation(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if ('code' in e && (e as { code: unknown }).code === '23505') return true;
    e = 'cause' in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
