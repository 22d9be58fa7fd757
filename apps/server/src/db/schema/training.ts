import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  time,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common.js';
import { instansi } from './instansi.js';
import { employees, orgUnits } from './org.js';
import { users } from './auth.js';
import { evidenceFiles } from './evidence.js';
import { berakhlak } from './skp.js';

/**
 * Pengembangan kompetensi (issue 6; reference §8.3: at least 20 JP a year): the catalogue of
 * trainings run by one or more OPDs, their sessions, places (requested, approved, enrolled),
 * attendance per day (QR or tick list), completion with certificate, external training verified
 * by an admin, and the development needs that follow from SKP evaluations and complaints.
 */

export const trainingKind = pgEnum('training_kind', ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL']);
export const trainingMode = pgEnum('training_mode', ['KLASIKAL', 'DARING', 'ON_THE_JOB']);
export const trainingEnrolmentStatus = pgEnum('training_enrolment_status', [
  'REQUESTED',
  'ENROLLED',
  'COMPLETED',
  'INCOMPLETE',
  'REJECTED',
  'CANCELLED',
]);
export const trainingAttendanceMethod = pgEnum('training_attendance_method', ['QR', 'LIST']);
export const trainingExternalStatus = pgEnum('training_external_status', ['PENDING', 'VERIFIED', 'REJECTED']);
export const trainingNeedSource = pgEnum('training_need_source', ['SKP_PERILAKU', 'SKP_HASIL_KERJA', 'KELUHAN', 'MANUAL']);
export const trainingNeedStatus = pgEnum('training_need_status', ['OPEN', 'CLOSED', 'WITHDRAWN']);

/** A training or workshop in the catalogue. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    title: varchar({ length: 200 }).notNull(),
    description: varchar({ length: 2000 }),
    kind: trainingKind().notNull(),
    mode: trainingMode().notNull(),
    jp: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** Who runs it, as shown to participants (e.g. "BKPSDM bersama Dinas Kesehatan"). */
    organiser: varchar({ length: 200 }).notNull(),
    /** BerAKHLAK behaviours it develops. */
    behaviours: berakhlak().array().notNull().default(sql`'{}'`),
    /** Competencies it develops, in words (matched against development needs). */
    competencies: varchar({ length: 100 }).array().notNull().default(sql`'{}'`),
    active: boolean().notNull().default(true),
    createdByUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.instansiId, t.active),
    index().on(t.createdByUserId),
    check('training_courses_jp_ck', sql`${t.jp} > 0 and ${t.jp} <= 500`),
  ],
);

/** The OPDs (units) that organise a course together; their admins manage it. */
export const trainingCourseOrganisers = pgTable(
  'training_course_organisers',
  {
    courseId: integer()
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    isLead: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.unitId] }), index().on(t.unitId)],
);

/** One run of a course: every day from start to end date, between the times, in one place. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    courseId: integer()
      .notNull()
      .references(() => trainingCourses.id),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    place: varchar({ length: 200 }).notNull(),
    capacity: integer().notNull(),
    /** Key of the rotating attendance QR code (HMAC); never sent to participants. */
    qrSecret: varchar({ length: 64 }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdByUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.courseId),
    index().on(t.instansiId, t.startDate),
    index().on(t.createdByUserId),
    check('training_sessions_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('training_sessions_times_ck', sql`${t.endTime} > ${t.startTime}`),
    check('training_sessions_capacity_ck', sql`${t.capacity} between 1 and 10000`),
  ],
);

/** Development need of one employee in one year (one development area). */
export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    year: smallint().notNull(),
    /** `behaviour:<BERAKHLAK>`, `rhk:<id>`, `hasil-kerja`, `perilaku` or `manual:<uuid>`. */
    areaKey: varchar({ length: 80 }).notNull(),
    source: trainingNeedSource().notNull(),
    behaviour: berakhlak(),
    competency: varchar({ length: 500 }),
    note: varchar({ length: 1000 }),
    status: trainingNeedStatus().notNull().default('OPEN'),
    /** The course agreed in the plan for this need. */
    plannedCourseId: integer().references(() => trainingCourses.id),
    agreedAt: timestamp({ withTimezone: true }),
    agreedByEmployeeId: integer().references(() => employees.id),
    closedAt: timestamp({ withTimezone: true }),
    /**
     * The completed place or verified external training that closed it. Plain ids, not foreign
     * keys: those tables point here (`needId`), and the backup restores tables in foreign-key order.
     */
    closedByEnrolmentId: integer(),
    closedByExternalId: integer(),
    withdrawnNote: varchar({ length: 1000 }),
    createdByUserId: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_needs_open_area_uq').on(t.employeeId, t.year, t.areaKey).where(sql`${t.status} = 'OPEN'`),
    index().on(t.employeeId, t.year),
    index().on(t.instansiId, t.status),
    index().on(t.plannedCourseId),
    index().on(t.agreedByEmployeeId),
    index().on(t.closedByEnrolmentId),
    index().on(t.closedByExternalId),
    index().on(t.createdByUserId),
  ],
);

