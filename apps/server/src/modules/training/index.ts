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
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training.settings.js';

export { createTrainingJobs } from './training.jobs.js';
export { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training.settings.js';

export interface TrainingModuleDeps {
  db: Db;
  clock: Clock;
  /** Where evidence files live (certificates are evidence files). */
  filesDir: string;
  /** Public base URL of the web app (the attendance QR code links to it); else the request's host. */
  publicUrl: string | null;
  /** Configurable rules (attendance share, QR window, figure months, JP target); defaults of decision 0006. */
  settings?: TrainingSettings;
}

/** Composition root of issue 6: training and competency development. app.ts calls this once. */
export function registerTraining(app: FastifyInstance, deps: TrainingModuleDeps) {
  const { db, clock } = deps;
  const settings = deps.settings ?? DEFAULT_TRAINING_SETTINGS;
  const notifications = createNotificationService({ db, mailer: null });
  const files = certificates(db, createFileStore(deps.filesDir));
  const catalogue = createCatalogueService({ db, clock, notifications });
  const view = enrolmentViews({ db, clock, catalogue, certificates: files, settings });
  const services = {
    catalogue,
    enrolments: createEnrolmentService({ db, clock, notifications, view }),
    attendance: createAttendanceService({ db, clock, catalogue, certificates: files, settings }),
    completion: createCompletionService({ db, clock, notifications, certificates: files, view, settings }),
    plans: createPlanService({ db, clock, notifications, view, settings }),
    external: createExternalService({ db, clock, notifications, certificates: files }),
    figures: createFiguresService({ db, clock, settings }),
  };
  trainingRoutes(app, { ...services, publicUrl: deps.publicUrl });
  planRoutes(app, services);
  return services;
}
