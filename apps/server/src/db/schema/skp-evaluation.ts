import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common.js';
import { instansi } from './instansi.js';
import { employees, orgUnits } from './org.js';
import { evidenceFiles } from './evidence.js';
import { users } from './auth.js';
import { berakhlak, skpIndicators, skpPeriods, skpRhks, skps } from './skp.js';

/**
 * Pelaksanaan and penilaian of the SKP (PermenPANRB 6/2022 Pasal 5 stages 2–3; SE MenPANRB
 * 3/2023; reference §1.6–§1.7): realisation with evidence, continuous feedback, dialog kinerja,
 * periodic and annual evaluations, organisation predikat, distribution overrides, objections and
 * the verifiable documents issued from them.
 */

export const skpRating = pgEnum('skp_rating', ['DI_ATAS', 'SESUAI', 'DI_BAWAH']);
export const predikatKinerja = pgEnum('predikat_kinerja', ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);
export const predikatOrganisasi = pgEnum('predikat_organisasi', ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);
export const skpEvaluationStatus = pgEnum('skp_evaluation_status', ['IN_PROGRESS', 'RATED', 'FINAL']);
export const skpObjectionStatus = pgEnum('skp_objection_status', ['PENDING', 'ACCEPTED', 'REJECTED']);
export const skpDocumentKind = pgEnum('skp_document_kind', ['SKP', 'EVALUASI']);

/** Realisasi of one indicator in one period, written by the employee. */
export const skpRealisations = pgTable(
  'skp_realisations',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    indicatorId: integer()
      .notNull()
      .references(() => skpIndicators.id),
    periodId: integer()
      .notNull()
      .references(() => skpPeriods.id),
    value: numeric({ precision: 14, scale: 2, mode: 'number' }),
    text: varchar({ length: 2000 }),
    updatedByEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('skp_realisations_uq').on(t.indicatorId, t.periodId),
    index().on(t.skpId, t.periodId),
    index().on(t.periodId),
    index().on(t.updatedByEmployeeId),
  ],
);

/** Bukti dukung: metadata only for now (the file store comes later), or a link. */
export const skpEvidence = pgTable(
  'skp_evidence',
  {
    id: id(),
    realisationId: integer()
      .notNull()
      .references(() => skpRealisations.id, { onDelete: 'cascade' }),
    fileName: varchar({ length: 255 }).notNull(),
    mimeType: varchar({ length: 100 }),
    sizeBytes: integer(),
    sha256: char({ length: 64 }),
    url: varchar({ length: 1000 }),
    storageKey: varchar({ length: 300 }),
    /** The uploaded file in the shared content-addressed evidence store (null for a link). */
    evidenceFileId: integer().references(() => evidenceFiles.id),
    uploadedByEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.realisationId), index().on(t.uploadedByEmployeeId), index().on(t.evidenceFileId)],
);

/** Umpan balik berkelanjutan: threads per RHK or per behaviour, optionally tied to a period. */
export const skpFeedback = pgTable(
  'skp_feedback',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    periodId: integer().references(() => skpPeriods.id),
    rhkId: integer().references(() => skpRhks.id),
    behaviour: berakhlak(),
    parentId: integer().references((): AnyPgColumn => skpFeedback.id),
    authorEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    body: varchar({ length: 2000 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.skpId, t.periodId),
    index().on(t.rhkId),
    index().on(t.parentId),
    index().on(t.periodId),
    index().on(t.authorEmployeeId),
  ],
);

/** Dialog kinerja notes (planning, mid-period review). */
export const skpDialogs = pgTable(
  'skp_dialogs',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    periodId: integer().references(() => skpPeriods.id),
    heldOn: date({ mode: 'string' }).notNull(),
    notes: varchar({ length: 4000 }).notNull(),
    agreements: varchar({ length: 2000 }),
    authorEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.skpId), index().on(t.periodId), index().on(t.authorEmployeeId)],
);

/** Justification recorded when a unit's distribution is finalised outside SE 3/2023. */
export const skpDistributionOverrides = pgTable(
  'skp_distribution_overrides',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    periodId: integer()
      .notNull()
      .references(() => skpPeriods.id),
    predikatOrganisasi: predikatOrganisasi().notNull(),
    justification: varchar({ length: 2000 }).notNull(),
    counts: jsonb().notNull(),
    violations: jsonb().notNull(),
    createdByEmployeeId: integer().references(() => employees.id),
    createdByUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.unitId, t.periodId), index().on(t.periodId), index().on(t.createdByEmployeeId), index().on(t.createdByUserId)],
);

