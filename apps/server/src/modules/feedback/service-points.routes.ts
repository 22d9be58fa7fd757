import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateServicePointBody,
  ErrorEnvelope,
  IdParams,
  PublicServicePointResponse,
  ServicePointListQuery,
  ServicePointListResponse,
  ServicePointResponse,
  ServicePointStaffBody,
  SurveySubmitBody,
  SurveySubmitResponse,
  UpdateServicePointBody,
} from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import { FileBody, publicErrors, staffErrors } from './feedback-http.js';
import type { PublicGuard } from './public-guard.js';
import type { ServicePointService } from './service-points.service.js';
import type { SurveyService } from './surveys.service.js';

const errors = staffErrors;
const tags = ['feedback'];
const SlugParams = z.object({ slug: z.string().trim().toLowerCase().max(80) });

export function servicePointRoutes(
  app: FastifyInstance,
  deps: { servicePoints: ServicePointService; surveys: SurveyService; guard: PublicGuard; publicBaseUrl: string | null },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { servicePoints: service } = deps;

  r.get(
    '/api/service-points',
    { schema: { tags, summary: 'Service points the caller manages or reads', querystring: ServicePointListQuery, response: { 200: ServicePointListResponse, ...errors } } },
    async (request) => ({ servicePoints: await service.list(requireActor(request), request.query) }),
  );

  r.post(
    '/api/service-points',
    { schema: { tags, summary: 'Admin: add a public service of a unit', body: CreateServicePointBody, response: { 201: ServicePointResponse, ...errors } } },
    async (request, reply) => {
      const servicePoint = await service.create(requireActor(request), request.body, requestContext(request));
      return reply.status(201).send({ servicePoint });
    },
  );

  r.get(
    '/api/service-points/:id',
    { schema: { tags, summary: 'One service point', params: IdParams, response: { 200: ServicePointResponse, ...errors } } },
    async (request) => ({ servicePoint: await service.get(requireActor(request), request.params.id) }),
  );

  r.patch(
    '/api/service-points/:id',
    { schema: { tags, summary: 'Admin: change a service point (deactivate with active: false)', params: IdParams, body: UpdateServicePointBody, response: { 200: ServicePointResponse, ...errors } } },
    async (request) => ({ servicePoint: await service.update(requireActor(request), request.params.id, request.body, requestContext(request)) }),
  );

  r.delete(
    '/api/service-points/:id',
    { schema: { tags, summary: 'Admin: delete an unused service point (409 once it has answers or complaints)', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, requestContext(request));
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/service-points/:id/staff',
    { schema: { tags, summary: 'Admin: choose the staff shown on the public page', params: IdParams, body: ServicePointStaffBody, response: { 200: ServicePointResponse, ...errors } } },
    async (request) => ({
      servicePoint: await service.setStaff(requireActor(request), request.params.id, request.body.employeeIds, requestContext(request)),
    }),
  );

  r.get(
    '/api/service-points/:id/poster.pdf',
    {
      schema: {
        tags,
        summary: 'Printable A4 poster with the QR code of the public survey page',
        params: IdParams,
        produces: ['application/pdf', 'application/json'],
        response: { 200: FileBody, ...errors },
      },
    },
    async (request, reply) => {
      const origin = deps.publicBaseUrl ?? `${request.protocol}://${request.host}`;
      const { pdf, slug } = await service.poster(requireActor(request), request.params.id, origin);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="poster-survei-${slug}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // ------------------------------------------------------------ public (no sign-in)

  r.get(
    '/api/public/service-points/:slug',
    {
      schema: {
        tags: ['public'],
        summary: 'Public survey page data: the 9 unsur with the regulation\'s answer wording, and the staff list (names and jabatan)',
        params: SlugParams,
        response: { 200: PublicServicePointResponse, 404: ErrorEnvelope },
      },
    },
    async (request) => ({ servicePoint: await service.publicView(request.params.slug) }),
  );

  r.post(
    '/api/public/service-points/:slug/survey-responses',
    {
      schema: {
        tags: ['public'],
        summary: 'Send one SKM questionnaire (no sign-in; limited per address; same answers twice a day are refused)',
        params: SlugParams,
        body: SurveySubmitBody,
        response: { 201: SurveySubmitResponse, ...publicErrors },
      },
    },
    async (request, reply) => {
      const client = await deps.guard.client(request, 'surveys');
      return reply.status(201).send(await deps.surveys.submit(request.params.slug, request.body, client));
    },
  );
}
