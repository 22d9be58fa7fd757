import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/open-db.js';
import { AppError } from '../../http/errors.js';
import { createRateStore } from '../../http/rate-store.js';
import type { Clock } from '../../lib/clock.js';
import type { FeedbackSettings } from './feedback.settings.js';
import type { PublicClient } from './surveys.service.js';

export type PublicAction = 'surveys' | 'complaints' | 'lookups' | 'uploads';

/**
 * Per-address limits for the public (no sign-in) routes: in memory per server process (default),
 * or in PostgreSQL shared by all processes (`rateStore: 'postgresql'`; http/rate-store.ts). The
 * address is used for counting only and never stored.
 */
export function createPublicGuard(settings: FeedbackSettings, clock: Clock, db?: Db) {
  const store = createRateStore(settings.rateStore, db, settings.clientHashSecret, () => clock.now().getTime());
  const { windowMs } = settings.rateLimits;
  return {
    /** Counts one request of the caller's address; 429 once over the limit. */
    async client(request: FastifyRequest, action: PublicAction): Promise<PublicClient> {
      const ip = request.ip ?? 'unknown';
      if (!(await store.hit(action, ip, settings.rateLimits[action], windowMs))) throw new AppError(429, 'RATE_LIMITED');
      const ua = request.headers['user-agent'];
      return { ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : '' };
    },
  };
}

export type PublicGuard = ReturnType<typeof createPublicGuard>;
