import { hostname } from 'node:os';
import type { Db } from '../../db/open-db.js';
import { jobsRepository, type JobRow } from './jobs.repository.js';

export type JobHandler = (job: JobRow) => Promise<void>;

export interface JobRunnerDeps {
  db: Db;
  handlers: Record<string, JobHandler>;
  /** Work done on every poll before claiming jobs (e.g. scheduling due reminders). */
  tick?: () => Promise<void>;
  pollMs?: number;
  batchSize?: number;
  onError?: (err: unknown, job?: JobRow) => void;
}

const STALE_MS = 15 * 60_000;

/** Backoff between attempts: 30 s, 2 min, 8 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 4 ** Math.max(0, attempts - 1));
}

/**
 * One per server process: polls the queue, runs due jobs one at a time outside any transaction,
 * and records the outcome. Several processes can run side by side (SKIP LOCKED).
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const repo = jobsRepository(deps.db);
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = true;

  /** Polls never overlap within a process (timer and manual runs queue behind each other). */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = deps.handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job);
      await repo.complete(job.id);
    } catch (err) {
      deps.onError?.(err, job);
      await repo.fail(job, err instanceof Error ? err.message : String(err), retryDelayMs(job.attempts));
    }
  }

  async function runOnce(): Promise<number> {
    if (deps.tick) await deps.tick();
    await repo.requeueStale(STALE_MS);
    const claimed = await repo.claim(workerId, deps.batchSize ?? 10);
    for (const job of claimed) await runOne(job);
    return claimed.length;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void exclusive(runOnce)
        .catch((err: unknown) => {
          deps.onError?.(err);
          return 0;
        })
        .finally(schedule);
    }, deps.pollMs ?? 5000);
    timer.unref();
  }

  return {
    workerId,
    /** Runs one poll now (tests and the CLI). */
    runOnce: () => exclusive(runOnce),
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
