import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './common.js';
import { employees, orgUnits } from './org.js';
import { instansi } from './instansi.js';

/** A person who can sign in. Usually an employee; a super-admin may have no employee row. */
export const users = pgTable(
  'users',
  {
    id: id(),
    instansiId: integer().references(() => instansi.id),
    employeeId: integer().references(() => employees.id),
    /** Sign-in name: the NIP (18 digits) or, for the rare non-ASN account, a short login. */
    login: varchar({ length: 40 }).notNull(),
    displayName: varchar({ length: 200 }).notNull(),
    passwordHash: varchar({ length: 200 }),
    mustChangePassword: boolean().notNull().default(true),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    locale: varchar({ length: 5 }).notNull().default('id'),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    passwordChangedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_login_uq').on(t.login),
    uniqueIndex('users_employee_uq').on(t.employeeId),
    index().on(t.instansiId),
  ],
);

export const roleName = pgEnum('role_name', [
  'SUPER_ADMIN',
  'ADMIN_BKPSDM',
  'ADMIN_OPD',
  'INSPEKTORAT',
  'PIMPINAN',
]);

/** Granted roles. `pegawai` (everyone) and `atasan` (from assignments) are derived, not stored. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    role: roleName().notNull(),
    instansiId: integer().references(() => instansi.id),
    /** For ADMIN_OPD: the unit subtree administered. */
    unitId: integer().references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.instansiId), index().on(t.unitId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a database leak does not leak usable sessions. */
    id: varchar({ length: 64 }).primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    csrfToken: varchar({ length: 64 }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: varchar({ length: 64 }),
    userAgent: varchar({ length: 300 }),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    name: varchar({ length: 100 }).notNull(),
    /** First characters shown in lists so people can tell tokens apart. */
    prefix: varchar({ length: 16 }).notNull(),
    tokenHash: varchar({ length: 64 }).notNull(),
    createdByUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
    index().on(t.userId),
    index().on(t.createdByUserId),
  ],
);

export type RoleName = (typeof roleName.enumValues)[number];
