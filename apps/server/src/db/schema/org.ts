import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  uniqueIndex,
  varchar,
  check,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './common.js';
import { instansi } from './instansi.js';

export const unitKind = pgEnum('unit_kind', [
  'SEKRETARIAT',
  'DINAS',
  'BADAN',
  'KANTOR',
  'SATUAN',
  'INSPEKTORAT',
  'KECAMATAN',
  'KELURAHAN',
  'GAMPONG',
  'BAGIAN',
  'BIDANG',
  'SEKSI',
  'SUBBAGIAN',
  'UPTD',
  'LAINNYA',
]);

/**
 * Organisation unit tree. `path` is the materialised path of ids ("/1/7/42/") so that
 * "everything under unit X" is one indexed LIKE; `opdId` is the top-level perangkat daerah.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    parentId: integer().references((): AnyPgColumn => orgUnits.id),
    opdId: integer().references((): AnyPgColumn => orgUnits.id),
    path: varchar({ length: 400 }).notNull(),
    code: varchar({ length: 40 }),
    name: varchar({ length: 200 }).notNull(),
    shortName: varchar({ length: 60 }),
    kind: unitKind().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.instansiId),
    index().on(t.parentId),
    index().on(t.opdId),
    index('org_units_path_idx').on(t.path),
    uniqueIndex('org_units_instansi_parent_name_uq').on(t.instansiId, t.parentId, t.name),
  ],
);

export const jabatanType = pgEnum('jabatan_type', [
  'JPT',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL',
]);

export const jenjang = pgEnum('jenjang', [
  'PEMULA',
  'TERAMPIL',
  'MAHIR',
  'PENYELIA',
  'AHLI_PERTAMA',
  'AHLI_MUDA',
  'AHLI_MADYA',
  'AHLI_UTAMA',
]);

/**
 * A position (jabatan) slot in a unit. `parentPositionId` is the slot it reports to; whoever
 * holds that slot on a date is the direct supervisor (see access.repository.ts). Pelaksana and
 * fungsional slots may be held by many employees at once; head slots by one (plus acting).
 */
export const positions = pgTable(
  'positions',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    parentPositionId: integer().references((): AnyPgColumn => positions.id),
    name: varchar({ length: 200 }).notNull(),
    type: jabatanType().notNull(),
    jenjang: jenjang(),
    /** Head of the unit (kepala dinas, kabid, kasi, camat, lurah…). */
    isHead: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.instansiId),
    index().on(t.unitId),
    index().on(t.parentPositionId),
  ],
);

export const jenisAsn = pgEnum('jenis_asn', ['PNS', 'PPPK']);
export const sex = pgEnum('sex', ['L', 'P']);

export const employees = pgTable(
  'employees',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    nip: varchar({ length: 18 }).notNull(),
    name: varchar({ length: 120 }).notNull(),
    gelarDepan: varchar({ length: 40 }),
    gelarBelakang: varchar({ length: 60 }),
    jenisAsn: jenisAsn().notNull(),
    golongan: varchar({ length: 8 }),
    birthDate: date({ mode: 'string' }),
    sex: sex(),
    email: varchar({ length: 200 }),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('employees_nip_uq').on(t.nip),
    index().on(t.instansiId),
    index('employees_name_idx').on(t.instansiId, t.name),
  ],
);

export const assignmentKind = pgEnum('assignment_kind', ['DEFINITIF', 'PLT', 'PLH']);

/**
 * Effective-dated link employee → position. Dates are calendar dates in WIB, both ends
 * inclusive; `validTo` null means "until further notice". An employee has at most one
 * DEFINITIF assignment on any date (checked by the service); PLT/PLH rows are extra acting
 * duties on top of it.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    employeeId: integer()
      .notNull()
      .references(() => employees.id),
    positionId: integer()
      .notNull()
      .references(() => positions.id),
    kind: assignmentKind().notNull().default('DEFINITIF'),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    decreeNumber: varchar({ length: 100 }),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.instansiId),
    index('assignments_employee_idx').on(t.employeeId, t.validFrom),
    index('assignments_position_idx').on(t.positionId, t.validFrom),
    check('assignments_range_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
