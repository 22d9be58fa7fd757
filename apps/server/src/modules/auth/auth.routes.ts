import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, ErrorEnvelope, IdParams, LoginBody, MeResponse, ResetPasswordBody, UpdateMeBody } from '@pantau/contracts';
import { requireActor, requestContext, SESSION_COOKIE } from '../../http/authenticate.js';
import { AppError } from '../../http/errors.js';
import type { AuthService } from './auth.service.js';
import type { RateStore } from '../../http/rate-store.js';

const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export function authRoutes(
  app: FastifyInstance,
  auth: AuthService,
  opts: { secureCookies: boolean; sessionHours: number; loginRatePerMinute: number; rateStore: RateStore },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with NIP and password; sets the session cookie',
        body: LoginBody,
        response: { 200: MeResponse, ...errors, 423: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      // Per client address, per minute; counted where PANTAU_PUBLIC_RATE_STORE says (memory per
      // process, or PostgreSQL shared by every process). The per-account lock-out is in the database.
      if (!(await opts.rateStore.hit('signin', request.ip, opts.loginRatePerMinute, 60_000))) throw new AppError(429, 'RATE_LIMITED');
      const { token, actor } = await auth.login(
        { ...request.body, userAgent: request.headers['user-agent'] },
        requestContext(request),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: opts.sessionHours * 3600,
      });
      return { me: await auth.me(actor) };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: Ok, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await auth.logout(actor, requestContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user with roles', response: { 200: MeResponse, ...errors } } },
    async (request) => ({ me: await auth.me(requireActor(request)) }),
  );

  r.patch(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Update own preferences (language)', body: UpdateMeBody, response: { 200: MeResponse, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await auth.setLocale(actor, request.body.locale, requestContext(request));
      return { me: await auth.me({ ...actor, locale: request.body.locale }) };
    },
  );

  r.post(
    '/api/me/password',
    { schema: { tags: ['auth'], summary: 'Change own password', body: ChangePasswordBody, response: { 200: Ok, ...errors } } },
    async (request) => {
      await auth.changePassword(requireActor(request), request.body, requestContext(request));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/employees/:id/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Admin: set a temporary password; the employee must change it at next sign-in',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await auth.resetPassword(requireActor(request), request.params.id, request.body.newPassword, requestContext(request));
      return { ok: true as const };
    },
  );
}
