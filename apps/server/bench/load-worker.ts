/**
 * Load generator for `npm run bench`, run as a CHILD PROCESS of bench/run.ts (forked with the
 * parent's tsx loader). Keeping autocannon out of the server's process means the server's event
 * loop does not also have to build requests and parse responses; on this 2-core machine the
 * generator, the server and PostgreSQL still share the same two cores (see docs/benchmarks.md).
 *
 * Protocol (IPC): the parent sends a LoadJob, the worker answers with a LoadResult for the same
 * id. A job names its target by path only; the host is always 127.0.0.1 (checked here again).
 */
import autocannon from 'autocannon';

export interface LoadJob {
  type: 'run';
  id: number;
  /** http://127.0.0.1:PORT; anything else is refused. */
  origin: string;
  method: 'GET' | 'POST';
  /** Request paths; one is chosen per request (seeded PRNG), so pages and searches vary. */
  paths: string[];
  /** POST bodies (JSON text); one is chosen per request. */
  bodies?: string[];
  /** 'sequential': bodies are sent in order (each once while they last), e.g. when repeats would be duplicates. */
  bodyOrder?: 'random' | 'sequential';
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  seed: number;
}

export interface LoadResult {
  type: 'result';
  id: number;
  requests: number;
  reqPerSec: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
}

export interface LoadFailure {
  type: 'error';
  id: number;
  message: string;
}

/** Small deterministic PRNG (mulberry32), so two runs send the same request mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.origin);
  if (url.hostname !== '127.0.0.1' || url.protocol !== 'http:') throw new Error(`refusing non-loopback target ${job.origin}`);
  if (job.paths.length === 0) throw new Error('no paths');
  const random = prng(job.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let nextBody = 0;
  const body = (list: readonly string[]): string => (job.bodyOrder === 'sequential' ? (list[nextBody++ % list.length] ?? '') : pick(list));
  const headers: Record<string, string> = { ...(job.headers ?? {}) };
  if (job.bodies) headers['content-type'] = 'application/json';

  const result = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.seconds,
    method: job.method,
    headers,
    requests: [
      {
        setupRequest: (req) => {
          const next = { ...req, path: pick(job.paths) };
          if (job.bodies) next.body = body(job.bodies);
          return next;
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const total = result.requests.total;
  return {
    type: 'result',
    id: job.id,
    requests: total,
    // Completed requests over the wall-clock duration (autocannon's per-second mean drops the
    // partial last second; this does not).
    reqPerSec: total / result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}

process.on('message', (msg: LoadJob) => {
  if (msg?.type !== 'run') return;
  run(msg).then(
    (res) => process.send?.(res),
    (err: unknown) => process.send?.({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) } satisfies LoadFailure),
  );
});
// The parent going away (crash, Ctrl-C) must not leave a load generator behind.
process.on('disconnect', () => process.exit(0));
