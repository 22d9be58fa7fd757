import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@pantau/contracts';
import type { Actor, RequestContext } from '../modules/auth/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { safeEqual } from '../modules/auth/tokens.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { localeFromHeader } from './messages.js';

export const SESSION_COOKIE = 'pantau_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change their password may still call. */
const ALLOWED_WHILE_PASSWORD_CHANGE = new Set(['/api/me', '/api/me/password', '/api/auth/logout']);

/**
 * Resolves the caller for every /api request: session cookie (CSRF-checked on state-changing
 * methods) or `Authorization: Bearer` API token (no CSRF: it is not sent by browsers on their own).
 */
export function installAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'id');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']) ?? 'id';
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    let actor: Actor | null = null;
    if (header?.startsWith('Bearer ')) {
      actor = await auth.resolveApiToken(header.slice(7).trim());
      if (!actor) throw unauthenticated();
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) actor = await auth.resolveSession(token);
      if (actor && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
          throw new AppError(403, 'CSRF_FAILED');
        }
      }
    }
    if (actor) {
      // An explicit Accept-Language from the client wins; else the user's saved preference.
      request.locale = localeFromHeader(request.headers['accept-language']) ?? actor.locale;
      if (actor.mustChangePassword && !ALLOWED_WHILE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
        request.actor = actor;
        throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
      }
    }
    request.actor = actor;
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** Requires one of the roles; 403 otherwise (the resource family exists for everybody). */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireActor(request);
  if (!roles.some((r) => actor.roles.has(r))) throw forbidden();
  return actor;
}

export function requestContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip ?? null };
}
