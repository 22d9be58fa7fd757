import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { trainingCourseOrganisers, trainingCourses, trainingSessions } from '../../db/schema/index.js';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;
export interface OrganiserRow {
  courseId: number;
  unitId: number;
  name: string;
  isLead: boolean;
}

export interface CourseFilter {
  q?: string;
  kind?: CourseRow['kind'];
  behaviour?: string;
  includeInactive: boolean;
}

/** Courses, their organising units and their sessions. */
export function catalogueRepository(db: DbOrTx) {
  return {
    async listCourses(instansiId: number, f: CourseFilter): Promise<CourseRow[]> {
      const conds = [eq(trainingCourses.instansiId, instansiId)];
      if (!f.includeInactive) conds.push(eq(trainingCourses.active, true));
      if (f.kind) conds.push(eq(trainingCourses.kind, f.kind));
      if (f.behaviour) conds.push(sql`${f.behaviour}::berakhlak = any(${trainingCourses.behaviours})`);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(
          sql`(${trainingCourses.title} ilike ${like} or ${trainingCourses.organiser} ilike ${like}
               or array_to_string(${trainingCourses.competencies}, ' ') ilike ${like})`,
        );
      }
      return db.select().from(trainingCourses).where(and(...conds)).orderBy(asc(trainingCourses.title), asc(trainingCourses.id)).limit(500);
    },

    async findCourse(instansiId: number, id: number): Promise<CourseRow | undefined> {
      const [row] = await db.select().from(trainingCourses).where(and(eq(trainingCourses.instansiId, instansiId), eq(trainingCourses.id, id)));
      return row;
    },

    async findCourses(instansiId: number, ids: readonly number[]): Promise<CourseRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(trainingCourses).where(and(eq(trainingCourses.instansiId, instansiId), inArray(trainingCourses.id, [...ids])));
    },

    async insertCourse(values: typeof trainingCourses.$inferInsert): Promise<CourseRow> {
      const [row] = await db.insert(trainingCourses).values(values).returning();
      if (!row) throw new Error('course insert returned nothing');
      return row;
    },

    async updateCourse(id: number, patch: Partial<typeof trainingCourses.$inferInsert>): Promise<CourseRow> {
      const [row] = await db.update(trainingCourses).set({ ...patch, updatedAt: new Date() }).where(eq(trainingCourses.id, id)).returning();
      if (!row) throw new Error('course update returned nothing');
      return row;
    },

    async organisersOf(courseIds: readonly number[]): Promise<OrganiserRow[]> {
      if (courseIds.length === 0) return [];
      return rows<OrganiserRow>(
        db,
        sql`select o.course_id as "courseId", o.unit_id as "unitId", u.name, o.is_lead as "isLead"
            from training_course_organisers o join org_units u on u.id = o.unit_id
            where o.course_id = any(${sql.param([...courseIds])}::int[])
            order by o.course_id, o.is_lead desc, u.name`,
      );
    },

    async replaceOrganisers(courseId: number, unitIds: readonly number[]): Promise<void> {
      await db.delete(trainingCourseOrganisers).where(eq(trainingCourseOrganisers.courseId, courseId));
      await db.insert(trainingCourseOrganisers).values(unitIds.map((unitId, i) => ({ courseId, unitId, isLead: i === 0 })));
    },

    /** Units of the instansi among the ids. */
    async unitsIn(instansiId: number, unitIds: readonly number[]): Promise<Set<number>> {
      if (unitIds.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select id from org_units where instansi_id = ${instansiId} and id = any(${sql.param([...unitIds])}::int[])`,
      );
      return new Set(result.map((r) => r.id));
    },

    /** Sessions of the courses that end on or after `since`, by start. */
    async sessionsOf(courseIds: readonly number[], since: string): Promise<SessionRow[]> {
      if (courseIds.length === 0) return [];
      return db
        .select()
        .from(trainingSessions)
        .where(and(inArray(trainingSessions.courseId, [...courseIds]), sql`${trainingSessions.endDate} >= ${since}::date`))
        .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.startTime), asc(trainingSessions.id));
    },

    async findSession(instansiId: number, id: number): Promise<SessionRow | undefined> {
      const [row] = await db.select().from(trainingSessions).where(and(eq(trainingSessions.instansiId, instansiId), eq(trainingSessions.id, id)));
      return row;
    },

    async findSessions(ids: readonly number[]): Promise<SessionRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(trainingSessions).where(inArray(trainingSessions.id, [...ids]));
    },

    /** Locks the session row: enrolments and decisions on one session queue behind each other. */
    async lockSession(id: number): Promise<SessionRow | undefined> {
      const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
      return row;
    },

    async insertSession(values: typeof trainingSessions.$inferInsert): Promise<SessionRow> {
      const [row] = await db.insert(trainingSessions).values(values).returning();
      if (!row) throw new Error('session insert returned nothing');
      return row;
    },

    async updateSession(id: number, patch: Partial<typeof trainingSessions.$inferInsert>): Promise<SessionRow> {
      const [row] = await db.update(trainingSessions).set({ ...patch, updatedAt: new Date() }).where(eq(trainingSessions.id, id)).returning();
      if (!row) throw new Error('session update returned nothing');
      return row;
    },

    /** Seats held per session (ENROLLED, COMPLETED, INCOMPLETE). */
    async seatsTaken(sessionIds: readonly number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (sessionIds.length === 0) return out;
      const result = await rows<{ sessionId: number; n: number }>(
        db,
        sql`select session_id as "sessionId", count(*)::int as n from training_enrolments
            where session_id = any(${sql.param([...sessionIds])}::int[]) and status in ('ENROLLED', 'COMPLETED', 'INCOMPLETE')
            group by session_id`,
      );
      for (const r of result) out.set(r.sessionId, r.n);
      return out;
    },
  };
}
