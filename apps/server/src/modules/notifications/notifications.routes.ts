import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorEnvelope,
  IdParams,
  NotificationListQuery,
  NotificationListResponse,
  NotificationResponse,
  ReadAllResponse,
} from '@pantau/contracts';
import { requireActor } from '../../http/authenticate.js';
import type { NotificationService } from './notifications.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export function notificationRoutes(app: FastifyInstance, service: NotificationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse, ...errors },
      },
    },
    async (request) => service.list(requireActor(request), request.locale, request.query),
  );

  r.post(
    '/api/notifications/:id/read',
    {
      schema: { tags: ['notifications'], summary: 'Mark one notification read', params: IdParams, response: { 200: NotificationResponse, ...errors } },
    },
    async (request) => ({ notification: await service.markRead(requireActor(request), request.locale, request.params.id) }),
  );

  r.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: ReadAllResponse, ...errors } } },
    async (request) => service.readAll(requireActor(request)),
  );
}
