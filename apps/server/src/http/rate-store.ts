import { createHmac } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open-db.js';
import { rows } from '../db/raw.js';
import { publicRateCounters } from '../db/schema/index.js';

/**
 * Fixed-window request counts per client address for the routes anyone may call without a
 * session: sign-in and the citizens' public routes.
 */
export interface RateStore {
  /** Counts one request of `address` in `bucket`; false once it is over `limit` in the current window. */
  hit(bucket: string, address: string, limit: number, windowMs: number): Promise<boolean>;
}

export type RateStoreKind = 'memory' | 'postgresql';

/** A fixed-window counter per key (client address) held in memory. */
function windowCounter(limit: number, windowMs: number, now: () => number) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return (key: string): boolean => {
    const t = now();
    if (hits.size > 50_000) {
      for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
    }
    const entry = hits.get(key);
    if (!entry || entry.resetAt <= t) {
      hits.set(key, { count: 1, resetAt: t + windowMs });
      return true;
    }
    entry.count++;
    return entry.count <= limit;
  };
}

/**
 * In memory: each server process counts on its own (the default; no write per request). The
 * per-account lock-out of sign-in is in the database and holds across processes either way.
 */
export function memoryRateStore(now: () => number): RateStore {
  const counters = new Map<string, ReturnType<typeof windowCounter>>();
  return {
    async hit(bucket, address, limit, windowMs) {
      const id = `${bucket}\n${limit}\n${windowMs}`;
      let count = counters.get(id);
      if (!count) {
        count = windowCounter(limit, windowMs, now);
        counters.set(id, count);
      }
      return count(address);
    },
  };
}

/**
 * In PostgreSQL (`public_rate_counters`), shared by every server process on the database: one
 * upsert per request. The key is an HMAC of the bucket and the address with `secret`, so the
 * address is never stored (give every process the same secret, or each counts apart). Windows
 * older than twice the longest window in use are pruned now and then.
 */
export function postgresRateStore(db: Db, secret: string, now: () => number): RateStore {
  let sincePrune = 0;
  let longestWindowMs = 0;
  return {
    async hit(bucket, address, limit, windowMs) {
      const t = now();
      longestWindowMs = Math.max(longestWindowMs, windowMs);
      const windowStart = new Date(Math.floor(t / windowMs) * windowMs);
      const key = createHmac('sha256', secret).update(`${bucket}\n${address}`).digest('hex');
      const [row] = await rows<{ count: number }>(
        db,
        sql`insert into public_rate_counters (key, window_start, count) values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
            on conflict (key, window_start) do update set count = public_rate_counters.count + 1
            returning count`,
      );
      if (++sincePrune >= 1000) {
        sincePrune = 0;
        await db.delete(publicRateCounters).where(lt(publicRateCounters.windowStart, new Date(t - 2 * longestWindowMs)));
      }
      return (row?.count ?? 0) <= limit;
    },
  };
}

export function createRateStore(kind: RateStoreKind, db: Db | undefined, secret: string, now: () => number): RateStore {
  return kind === 'postgresql' && db ? postgresRateStore(db, secret, now) : memoryRateStore(now);
}
