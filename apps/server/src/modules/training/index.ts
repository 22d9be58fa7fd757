import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { createFileStore } from '../evidence/file-store.js';
import { createNotificationService } from '../notifications/notifications.service.js';
import { createAttendanceService } from './attendance.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { certificates } from './certificates.js';
import { createCompletionService } from './completion.service.js';
import { createEnrolmentService } from './enrolments.service.js';
import { enrolmentViews } from './enrolments.view.js';
import { createExternalService } from './external.service.js';
import { createFiguresService } from './figures.service.js';
import { planRoutes } from './plans.routes.js';
import { createPlanService } from './plans.service.js';
import { trainingRoutes } from './training.routes.js';

export { createTrainingJobs } from './training.jobs.js';

export interface TrainingModuleDeps {
  db: Db;
  clock: Clock;
  /** Where evidence files live (certificates are evidence files). */
  filesDir: string;
  /** Public base URL of the web app (the attendance QR code links to it); else the request's host. */
  publicUrl: string | null;
}

/** Composition root of issue 6: training and competency development. app.ts calls this once. */
export function registerTraining(app: FastifyInstance, deps: TrainingModuleDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationService({ db, mailer: null });
  const files = certificates(db, createFileStore(deps.filesDir));
  const catalogue = createCatalogueService({ db, clock, notifications });
  const view = enrolmentViews({ db, clock, catalogue, certificates: files });
  const services = {
    catalogue,
    enrolments: createEnrolmentService({ db, clock, notifications, view }),
    attendance: createAttendanceService({ db, clock, catalogue, certificates: files }),
    completion: createCompletionService({ db, clock, notifications, certificates: files, view }),
    plans: createPlanService({ db, clock, notifications, view }),
    external: createExternalService({ db, clock, notifications, certificates: files }),
    figures: createFiguresService({ db, clock }),
  };
  trainingRoutes(app, { ...services, publicUrl: deps.publicUrl });
  planRoutes(app, services);
  return services;
}
