import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateDailyReportBody,
  DailyReportListQuery,
  DailyReportListResponse,
  DailyReportResponse,
  ErrorEnvelope,
  IdParams,
  PendingListQuery,
  PendingListResponse,
  ReplaceActivitiesBody,
  ReportWindowResponse,
  SubmitBody,
  TemplatesResponse,
  VerificationBody,
} from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { DailyReportService } from './daily-reports.service.js';
import { idempotencyKeyFrom } from './idempotency.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
const IDEMPOTENCY =
  'Send an `Idempotency-Key` header (or the `idempotencyKey` field): a repeat with the same key changes nothing and gets the first answer (a key that created a new day answers with that day as it is at the repeat, same status code); the same key with another request is refused with 409.';

export function dailyReportRoutes(app: FastifyInstance, service: DailyReportService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/daily-reports',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Daily reports of one employee (default: your own), newest first',
        querystring: DailyReportListQuery,
        response: { 200: DailyReportListResponse, ...errors },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  r.get(
    '/api/daily-reports/window',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'The working days you may report now (today and the configured days back), with their reports',
        response: { 200: ReportWindowResponse, ...errors },
      },
    },
    async (request) => service.window(requireActor(request)),
  );

  r.get(
    '/api/daily-reports/templates',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Your recent distinct activities, for one-tap reuse',
        response: { 200: TemplatesResponse, ...errors },
      },
    },
    async (request) => service.templates(requireActor(request)),
  );

  r.get(
    '/api/daily-reports/pending',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Submitted days waiting for your verification, oldest first',
        querystring: PendingListQuery,
        response: { 200: PendingListResponse, ...errors },
      },
    },
    async (request) => service.pending(requireActor(request), request.query.limit),
  );

  r.post(
    '/api/daily-reports',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Create the report of a day (201), or add activities to its draft (200); optionally submit',
        description: IDEMPOTENCY + ' The key is required here.',
        body: CreateDailyReportBody,
        response: { 200: DailyReportResponse, 201: DailyReportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyFrom(request.headers['idempotency-key'], request.body.idempotencyKey);
      const result = await service.create(requireActor(request), request.body, key, requestContext(request));
      reply.status(result.status);
      return result.body;
    },
  );

  r.get(
    '/api/daily-reports/:id',
    {
      schema: { tags: ['daily-reports'], summary: 'One report with activities, evidence and your abilities', params: IdParams, response: { 200: DailyReportResponse, ...errors } },
    },
    async (request) => ({ dailyReport: await service.get(requireActor(request), request.params.id) }),
  );

  r.put(
    '/api/daily-reports/:id',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Replace the activities of your draft or returned report; optionally submit',
        description: IDEMPOTENCY,
        params: IdParams,
        body: ReplaceActivitiesBody,
        response: { 200: DailyReportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyFrom(request.headers['idempotency-key'], request.body.idempotencyKey);
      const result = await service.replace(requireActor(request), request.params.id, request.body, key, requestContext(request));
      reply.status(result.status);
      return result.body;
    },
  );

  r.delete(
    '/api/daily-reports/:id',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Delete your draft that was never submitted (evidence files are kept)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, requestContext(request));
      return reply.status(204).send(null);
    },
  );

  // The submission needs no body; a client that sends `content-type: application/json` with an
  // empty body (fetch with headers but no body) gets the submission, not a 400. Only this route's
  // scope parses JSON this way.
  app.register(async (scope) => {
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
      const raw = String(text);
      if (raw.trim() === '') return done(null, {});
      json(request, raw, done);
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/daily-reports/:id/submission',
      {
        schema: {
          tags: ['daily-reports'],
          summary: 'Submit (or resubmit after a return) the day to the atasan of its date',
          description: IDEMPOTENCY + ' The key is required here.',
          params: IdParams,
          body: SubmitBody.optional(),
          response: { 200: DailyReportResponse, ...errors },
        },
      },
      async (request, reply) => {
        const key = idempotencyKeyFrom(request.headers['idempotency-key'], request.body?.idempotencyKey);
        const result = await service.submit(requireActor(request), request.params.id, key, requestContext(request));
        reply.status(result.status);
        return result.body;
      },
    );
  });

  r.post(
    '/api/daily-reports/:id/verification',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Atasan of the date: verify or return the day, or single activities, with a note',
        description: 'Out of your chain: 404. In view but not the atasan of that date (e.g. the definitive holder during a Plh): 403. ' + IDEMPOTENCY,
        params: IdParams,
        body: VerificationBody,
        response: { 200: DailyReportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyFrom(request.headers['idempotency-key'], request.body.idempotencyKey);
      const result = await service.verify(requireActor(request), request.params.id, request.body, key, requestContext(request));
      reply.status(result.status);
      return result.body;
    },
  );
}
