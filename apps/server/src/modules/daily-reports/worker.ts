import type { Db } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import { createJobRunner, type JobRunner } from '../jobs/runner.js';
import type { Mailer } from '../notifications/mailer.js';
import { createNotificationService } from '../notifications/notifications.service.js';
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
  onError?: (err: unknown) => void;
}

/**
 * The background worker of issue 4: the job queue with the daily reminders and the e-mail of
 * notifications. Started by main.ts (one per process; several processes share the queue), not by
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
  return createJobRunner({
    db: deps.db,
    pollMs: deps.pollMs,
    onError: deps.onError,
    handlers: {
      [DAILY_REMINDER_JOB]: async (job) => {
        await reminders.run(job);
      },
    },
    async tick() {
      await reminders.scheduleDue();
      await notifications.sendPendingEmails();
    },
  });
}
