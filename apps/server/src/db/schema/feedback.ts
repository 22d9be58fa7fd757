import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common.js';
import { instansi } from './instansi.js';
import { employees, orgUnits, sex } from './org.js';
import { users } from './auth.js';

/**
 * Citizen feedback (issue 5): the holiday calendar for hari-kerja deadlines, service points with
 * their public survey link, SKM answers (PermenPANRB 14/2017), complaints (SP4N-LAPOR! flow) with
 * their history, and the alerts supervisors must follow up. The complainant's identity lives in
 * its own table (`complaint_contacts`) that only one repository function reads.
 */

export const holidayKind = pgEnum('holiday_kind', ['NASIONAL', 'CUTI_BERSAMA', 'DAERAH']);

/** Days off per instansi: libur nasional and cuti bersama (SKB 3 Menteri) and local ones. */
export const holidays = pgTable(
  'holidays',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    date: date({ mode: 'string' }).notNull(),
    name: varchar({ length: 120 }).notNull(),
    kind: holidayKind().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('holidays_instansi_date_uq').on(t.instansiId, t.date)],
);

/** A public service of a unit (KTP at Disdukcapil, a puskesmas service…) with its survey slug. */
export const servicePoints = pgTable(
  'service_points',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    name: varchar({ length: 200 }).notNull(),
    description: varchar({ length: 1000 }),
    /** Public link /survei/<slug>; unique across instansi because the URL carries no tenant. */
    slug: varchar({ length: 80 }).notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('service_points_slug_uq').on(t.slug), index().on(t.instansiId), index().on(t.unitId)],
);

/** Staff shown by name and jabatan on a service point's public page (chosen by admins). */
export const servicePointStaff = pgTable(
  'service_point_staff',
  {
    servicePointId: integer()
      .notNull()
      .references(() => servicePoints.id, { onDelete: 'cascade' }),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.servicePointId, t.employeeId] }), index().on(t.employeeId)],
);

const answer = () => smallint().notNull();

/**
 * One SKM questionnaire: nine answers 1–4 (U1 … U9), optional respondent profile and comment.
 * No address is stored: `clientHash` is a keyed hash of address, browser and WIB date that only
 * finds same-day duplicates and cannot be reversed or linked across days.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    servicePointId: integer()
      .notNull()
      .references(() => servicePoints.id),
    /** Unit of the service point at the time of the answer (reports stay stable if it moves). */
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    respondedOn: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
    u1: answer(),
    u2: answer(),
    u3: answer(),
    u4: answer(),
    u5: answer(),
    u6: answer(),
    u7: answer(),
    u8: answer(),
    u9: answer(),
    ageGroup: varchar({ length: 20 }),
    sex: sex(),
    education: varchar({ length: 20 }),
    job: varchar({ length: 30 }),
    comment: varchar({ length: 1000 }),
    servedByEmployeeId: integer().references(() => employees.id),
    lowScore: boolean().notNull().default(false),
    clientHash: varchar({ length: 64 }).notNull(),
    contentHash: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    index('survey_responses_sp_date_idx').on(t.servicePointId, t.respondedOn),
    index('survey_responses_instansi_date_idx').on(t.instansiId, t.respondedOn),
    index().on(t.unitId),
    index().on(t.servedByEmployeeId),
    index('survey_responses_client_idx').on(t.clientHash, t.contentHash),
    check(
      'survey_responses_answers_ck',
      sql`${t.u1} between 1 and 4 and ${t.u2} between 1 and 4 and ${t.u3} between 1 and 4 and ${t.u4} between 1 and 4
        and ${t.u5} between 1 and 4 and ${t.u6} between 1 and 4 and ${t.u7} between 1 and 4 and ${t.u8} between 1 and 4
        and ${t.u9} between 1 and 4`,
    ),
  ],
);

export const complaintStatus = pgEnum('complaint_status', [
  'DITERIMA',
  'DIVERIFIKASI',
  'DITOLAK',
  'DIDISPOSISIKAN',
  'DITINDAKLANJUTI',
  'SELESAI',
]);

/**
 * A public complaint. `anonymous` hides the complainant from every official; `confidential`
 * (rahasia, the default) keeps the content off public pages. `dueOn` is the deadline of the
 * current stage (null when final); `escalationLevel` counts the levels above the responsible
 * unit head that have been alerted.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    trackingCode: varchar({ length: 20 }).notNull(),
    /** sha256 of the secret token handed to the complainant with the tracking code. */
    tokenHash: varchar({ length: 64 }).notNull(),
    servicePointId: integer().references(() => servicePoints.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    handlingUnitId: integer().references(() => orgUnits.id),
    category: varchar({ length: 30 }).notNull(),
    description: varchar({ length: 4000 }).notNull(),
    /** Text shown to the named employee and on public pages, when the verifier redacted it. */
    redactedDescription: varchar({ length: 4000 }),
    subjectEmployeeId: integer().references(() => employees.id),
    anonymous: boolean().notNull().default(false),
    confidential: boolean().notNull().default(true),
    status: complaintStatus().notNull().default('DITERIMA'),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    verifyDueOn: date({ mode: 'string' }).notNull(),
    followUpDueOn: date({ mode: 'string' }),
    dueOn: date({ mode: 'string' }),
    escalationLevel: smallint().notNull().default(0),
    escalatedToEmployeeId: integer().references(() => employees.id),
    slaBreaches: smallint().notNull().default(0),
    reopenCount: smallint().notNull().default(0),
    lastFollowUpOn: date({ mode: 'string' }),
    closedOn: date({ mode: 'string' }),
    /** Hari kerja from receipt to the follow-up that closed it (set at selesai). */
    resolutionDays: integer(),
    rejectionReason: varchar({ length: 1000 }),
    duplicateOfId: integer().references((): AnyPgColumn => complaints.id),
    clientHash: varchar({ length: 64 }).notNull(),
    contentHash: varchar({ length: 64 }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaints_tracking_code_uq').on(t.trackingCode),
    index('complaints_instansi_status_idx').on(t.instansiId, t.status),
    index('complaints_instansi_received_idx').on(t.instansiId, t.receivedOn),
    index('complaints_due_idx').on(t.status, t.dueOn),
    index().on(t.servicePointId),
    index().on(t.unitId),
    index().on(t.handlingUnitId),
    index().on(t.subjectEmployeeId),
    index().on(t.escalatedToEmployeeId),
    index().on(t.duplicateOfId),
    index('complaints_content_idx').on(t.contentHash),
  ],
);