/** Periodic or annual evaluation of one SKP (series) in one period. */
export const skpEvaluations = pgTable(
  'skp_evaluations',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    seriesId: integer()
      .notNull()
      .references(() => skps.id),
    /** The approved SKP version that was evaluated. */
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    periodId: integer()
      .notNull()
      .references(() => skpPeriods.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    status: skpEvaluationStatus().notNull().default('IN_PROGRESS'),
    selfAssessment: varchar({ length: 4000 }),
    selfAssessedAt: timestamp({ withTimezone: true }),
    hasilKerjaRating: skpRating(),
    hasilKerjaReason: varchar({ length: 2000 }),
    perilakuRating: skpRating(),
    perilakuReason: varchar({ length: 2000 }),
    predikat: predikatKinerja(),
    ruleSetId: varchar({ length: 60 }),
    catatan: varchar({ length: 2000 }),
    penilaiEmployeeId: integer().references(() => employees.id),
    atasanPenilaiEmployeeId: integer().references(() => employees.id),
    ratedAt: timestamp({ withTimezone: true }),
    locked: boolean().notNull().default(false),
    finalisedAt: timestamp({ withTimezone: true }),
    finalisedByEmployeeId: integer().references(() => employees.id),
    overrideId: integer().references(() => skpDistributionOverrides.id),
    acknowledgedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('skp_evaluations_uq').on(t.seriesId, t.periodId),
    index().on(t.periodId, t.unitId),
    index().on(t.skpId),
    index().on(t.employeeId),
    index().on(t.unitId),
    index().on(t.penilaiEmployeeId),
    index().on(t.atasanPenilaiEmployeeId),
    index().on(t.finalisedByEmployeeId),
    index().on(t.overrideId),
  ],
);

/** Per-RHK and per-behaviour ratings behind an evaluation (strengths and weaknesses). */
export const skpEvaluationItems = pgTable(
  'skp_evaluation_items',
  {
    id: id(),
    evaluationId: integer()
      .notNull()
      .references(() => skpEvaluations.id, { onDelete: 'cascade' }),
    rhkId: integer().references(() => skpRhks.id),
    behaviour: berakhlak(),
    rating: skpRating().notNull(),
    note: varchar({ length: 1000 }),
  },
  (t) => [
    index().on(t.evaluationId),
    index().on(t.rhkId),
    uniqueIndex('skp_evaluation_items_rhk_uq').on(t.evaluationId, t.rhkId).where(sql`${t.rhkId} is not null`),
    uniqueIndex('skp_evaluation_items_behaviour_uq').on(t.evaluationId, t.behaviour).where(sql`${t.behaviour} is not null`),
  ],
);

/** Predikat kinerja organisasi of a unit for a period, set by the leader one level up. */
export const skpOrgPredikat = pgTable(
  'skp_org_predikat',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    periodId: integer()
      .notNull()
      .references(() => skpPeriods.id),
    predikat: predikatOrganisasi().notNull(),
    note: varchar({ length: 1000 }),
    setByEmployeeId: integer().references(() => employees.id),
    setByUserId: integer()
      .notNull()
      .references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('skp_org_predikat_uq').on(t.unitId, t.periodId),
    index().on(t.periodId),
    index().on(t.instansiId),
    index().on(t.setByEmployeeId),
    index().on(t.setByUserId),
  ],
);

/** Keberatan against a final evaluation, decided by the atasan pejabat penilai. */
export const skpObjections = pgTable(
  'skp_objections',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    evaluationId: integer()
      .notNull()
      .references(() => skpEvaluations.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    reason: varchar({ length: 4000 }).notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decisionDue: date({ mode: 'string' }).notNull(),
    deciderEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    status: skpObjectionStatus().notNull().default('PENDING'),
    decisionNote: varchar({ length: 4000 }),
    decidedAt: timestamp({ withTimezone: true }),
    previousPredikat: predikatKinerja(),
    newPredikat: predikatKinerja(),
  },
  (t) => [
    uniqueIndex('skp_objections_evaluation_uq').on(t.evaluationId),
    index().on(t.employeeId),
    index().on(t.deciderEmployeeId, t.status),
    index().on(t.instansiId),
  ],
);

/** An issued PDF: the QR code carries `code`; verification compares the stored hash. */
export const skpDocuments = pgTable(
  'skp_documents',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    code: varchar({ length: 40 }).notNull(),
    kind: skpDocumentKind().notNull(),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    evaluationId: integer().references(() => skpEvaluations.id),
    sha256: char({ length: 64 }).notNull(),
    summary: jsonb().notNull(),
    generatedByUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('skp_documents_code_uq').on(t.code),
    index().on(t.skpId),
    index().on(t.evaluationId),
    index().on(t.instansiId),
    index().on(t.generatedByUserId),
  ],
);
