import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id } from './common.js';
import { instansi } from './instansi.js';
import { employees } from './org.js';

export const emailStatus = pgEnum('email_status', ['NONE', 'PENDING', 'SENT', 'FAILED']);

/**
 * In-app notifications. Text is not stored: `type` + `params` are rendered in the reader's
 * language when listed or mailed. `emailStatus` PENDING rows are picked up by the mail job.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    recipientEmployeeId: integer()
      .notNull()
      .references(() => employees.id),
    type: varchar({ length: 60 }).notNull(),
    params: jsonb().notNull(),
    /** Path in the web app to open (e.g. /laporan-harian/123). */
    link: varchar({ length: 300 }),
    readAt: timestamp({ withTimezone: true }),
    emailStatus: emailStatus().notNull().default('NONE'),
    emailAttempts: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientEmployeeId, t.id),
    index('notifications_unread_idx').on(t.recipientEmployeeId).where(sql`${t.readAt} is null`),
    index('notifications_email_pending_idx').on(t.id).where(sql`${t.emailStatus} = 'PENDING'`),
    index().on(t.instansiId),
  ],
);
