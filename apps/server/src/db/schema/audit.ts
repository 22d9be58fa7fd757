import { bigint, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. `hash` = sha256(prevHash + canonical JSON of the row);
 * the chain is serialised through the single row of `audit_chain_head`. UPDATE and DELETE are
 * refused by a trigger (migration 0001); `npm run audit:verify` finds the first broken link.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Gapless sequence assigned under the chain-head lock (head.lastId + 1). */
    id: bigint({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    instansiId: integer(),
    actorUserId: integer(),
    actorLabel: varchar({ length: 200 }),
    action: varchar({ length: 60 }).notNull(),
    entityType: varchar({ length: 60 }).notNull(),
    entityId: varchar({ length: 60 }),
    oldValues: jsonb(),
    newValues: jsonb(),
    requestId: varchar({ length: 64 }),
    ip: varchar({ length: 64 }),
    prevHash: varchar({ length: 64 }).notNull(),
    hash: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    index('audit_log_instansi_at_idx').on(t.instansiId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index().on(t.actorUserId),
  ],
);

export const auditChainHead = pgTable('audit_chain_head', {
  id: integer().primaryKey(),
  lastId: bigint({ mode: 'number' }).notNull(),
  lastHash: varchar({ length: 64 }).notNull(),
});
