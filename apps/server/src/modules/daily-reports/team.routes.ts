import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateSupervisionRecordBody,
  ErrorEnvelope,
  IdParams,
  RealisationQuery,
  RealisationResponse,
  SupervisionRecordListResponse,
  SupervisionRecordResponse,
  TeamQuery,
  TeamTodayResponse,
} from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import { idempotencyKeyFrom } from './idempotency.js';
import type { TeamService } from './team.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };

export function teamRoutes(app: FastifyInstance, service: TeamService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/team/today',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Atasan: who reported today, pending verifications, minutes against the norm and alerts (live via /api/events)',
        querystring: TeamQuery,
        response: { 200: TeamTodayResponse, ...errors },
      },
    },
    async (request) => service.teamToday(requireActor(request), request.query.scope),
  );

  r.post(
    '/api/employees/:id/supervision-records',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Atasan in the chain: record a note, pembinaan or dialog kinerja for the employee (notifies them)',
        description: 'Requires an Idempotency-Key header (or idempotencyKey field).',
        params: IdParams,
        body: CreateSupervisionRecordBody,
        response: { 201: SupervisionRecordResponse, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyFrom(request.headers['idempotency-key'], request.body.idempotencyKey);
      const result = await service.createRecord(requireActor(request), request.params.id, request.body, key, requestContext(request));
      reply.status(result.status);
      return result.body;
    },
  );

  r.get(
    '/api/employees/:id/supervision-records',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Notes, pembinaan and dialog kinerja records about an employee (the employee sees their own)',
        params: IdParams,
        response: { 200: SupervisionRecordListResponse, ...errors },
      },
    },
    async (request) => service.listRecords(requireActor(request), request.params.id),
  );

  r.get(
    '/api/employees/:id/daily-realisation',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Verified minutes and outputs from daily reports per SKP indicator in a date range',
        params: IdParams,
        querystring: RealisationQuery,
        response: { 200: RealisationResponse, ...errors },
      },
    },
    async (request) => service.realisation(requireActor(request), request.params.id, request.query.from, request.query.to),
  );
}
