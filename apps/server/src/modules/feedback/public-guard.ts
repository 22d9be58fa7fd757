import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { publicRateCounters } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { createRateLimiter } from '../auth/rate-limiter.js';
import type { FeedbackSettings } from './feedback.settings.js';
import type { PublicClient } from './surveys.service.js';

export type PublicAction = 'surveys' | 'complaints' | 'lookups' | 'uploads';
const ACTIONS: readonly PublicAction[] = ['surveys', 'complaints', 'lookups', 'uploads'];

/** Counts one request of a key; false when the key is over `limit` in the current window. */
interface RateStore {
  hit(action: PublicAction, address: string): Promise<boolean>;
}

function memoryStore(settings: FeedbackSettings, now: () => number): RateStore {
  const { windowMs } = settings.rateLimits;
  const limiters = Object.fromEntries(ACTIONS.map((a) => [a, createRateLimiter(settings.rateLimits[a], windowMs, now)])) as Record<
    PublicAction,
    ReturnType<typeof createRateLimiter>
  >;
  return { hit: async (action, address) => limiters[action].hit(address) };
}

/**
 * Fixed windows counted in PostgreSQL (`public_rate_counters`), shared by every server process
 * on the database: one upsert per request. The key is an HMAC of the action and the address with
 * the feedback hash secret, so the address is never stored (set PANTAU_FEEDBACK_HASH_SECRET to
 * the same value on every process, or each counts apart). Windows older than two are pruned now
 * and then.
 */
function postgresStore(db: Db, settings: FeedbackSettings, now: () => number): RateStore {
  const { windowMs } = settings.rateLimits;
  let sincePrune = 0;
  return {
    async hit(action, address) {
      const t = now();
      const windowStart = new Date(Math.floor(t / windowMs) * windowMs);
      const key = createHmac('sha256', settings.clientHashSecret).update(`${action}\n${address}`).digest('hex');
      const [row] = await rows<{ count: number }>(
        db,
        sql`insert into public_rate_counters (key, window_start, count) values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
            on conflict (key, window_start) do update set count = public_rate_counters.count + 1
            returning count`,
      );
      if (++sincePrune >= 1000) {
        sincePrune = 0;
        await db.delete(publicRateCounters).where(lt(publicRateCounters.windowStart, new Date(t - 2 * windowMs)));
      }
      return (row?.count ?? 0) <= settings.rateLimits[action];
    },
  };
}

/**
 * Per-address limits for the public (no sign-in) routes: in memory per server process (default),
 * or in PostgreSQL shared by all processes (`rateStore: 'postgresql'`). The address is used for
 * counting only and never stored.
 */
export function createPublicGuard(settings: FeedbackSettings, clock: Clock, db?: Db) {
  const now = () => clock.now().getTime();
  const store = settings.rateStore === 'postgresql' && db ? postgresStore(db, settings, now) : memoryStore(settings, now);
  return {
    /** Counts one request of the caller's address; 429 once over the limit. */
    async client(request: FastifyRequest, action: PublicAction): Promise<PublicClient> {
      const ip = request.ip ?? 'unknown';
      if (!(await store.hit(action, ip))) throw new AppError(429, 'RATE_LIMITED');
      const ua = request.headers['user-agent'];
      return { ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : '' };
    },
  };
}

export type PublicGuard = ReturnType<typeof createPublicGuard>;
