import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { createJobRunner, type JobHandler, type JobRunner } from '../jobs/runner.js';
import { createEvidenceCleanup } from '../evidence/evidence-cleanup.js';
import { createFileStore } from '../evidence/file-store.js';
import type { Mailer } from '../notifications/mailer.js';
import { createNotificationService, type NotificationService } from '../notifications/notifications.service.js';
import { DAILY_REMINDER_JOB, createReminders } from '../notifications/reminders.js';
import { createHolidayCalendar } from './calendar.js';
import { DEFAULT_DAILY_REPORT_SETTINGS, type DailyReportSettings } from './daily-reports.settings.js';

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  /** null or absent: no e-mail, notifications stay in-app. */
  mailer?: Mailer | null;
  settings?: Partial<DailyReportSettings>;
  pollMs?: number;
  /** The evidence store (config.filesDir): with it, uploads never used are cleaned up hourly. */
  filesDir?: string;
  onError?: (err: unknown) => void;
  /** Job kinds of other modules (e.g. training reminders), sharing this queue and notification service. */
  modules?: readonly ((shared: { notifications: NotificationService }) => WorkerModule)[];
}

/** Handlers and per-poll scheduling a module adds to the worker. */
export interface WorkerModule {
  handlers: Record<string, JobHandler>;
  tick?: () => Promise<void>;
}

/**
 * The background worker of issue 4: the job queue with the daily reminders, the e-mail of
 * notifications and the hourly clean-up of orphan evidence uploads. Started by main.ts (one per process; several processes share the queue), not by
 * buildApp, so tests and tools that build the app run no background work.
 */
export function createDailyReportWorker(deps: WorkerDeps): JobRunner {
  const settings = { ...DEFAULT_DAILY_REPORT_SETTINGS, ...deps.settings };
  const calendar = createHolidayCalendar(deps.db);
  const notifications = createNotificationService({ db: deps.db, mailer: deps.mailer ?? null });
  const reminders = createReminders({
    db: deps.db,
    clock: deps.clock,
    holidays: (id) => calendar.holidays(id),
    notifications,
    time: settings.reminderTime,
  });
  const modules = (deps.modules ?? []).map((make) => make({ notifications }));
  if (deps.filesDir !== undefined) {
    modules.push(createEvidenceCleanup({ db: deps.db, store: createFileStore(deps.filesDir), clock: deps.clock }).workerModule());
  }
  return createJobRunner({
    db: deps.db,
    pollMs: deps.pollMs,
    onError: deps.onError,
    handlers: {
      ...Object.fromEntries(modules.flatMap((m) => Object.entries(m.handlers))),
      [DAILY_REMINDER_JOB]: async (job) => {
        await reminders.run(job);
      },
    },
    async tick() {
      await reminders.scheduleDue();
      for (const m of modules) await m.tick?.();
      await notifications.sendPendingEmails();
    },
  });
}
