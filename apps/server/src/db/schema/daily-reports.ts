import { sql } from 'drizzle-orm';
import {
  check,
  char,
  date,
  index,
  integer,
  jsonb,
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
import { skpIndicators, skpRhks } from './skp.js';

/**
 * Laporan aktivitas harian (issue 4; reference §3.4): one report per employee per working day,
 * its activities (minutes, output, the RHK/indicator served, evidence), the atasan's decision,
 * the atasan's follow-up records (note, pembinaan, dialog kinerja) and the idempotency keys that
 * make retried submissions safe.
 */

export const dailyReportStatus = pgEnum('daily_report_status', ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED']);
export const dailyActivityStatus = pgEnum('daily_activity_status', ['PENDING', 'VERIFIED', 'RETURNED']);
export const supervisionKind = pgEnum('supervision_kind', ['NOTE', 'PEMBINAAN', 'DIALOG_KINERJA']);

export const dailyReports = pgTable(
  'daily_reports',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    date: date({ mode: 'string' }).notNull(),
    status: dailyReportStatus().notNull().default('DRAFT'),
    /** The employee's definitive unit and its OPD on `date` (snapshot for adoption counts). */
    unitId: integer().references(() => orgUnits.id),
    opdId: integer().references(() => orgUnits.id),
    /** The atasan of `date` when last submitted (Plh > Plt > definitive): whose queue it is in. */
    verifierEmployeeId: integer().references(() => employees.id),
    totalMinutes: integer().notNull().default(0),
    activityCount: smallint().notNull().default(0),
    firstSubmittedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByEmployeeId: integer().references(() => employees.id),
    returnNote: varchar({ length: 1000 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('daily_reports_employee_date_uq').on(t.employeeId, t.date),
    index('daily_reports_instansi_date_idx').on(t.instansiId, t.date, t.opdId, t.status),
    index('daily_reports_pending_idx').on(t.verifierEmployeeId, t.date).where(sql`${t.status} = 'SUBMITTED'`),
    // Returned days are few; the team view looks up each member's oldest one.
    index('daily_reports_returned_idx').on(t.employeeId, t.date).where(sql`${t.status} = 'RETURNED'`),
    index('daily_reports_decided_idx').on(t.decidedByEmployeeId, t.decidedAt),
    index().on(t.unitId),
    index().on(t.opdId),
    check('daily_reports_minutes_ck', sql`${t.totalMinutes} between 0 and 1440`),
  ],
);

export const dailyActivities = pgTable(
  'daily_activities',
  {
    id: id(),
    reportId: integer()
      .notNull()
      .references(() => dailyReports.id, { onDelete: 'cascade' }),
    /** Copies of the report's employee and date, for roll-ups and templates without a join. */
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    date: date({ mode: 'string' }).notNull(),
    seq: smallint().notNull(),
    startTime: time({ precision: 0 }),
    endTime: time({ precision: 0 }),
    minutes: smallint().notNull(),
    description: varchar({ length: 1000 }).notNull(),
    /** RHK / indicator of the employee's approved SKP; null = not linked (no approved SKP yet). */
    rhkId: integer().references(() => skpRhks.id, { onDelete: 'set null' }),
    indicatorId: integer().references(() => skpIndicators.id, { onDelete: 'set null' }),
    outputQuantity: numeric({ precision: 12, scale: 2, mode: 'number' }),
    outputUnit: varchar({ length: 60 }),
    status: dailyActivityStatus().notNull().default('PENDING'),
    /** The atasan's note when this activity was returned. */
    note: varchar({ length: 1000 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.reportId),
    index('daily_activities_employee_date_idx').on(t.employeeId, t.date),
    index('daily_activities_indicator_idx').on(t.indicatorId, t.date),
    index().on(t.rhkId),
    check('daily_activities_minutes_ck', sql`${t.minutes} between 1 and 1440`),
  ],
);

export const dailyActivityEvidence = pgTable(
  'daily_activity_evidence',
  {
    activityId: integer()
      .notNull()
      .references(() => dailyActivities.id, { onDelete: 'cascade' }),
    evidenceId: integer()
      .notNull()
      .references(() => evidenceFiles.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.evidenceId] }), index().on(t.evidenceId)],
);

/** What an atasan did about an alert: a note to the employee, pembinaan, or a dialog kinerja. */
export const supervisionRecords = pgTable(
  'supervision_records',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    authorEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    kind: supervisionKind().notNull(),
    /** The alert that led to it (NO_REPORT, RETURNED_NOT_FIXED, BEHIND), if any. */
    alertKind: varchar({ length: 40 }),
    heldOn: date({ mode: 'string' }).notNull(),
    body: varchar({ length: 4000 }).notNull(),
    /** Agreed follow-up (rencana tindak lanjut / kesepakatan). */
    followUp: varchar({ length: 2000 }),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_records_employee_idx').on(t.employeeId, t.heldOn), index().on(t.authorEmployeeId), index().on(t.instansiId)],
);

/**
 * Idempotency keys per user: a retried or double-tapped request with the same key gets the
 * stored answer instead of doing the work again. `fingerprint` is a hash of the route and body,
 * so the same key with a different request is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    key: varchar({ length: 100 }).notNull(),
    fingerprint: char({ length: 64 }).notNull(),
    statusCode: smallint().notNull(),
    response: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
