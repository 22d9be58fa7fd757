import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { requireRole } from '../../http/authenticate.js';
import { notFound } from '../../http/errors.js';
import { listAudit, verifyAuditChain } from './audit.repository.js';

const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  oldValues: z.unknown(),
  newValues: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const AUDIT_READERS = ['INSPEKTORAT', 'ADMIN_BKPSDM'] as const;

export function auditRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Inspektorat / BKPSDM: audit log of the instansi, newest first',
        querystring: z.object({
          entityType: z.string().trim().max(60).optional(),
          entityId: z.string().trim().max(60).optional(),
          beforeId: z.coerce.number().int().positive().optional().describe('Keyset paging: rows with a smaller id'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ entries: z.array(AuditEntry) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireRole(request, AUDIT_READERS);
      if (actor.instansiId === null) throw notFound();
      const rows = await listAudit(deps.db, { instansiId: actor.instansiId, ...request.query });
      return {
        entries: rows.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUserId: e.actorUserId,
          actorLabel: e.actorLabel,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          oldValues: e.oldValues,
          newValues: e.newValues,
          requestId: e.requestId,
          ip: e.ip,
          hash: e.hash,
        })),
      };
    },
  );

  r.get(
    '/api/audit/verification',
    {
      schema: {
        tags: ['audit'],
        summary: 'Inspektorat: verify the hash chain; reports the first broken link',
        response: {
          200: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenId: z.number().int().nullable(), reason: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      requireRole(request, ['INSPEKTORAT', 'SUPER_ADMIN']);
      return verifyAuditChain(deps.db);
    },
  );
}
