import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { skpDocumentRoutes } from './documents/documents.routes.js';
import { createSkpDocumentsService } from './documents/documents.service.js';
import { createSkpActivityService } from './skp-activity.service.js';
import { createSkpCascadeService } from './skp-cascade.service.js';
import { skpEvaluationRoutes } from './skp-evaluation.routes.js';
import { createSkpEvaluationService } from './skp-evaluation.service.js';
import { createSkpNotices } from './skp-notices.js';
import { createSkpObjectionService } from './skp-objection.service.js';
import { createSkpOrgPredikatService } from './skp-org-predikat.service.js';
import { createSkpStrengthsService } from './skp-strengths.service.js';
import { createSkpTeamService } from './skp-team.service.js';
import { createSkpPlanService } from './skp-plan.service.js';
import { createSkpRhkService } from './skp-rhk.service.js';
import { createSkpSettingsService } from './skp-settings.service.js';
import { createSkpTreeService } from './skp-tree.service.js';
import { withUnitHeadRule } from './skp-unit-head.js';
import { skpPlanRoutes } from './skp.routes.js';

/** Composition root of the SKP module. */
export function createSkpServices(deps: { db: Db; clock: Clock }) {
  const team = createSkpTeamService(deps);
  const notices = createSkpNotices(deps);
  return {
    settings: createSkpSettingsService(deps),
    plan: createSkpPlanService(deps),
    rhk: createSkpRhkService(deps),
    cascade: createSkpCascadeService(deps),
    tree: createSkpTreeService(deps),
    activity: createSkpActivityService(deps),
    evaluation: notices.withEvaluationNotices(withUnitHeadRule(createSkpEvaluationService(deps), deps)),
    team,
    documents: createSkpDocumentsService(deps, team),
    orgPredikat: createSkpOrgPredikatService(deps),
    objection: createSkpObjectionService(deps),
    strengths: createSkpStrengthsService(deps),
  };
}

export type SkpServices = ReturnType<typeof createSkpServices>;

/** Registers every SKP route (one call from app.ts). */
export function skpModule(app: FastifyInstance, deps: { db: Db; clock: Clock; publicUrl?: string | null }): SkpServices {
  const services = createSkpServices(deps);
  skpPlanRoutes(app, services);
  skpEvaluationRoutes(app, services);
  skpDocumentRoutes(app, services.documents, { publicUrl: deps.publicUrl ?? null });
  return services;
}
