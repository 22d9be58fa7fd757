import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgreementBody,
  CourseFiguresQuery,
  CourseFiguresResponse,
  ExternalBody,
  ExternalDecisionBody,
  ExternalListQuery,
  ExternalListResponse,
  ExternalResponse,
  IdParams,
  NeedBody,
  NeedResponse,
  PlanQuery,
  PlanResponse,
  TeamPlansQuery,
  TeamPlansResponse,
  UnitFiguresQuery,
  UnitFiguresResponse,
  WithdrawNeedBody,
} from '@pantau/contracts';
import { jpPerUnitWorkbook } from './exports.js';
import type { ExternalService } from './external.service.js';
import type { FiguresService } from './figures.service.js';
import type { PlanService } from './plans.service.js';
import { FileBody, errors, sendCertificate, sendXlsx, tags, trainingCtx } from './training.http.js';

/** Plans and needs, external training, and figures. */
export function planRoutes(app: FastifyInstance, s: { plans: PlanService; external: ExternalService; figures: FiguresService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/training/plan', { schema: { tags, summary: 'The development plan of an employee (default: yours): JP against 20, needs with suggested trainings, agreement', querystring: PlanQuery, response: { 200: PlanResponse, ...errors } } },
    async (request) => ({ plan: await s.plans.plan(trainingCtx(request), request.query) }));

  r.get('/api/training/team', { schema: { tags, summary: 'Atasan: everyone below you, with JP, open needs, needs to agree and requests to decide', querystring: TeamPlansQuery, response: { 200: TeamPlansResponse, ...errors } } },
    async (request) => s.plans.team(trainingCtx(request), request.query));

  r.post('/api/training/plan/agreement', { schema: { tags, summary: 'Direct atasan: agree the plan (open needs, with the course chosen for each)', body: AgreementBody, response: { 200: PlanResponse, ...errors } } },
    async (request) => ({ plan: await s.plans.agree(trainingCtx(request), request.body) }));

  r.post('/api/training/needs', { schema: { tags, summary: 'Add a need by hand (yourself, your atasan or an admin over you)', body: NeedBody, response: { 201: NeedResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ need: await s.plans.addNeed(trainingCtx(request), request.body) }));

  r.post('/api/training/needs/:id/withdrawal', { schema: { tags, summary: 'Atasan or admin: withdraw an open need, with the reason', params: IdParams, body: WithdrawNeedBody, response: { 200: NeedResponse, ...errors } } },
    async (request) => ({ need: await s.plans.withdraw(trainingCtx(request), request.params.id, request.body) }));

  r.post('/api/training/external', { schema: { tags, summary: 'Employee: add training outside the catalogue, with the certificate; counts once verified', body: ExternalBody, response: { 201: ExternalResponse, ...errors } } },
    async (request, reply) => reply.status(201).send({ external: await s.external.create(trainingCtx(request), request.body) }));

  r.get('/api/training/external', { schema: { tags, summary: 'My external training (mine) or those waiting for my verification (to-verify, admins)', querystring: ExternalListQuery, response: { 200: ExternalListResponse, ...errors } } },
    async (request) => ({ external: await s.external.list(trainingCtx(request), request.query) }));

  r.post('/api/training/external/:id/verification', { schema: { tags, summary: 'Admin over the employee: verify (JP count) or reject with a reason; never your own', params: IdParams, body: ExternalDecisionBody, response: { 200: ExternalResponse, ...errors } } },
    async (request) => ({ external: await s.external.decide(trainingCtx(request), request.params.id, request.body) }));

  r.get('/api/training/external/:id/certificate', { schema: { tags, summary: 'The certificate of an external training', params: IdParams, response: { 200: z.any().describe('The file'), ...errors } } },
    async (request, reply) => {
      const { file, stream } = await s.external.certificate(trainingCtx(request), request.params.id);
      return sendCertificate(reply, file, stream);
    });

  r.get('/api/training/figures/units', { schema: { tags, summary: 'Per OPD (or the units below one): share of staff at 20 JP, average JP, open needs, sessions held', querystring: UnitFiguresQuery, response: { 200: UnitFiguresResponse, ...errors } } },
    async (request) => s.figures.units(trainingCtx(request), request.query));

  r.get('/api/training/figures/units.xlsx', { schema: { tags, summary: 'JP per unit as XLSX', querystring: UnitFiguresQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'], response: { 200: FileBody, ...errors } } },
    async (request, reply) => {
      const ctx = trainingCtx(request);
      const data = await s.figures.units(ctx, request.query);
      return sendXlsx(reply, `jp-per-unit-${data.year}.xlsx`, await jpPerUnitWorkbook(data, ctx.locale));
    });

  r.get('/api/training/figures/courses', { schema: { tags, summary: 'Per training held this year: participants, and before/after figures (ratings, IKM, complaints) — no causal claim', querystring: CourseFiguresQuery, response: { 200: CourseFiguresResponse, ...errors } } },
    async (request) => s.figures.courses(trainingCtx(request), request.query));
}
