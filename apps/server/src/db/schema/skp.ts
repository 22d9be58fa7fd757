import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common.js';
import { instansi } from './instansi.js';
import { employees, orgUnits, positions } from './org.js';
import { users } from './auth.js';

/**
 * Sasaran Kinerja Pegawai (PermenPANRB 6/2022; reference §1.3–§1.5): one SKP per employee per
 * year and per segment of the year held in one definitive post (a transfer splits it). Every
 * version is its own row; `seriesId` groups the versions of one SKP (the id of version 1), and
 * `isCurrent` marks the newest. RHK and indicators carry a lineage `key` that is copied into
 * new versions, so links, realisation and feedback survive a revision.
 */

export const skpPeriodLength = pgEnum('skp_period_length', ['MONTHLY', 'QUARTERLY', 'SEMESTER']);
export const skpPeriodKind = pgEnum('skp_period_kind', ['PERIODIC', 'ANNUAL']);
export const skpForm = pgEnum('skp_form', ['JPT', 'NON_JPT']);
export const skpApproach = pgEnum('skp_approach', ['KUANTITATIF', 'KUALITATIF']);
export const skpStatus = pgEnum('skp_status', ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']);
export const skpRhkKind = pgEnum('skp_rhk_kind', ['UTAMA', 'TAMBAHAN']);
export const skpRhkOrigin = pgEnum('skp_rhk_origin', ['OWN', 'CASCADE']);
export const skpAspek = pgEnum('skp_aspek', ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA']);
export const skpPerspektif = pgEnum('skp_perspektif', ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN']);
export const skpLampiranKind = pgEnum('skp_lampiran_kind', ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI']);
export const berakhlak = pgEnum('berakhlak', [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
]);

/** Per-instansi SKP configuration; defaults are the documented choices (docs/decisions/0003). */
export const skpSettings = pgTable('skp_settings', {
  instansiId: integer()
    .primaryKey()
    .references(() => instansi.id),
  periodLength: skpPeriodLength().notNull().default('QUARTERLY'),
  /** Calendar days after finalisation during which the employee may object (keberatan). */
  objectionDays: smallint().notNull().default(14),
  /** Calendar days the atasan pejabat penilai has to decide an objection. */
  objectionDecisionDays: smallint().notNull().default(14),
  ruleSetId: varchar({ length: 60 }).notNull().default('permenpanrb-6-2022'),
  /** SE MenPANRB 3/2023: a unit head's rating hasil kerja follows the unit's organisation predikat. */
  unitHeadFollowsOrg: boolean().notNull().default(true),
  updatedAt: updatedAt(),
  updatedByUserId: integer().references(() => users.id),
});

/** Evaluation periods of a year, materialised from the settings (periodic + annual). */
export const skpPeriods = pgTable(
  'skp_periods',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    year: smallint().notNull(),
    kind: skpPeriodKind().notNull(),
    length: skpPeriodLength(),
    seq: smallint().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    labelId: varchar({ length: 60 }).notNull(),
    labelEn: varchar({ length: 60 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('skp_periods_uq').on(t.instansiId, t.year, t.kind, t.seq)],
);

export const skps = pgTable(
  'skps',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    /** Id of version 1 of this SKP (equal to `id` on version 1). */
    seriesId: integer().references((): AnyPgColumn => skps.id),
    version: smallint().notNull().default(1),
    isCurrent: boolean().notNull().default(true),
    year: smallint().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    /** Definitive post of the segment, and its unit. */
    positionId: integer()
      .notNull()
      .references(() => positions.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    form: skpForm().notNull(),
    approach: skpApproach().notNull().default('KUANTITATIF'),
    status: skpStatus().notNull().default('DRAFT'),
    /** Pejabat penilai kinerja and atasan pejabat penilai, captured at submission and approval. */
    penilaiEmployeeId: integer().references(() => employees.id),
    atasanPenilaiEmployeeId: integer().references(() => employees.id),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    approvedByEmployeeId: integer().references(() => employees.id),
    returnedAt: timestamp({ withTimezone: true }),
    returnNote: varchar({ length: 2000 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.instansiId, t.year),
    index('skps_employee_idx').on(t.employeeId, t.year),
    uniqueIndex('skps_series_version_uq').on(t.seriesId, t.version),
    uniqueIndex('skps_current_uq').on(t.employeeId, t.periodStart).where(sql`${t.isCurrent}`),
    index().on(t.unitId),
    index().on(t.positionId),
    index().on(t.penilaiEmployeeId),
    index().on(t.atasanPenilaiEmployeeId),
    index().on(t.approvedByEmployeeId),
    check('skps_range_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Rencana Hasil Kerja. `parentRhkId` = the RHK atasan yang diintervensi (any version row). */
export const skpRhks = pgTable(
  'skp_rhks',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    key: uuid().notNull().defaultRandom(),
    kind: skpRhkKind().notNull(),
    seq: smallint().notNull(),
    text: varchar({ length: 1000 }).notNull(),
    parentRhkId: integer().references((): AnyPgColumn => skpRhks.id),
    origin: skpRhkOrigin().notNull().default('OWN'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.skpId), index().on(t.parentRhkId), index().on(t.key), index().on(t.instansiId)],
);

/** Indikator Kinerja Individu with its target; aspek (JA/JF) or perspektif (JPT). */
export const skpIndicators = pgTable(
  'skp_indicators',
  {
    id: id(),
    rhkId: integer()
      .notNull()
      .references(() => skpRhks.id, { onDelete: 'cascade' }),
    key: uuid().notNull().defaultRandom(),
    seq: smallint().notNull(),
    aspek: skpAspek(),
    perspektif: skpPerspektif(),
    text: varchar({ length: 1000 }).notNull(),
    targetValue: numeric({ precision: 14, scale: 2, mode: 'number' }),
    targetUnit: varchar({ length: 60 }),
    /** Qualitative target (pendekatan kualitatif) or a range written out. */
    targetText: varchar({ length: 300 }),
  },
  (t) => [index().on(t.rhkId), index().on(t.key)],
);

export const skpLampiran = pgTable(
  'skp_lampiran',
  {
    id: id(),
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    kind: skpLampiranKind().notNull(),
    seq: smallint().notNull(),
    text: varchar({ length: 1000 }).notNull(),
  },
  (t) => [index().on(t.skpId, t.kind)],
);

/** Perilaku kerja rows: the seven BerAKHLAK values with the leader's ekspektasi khusus. */
export const skpPerilaku = pgTable(
  'skp_perilaku',
  {
    skpId: integer()
      .notNull()
      .references(() => skps.id),
    behaviour: berakhlak().notNull(),
    ekspektasi: varchar({ length: 2000 }),
    updatedByEmployeeId: integer().references(() => employees.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.skpId, t.behaviour] }), index().on(t.updatedByEmployeeId)],
);
