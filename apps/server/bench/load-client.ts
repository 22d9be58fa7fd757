/**
 * The parent side of bench/load-worker.ts: forks the worker (with this process's tsx loader),
 * sends it jobs and resolves each with its result. The worker is killed by the caller's clean-ups.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadFailure, LoadJob, LoadResult } from './load-worker.js';
import type { Cleanups } from './target.js';

export interface LoadClient {
  /** The worker process (its CPU time is read from /proc by bench/run.ts). */
  child: ChildProcess;
  run(job: Omit<LoadJob, 'type' | 'id'>): Promise<LoadResult>;
}

export function startLoadWorker(cleanups: Cleanups): LoadClient {
  let nextJobId = 1;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  const child = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), [], {
    execArgv: process.execArgv, // the tsx loader this script runs under
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (msg: LoadResult | LoadFailure) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg);
    else p.reject(new Error(`load worker: ${msg.message}`));
  });
  child.on('exit', (code) => {
    for (const [, p] of pending) p.reject(new Error(`load worker exited (${code})`));
    pending.clear();
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill();
  });
  return {
    child,
    run(job) {
      const id = nextJobId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...job, type: 'run', id } satisfies LoadJob);
      });
    },
  };
}
