import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { createRateLimiter } from '../auth/rate-limiter.js';
import type { FeedbackSettings } from './feedback.settings.js';
import type { PublicClient } from './surveys.service.js';

export type PublicAction = 'surveys' | 'complaints' | 'lookups' | 'uploads';

/**
 * Per-address limits for the public (no sign-in) routes, counted in memory per server process.
 * The address is used for counting only and never stored.
 */
export function createPublicGuard(settings: FeedbackSettings, clock: Clock) {
  const now = () => clock.now().getTime();
  const { windowMs } = settings.rateLimits;
  const limiters: Record<PublicAction, ReturnType<typeof createRateLimiter>> = {
    surveys: createRateLimiter(settings.rateLimits.surveys, windowMs, now),
    complaints: createRateLimiter(settings.rateLimits.complaints, windowMs, now),
    lookups: createRateLimiter(settings.rateLimits.lookups, windowMs, now),
    uploads: createRateLimiter(settings.rateLimits.uploads, windowMs, now),
  };
  return {
    /** Counts one request of the caller's address; 429 once over the limit. */
    client(request: FastifyRequest, action: PublicAction): PublicClient {
      const ip = request.ip ?? 'unknown';
      if (!limiters[action].hit(ip)) throw new AppError(429, 'RATE_LIMITED');
      const ua = request.headers['user-agent'];
      return { ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : '' };
    },
  };
}

export type PublicGuard = ReturnType<typeof createPublicGuard>;
