import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Surrogate key used by every table: an identity integer, never reused. */
export const id = () => integer().primaryKey().generatedAlwaysAsIdentity();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
