import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { jobs } from '../../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  type: string;
  payload: Record<string, unknown>;
  instansiId?: number | null;
  /** At most one job with this key ever exists (scheduling from several instances). */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** The PostgreSQL job queue (FOR UPDATE SKIP LOCKED): SQL only. */
export function jobsRepository(db: DbOrTx) {
  return {
    /** Adds a job inside the caller's transaction; false when its unique key already exists. */
    async enqueue(job: NewJob): Promise<boolean> {
      const inserted = await db
        .insert(jobs)
        .values({
          type: job.type,
          payload: job.payload,
          instansiId: job.instansiId ?? null,
          uniqueKey: job.uniqueKey ?? null,
          runAt: job.runAt ?? sql`now()`,
          maxAttempts: job.maxAttempts ?? 5,
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id });
      return inserted.length > 0;
    },

    /**
     * Claims up to `limit` due jobs for this worker. Rows locked by another worker are skipped,
     * so instances never run the same job twice.
     */
    async claim(workerId: string, limit: number): Promise<JobRow[]> {
      const claimed = await rows<{ id: number }>(
        db,
        sql`update jobs set status = 'RUNNING', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
            where id in (
              select id from jobs where status = 'PENDING' and run_at <= now()
              order by run_at, id limit ${limit} for update skip locked
            )
            returning id`,
      );
      if (claimed.length === 0) return [];
      return db
        .select()
        .from(jobs)
        .where(sql`${jobs.id} = any(${sql.param(claimed.map((c) => c.id))}::bigint[])`)
        .orderBy(jobs.runAt, jobs.id);
    },

    async complete(id: number): Promise<void> {
      await db.update(jobs).set({ status: 'DONE', finishedAt: sql`now()`, lockedBy: null }).where(eq(jobs.id, id));
    },

    /** Schedules a retry after `retryInMs`, or marks the job FAILED after its last attempt. */
    async fail(job: JobRow, error: string, retryInMs: number): Promise<void> {
      const final = job.attempts >= job.maxAttempts;
      await db
        .update(jobs)
        .set({
          status: final ? 'FAILED' : 'PENDING',
          lastError: error.slice(0, 2000),
          lockedBy: null,
          runAt: final ? job.runAt : sql`now() + ${`${Math.round(retryInMs)} milliseconds`}::interval`,
          finishedAt: final ? sql`now()` : null,
        })
        .where(eq(jobs.id, job.id));
    },

    /** Puts back jobs whose worker died while running them. */
    async requeueStale(olderThanMs: number): Promise<number> {
      const r = await db
        .update(jobs)
        .set({ status: 'PENDING', lockedBy: null })
        .where(and(eq(jobs.status, 'RUNNING'), lt(jobs.lockedAt, sql`now() - ${`${Math.round(olderThanMs)} milliseconds`}::interval`)))
        .returning({ id: jobs.id });
      return r.length;
    },

    async pruneFinished(olderThanDays: number): Promise<void> {
      await db.execute(
        sql`delete from jobs where status in ('DONE', 'FAILED') and finished_at < now() - ${`${olderThanDays} days`}::interval`,
      );
    },
  };
}