/** Each weakness turned into a need, once (`sourceKey` e.g. `skp:12:behaviour:AKUNTABEL`, `complaint:7`). */
export const trainingNeedSources = pgTable(
  'training_need_sources',
  {
    id: id(),
    needId: integer()
      .notNull()
      .references(() => trainingNeeds.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    sourceKey: varchar({ length: 80 }).notNull(),
    /** What the source says, for the plan page (period and rating, or complaint code). */
    label: varchar({ length: 300 }).notNull(),
    occurredOn: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('training_need_sources_uq').on(t.employeeId, t.sourceKey), index().on(t.needId)],
);

/** A place on a session. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    courseId: integer()
      .notNull()
      .references(() => trainingCourses.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    status: trainingEnrolmentStatus().notNull(),
    /** The development need the place is for (optional). */
    needId: integer().references(() => trainingNeeds.id),
    requestNote: varchar({ length: 500 }),
    /** Who must decide a request: the employee's supervisor when it was made. */
    approverEmployeeId: integer().references(() => employees.id),
    requestedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByEmployeeId: integer().references(() => employees.id),
    decisionNote: varchar({ length: 500 }),
    enrolledByUserId: integer().references(() => users.id),
    enrolledAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledByUserId: integer().references(() => users.id),
    completedAt: timestamp({ withTimezone: true }),
    completedByUserId: integer().references(() => users.id),
    /** Last day of the session: the JP count in this year. */
    completedOn: date({ mode: 'string' }),
    certificateEvidenceId: integer().references(() => evidenceFiles.id),
    /** JP earned (the course's JP when completed). */
    jp: numeric({ precision: 5, scale: 1, mode: 'number' }),
    completionNote: varchar({ length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_enrolments_session_uq')
      .on(t.sessionId, t.employeeId)
      .where(sql`${t.status} in ('REQUESTED', 'ENROLLED', 'COMPLETED', 'INCOMPLETE')`),
    uniqueIndex('training_enrolments_course_active_uq').on(t.courseId, t.employeeId).where(sql`${t.status} in ('REQUESTED', 'ENROLLED')`),
    index('training_enrolments_jp_idx').on(t.employeeId, t.completedOn).where(sql`${t.status} = 'COMPLETED'`),
    index().on(t.sessionId, t.status),
    index().on(t.courseId),
    index().on(t.approverEmployeeId, t.status),
    index().on(t.instansiId),
    index().on(t.needId),
    index().on(t.decidedByEmployeeId),
    index().on(t.enrolledByUserId),
    index().on(t.cancelledByUserId),
    index().on(t.completedByUserId),
    index().on(t.certificateEvidenceId),
  ],
);

/** Attendance of one participant on one day of a session. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: id(),
    enrolmentId: integer()
      .notNull()
      .references(() => trainingEnrolments.id),
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    date: date({ mode: 'string' }).notNull(),
    method: trainingAttendanceMethod().notNull(),
    recordedByUserId: integer()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('training_attendance_uq').on(t.enrolmentId, t.date),
    index().on(t.sessionId, t.date),
    index().on(t.employeeId),
    index().on(t.recordedByUserId),
  ],
);

/** Training outside the catalogue, added by the employee with a certificate; JP count once verified. */
export const trainingExternal = pgTable(
  'training_external',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    title: varchar({ length: 200 }).notNull(),
    organiser: varchar({ length: 200 }).notNull(),
    kind: trainingKind().notNull(),
    mode: trainingMode().notNull(),
    behaviours: berakhlak().array().notNull().default(sql`'{}'`),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    jp: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    certificateEvidenceId: integer()
      .notNull()
      .references(() => evidenceFiles.id),
    needId: integer().references(() => trainingNeeds.id),
    status: trainingExternalStatus().notNull().default('PENDING'),
    submittedByUserId: integer()
      .notNull()
      .references(() => users.id),
    decidedByUserId: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: varchar({ length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.employeeId, t.status),
    index().on(t.instansiId, t.status),
    index().on(t.certificateEvidenceId),
    index().on(t.needId),
    index().on(t.submittedByUserId),
    index().on(t.decidedByUserId),
    check('training_external_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('training_external_jp_ck', sql`${t.jp} > 0 and ${t.jp} <= 500`),
  ],
);

/** The supervisor's agreement to an employee's development plan for a year. */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    year: smallint().notNull(),
    agreedAt: timestamp({ withTimezone: true }).notNull(),
    agreedByEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    note: varchar({ length: 1000 }),
  },
  (t) => [uniqueIndex('training_plans_uq').on(t.employeeId, t.year), index().on(t.agreedByEmployeeId), index().on(t.instansiId)],
);
