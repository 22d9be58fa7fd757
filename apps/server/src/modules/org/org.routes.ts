import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentDto,
  CreateAssignmentBody,
  CreateUnitBody,
  EmployeeDetailResponse,
  EmployeeListQuery,
  EmployeeListResponse,
  ErrorEnvelope,
  IdParams,
  SupervisorQuery,
  SupervisorResponse,
  UnitDto,
  UnitListResponse,
} from '@pantau/contracts';
import { requireActor, requestContext } from '../../http/authenticate.js';
import type { OrgService } from './org.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export function orgRoutes(app: FastifyInstance, org: OrgService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/units',
    { schema: { tags: ['org'], summary: 'Organisation units of the instansi (flat list, ordered as a tree)', response: { 200: UnitListResponse, ...errors } } },
    async (request) => ({ units: await org.listUnits(requireActor(request)) }),
  );

  r.post(
    '/api/units',
    { schema: { tags: ['org'], summary: 'Admin: add a unit', body: CreateUnitBody, response: { 201: z.object({ unit: UnitDto }), ...errors } } },
    async (request, reply) => {
      const u = await org.createUnit(requireActor(request), request.body, requestContext(request));
      reply.status(201);
      return { unit: { id: u.id, parentId: u.parentId, opdId: u.opdId, name: u.name, shortName: u.shortName, kind: u.kind, employeeCount: 0 } };
    },
  );

  r.get(
    '/api/employees',
    {
      schema: {
        tags: ['org'],
        summary: 'Employees the caller may see (self, their chain, their admin scope), searchable and paged',
        querystring: EmployeeListQuery,
        response: { 200: EmployeeListResponse, ...errors },
      },
    },
    async (request) => org.listEmployees(requireActor(request), request.query),
  );

  r.get(
    '/api/employees/:id',
    { schema: { tags: ['org'], summary: 'One employee with assignment history', params: IdParams, response: { 200: EmployeeDetailResponse, ...errors } } },
    async (request) => ({ employee: await org.getEmployee(requireActor(request), request.params.id, requestContext(request)) }),
  );

  r.get(
    '/api/employees/:id/supervisor',
    {
      schema: {
        tags: ['org'],
        summary: 'Who was the direct supervisor on a date (Plh, then Plt, then definitive holder)',
        params: IdParams,
        querystring: SupervisorQuery,
        response: { 200: SupervisorResponse, ...errors },
      },
    },
    async (request) => org.supervisorOf(requireActor(request), request.params.id, request.query.date),
  );

  r.post(
    '/api/employees/:id/assignments',
    {
      schema: {
        tags: ['org'],
        summary: 'Admin: record a transfer, promotion or acting (Plt/Plh) assignment',
        params: IdParams,
        body: CreateAssignmentBody,
        response: { 201: z.object({ assignment: AssignmentDto.pick({ id: true, kind: true, positionId: true, validFrom: true, validTo: true }) }), ...errors },
      },
    },
    async (request, reply) => {
      const a = await org.addAssignment(requireActor(request), request.params.id, request.body, requestContext(request));
      reply.status(201);
      return { assignment: a };
    },
  );
}
