import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, smallint, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { instansi } from './instansi.js';

export const jobStatus = pgEnum('job_status', ['PENDING', 'RUNNING', 'DONE', 'FAILED']);

/**
 * PostgreSQL job queue. Workers claim due rows with FOR UPDATE SKIP LOCKED, so several server
 * instances share the work without a broker. `uniqueKey` makes scheduling idempotent across
 * instances (e.g. one reminder run per instansi per day).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer().references(() => instansi.id),
    type: varchar({ length: 60 }).notNull(),
    payload: jsonb().notNull(),
    uniqueKey: varchar({ length: 200 }),
    status: jobStatus().notNull().default('PENDING'),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: smallint().notNull().default(0),
    maxAttempts: smallint().notNull().default(5),
    lockedAt: timestamp({ withTimezone: true }),
    lockedBy: varchar({ length: 100 }),
    lastError: varchar({ length: 2000 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_unique_key_uq').on(t.uniqueKey),
    index('jobs_due_idx').on(t.runAt, t.id).where(sql`${t.status} = 'PENDING'`),
    index('jobs_running_idx').on(t.lockedAt).where(sql`${t.status} = 'RUNNING'`),
    index().on(t.instansiId),
  ],
);
