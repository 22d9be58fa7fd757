/**
 * Load generator and SSE clients for bench/daily-bench.ts, run as a CHILD PROCESS (forked with
 * the parent's tsx loader), like bench/load-worker.ts. It adds what load-worker.ts cannot do:
 *
 * - `run`: autocannon where every request has its OWN headers and body (a different signed-in
 *   employee, a unique Idempotency-Key). With `cycle: false` each prepared request is sent at
 *   most once (no two requests for the same day of the same person), and the run ends early if
 *   the list runs out.
 * - `paced`: requests at a fixed rate, evenly spaced, each timed on its own (latency at a given
 *   load, without the bursts of autocannon's per-connection rate or its coordinated omission).
 * - `sse-open` / `sse-run` / `sse-close`: many streaming fetches to an SSE route (EventSource-like
 *   clients), then a publisher that sends prepared requests at a fixed rate and times each
 *   event from just before its publishing request to its arrival on every client. Both ends run
 *   in this process, so one clock measures both.
 *
 * Only http://127.0.0.1 targets are accepted. The worker exits when the parent goes away.
 */
import autocannon from 'autocannon';
import type { LoadResult } from './load-worker.js';

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** For the publisher: the key its event carries (`employeeId|date`, or the bare route's key). */
  key?: string;
}

export interface RunJob {
  type: 'run';
  id: number;
  origin: string;
  method: 'GET' | 'POST';
  requests: PreparedRequest[];
  /** true: go round the list; false: each request once, stop early when the list is used up. */
  cycle: boolean;
  connections: number;
  seconds: number;
}

/** Evenly spaced requests at a fixed rate (open model: a slow answer does not delay the next request). */
export interface PacedJob {
  type: 'paced';
  id: number;
  origin: string;
  method: 'GET' | 'POST';
  requests: PreparedRequest[];
  ratePerSecond: number;
  seconds: number;
}

export interface SseOpenJob {
  type: 'sse-open';
  id: number;
  origin: string;
  path: string;
  /** One cookie per connection (repeat a cookie for several tabs of one person). */
  cookies: string[];
}

export interface SseRunJob {
  type: 'sse-run';
  id: number;
  origin: string;
  method: 'POST';
  publish: PreparedRequest[];
  ratePerSecond: number;
  /** Wait this long after the last publish for stragglers. */
  settleMs: number;
}

export interface SseCloseJob {
  type: 'sse-close';
  id: number;
}

export type DailyJob = RunJob | PacedJob | SseOpenJob | SseRunJob | SseCloseJob;

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface SseOpenResult {
  type: 'sse-opened';
  id: number;
  opened: number;
  failed: number;
  statuses: Record<string, number>;
  seconds: number;
}

export interface SseRunResult {
  type: 'sse-result';
  id: number;
  published: number;
  publishFailed: number;
  publishStatuses: Record<string, number>;
  /** The body of the first failed publishing request, if any. */
  firstError: string | null;
  /** Latency of the publishing requests themselves (send → response). */
  publishLatency: Percentiles;
  /** Publish (send of the request) → arrival on a client, over every delivery. */
  delivery: Percentiles;
  /** Deliveries per event key (to compare with what the scopes should give). */
  deliveredPerKey: Record<string, number>;
  openConnections: number;
  seconds: number;
}

export interface WorkerFailure {
  type: 'error';
  id: number;
  message: string;
}

const now = () => performance.timeOrigin + performance.now();

function checkOrigin(origin: string): void {
  const url = new URL(origin);
  if (url.hostname !== '127.0.0.1' || url.protocol !== 'http:') throw new Error(`refusing non-loopback target ${origin}`);
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
  };
}

