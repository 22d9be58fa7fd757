import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateHolidayBody,
  ErrorEnvelope,
  HolidayListQuery,
  HolidayListResponse,
  HolidayResponse,
  IdParams,
  ImportHolidaysResponse,
  UpdateHolidayBody,
} from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { HolidayService } from './holidays.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
const tags = ['feedback'];

export function holidayRoutes(app: FastifyInstance, service: HolidayService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/holidays',
    { schema: { tags, summary: 'Days off of the instansi in a year (libur nasional, cuti bersama, daerah)', querystring: HolidayListQuery, response: { 200: HolidayListResponse, ...errors } } },
    async (request) => service.list(requireActor(request), request.query.year),
  );

  r.post(
    '/api/holidays',
    { schema: { tags, summary: 'Admin BKPSDM: add a day off', body: CreateHolidayBody, response: { 201: HolidayResponse, ...errors } } },
    async (request, reply) => {
      const holiday = await service.create(requireActor(request), request.body, requestContext(request));
      return reply.status(201).send({ holiday });
    },
  );

  r.patch(
    '/api/holidays/:id',
    { schema: { tags, summary: 'Admin BKPSDM: change a day off', params: IdParams, body: UpdateHolidayBody, response: { 200: HolidayResponse, ...errors } } },
    async (request) => ({ holiday: await service.update(requireActor(request), request.params.id, request.body, requestContext(request)) }),
  );

  r.delete(
    '/api/holidays/:id',
    { schema: { tags, summary: 'Admin BKPSDM: remove a day off', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, requestContext(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/holidays/national/:year',
    {
      schema: {
        tags,
        summary: 'Admin BKPSDM: add the national calendar of a year (SKB 3 Menteri) that Pantau ships; existing days stay',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: ImportHolidaysResponse, ...errors },
      },
    },
    async (request) => service.importNational(requireActor(request), request.params.year, requestContext(request)),
  );
}
