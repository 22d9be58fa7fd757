import { sql } from 'drizzle-orm';
import { isReminderDue } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { jobsRepository, type JobRow } from '../jobs/jobs.repository.js';
import type { NotificationService } from './notifications.service.js';

export const DAILY_REMINDER_JOB = 'reminders.daily';

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  holidays(instansiId: number): Promise<ReadonlySet<string>>;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  /** WIB time HH:mm. */
  time: string;
}

/**
 * Daily reminders (issue 4 §5): once the configured WIB time has come on a working day of the
 * instansi's calendar, one job per instansi and day is queued (its unique key makes that true
 * across server instances); the job notifies employees without a submitted report for the day
 * and atasan with days waiting for their verification.
 */
export function createReminders(deps: ReminderDeps) {
  const { db } = deps;

  return {
    /** Called on every job-runner poll: queues today's reminder run where it is due. */
    async scheduleDue(): Promise<number> {
      const now = deps.clock.now();
      const today = wibDate(now);
      const list = await rows<{ id: number }>(db, sql`select id from instansi order by id`);
      let queued = 0;
      for (const { id } of list) {
        if (!isReminderDue(now, today, deps.time, await deps.holidays(id))) continue;
        const added = await jobsRepository(db).enqueue({
          type: DAILY_REMINDER_JOB,
          instansiId: id,
          payload: { instansiId: id, date: today },
          uniqueKey: `${DAILY_REMINDER_JOB}:${id}:${today}`,
        });
        if (added) queued++;
      }
      return queued;
    },

    /** The job: two reads and one transaction of notifications. */
    async run(job: JobRow): Promise<{ employees: number; supervisors: number }> {
      const payload = job.payload as { instansiId: number; date: string };
      const { instansiId, date } = payload;
      const missing = await rows<{ id: number }>(
        db,
        sql`select e.id from employees e
            join users u on u.employee_id = e.id and u.active
            where e.instansi_id = ${instansiId} and e.active
              and exists (select 1 from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF'
                          and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to >= ${date}::date))
              and not exists (select 1 from daily_reports r where r.employee_id = e.id and r.date = ${date}::date and r.status <> 'DRAFT')`,
      );
      const pending = await rows<{ id: number; count: number; oldest: string }>(
        db,
        sql`select r.verifier_employee_id as id, count(*)::int as count, min(r.date)::text as oldest
            from daily_reports r join employees e on e.id = r.verifier_employee_id and e.active
            where r.instansi_id = ${instansiId} and r.status = 'SUBMITTED'
            group by r.verifier_employee_id`,
      );
      await db.transaction((tx) =>
        deps.notifications.notifyInTx(tx, [
          ...missing.map((m) => ({
            instansiId,
            recipientEmployeeId: m.id,
            type: 'reminder.report_missing',
            params: { date },
            link: '/laporan-harian',
          })),
          ...pending.map((p) => ({
            instansiId,
            recipientEmployeeId: p.id,
            type: 'reminder.pending_verifications',
            params: { count: p.count, oldestDate: p.oldest },
            link: '/tim',
          })),
        ]),
      );
      return { employees: missing.length, supervisors: pending.length };
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
