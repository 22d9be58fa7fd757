import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelope,
  FeedbackAlertFollowUpBody,
  FeedbackAlertListQuery,
  FeedbackAlertListResponse,
  FeedbackAlertResponse,
  IdParams,
} from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { AlertService } from './alerts.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
const tags = ['feedback'];

export function alertRoutes(app: FastifyInstance, service: AlertService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/feedback/alerts',
    {
      schema: {
        tags,
        summary: 'Complaints and low survey scores that reached the caller (or people below them), by default those still without a follow-up',
        querystring: FeedbackAlertListQuery,
        response: { 200: FeedbackAlertListResponse, ...errors },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  r.post(
    '/api/feedback/alerts/:id/follow-up',
    {
      schema: {
        tags,
        summary: 'Record what the supervisor did about an alert (once)',
        params: IdParams,
        body: FeedbackAlertFollowUpBody,
        response: { 200: FeedbackAlertResponse, ...errors },
      },
    },
    async (request) => ({ alert: await service.followUp(requireActor(request), request.params.id, request.body.note, requestContext(request)) }),
  );
}
