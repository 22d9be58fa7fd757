import { asc, eq, gt, lt, and, desc, type SQL } from 'drizzle-orm';
import { auditChainHead, auditLog } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/open-db.js';
import type { RequestContext } from '../auth/actor.js';
import { auditCanonicalParts, auditHash, GENESIS_HASH } from './canonical.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  instansiId?: number | null;
  oldValues?: unknown;
  newValues?: unknown;
}

/**
 * Appends one event to the hash chain. Must be called inside the transaction that makes the
 * change, so the change and its audit row commit or roll back together.
 */
/** The stored columns of an event's row, except its chain id and hashes. */
export function auditRowOf(ctx: RequestContext, event: AuditEvent, at: Date) {
  return {
    at,
    instansiId: event.instansiId ?? ctx.actor?.instansiId ?? null,
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor ? `${ctx.actor.name} (${ctx.actor.login})` : null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    oldValues: event.oldValues ?? null,
    newValues: event.newValues ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/**
 * An event about an entity inserted in the same SQL function call, for chaining in the database
 * (migrations 0012, 0013): the columns, and the canonical text around the chain id, the entity id
 * and, when `newValues.verifierEmployeeId` is `VERIFIER_HOLE`, the atasan the call looks up (the
 * column is sent as null and filled in by the call).
 */
export function auditEventForSql(ctx: RequestContext, event: Omit<AuditEvent, 'entityId'>, at: Date) {
  const { entityId: _e, ...row } = auditRowOf(ctx, { ...event, entityId: null }, at);
  const parts = auditCanonicalParts(row);
  const newValues = parts.afterVerifier === undefined ? row.newValues : { ...(row.newValues as object), verifierEmployeeId: null };
  return { ...row, newValues, at: at.toISOString(), ...parts };
}

export async function recordAudit(tx: Tx, ctx: RequestContext, event: AuditEvent): Promise<void> {
  await recordAuditBatch(tx, ctx, [event]);
}

/**
 * Appends many events with one head lock and batched inserts (an import of 6,700 people writes
 * thousands). The chain head row is locked FOR UPDATE, which serialises audit writers for the
 * (short) rest of the transaction; ids are gapless (head.lastId + 1, …).
 */
export async function recordAuditBatch(
  tx: Tx,
  ctx: RequestContext,
  events: readonly AuditEvent[],
  batchSize = 1000,
): Promise<void> {
  if (events.length === 0) return;
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  let prevHash = head?.lastHash ?? GENESIS_HASH;
  let lastId = head?.lastId ?? 0;
  const at = new Date();
  const rows = events.map((event) => {
    const row = { id: ++lastId, ...auditRowOf(ctx, event, at) };
    const hash = auditHash(prevHash, row);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
  for (let i = 0; i < rows.length; i += batchSize) {
    await tx.insert(auditLog).values(rows.slice(i, i + batchSize));
  }
  if (head) {
    await tx.update(auditChainHead).set({ lastId, lastHash: prevHash }).where(eq(auditChainHead.id, 1));
  } else {
    await tx.insert(auditChainHead).values({ id: 1, lastId, lastHash: prevHash });
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order, in pages, and reports the first broken link. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, expectedId - 1))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    for (const r of rows) {
      if (r.id !== expectedId) {
        return { ok: false, checked, firstBrokenId: expectedId, reason: `row ${expectedId} is missing` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, checked, firstBrokenId: r.id, reason: `row ${r.id} does not link to row ${r.id - 1}` };
      }
      const hash = auditHash(prevHash, r);
      if (hash !== r.hash) {
        return { ok: false, checked, firstBrokenId: r.id, reason: `row ${r.id} was altered` };
      }
      prevHash = r.hash;
      expectedId++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (head && (head.lastId !== expectedId - 1 || head.lastHash !== prevHash)) {
    return {
      ok: false,
      checked,
      firstBrokenId: expectedId,
      reason: `the chain ends at row ${expectedId - 1} but the head records row ${head.lastId}: rows were removed from the end`,
    };
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}

export interface AuditListFilter {
  instansiId: number;
  entityType?: string;
  entityId?: string;
  beforeId?: number;
  limit: number;
}

export async function listAudit(db: DbOrTx, f: AuditListFilter) {
  const conds: SQL[] = [eq(auditLog.instansiId, f.instansiId)];
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.beforeId) conds.push(lt(auditLog.id, f.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

/**
 * Records that someone read sensitive personal data (UU 27/2022 PDP: who looked at whom).
 * Runs its own short transaction; reads have no change to share one with.
 */
export async function recordRead(
  db: DbOrTx,
  ctx: RequestContext,
  event: { entityType: string; entityId: string | number; instansiId?: number | null; purpose?: string },
): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: `read.${event.entityType}`,
      entityType: event.entityType,
      entityId: event.entityId,
      instansiId: event.instansiId,
      newValues: event.purpose ? { purpose: event.purpose } : null,
    }),
  );
}
