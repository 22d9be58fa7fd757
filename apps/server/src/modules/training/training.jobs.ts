import { sql } from 'drizzle-orm';
import { MIN_JP_PER_YEAR, addDays, jpReminderMonth } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { type Clock, wibDate, wibTime } from '../../lib/clock.js';
import { jobsRepository, type JobRow } from '../jobs/jobs.repository.js';
import type { JobHandler } from '../jobs/runner.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { syncNeeds } from './needs.sync.js';

export const SESSION_REMINDER_JOB = 'training.session_reminders';
export const JP_REMINDER_JOB = 'training.jp_reminders';
export const NEEDS_SYNC_JOB = 'training.needs_sync';

/** Reminders go out from this WIB time on (not at midnight). */
export const TRAINING_REMINDER_TIME = '07:00';

export interface TrainingJobDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  /** JP a year to reach (default 20, PANTAU_TRAINING_JP_TARGET). */
  jpTarget?: number;
}

/**
 * Background work of the training module (issue 6 §5), run by the shared job queue: the day
 * before a session its participants are reminded; in October–December, once a month, everyone
 * still under 20 JP this year is reminded; and every day new weaknesses from evaluations and
 * complaints are turned into needs for the whole instansi (so unit figures count them even
 * before anyone opens a plan). Each run is one job per instansi and day (or month), made unique
 * by its key, so several server processes never send twice.
 */
export function createTrainingJobs(deps: TrainingJobDeps): { handlers: Record<string, JobHandler>; tick: () => Promise<void> } {
  const { db, clock } = deps;
  const target = deps.jpTarget ?? MIN_JP_PER_YEAR;
  /** The day this process last queued its runs (the unique keys guard across processes). */
  let queuedFor = '';

  async function sessionReminders(job: JobRow): Promise<void> {
    const { instansiId, date } = job.payload as { instansiId: number; date: string };
    const tomorrow = addDays(date, 1);
    const list = await rows<{ employeeId: number; title: string; startDate: string; startTime: string; place: string }>(
      db,
      sql`select e.employee_id as "employeeId", c.title, s.start_date::text as "startDate", to_char(s.start_time, 'HH24:MI') as "startTime", s.place
          from training_sessions s join training_courses c on c.id = s.course_id
          join training_enrolments e on e.session_id = s.id and e.status = 'ENROLLED'
          join employees emp on emp.id = e.employee_id and emp.active
          where s.instansi_id = ${instansiId} and s.start_date = ${tomorrow}::date and s.cancelled_at is null`,
    );
    await db.transaction((tx) =>
      deps.notifications.notifyInTx(
        tx,
        list.map((r) => ({
          instansiId,
          recipientEmployeeId: r.employeeId,
          type: 'training.session_tomorrow',
          params: { title: r.title, date: r.startDate, time: r.startTime, place: r.place },
          link: '/pelatihan',
        })),
      ),
    );
  }

  async function jpReminders(job: JobRow): Promise<void> {
    const { instansiId, date } = job.payload as { instansiId: number; date: string };
    const year = Number(date.slice(0, 4));
    const list = await rows<{ id: number; jp: number }>(
      db,
      sql`select e.id, coalesce(t.total, 0)::float8 as jp from employees e
          join users u on u.employee_id = e.id and u.active
          left join (
            select id, sum(jp) as total from (
              select employee_id as id, jp from training_enrolments
              where instansi_id = ${instansiId} and status = 'COMPLETED' and completed_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
              union all
              select employee_id, jp from training_external
              where instansi_id = ${instansiId} and status = 'VERIFIED' and end_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
            ) x group by id
          ) t on t.id = e.id
          where e.instansi_id = ${instansiId} and e.active
            and exists (select 1 from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF'
                        and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to >= ${date}::date))
            and coalesce(t.total, 0) < ${target}`,
    );
    await db.transaction((tx) =>
      deps.notifications.notifyInTx(
        tx,
        list.map((r) => ({
          instansiId,
          recipientEmployeeId: r.id,
          type: 'training.jp_short',
          params: { jp: Number(r.jp), minimum: target, year, missing: Math.round((target - Number(r.jp)) * 10) / 10 },
          link: '/pelatihan',
        })),
      ),
    );
  }

  async function needsSync(job: JobRow): Promise<void> {
    const { instansiId, date } = job.payload as { instansiId: number; date: string };
    await syncNeeds(db, { instansiId, employeeIds: null, year: Number(date.slice(0, 4)), requestId: `job-${job.id}`, now: clock.now() });
  }

  return {
    handlers: {
      [SESSION_REMINDER_JOB]: sessionReminders,
      [JP_REMINDER_JOB]: jpReminders,
      [NEEDS_SYNC_JOB]: needsSync,
    },
    /** Queues today's runs once their time has come (called on every poll). */
    async tick() {
      const now = clock.now();
      if (wibTime(now) < TRAINING_REMINDER_TIME) return;
      const today = wibDate(now);
      if (queuedFor === today) return;
      const month = jpReminderMonth(today);
      const jobs = jobsRepository(db);
      for (const { id } of await rows<{ id: number }>(db, sql`select id from instansi order by id`)) {
        const payload = { instansiId: id, date: today };
        await jobs.enqueue({ type: SESSION_REMINDER_JOB, instansiId: id, payload, uniqueKey: `${SESSION_REMINDER_JOB}:${id}:${today}` });
        await jobs.enqueue({ type: NEEDS_SYNC_JOB, instansiId: id, payload, uniqueKey: `${NEEDS_SYNC_JOB}:${id}:${today}` });
        if (month) await jobs.enqueue({ type: JP_REMINDER_JOB, instansiId: id, payload, uniqueKey: `${JP_REMINDER_JOB}:${id}:${month}` });
      }
      queuedFor = today;
    },
  };
}
