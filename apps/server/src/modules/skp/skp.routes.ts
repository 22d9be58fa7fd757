import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  SkpCascadeBody,
  SkpCascadePositionsResponse,
  SkpCascadeResponse,
  SkpCreateBody,
  SkpGeneratePeriodsBody,
  IdParams,
  SkpLampiranBody,
  SkpParentRhkOptionsResponse,
  SkpPerilakuBody,
  SkpReturnBody,
  SkpRhkBody,
  SkpRhkParams,
  SkpListQuery,
  SkpListResponse,
  SkpPeriodsQuery,
  SkpPeriodsResponse,
  SkpResponse,
  SkpSettingsResponse,
  SkpTreeQuery,
  SkpTreeResponse,
  SkpUpdateRhkBody,
  SkpUpdateBody,
  SkpUpdateSettingsBody,
} from '@pantau/contracts';
import { errors, skpCtx } from './skp-http.js';
import type { SkpServices } from './index.js';

const tags = ['skp'];

/** SKP planning routes: settings, periods, SKP workflow, RHK, lampiran, perilaku, cascade, tree. */
export function skpPlanRoutes(app: FastifyInstance, s: SkpServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/skp/settings', { schema: { tags, summary: 'SKP settings of the instansi (period length, objection days, rule set)', response: { 200: SkpSettingsResponse, ...errors } } },
    async (req) => ({ settings: await s.settings.get(skpCtx(req)) }));
  r.put('/api/skp/settings', { schema: { tags, summary: 'Admin BKPSDM: change SKP settings', body: SkpUpdateSettingsBody, response: { 200: SkpSettingsResponse, ...errors } } },
    async (req) => ({ settings: await s.settings.update(skpCtx(req), req.body) }));
  r.get('/api/skp/periods', { schema: { tags, summary: 'Evaluation periods of a year (periodic + annual)', querystring: SkpPeriodsQuery, response: { 200: SkpPeriodsResponse, ...errors } } },
    async (req) => ({ periods: await s.settings.periods(skpCtx(req), req.query.year) }));
  r.post('/api/skp/periods', { schema: { tags, summary: 'Admin BKPSDM: generate (or regenerate unused) periods of a year', body: SkpGeneratePeriodsBody, response: { 200: SkpPeriodsResponse, ...errors } } },
    async (req) => ({ periods: await s.settings.generate(skpCtx(req), req.body.year) }));

  r.get('/api/skp', { schema: { tags, summary: 'SKPs: mine, to approve, or my team', querystring: SkpListQuery, response: { 200: SkpListResponse, ...errors } } },
    async (req) => ({ skps: await s.plan.list(skpCtx(req), req.query) }));
  r.post('/api/skp', { schema: { tags, summary: 'Start my SKP for a year (the segment of the year I hold my post)', body: SkpCreateBody, response: { 201: SkpResponse, ...errors } } },
    async (req, reply) => {
      const skp = await s.plan.create(skpCtx(req), req.body);
      reply.status(201);
      return { skp };
    });
  r.get('/api/skp/tree', { schema: { tags, summary: 'Cascade tree city → unit → person with RHK gaps', querystring: SkpTreeQuery, response: { 200: SkpTreeResponse, ...errors } } },
    async (req) => s.tree.tree(skpCtx(req), req.query));
  r.get('/api/skp/:id', { schema: { tags, summary: 'One SKP with RHK, indicators, lampiran, perilaku, identities and abilities', params: IdParams, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.plan.detail(skpCtx(req), req.params.id) }));
  r.patch('/api/skp/:id', { schema: { tags, summary: 'Change form or approach of a draft', params: IdParams, body: SkpUpdateBody, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.plan.update(skpCtx(req), req.params.id, req.body) }));

  // Workflow steps are sub-resources (the step is the thing created), not verbs.
  r.post('/api/skp/:id/submission', { schema: { tags, summary: 'Submit to the pejabat penilai', params: IdParams, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.plan.submit(skpCtx(req), req.params.id) }));
  r.post('/api/skp/:id/approval', { schema: { tags, summary: 'Pejabat penilai: approve', params: IdParams, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.plan.approve(skpCtx(req), req.params.id) }));
  r.post('/api/skp/:id/return', { schema: { tags, summary: 'Pejabat penilai: return with notes', params: IdParams, body: SkpReturnBody, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.plan.returnForRevision(skpCtx(req), req.params.id, req.body) }));
  r.post('/api/skp/:id/revisions', { schema: { tags, summary: 'Start a new version of an approved SKP', params: IdParams, response: { 201: SkpResponse, ...errors } } },
    async (req, reply) => {
      const skp = await s.plan.revise(skpCtx(req), req.params.id);
      reply.status(201);
      return { skp };
    });

  r.post('/api/skp/:id/rhk', { schema: { tags, summary: 'Add an RHK with its indicators', params: IdParams, body: SkpRhkBody, response: { 201: SkpResponse, ...errors } } },
    async (req, reply) => {
      const skp = await s.rhk.addRhk(skpCtx(req), req.params.id, req.body);
      reply.status(201);
      return { skp };
    });
  r.patch('/api/skp/rhk/:rhkId', { schema: { tags, summary: 'Change an RHK (indicators are replaced when sent)', params: SkpRhkParams, body: SkpUpdateRhkBody, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.rhk.updateRhk(skpCtx(req), req.params.rhkId, req.body) }));
  r.delete('/api/skp/rhk/:rhkId', { schema: { tags, summary: 'Remove an RHK from a draft', params: SkpRhkParams, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.rhk.deleteRhk(skpCtx(req), req.params.rhkId) }));
  r.put('/api/skp/:id/lampiran', { schema: { tags, summary: 'Replace the three lampiran lists', params: IdParams, body: SkpLampiranBody, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.rhk.setLampiran(skpCtx(req), req.params.id, req.body) }));
  r.put('/api/skp/:id/perilaku', { schema: { tags, summary: 'Ekspektasi khusus pimpinan per BerAKHLAK value', params: IdParams, body: SkpPerilakuBody, response: { 200: SkpResponse, ...errors } } },
    async (req) => ({ skp: await s.rhk.setPerilaku(skpCtx(req), req.params.id, req.body) }));
  r.get('/api/skp/:id/parent-rhk-options', { schema: { tags, summary: 'RHK atasan this SKP may intervene', params: IdParams, response: { 200: SkpParentRhkOptionsResponse, ...errors } } },
    async (req) => s.rhk.parentOptions(skpCtx(req), req.params.id));
  r.get('/api/skp/:id/cascade-positions', { schema: { tags, summary: 'Cascade by position: jabatan slots below the owner of this leader SKP, with holders (Plt/Plh included)', params: IdParams, response: { 200: SkpCascadePositionsResponse, ...errors } } },
    async (req) => s.cascade.positions(skpCtx(req), req.params.id));
  r.post('/api/skp/rhk/:rhkId/cascades', {
    schema: { tags, summary: 'Hand my RHK down to subordinates (by unit, position or list)', params: SkpRhkParams, body: SkpCascadeBody, response: { 201: SkpCascadeResponse, ...errors } },
  }, async (req, reply) => {
    const result = await s.cascade.cascade(skpCtx(req), req.params.rhkId, req.body);
    reply.status(201);
    return result;
  });
}

