import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdoptionDailyResponse,
  AdoptionQuery,
  AdoptionTrendQuery,
  AdoptionTrendResponse,
  ErrorEnvelope,
  NotStartedResponse,
  DailyRecapQuery,
  DailyRecapResponse,
  VerificationDelayResponse,
} from '@pantau/contracts';
import { requireActor } from '../../http/authenticate.js';
import type { AdoptionService } from './adoption.service.js';
import { recapPdf, recapXlsx } from './recap.export.js';
import type { RecapService } from './recap.service.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const tags = ['adoption'];
const who = 'Pimpinan, admin BKPSDM and inspektorat: the whole instansi; admin OPD: their OPD. Others: 403.';

export function adoptionRoutes(app: FastifyInstance, adoption: AdoptionService, recap: RecapService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/adoption/daily',
    {
      schema: {
        tags,
        summary: 'Share of employees who reported on each working day, per OPD (range up to 93 days)',
        description: who,
        querystring: AdoptionQuery,
        response: { 200: AdoptionDailyResponse, ...errors },
      },
    },
    async (request) => adoption.daily(requireActor(request), request.query),
  );

  r.get(
    '/api/adoption/trend',
    {
      schema: { tags, summary: 'Monthly adoption trend', description: who, querystring: AdoptionTrendQuery, response: { 200: AdoptionTrendResponse, ...errors } },
    },
    async (request) => adoption.trend(requireActor(request), request.query.months, request.query.opdId),
  );

  r.get(
    '/api/adoption/not-started',
    {
      schema: {
        tags,
        summary: 'Units and people without any submitted report in the range',
        description: who,
        querystring: AdoptionQuery,
        response: { 200: NotStartedResponse, ...errors },
      },
    },
    async (request) => adoption.notStarted(requireActor(request), request.query),
  );

  r.get(
    '/api/adoption/verification-delay',
    {
      schema: {
        tags,
        summary: 'Per atasan: days decided, average and longest working days to decide, days still waiting',
        description: who,
        querystring: AdoptionQuery,
        response: { 200: VerificationDelayResponse, ...errors },
      },
    },
    async (request) => adoption.verificationDelay(requireActor(request), request.query),
  );

  r.get(
    '/api/daily-reports/recap',
    {
      schema: {
        tags,
        summary: 'Monthly recap of a unit (XLSX, PDF or JSON): per employee days reported, minutes, verified share, outputs per indicator',
        description: 'Rows are the people you may read in that unit and below.',
        querystring: DailyRecapQuery,
        response: { 200: z.union([DailyRecapResponse, z.any()]).describe('JSON, or the XLSX/PDF file'), ...errors },
      },
    },
    async (request, reply) => {
      const { month, unitId, format } = request.query;
      const data = await recap.recap(requireActor(request), month, unitId);
      if (format === 'json') return data;
      const file = format === 'pdf' ? await recapPdf(data) : await recapXlsx(data);
      const name = `rekap-laporan-harian-${unitId}-${month}.${format}`;
      reply
        .header(
          'content-type',
          format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}"`);
      return reply.send(file);
    },
  );
}