function run(job: RunJob): Promise<LoadResult> {
  checkOrigin(job.origin);
  if (job.requests.length === 0) return Promise.reject(new Error('no requests'));
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.origin,
        connections: job.connections,
        method: job.method,
        ...(job.cycle ? { duration: job.seconds } : { amount: job.requests.length }),
        requests: [
          {
            setupRequest: (req) => {
              const r = job.requests[next++ % job.requests.length];
              if (!r) return req;
              return {
                ...req,
                path: r.path,
                headers: { ...r.headers, ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
                ...(r.body !== undefined ? { body: r.body } : {}),
              };
            },
          },
        ],
      },
      (err, result) => {
        clearTimeout(timer);
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const statusCodes: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
        resolve({
          type: 'result',
          id: job.id,
          requests: result.requests.total,
          reqPerSec: result.requests.total / result.duration,
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
        });
      },
    );
    // A list-bound run still stops at the time limit.
    const timer = setTimeout(() => instance.stop(), job.cycle ? job.seconds * 1000 + 5000 : job.seconds * 1000);
  });
}

// ---------------------------------------------------------------------------------------------
// SSE clients

interface Client {
  controller: AbortController;
  done: Promise<void>;
}

const clients: Client[] = [];
/** Arrivals since the last sse-run started: key → arrival times. */
let arrivals = new Map<string, number[]>();

function keyOf(data: string): string | null {
  try {
    const d = JSON.parse(data) as { key?: unknown; payload?: { employeeId?: unknown; date?: unknown } };
    if (typeof d.key === 'string') return d.key;
    if (d.payload && typeof d.payload.employeeId === 'number' && typeof d.payload.date === 'string') {
      return `${d.payload.employeeId}|${d.payload.date}`;
    }
  } catch {
    // not ours
  }
  return null;
}

