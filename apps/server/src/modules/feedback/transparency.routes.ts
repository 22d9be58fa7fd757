import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorEnvelope,
  OpenDataComplaints,
  OpenDataIkm,
  PublicDirectoryResponse,
  TransparencyQuery,
  TransparencyResponse,
} from '@pantau/contracts';
import { FileBody } from './feedback-http.js';
import { complaintsCsv, ikmCsv } from './open-data.js';
import type { TransparencyService } from './transparency.service.js';

const tags = ['public'];
const CodeParams = z.object({ code: z.string().trim().toLowerCase().max(32) });
const errors = { 400: ErrorEnvelope, 404: ErrorEnvelope };
/** Public figures may be cached by browsers and proxies for a minute. */
const CACHE = 'public, max-age=60';

/** Public transparency and open data (no sign-in, no personal data, small groups withheld). */
export function transparencyRoutes(app: FastifyInstance, service: TransparencyService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/public/instansi/:code/transparency',
    {
      schema: {
        tags,
        summary: 'Per OPD and service: IKM and monthly trend, complaints, share closed on time, median days to resolve, open backlog',
        params: CodeParams,
        querystring: TransparencyQuery,
        response: { 200: TransparencyResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return service.transparency(request.params.code, request.query.year);
    },
  );

  r.get(
    '/api/public/instansi/:code/directory',
    {
      schema: { tags, summary: 'OPDs, their units and active services (for the complaint form)', params: CodeParams, response: { 200: PublicDirectoryResponse, ...errors } },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return service.directory(request.params.code);
    },
  );

  r.get(
    '/api/public/instansi/:code/open-data/ikm.json',
    { schema: { tags, summary: 'Open data: IKM per service and month (schema in docs/open-data.md)', params: CodeParams, querystring: TransparencyQuery, response: { 200: OpenDataIkm, ...errors } } },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return service.openIkm(request.params.code, request.query.year);
    },
  );

  r.get(
    '/api/public/instansi/:code/open-data/complaints.json',
    {
      schema: {
        tags,
        summary: 'Open data: complaints per OPD, service and month (schema in docs/open-data.md)',
        params: CodeParams,
        querystring: TransparencyQuery,
        response: { 200: OpenDataComplaints, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return service.openComplaints(request.params.code, request.query.year);
    },
  );

  for (const dataset of ['ikm', 'complaints'] as const) {
    r.get(
      `/api/public/instansi/:code/open-data/${dataset}.csv`,
      {
        schema: {
          tags,
          summary: `Open data as CSV: ${dataset === 'ikm' ? 'IKM per service and month' : 'complaints per OPD, service and month'}`,
          params: CodeParams,
          querystring: TransparencyQuery,
          produces: ['text/csv', 'application/json'],
          response: { 200: FileBody, ...errors },
        },
      },
      async (request, reply) => {
        const { code } = request.params;
        const data = dataset === 'ikm' ? await service.openIkm(code, request.query.year) : await service.openComplaints(code, request.query.year);
        const body = data.dataset === 'ikm' ? ikmCsv(data) : complaintsCsv(data);
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', CACHE)
          .header('content-disposition', `attachment; filename="${data.instansi.code}-${dataset}-${data.year}.csv"`)
          .send(body);
      },
    );
  }
}
