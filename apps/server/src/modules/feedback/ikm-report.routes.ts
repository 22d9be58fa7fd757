import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { IkmReportQuery, IkmReportResponse, IkmReportUnitsResponse } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { instansi } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import type { Clock } from '../../lib/clock.js';
import { FileBody, staffErrors as errors } from './feedback-http.js';
import type { IkmReportService } from './ikm-report.service.js';
import { ikmReportXlsx } from './ikm-report.xlsx.js';

const tags = ['feedback'];

export function ikmReportRoutes(app: FastifyInstance, deps: { reports: IkmReportService; db: Db; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/feedback/ikm-report',
    {
      schema: {
        tags,
        summary: 'IKM per PermenPANRB 14/2017 for a period and a service point, a unit subtree or all the caller manages',
        querystring: IkmReportQuery,
        response: { 200: IkmReportResponse, ...errors },
      },
    },
    async (request) => ({ report: await deps.reports.report(requireActor(request), request.query) }),
  );

  r.get(
    '/api/feedback/ikm-report/units',
    {
      schema: {
        tags,
        summary: 'The units the caller may filter the IKM report to (their scope), for the unit list of the report page',
        response: { 200: IkmReportUnitsResponse, ...errors },
      },
    },
    async (request) => ({ unitIds: await deps.reports.units(requireActor(request)) }),
  );

  r.get(
    '/api/feedback/ikm-report.xlsx',
    {
      schema: {
        tags,
        summary: 'The same IKM report as an Excel workbook',
        querystring: IkmReportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'],
        response: { 200: FileBody, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const report = await deps.reports.report(actor, request.query);
      const [inst] = actor.instansiId === null ? [] : await deps.db.select({ name: instansi.name }).from(instansi).where(eq(instansi.id, actor.instansiId));
      const file = await ikmReportXlsx(report, { instansiName: inst?.name ?? '', generatedAt: deps.clock.now().toISOString() });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ikm-${report.from}-${report.to}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
}
