import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ApiTokenDto, CreateApiTokenBody, CreatedApiToken, ErrorEnvelope, IdParams } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { apiTokens, users } from '../../db/schema/index.js';
import { requestContext, requireActor, requireRole } from '../../http/authenticate.js';
import { notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import { randomToken, sha256 } from './tokens.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const TOKEN_ADMINS = ['ADMIN_BKPSDM', 'SUPER_ADMIN'] as const;

const present = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  userId: t.userId,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * Personal API tokens for integrations. Created by admins for a user of their instansi, act
 * with exactly that user's scope, shown once, stored as sha256, revocable.
 */
export function apiTokenRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/api/api-tokens',
    { schema: { tags: ['auth'], summary: 'Tokens: admins see those of their instansi, others their own', response: { 200: z.object({ apiTokens: z.array(ApiTokenDto) }), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const isAdmin = actor.roles.has('ADMIN_BKPSDM');
      const list = await db
        .select({ t: apiTokens })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(isAdmin && actor.instansiId !== null ? eq(users.instansiId, actor.instansiId) : eq(apiTokens.userId, actor.userId))
        .orderBy(desc(apiTokens.id));
      return { apiTokens: list.map((x) => present(x.t)) };
    },
  );

  r.post(
    '/api/api-tokens',
    { schema: { tags: ['auth'], summary: 'Admin: create a token (the secret is returned once)', body: CreateApiTokenBody, response: { 201: CreatedApiToken, ...errors } } },
    async (request, reply) => {
      const actor = requireRole(request, TOKEN_ADMINS);
      const ownerId = request.body.userId ?? actor.userId;
      const [owner] = await db.select().from(users).where(eq(users.id, ownerId));
      if (!owner || (owner.instansiId !== actor.instansiId && !actor.roles.has('SUPER_ADMIN'))) throw notFound();
      const secret = `pt_${randomToken(30)}`;
      const expiresAt = request.body.expiresInDays
        ? new Date(deps.clock.now().getTime() + request.body.expiresInDays * 86_400_000)
        : null;
      const created = await db.transaction(async (tx) => {
        const [t] = await tx
          .insert(apiTokens)
          .values({ userId: ownerId, name: request.body.name, prefix: secret.slice(0, 10), tokenHash: sha256(secret), createdByUserId: actor.userId, expiresAt })
          .returning();
        if (!t) throw new Error('insert returned nothing');
        await recordAudit(tx, requestContext(request), {
          action: 'api_token.create',
          entityType: 'api_token',
          entityId: t.id,
          instansiId: owner.instansiId,
          newValues: { userId: ownerId, name: t.name, prefix: t.prefix },
        });
        return t;
      });
      reply.status(201);
      return { apiToken: present(created), token: secret };
    },
  );

  r.delete(
    '/api/api-tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke a token (its owner or an admin)', params: IdParams, response: { 200: z.object({ apiToken: ApiTokenDto }), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const [row] = await db
        .select({ t: apiTokens, instansiId: users.instansiId })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.id, request.params.id), isNull(apiTokens.revokedAt)));
      const mayRevoke =
        row && (row.t.userId === actor.userId || (actor.roles.has('ADMIN_BKPSDM') && row.instansiId === actor.instansiId));
      if (!row || !mayRevoke) throw notFound();
      const revoked = await db.transaction(async (tx) => {
        const [t] = await tx.update(apiTokens).set({ revokedAt: deps.clock.now() }).where(eq(apiTokens.id, row.t.id)).returning();
        if (!t) throw notFound();
        await recordAudit(tx, requestContext(request), { action: 'api_token.revoke', entityType: 'api_token', entityId: t.id, instansiId: row.instansiId });
        return t;
      });
      return { apiToken: present(revoked) };
    },
  );
}
