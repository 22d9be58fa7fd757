import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { alertRoutes } from './alerts.routes.js';
import { createAlertService } from './alerts.service.js';
import { createEmployeeComplaintService } from './complaints.employee.service.js';
import { publicComplaintRoutes } from './complaints.public.routes.js';
import { createPublicComplaintService } from './complaints.public.service.js';
import { complaintRoutes } from './complaints.routes.js';
import { createComplaintService } from './complaints.service.js';
import { createComplaintSweep } from './complaints.sweep.js';
import { localiseFeedbackErrors } from './feedback-errors.js';
import { DEFAULT_FEEDBACK_SETTINGS, type FeedbackSettings } from './feedback.settings.js';
import { holidayRoutes } from './holidays.routes.js';
import { ikmReportRoutes } from './ikm-report.routes.js';
import { createIkmReportService } from './ikm-report.service.js';
import { createHolidayService } from './holidays.service.js';
import { createPublicGuard } from './public-guard.js';
import { servicePointRoutes } from './service-points.routes.js';
import { createServicePointService } from './service-points.service.js';
import { createSurveyService } from './surveys.service.js';
import { transparencyRoutes } from './transparency.routes.js';
import { createTransparencyService } from './transparency.service.js';

export interface FeedbackDeps {
  db: Db;
  clock: Clock;
  /** Overrides of DEFAULT_FEEDBACK_SETTINGS (wired from the configuration by the app). */
  settings?: Partial<FeedbackSettings>;
}

/**
 * Citizen feedback (issue 5): composition root and routes. Everything is registered in one
 * encapsulated scope whose error handler adds this module's field messages; the deadline sweep
 * runs on a timer while the app is up.
 */
export function feedbackRoutes(app: FastifyInstance, deps: FeedbackDeps): void {
  const settings: FeedbackSettings = { ...DEFAULT_FEEDBACK_SETTINGS, ...deps.settings };
  const { db, clock } = deps;
  const guard = createPublicGuard(settings, clock, db);
  const holidays = createHolidayService({ db, clock });
  const servicePoints = createServicePointService({ db, clock });
  const surveys = createSurveyService({ db, clock, settings });
  const alerts = createAlertService({ db, clock, weightVariant: settings.ikmWeightVariant });
  const complaints = createComplaintService({ db, clock, settings });
  const employee = createEmployeeComplaintService({ db, clock, settings, complaints });
  const publicComplaints = createPublicComplaintService({ db, clock, settings });
  const sweep = createComplaintSweep({ db, clock, settings });
  const reports = createIkmReportService({ db, clock, weightVariant: settings.ikmWeightVariant });
  const transparency = createTransparencyService({ db, clock, settings });

  void app.register(async (scope) => {
    scope.setErrorHandler(localiseFeedbackErrors);
    holidayRoutes(scope, holidays);
    servicePointRoutes(scope, { servicePoints, surveys, guard, publicBaseUrl: settings.publicBaseUrl });
    alertRoutes(scope, alerts);
    complaintRoutes(scope, { complaints, employee, sweep });
    publicComplaintRoutes(scope, { complaints: publicComplaints, guard });
    ikmReportRoutes(scope, { reports, db, clock });
    transparencyRoutes(scope, transparency);
  });

  if (settings.sweepIntervalMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        sweep
          .run()
          .catch((err: unknown) => app.log.error({ err }, 'complaint deadline sweep failed'))
          .finally(() => {
            running = false;
          });
      }, settings.sweepIntervalMs);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
}
