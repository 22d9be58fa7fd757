import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SkpBulkFinaliseBody,
  SkpBulkFinaliseResponse,
  SkpDialogBody,
  SkpDialogDto,
  SkpDialogListResponse,
  SkpDistributionQuery,
  SkpDistributionResponse,
  SkpEvaluationResponse,
  SkpEvidenceBody,
  SkpEvidenceDto,
  SkpFeedbackBody,
  SkpFeedbackDto,
  SkpFeedbackListResponse,
  SkpFeedbackQuery,
  SkpFinaliseBody,
  IdParams,
  IdSchema,
  SkpObjectionBody,
  SkpObjectionDecisionBody,
  SkpObjectionListQuery,
  SkpObjectionListResponse,
  SkpObjectionResponse,
  SkpOrgPredikatBody,
  SkpOrgPredikatListResponse,
  SkpOrgPredikatQuery,
  SkpOrgPredikatResponse,
  SkpRatingBody,
  SkpRealisationBody,
  SkpRealisationSheetResponse,
  SkpSelfAssessmentBody,
  SkpPeriodParams,
  SkpRealisationParams,
  SkpStrengthsParams,
  SkpStrengthsResponse,
  SkpTeamEvaluationsQuery,
  SkpTeamEvaluationsResponse,
  SkpBulkRatingBody,
  SkpBulkRatingResponse,
} from '@pantau/contracts';
import { errors, skpCtx } from './skp-http.js';
import type { SkpServices } from './index.js';

const tags = ['skp-evaluation'];
const RealisationParams = z.object({ realisationId: IdSchema });
const EvidenceParams = z.object({ evidenceId: IdSchema });