async function openOne(url: string, cookie: string): Promise<{ client: Client | null; status: string }> {
  const controller = new AbortController();
  let res: Response;
  try {
    res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  } catch (err) {
    return { client: null, status: err instanceof Error ? err.name : 'error' };
  }
  if (res.status !== 200 || !res.body) {
    controller.abort();
    return { client: null, status: String(res.status) };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let first: () => void = () => undefined;
  const ready = new Promise<void>((r) => (first = r));
  const done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        const at = now();
        first();
        buffer += decoder.decode(value, { stream: true });
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          for (const line of block.split('\n')) {
            if (!line.startsWith('data: ')) continue;
            const key = keyOf(line.slice(6));
            if (key === null) continue;
            const list = arrivals.get(key);
            if (list) list.push(at);
            else arrivals.set(key, [at]);
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  // The server writes `retry:` at once; wait for it so the client is surely subscribed.
  await Promise.race([ready, new Promise((r) => setTimeout(r, 10_000))]);
  return { client: { controller, done }, status: '200' };
}

async function sseOpen(job: SseOpenJob): Promise<SseOpenResult> {
  checkOrigin(job.origin);
  const t0 = now();
  const statuses: Record<string, number> = {};
  let opened = 0;
  // A few dozen at a time: each subscription runs a scope query on the server.
  for (let i = 0; i < job.cookies.length; i += 50) {
    const batch = await Promise.all(job.cookies.slice(i, i + 50).map((c) => openOne(`${job.origin}${job.path}`, c)));
    for (const b of batch) {
      statuses[b.status] = (statuses[b.status] ?? 0) + 1;
      if (b.client) {
        clients.push(b.client);
        opened++;
      }
    }
  }
  return { type: 'sse-opened', id: job.id, opened, failed: job.cookies.length - opened, statuses, seconds: (now() - t0) / 1000 };
}

interface Sent {
  sentAt: Map<string, number>;
  latencies: number[];
  statuses: Record<string, number>;
  firstError: string | null;
  seconds: number;
}

/** Sends `list` at `ratePerSecond`, evenly spaced, without waiting for answers; resolves when all answered. */
async function sendPaced(origin: string, method: 'GET' | 'POST', list: PreparedRequest[], ratePerSecond: number): Promise<Sent> {
  const out: Sent = { sentAt: new Map(), latencies: [], statuses: {}, firstError: null, seconds: 0 };
  const t0 = now();
  const interval = 1000 / ratePerSecond;
  const inFlight: Array<Promise<void>> = [];
  for (const [i, r] of list.entries()) {
    const wait = t0 + i * interval - now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    inFlight.push(
      (async () => {
        const start = now();
        if (r.key !== undefined) out.sentAt.set(r.key, start);
        try {
          const res = await fetch(`${origin}${r.path}`, {
            method,
            headers: { ...r.headers, ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body: r.body,
          });
          const text = await res.text();
          if (res.status >= 300) out.firstError ??= `${res.status} ${text.slice(0, 300)}`;
          out.statuses[String(res.status)] = (out.statuses[String(res.status)] ?? 0) + 1;
        } catch (err) {
          const name = err instanceof Error ? err.name : 'error';
          out.statuses[name] = (out.statuses[name] ?? 0) + 1;
        }
        out.latencies.push(now() - start);
      })(),
    );
  }
  await Promise.all(inFlight);
  out.seconds = (now() - t0) / 1000;
  return out;
}

const okCount = (statuses: Record<string, number>) =>
  Object.entries(statuses).filter(([s]) => /^2\d\d$/.test(s)).reduce((sum, [, n]) => sum + n, 0);

async function paced(job: PacedJob): Promise<LoadResult> {
  checkOrigin(job.origin);
  if (job.requests.length === 0) throw new Error('no requests');
  const count = Math.max(1, Math.round(job.ratePerSecond * job.seconds));
  const list = Array.from({ length: count }, (_, i) => job.requests[i % job.requests.length] as PreparedRequest);
  const sent = await sendPaced(job.origin, job.method, list, job.ratePerSecond);
  const pc = percentiles(sent.latencies);
  const ok = okCount(sent.statuses);
  return {
    type: 'result',
    id: job.id,
    requests: list.length,
    reqPerSec: list.length / sent.seconds,
    latency: { p50: pc.p50, p90: pc.p90, p99: pc.p99, max: pc.max, mean: pc.mean },
    non2xx: list.length - ok,
    statusCodes: sent.statuses,
    errors: 0,
    timeouts: 0,
    seconds: sent.seconds,
  };
}

async function sseRun(job: SseRunJob): Promise<SseRunResult> {
  checkOrigin(job.origin);
  arrivals = new Map();
  const sent = await sendPaced(job.origin, job.method, job.publish, job.ratePerSecond);
  await new Promise((res) => setTimeout(res, job.settleMs));
  const delivery: number[] = [];
  const deliveredPerKey: Record<string, number> = {};
  for (const [key, times] of arrivals) {
    const at = sent.sentAt.get(key);
    if (at === undefined) continue;
    deliveredPerKey[key] = times.length;
    for (const t of times) delivery.push(t - at);
  }
  return {
    type: 'sse-result',
    id: job.id,
    published: job.publish.length,
    publishFailed: job.publish.length - okCount(sent.statuses),
    publishStatuses: sent.statuses,
    firstError: sent.firstError,
    publishLatency: percentiles(sent.latencies),
    delivery: percentiles(delivery),
    deliveredPerKey,
    openConnections: clients.length,
    seconds: sent.seconds,
  };
}

async function sseClose(): Promise<void> {
  for (const c of clients.splice(0)) c.controller.abort();
}

process.on('message', (msg: DailyJob) => {
  const fail = (err: unknown) =>
    process.send?.({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) } satisfies WorkerFailure);
  if (msg.type === 'run') run(msg).then((r) => process.send?.(r), fail);
  else if (msg.type === 'paced') paced(msg).then((r) => process.send?.(r), fail);
  else if (msg.type === 'sse-open') sseOpen(msg).then((r) => process.send?.(r), fail);
  else if (msg.type === 'sse-run') sseRun(msg).then((r) => process.send?.(r), fail);
  else if (msg.type === 'sse-close') sseClose().then(() => process.send?.({ type: 'closed', id: msg.id }), fail);
});
process.on('disconnect', () => process.exit(0));
