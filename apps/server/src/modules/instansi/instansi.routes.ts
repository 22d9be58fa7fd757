import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateInstansiBody, ErrorEnvelope, InstansiDto } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { instansi, orgUnits, roleGrants, users } from '../../db/schema/index.js';
import { requestContext, requireRole } from '../../http/authenticate.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { eq } from 'drizzle-orm';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };

/** Deployment level: only the super-admin lists and adds instansi. */
export function instansiRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/instansi',
    { schema: { tags: ['instansi'], summary: 'Super-admin: all instansi in this deployment', response: { 200: z.object({ instansi: z.array(InstansiDto) }), ...errors } } },
    async (request) => {
      requireRole(request, ['SUPER_ADMIN']);
      const list = await deps.db.select({ id: instansi.id, code: instansi.code, name: instansi.name }).from(instansi).orderBy(instansi.name);
      return { instansi: list };
    },
  );

  r.post(
    '/api/instansi',
    {
      schema: {
        tags: ['instansi'],
        summary: 'Super-admin: add an instansi with its first BKPSDM admin (who must change the password)',
        body: CreateInstansiBody,
        response: { 201: z.object({ instansi: InstansiDto }), ...errors },
      },
    },
    async (request, reply) => {
      requireRole(request, ['SUPER_ADMIN']);
      const body = request.body;
      const [dupe] = await deps.db.select({ id: instansi.id }).from(instansi).where(eq(instansi.code, body.code));
      if (dupe) throw conflict([{ path: 'body.code', code: 'DUPLICATE' }]);
      const [dupeLogin] = await deps.db.select({ id: users.id }).from(users).where(eq(users.login, body.adminNip));
      if (dupeLogin) throw conflict([{ path: 'body.adminNip', code: 'DUPLICATE' }]);
      const passwordHash = await hashPassword(body.adminPassword);
      const created = await deps.db.transaction(async (tx) => {
        const [i] = await tx.insert(instansi).values({ code: body.code, name: body.name }).returning();
        if (!i) throw new Error('insert returned nothing');
        const [root] = await tx
          .insert(orgUnits)
          .values({ instansiId: i.id, name: body.name, kind: 'LAINNYA', path: '/' })
          .returning({ id: orgUnits.id });
        if (root) await tx.update(orgUnits).set({ path: `/${root.id}/`, opdId: root.id }).where(eq(orgUnits.id, root.id));
        const [u] = await tx
          .insert(users)
          .values({ instansiId: i.id, login: body.adminNip, displayName: body.adminName, passwordHash, mustChangePassword: true })
          .returning({ id: users.id });
        if (!u) throw new Error('insert returned nothing');
        await tx.insert(roleGrants).values({ userId: u.id, role: 'ADMIN_BKPSDM', instansiId: i.id });
        await recordAudit(tx, requestContext(request), {
          action: 'instansi.create',
          entityType: 'instansi',
          entityId: i.id,
          instansiId: i.id,
          newValues: { code: i.code, name: i.name, adminLogin: body.adminNip },
        });
        return i;
      });
      reply.status(201);
      return { instansi: { id: created.id, code: created.code, name: created.name } };
    },
  );
}