/** Realisation, feedback, dialog, evaluation, distribution, organisation predikat, objections. */
export function skpEvaluationRoutes(app: FastifyInstance, s: SkpServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ev = '/api/skp/:id/evaluations/:periodId';

  r.get('/api/skp/:id/periods/:periodId/realisations', { schema: { tags, summary: 'Realisation sheet of a period (targets, realisation, evidence)', params: SkpPeriodParams, response: { 200: SkpRealisationSheetResponse, ...errors } } },
    async (req) => s.activity.sheet(skpCtx(req), req.params.id, req.params.periodId));
  r.put('/api/skp/:id/periods/:periodId/realisations/:indicatorId', { schema: { tags, summary: 'Record realisation of one indicator for a period', params: SkpRealisationParams, body: SkpRealisationBody, response: { 200: SkpRealisationSheetResponse, ...errors } } },
    async (req) => s.activity.record(skpCtx(req), req.params.id, req.params.periodId, req.params.indicatorId, req.body));
  r.post('/api/skp/realisations/:realisationId/evidence', { schema: { tags, summary: 'Attach bukti dukung (metadata or link)', params: RealisationParams, body: SkpEvidenceBody, response: { 201: z.object({ evidence: SkpEvidenceDto }), ...errors } } },
    async (req, reply) => {
      const evidence = await s.activity.addEvidence(skpCtx(req), req.params.realisationId, req.body);
      reply.status(201);
      return { evidence };
    });
  r.delete('/api/skp/evidence/:evidenceId', { schema: { tags, summary: 'Remove bukti dukung', params: EvidenceParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await s.activity.deleteEvidence(skpCtx(req), req.params.evidenceId);
      return reply.status(204).send(null);
    });

  r.get('/api/skp/:id/feedback', { schema: { tags, summary: 'Feedback threads (all versions of the SKP)', params: IdParams, querystring: SkpFeedbackQuery, response: { 200: SkpFeedbackListResponse, ...errors } } },
    async (req) => ({ threads: await s.activity.feedback(skpCtx(req), req.params.id, req.query.periodId) }));
  r.post('/api/skp/:id/feedback', { schema: { tags, summary: 'Start a feedback thread on an RHK or a behaviour, or reply', params: IdParams, body: SkpFeedbackBody, response: { 201: z.object({ feedback: SkpFeedbackDto }), ...errors } } },
    async (req, reply) => {
      const feedback = await s.activity.addFeedback(skpCtx(req), req.params.id, req.body);
      reply.status(201);
      return { feedback };
    });
  r.get('/api/skp/:id/dialogs', { schema: { tags, summary: 'Dialog kinerja notes', params: IdParams, response: { 200: SkpDialogListResponse, ...errors } } },
    async (req) => ({ dialogs: await s.activity.dialogs(skpCtx(req), req.params.id) }));
  r.post('/api/skp/:id/dialogs', { schema: { tags, summary: 'Record a dialog kinerja', params: IdParams, body: SkpDialogBody, response: { 201: z.object({ dialog: SkpDialogDto }), ...errors } } },
    async (req, reply) => {
      const dialog = await s.activity.addDialog(skpCtx(req), req.params.id, req.body);
      reply.status(201);
      return { dialog };
    });

  r.get(ev, { schema: { tags, summary: 'The evaluation of a period (status NOT_STARTED until the first write)', params: SkpPeriodParams, response: { 200: SkpEvaluationResponse, ...errors } } },
    async (req) => s.evaluation.get(skpCtx(req), req.params.id, req.params.periodId));
  r.put(`${ev}/self-assessment`, { schema: { tags, summary: 'Owner: self-assessment', params: SkpPeriodParams, body: SkpSelfAssessmentBody, response: { 200: SkpEvaluationResponse, ...errors } } },
    async (req) => s.evaluation.selfAssess(skpCtx(req), req.params.id, req.params.periodId, req.body));
  r.put(`${ev}/rating`, { schema: { tags, summary: 'Pejabat penilai: rate hasil kerja and perilaku (reasons required); returns the live distribution', params: SkpPeriodParams, body: SkpRatingBody, response: { 200: SkpEvaluationResponse, ...errors } } },
    async (req) => s.evaluation.rate(skpCtx(req), req.params.id, req.params.periodId, req.body));
  r.post(`${ev}/finalisation`, { schema: { tags, summary: 'Pejabat penilai: finalise and lock (justification needed outside the distribution)', params: SkpPeriodParams, body: SkpFinaliseBody, response: { 200: SkpEvaluationResponse, ...errors } } },
    async (req) => s.evaluation.finalise(skpCtx(req), req.params.id, req.params.periodId, req.body));
  r.post(`${ev}/acknowledgement`, { schema: { tags, summary: 'Owner: acknowledge the final evaluation', params: SkpPeriodParams, response: { 200: SkpEvaluationResponse, ...errors } } },
    async (req) => s.evaluation.acknowledge(skpCtx(req), req.params.id, req.params.periodId));
  r.post(`${ev}/objection`, { schema: { tags, summary: 'Owner: file a keberatan (goes to the atasan pejabat penilai)', params: SkpPeriodParams, body: SkpObjectionBody, response: { 201: SkpObjectionResponse, ...errors } } },
    async (req, reply) => {
      const objection = await s.objection.file(skpCtx(req), req.params.id, req.params.periodId, req.body);
      reply.status(201);
      return { objection };
    });

  r.get('/api/skp/evaluations', { schema: { tags, summary: 'Team-rating page: evaluations of a period I rate (or may read) with distributions', querystring: SkpTeamEvaluationsQuery, response: { 200: SkpTeamEvaluationsResponse, ...errors } } },
    async (req) => s.team.team(skpCtx(req), req.query));
  r.put('/api/skp/evaluations/ratings', { schema: { tags, summary: 'Pejabat penilai: rate many SKPs of one period at once (all or none)', body: SkpBulkRatingBody, response: { 200: SkpBulkRatingResponse, ...errors } } },
    async (req) => s.evaluation.rateMany(skpCtx(req), req.body));
  r.post('/api/skp/evaluations/finalisation', { schema: { tags, summary: 'Pejabat penilai: finalise many rated evaluations of one period', body: SkpBulkFinaliseBody, response: { 200: SkpBulkFinaliseResponse, ...errors } } },
    async (req) => s.evaluation.finaliseMany(skpCtx(req), req.body));
  r.get('/api/skp/distribution', { schema: { tags, summary: 'Live SE MenPANRB 3/2023 distribution check of a unit\'s pool for a period', querystring: SkpDistributionQuery, response: { 200: SkpDistributionResponse, ...errors } } },
    async (req) => ({ distribution: await s.evaluation.distribution(skpCtx(req), req.query.unitId, req.query.periodId) }));
  r.get('/api/skp/org-predikat', { schema: { tags, summary: 'Organisation predikat of units for a period, with who may set them', querystring: SkpOrgPredikatQuery, response: { 200: SkpOrgPredikatListResponse, ...errors } } },
    async (req) => ({ items: await s.orgPredikat.list(skpCtx(req), req.query) }));
  r.put('/api/skp/org-predikat', { schema: { tags, summary: 'Leader one level up: set a unit\'s organisation predikat', body: SkpOrgPredikatBody, response: { 200: SkpOrgPredikatResponse, ...errors } } },
    async (req) => ({ orgPredikat: await s.orgPredikat.set(skpCtx(req), req.body) }));
  r.get('/api/skp/objections', { schema: { tags, summary: 'Objections to decide, or my own', querystring: SkpObjectionListQuery, response: { 200: SkpObjectionListResponse, ...errors } } },
    async (req) => ({ objections: await s.objection.list(skpCtx(req), req.query.role) }));
  r.post('/api/skp/objections/:id/decision', { schema: { tags, summary: 'Atasan pejabat penilai: decide an objection', params: IdParams, body: SkpObjectionDecisionBody, response: { 200: SkpObjectionResponse, ...errors } } },
    async (req) => ({ objection: await s.objection.decide(skpCtx(req), req.params.id, req.body) }));
  r.get('/api/skp/employees/:employeeId/periods/:periodId/strengths', { schema: { tags, summary: 'Strengths and weaknesses of an employee in a period', params: SkpStrengthsParams, response: { 200: SkpStrengthsResponse, ...errors } } },
    async (req) => ({ strengths: await s.strengths.strengthsFor(skpCtx(req), req.params.employeeId, req.params.periodId) }));
}
