import { bigint, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { instansi } from './instansi.js';

/**
 * Outbox of live events. A row is written in the same transaction as the change it reports;
 * an insert trigger (migration) sends pg_notify('pantau_events', id) which PostgreSQL delivers
 * at commit to every server instance. Clients that reconnect replay rows after their
 * Last-Event-ID. Old rows are pruned by age.
 */
export const events = pgTable(
  'events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    type: varchar({ length: 60 }).notNull(),
    /** Delivered to whoever may read any of these employees (self, chain above, admins). */
    subjectEmployeeIds: integer().array().notNull(),
    payload: jsonb().notNull(),
  },
  (t) => [index('events_instansi_id_idx').on(t.instansiId, t.id), index('events_at_idx').on(t.at)],
);
