import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { createEvidenceService } from '../evidence/evidence.service.js';
import { evidenceRoutes } from '../evidence/evidence.routes.js';
import { createFileStore } from '../evidence/file-store.js';
import { createNotificationService } from '../notifications/notifications.service.js';
import { notificationRoutes } from '../notifications/notifications.routes.js';
import { adoptionRoutes } from './adoption.routes.js';
import { createAdoptionService } from './adoption.service.js';
import { createHolidayCalendar } from './calendar.js';
import { dailyReportRoutes } from './daily-reports.routes.js';
import { createDailyReportService } from './daily-reports.service.js';
import { DEFAULT_DAILY_REPORT_SETTINGS } from './daily-reports.settings.js';
import { createRecapService } from './recap.service.js';
import { teamRoutes } from './team.routes.js';
import { createTeamService } from './team.service.js';

/** Where evidence files live: PANTAU_FILES_DIR (default `files/` beside the data). */
export function filesDirFrom(config: Config): string {
  return config.filesDir;
}

export interface DailyReportModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

/**
 * Composition root of issue 4's server side: daily reports, team view, evidence files,
 * notifications and the job queue. app.ts calls this once.
 */
export function registerDailyReports(app: FastifyInstance, deps: DailyReportModuleDeps): void {
  const { db, clock } = deps;
  const settings = { ...DEFAULT_DAILY_REPORT_SETTINGS, ...deps.config.dailyReports };
  const calendar = createHolidayCalendar(db);
  const notifications = createNotificationService({ db, mailer: null });
  notificationRoutes(app, notifications);
  const store = createFileStore(filesDirFrom(deps.config));
  const maxBytes = deps.config.bodyLimitBytes;
  evidenceRoutes(app, createEvidenceService({ db, clock, store, maxBytes }), { maxBytes });
  app.addHook('onReady', async () => {
    await store.sweepTemp(60 * 60_000);
  });
  dailyReportRoutes(app, createDailyReportService({ db, clock, calendar, notifications, settings }));
  teamRoutes(app, createTeamService({ db, clock, calendar, notifications, settings }));
  adoptionRoutes(app, createAdoptionService({ db, clock, calendar }), createRecapService({ db, clock, calendar }));
}