/** The complainant's contact. Read only through `complaintContactRepository.reveal` (audited). */
export const complaintContacts = pgTable('complaint_contacts', {
  complaintId: integer()
    .primaryKey()
    .references(() => complaints.id),
  name: varchar({ length: 120 }),
  phone: varchar({ length: 30 }),
  email: varchar({ length: 200 }),
});

/** Photos and files sent with a complaint; metadata stripped from images before storing. */
export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: id(),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    fileName: varchar({ length: 200 }).notNull(),
    mimeType: varchar({ length: 60 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    /** Base64 text rather than bytea: same value on both drivers and in the JSON backup. */
    contentBase64: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.complaintId)],
);

/** Every status change, escalation and reopen, with who did it and the note. */
export const complaintHistory = pgTable(
  'complaint_history',
  {
    id: id(),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: varchar({ length: 20 }).notNull(),
    fromStatus: complaintStatus(),
    toStatus: complaintStatus(),
    /** PELAPOR (the complainant; never identified here), PETUGAS or SISTEM. */
    actorKind: varchar({ length: 10 }).notNull(),
    actorUserId: integer().references(() => users.id),
    actorName: varchar({ length: 200 }),
    unitId: integer().references(() => orgUnits.id),
    employeeId: integer().references(() => employees.id),
    note: varchar({ length: 4000 }),
    /** Shown to the complainant on the tracking page. */
    visibleToComplainant: boolean().notNull().default(false),
  },
  (t) => [index('complaint_history_complaint_idx').on(t.complaintId, t.at), index().on(t.actorUserId), index().on(t.unitId), index().on(t.employeeId)],
);

/** The named employee has seen the complaint (never who made it) and may answer it. */
export const complaintResponses = pgTable(
  'complaint_responses',
  {
    complaintId: integer()
      .primaryKey()
      .references(() => complaints.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    acknowledgedAt: timestamp({ withTimezone: true }).notNull(),
    response: varchar({ length: 2000 }),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.employeeId)],
);

/**
 * A verified complaint attached to the named employee's evidence for the perilaku
 * "Berorientasi Pelayanan" (PermenPANRB 6/2022); read by the evaluation module.
 */
export const feedbackEvidence = pgTable(
  'feedback_evidence',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    aspect: varchar({ length: 40 }).notNull().default('BERORIENTASI_PELAYANAN'),
    note: varchar({ length: 1000 }),
    attachedByUserId: integer()
      .notNull()
      .references(() => users.id),
    attachedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('feedback_evidence_complaint_uq').on(t.complaintId), index().on(t.employeeId), index().on(t.instansiId), index().on(t.attachedByUserId)],
);

/**
 * A complaint or a low survey score that reached a supervisor and needs a recorded follow-up.
 * `responsibleEmployeeId`: the named staff member's direct supervisor, else the unit head.
 */
export const feedbackAlerts = pgTable(
  'feedback_alerts',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    kind: varchar({ length: 20 }).notNull(),
    complaintId: integer().references(() => complaints.id),
    surveyResponseId: integer().references(() => surveyResponses.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    subjectEmployeeId: integer().references(() => employees.id),
    responsibleEmployeeId: integer().references(() => employees.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    followUpNote: varchar({ length: 2000 }),
    followedUpAt: timestamp({ withTimezone: true }),
    followedUpByUserId: integer().references(() => users.id),
  },
  (t) => [
    index('feedback_alerts_instansi_open_idx').on(t.instansiId, t.followedUpAt),
    index().on(t.complaintId),
    index().on(t.surveyResponseId),
    index().on(t.unitId),
    index().on(t.subjectEmployeeId),
    index().on(t.responsibleEmployeeId),
    index().on(t.followedUpByUserId),
  ],
);

/**
 * Per-address counters of the public routes when PANTAU_PUBLIC_RATE_STORE=postgresql, so that
 * several server processes share one limit. `key` is a keyed hash of the action and the address
 * (never the address itself); one row per key and fixed window, pruned after two windows.
 */
export const publicRateCounters = pgTable(
  'public_rate_counters',
  {
    key: varchar({ length: 64 }).notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('public_rate_counters_window_idx').on(t.windowStart)],
);
