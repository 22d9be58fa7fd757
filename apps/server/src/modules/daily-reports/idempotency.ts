import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { IdempotencyKey } from '@pantau/contracts';
import type { Db, Tx } from '../../db/open-db.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { conflict, validation } from '../../http/errors.js';
import { canonicalJson } from '../audit/canonical.js';

export interface IdempotentResult<T> {
  status: number;
  body: T;
}

/**
 * What `work` returns: the answer, and optionally a last step run after the answer is stored —
 * the transaction's audit rows, so the audit chain's head lock is held only from there to commit.
 */
export interface IdempotentWork<T> extends IdempotentResult<T> {
  finish?: (tx: Tx) => Promise<void>;
}

export interface IdempotencyRequest {
  userId: number;
  /** From the Idempotency-Key header or the body; undefined when the client sent none. */
  key: string | undefined;
  /** What the request is (route + parameters + body); the same key must always mean the same request. */
  fingerprint: unknown;
}

/** Picks the key from the header or the body field and checks its form. */
export function idempotencyKeyFrom(header: string | string[] | undefined, bodyKey: string | undefined): string | undefined {
  const raw = typeof header === 'string' ? header : bodyKey;
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) throw validation([{ path: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_FORMAT' }]);
  return parsed.data;
}

export function requireIdempotencyKey(key: string | undefined): string {
  if (key === undefined) throw validation([{ path: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REQUIRED' }]);
  return key;
}

export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * The stored answer for a key already used, checked before anything else so that a late resend
 * (an offline phone coming back days later) still gets the first answer rather than a rule that
 * now fails (e.g. the date left the reporting window). undefined when the key is new.
 */
export async function storedAnswer<T>(db: Db, req: IdempotencyRequest): Promise<(IdempotentResult<T> & { replayed: true }) | undefined> {
  if (req.key === undefined) return undefined;
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, req.userId), eq(idempotencyKeys.key, req.key)));
  if (!stored) return undefined;
  if (stored.fingerprint !== fingerprintOf(req.fingerprint)) {
    throw conflict([{ path: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }]);
  }
  return { status: stored.statusCode, body: stored.response as T, replayed: true };
}

/**
 * Runs `work` in one transaction that also claims the user's key. The first request stores its
 * answer with the key; a repeat (retry, double tap, offline outbox resend) gets that stored answer
 * and changes nothing. On PostgreSQL a concurrent repeat waits on the key's row until the first
 * commits. A failed request stores nothing, so it can be retried with the same key. The same key
 * with a different request is refused with 409.
 */
export async function runIdempotent<T>(
  db: Db,
  req: IdempotencyRequest,
  work: (tx: Tx) => Promise<IdempotentWork<T>>,
): Promise<IdempotentResult<T> & { replayed: boolean }> {
  const { key } = req;
  if (key === undefined) {
    return db.transaction(async (tx) => {
      const { status, body, finish } = await work(tx);
      await finish?.(tx);
      return { status, body, replayed: false };
    });
  }
  const fingerprint = fingerprintOf(req.fingerprint);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: req.userId, key, fingerprint, statusCode: 0, response: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    const where = and(eq(idempotencyKeys.userId, req.userId), eq(idempotencyKeys.key, key));
    if (claimed.length === 0) {
      const [stored] = await tx.select().from(idempotencyKeys).where(where);
      if (!stored || stored.fingerprint !== fingerprint) {
        throw conflict([{ path: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }]);
      }
      return { status: stored.statusCode, body: stored.response as T, replayed: true };
    }
    const { status, body, finish } = await work(tx);
    await tx.update(idempotencyKeys).set({ statusCode: status, response: body }).where(where);
    await finish?.(tx);
    return { status, body, replayed: false };
  });
}
