import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ComplainantResponse,
  ComplaintAcknowledgeBody,
  ComplaintDetailResponse,
  ComplaintEvidenceBody,
  ComplaintEvidenceResponse,
  ComplaintListQuery,
  ComplaintListResponse,
  ComplaintTransitionBody,
  EmployeeEvidenceResponse,
  IdParams,
  IdSchema,
  MyComplaintListResponse,
  MyComplaintResponse,
} from '@pantau/contracts';
import { requestContext, requireActor, requireRole } from '../../http/authenticate.js';
import type { ComplaintService } from './complaints.service.js';
import type { EmployeeComplaintService } from './complaints.employee.service.js';
import type { ComplaintSweep } from './complaints.sweep.js';
import { FileBody, staffErrors as errors } from './feedback-http.js';

const tags = ['feedback'];

export function complaintRoutes(
  app: FastifyInstance,
  deps: { complaints: ComplaintService; employee: EmployeeComplaintService; sweep: ComplaintSweep },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { complaints, employee } = deps;

  r.get(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: 'Complaints the caller handles or supervises (never the complainant\'s identity)',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintListResponse, ...errors },
      },
    },
    async (request) => complaints.list(requireActor(request), request.query),
  );

  r.get(
    '/api/complaints/:id',
    { schema: { tags, summary: 'One complaint with its history, attachments list and the caller\'s abilities', params: IdParams, response: { 200: ComplaintDetailResponse, ...errors } } },
    async (request) => ({ complaint: await complaints.detail(requireActor(request), request.params.id) }),
  );

  r.post(
    '/api/complaints/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Verify, reject (with reason), forward to a unit, record the follow-up, or close',
        params: IdParams,
        body: ComplaintTransitionBody,
        response: { 200: ComplaintDetailResponse, ...errors },
      },
    },
    async (request) => ({ complaint: await complaints.transition(requireActor(request), request.params.id, request.body, requestContext(request)) }),
  );

  r.get(
    '/api/complaints/:id/complainant',
    {
      schema: {
        tags,
        summary: 'Complaint administrators only: the contact of a rahasia (not anonim) complainant. Every read is logged.',
        params: IdParams,
        response: { 200: ComplainantResponse, ...errors },
      },
    },
    async (request) => ({ complainant: await complaints.complainant(requireActor(request), request.params.id, requestContext(request)) }),
  );

  r.get(
    '/api/complaints/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (always as a download, never shown inline)',
        params: z.object({ id: IdSchema, attachmentId: IdSchema }),
        produces: ['image/jpeg', 'image/png', 'application/pdf', 'application/json'],
        response: { 200: FileBody, ...errors },
      },
    },
    async (request, reply) => {
      const file = await complaints.attachment(requireActor(request), request.params.id, request.params.attachmentId, requestContext(request));
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`)
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );

  r.post(
    '/api/complaints/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Supervisor: attach a verified complaint about a named employee to their evidence (Berorientasi Pelayanan), after they have seen and answered it',
        params: IdParams,
        body: ComplaintEvidenceBody,
        response: { 201: ComplaintEvidenceResponse, ...errors },
      },
    },
    async (request, reply) => {
      const evidence = await employee.attachEvidence(requireActor(request), request.params.id, request.body.note, requestContext(request));
      return reply.status(201).send({ evidence });
    },
  );

  r.get(
    '/api/employees/:id/feedback-evidence',
    { schema: { tags, summary: 'Complaints attached as evidence to an employee\'s evaluation', params: IdParams, response: { 200: EmployeeEvidenceResponse, ...errors } } },
    async (request) => ({ evidence: await employee.evidenceOf(requireActor(request), request.params.id) }),
  );

  r.get(
    '/api/me/complaints',
    { schema: { tags, summary: 'Verified complaints naming the caller (without the complainant)', response: { 200: MyComplaintListResponse, ...errors } } },
    async (request) => ({ complaints: await employee.mine(requireActor(request)) }),
  );

  r.post(
    '/api/me/complaints/:id/acknowledgement',
    {
      schema: {
        tags,
        summary: 'The named employee has read the complaint, optionally with an answer',
        params: IdParams,
        body: ComplaintAcknowledgeBody,
        response: { 200: MyComplaintResponse, ...errors },
      },
    },
    async (request) => ({ complaint: await employee.acknowledge(requireActor(request), request.params.id, request.body.response, requestContext(request)) }),
  );

  r.post(
    '/api/feedback/sweep',
    {
      schema: {
        tags,
        summary: 'Admin BKPSDM: run the deadline check now (escalation of overdue complaints, automatic closing); it also runs on a timer',
        response: { 200: z.object({ closed: z.number().int(), escalated: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      requireRole(request, ['ADMIN_BKPSDM']);
      return deps.sweep.run(request.id);
    },
  );
}
