/**
 * Citizen feedback benchmark (issue 5, "Tests and measures"): `npx tsx apps/server/bench/feedback-bench.ts`.
 *
 * On PostgreSQL only: a throwaway database pantau_bench_fb_<pid> on a loopback server (dropped at
 * the end, on every exit path), the full demo city (seedDemo 'full', ~6,700 employees) and a year
 * of survey answers and complaints for all its service points (seedFeedbackDemo size 'city').
 * Then the real app on 127.0.0.1, with the per-address public limits raised
 * (PANTAU_PUBLIC_RATE_LIMITS) because the whole burst comes from one address; each figure next to
 * a baseline measured in the same run:
 *
 *   1. survey submissions: POST /api/public/service-points/:slug/survey-responses, a burst of
 *      public traffic (FBENCH_CONNECTIONS connections, autocannon in a child process), every body
 *      different (else the duplicate rule answers 409), over all service points; one in ten a low
 *      score that raises a supervisor alert, as in real traffic.
 *      BASELINES: GET /bench/hello on the same Fastify instance; and the same survey rows written
 *      by plain INSERTs through `pg` with the same number of requests in flight, through a pool
 *      of the server's size (10), so the database work alone is measured.
 *   2. public transparency page: GET /api/public/instansi/:code/transparency for the current year,
 *      under the same burst (as deployed: computed once per 30 s and served from memory), next to
 *      GET /bench/hello; and the uncached computation over the year's data, serially.
 *
 * Environment (FBENCH_*):
 *   FBENCH_DATABASE_URL / BENCH_DATABASE_URL  server for the throwaway database (loopback only;
 *                       default postgres://postgres@127.0.0.1:5432/postgres)
 *   FBENCH_CONNECTIONS  connections / requests in flight (default 50)
 *   FBENCH_SECONDS      measured seconds per route (default 8, after FBENCH_WARMUP_SECONDS, 2)
 *   FBENCH_MAX_MINUTES  watchdog (default 8)
 *   FBENCH_KEEP_DB=1    keep the database for EXPLAIN (prints how to drop it)
 * Output: tables on stdout and apps/server/bench/results/feedback-bench-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { wibDate, systemClock } from '../src/lib/clock.js';
import { seedFeedbackDemo } from '../src/modules/feedback/demo-feedback.js';
import { DEFAULT_FEEDBACK_SETTINGS } from '../src/modules/feedback/feedback.settings.js';
import { mulberry32 } from '../src/db/seed/demo-prng.js';
import { sha256 } from '../src/modules/feedback/text.js';
import { createTransparencyService } from '../src/modules/feedback/transparency.service.js';
import { startLoadWorker, type LoadClient } from './load-client.js';
import type { LoadJob, LoadResult } from './load-worker.js';
import { Cleanups, DEFAULT_PG_URL, guardRun, intEnv, startTarget } from './target.js';

const PG_URL = process.env.FBENCH_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
const CONNECTIONS = intEnv('FBENCH_CONNECTIONS', 50, 1, 200);
const SECONDS = intEnv('FBENCH_SECONDS', 8, 1, 120);
const WARMUP = intEnv('FBENCH_WARMUP_SECONDS', 2, 0, 30);
const MAX_MINUTES = intEnv('FBENCH_MAX_MINUTES', 8, 1, 60);
const KEEP_DB = process.env.FBENCH_KEEP_DB === '1';
/** The server's default pg pool (DATABASE_POOL_SIZE). */
const POOL = 10;
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path

const cleanups = new Cleanups();
guardRun(cleanups, MAX_MINUTES, 'FBENCH_MAX_MINUTES');

// ---------------------------------------------------------------------------------------------
// Figures

interface Figures { reqPerSec: number; p50: number; p99: number; max: number; requests: number }
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
function fromTimings(ms: readonly number[], seconds: number): Figures {
  const s = [...ms].sort((a, b) => a - b);
  return { reqPerSec: s.length / seconds, p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1] ?? 0, requests: s.length };
}
const fromLoad = (r: LoadResult): Figures => ({ reqPerSec: r.reqPerSec, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests });
const f1 = (n: number) => n.toFixed(1);
const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '∞');


// ---------------------------------------------------------------------------------------------
// Load

let worker: LoadClient | undefined;

async function measured(job: Omit<LoadJob, 'type' | 'id' | 'connections' | 'seconds' | 'seed' | 'origin'>, origin: string, warm = true): Promise<LoadResult> {
  if (!worker) throw new Error('load worker not started');
  if (warm && WARMUP > 0) await worker.run({ ...job, origin, connections: CONNECTIONS, seconds: WARMUP, seed: 3 });
  const r = await worker.run({ ...job, origin, connections: CONNECTIONS, seconds: SECONDS, seed: 7 });
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    throw new Error(`${job.paths[0]}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return r;
}

interface SurveyRow { spId: number; unitId: number; answers: number[]; comment: string }

async function main(): Promise<void> {
  const started = performance.now();
  const target = await startTarget({
    driver: 'postgresql',
    pgUrl: PG_URL,
    keepDb: KEEP_DB,
    analyze: false,
    cleanups,
    log: (l) => console.log(l),
    dbName: `pantau_bench_fb_${process.pid}`,
    // One address sends the whole burst: the per-address limits must not shape it.
    env: { PANTAU_PUBLIC_RATE_LIMITS: '1000000,1000000,1000000,1000000' },
  });
  if ('skip' in target) throw new Error(target.skip);
  const { handle, origin } = target;
  const today = wibDate(systemClock.now());
  const year = Number(today.slice(0, 4));
  const [inst] = await handle.query<{ id: number; code: string }>('select id, code from instansi order by id limit 1');
  if (!inst) throw new Error('no instansi');

  let t0 = performance.now();
  const seeded = await handle.db.transaction((tx) => seedFeedbackDemo(tx, { instansiId: inst.id, today, size: 'city' }));
  const seedSeconds = (performance.now() - t0) / 1000;
  await handle.query('vacuum analyze');
  const [{ v: version } = { v: '?' }] = await handle.query<{ v: string }>("select current_setting('server_version') as v");
  console.log(
    `Feedback bench: PostgreSQL ${version}, ${target.employees} employees; a year of feedback: ${seeded.servicePoints} service points, ` +
      `${seeded.answers} survey answers, ${seeded.complaints} complaints (seeded in ${f1(seedSeconds)} s)`,
  );

  // -- Request bodies: different answers and comments, so none is a duplicate -----------------
  const sps = await handle.query<{ id: number; slug: string; unitId: number }>(
    'select id, slug, unit_id as "unitId" from service_points where instansi_id = $1 and active order by id',
    [inst.id],
  );
  const random = mulberry32(1447);
  const rowsFor = (n: number, tag: string): SurveyRow[] =>
    Array.from({ length: n }, (_, i) => {
      const sp = sps[Math.floor(random() * sps.length)] ?? sps[0];
      if (!sp) throw new Error('no service points');
      const low = i % 10 === 0;
      const answers = Array.from({ length: 9 }, () => (low ? 1 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3)));
      return { spId: sp.id, unitId: sp.unitId, answers, comment: `Bench ${tag} ${i}: antrean lama, petugas ramah.` };
    });
  // Enough bodies for the burst never to repeat one (autocannon sends them in order).
  const httpRows = rowsFor(Math.max(30_000, CONNECTIONS * 500), 'http');
  const bodies = httpRows.map((r) => JSON.stringify({ answers: r.answers, comment: r.comment, sex: 'P', ageGroup: '30_39' }));
  // autocannon picks a path at random and the next body in order: any body fits any service point.
  const surveyPaths = sps.map((sp) => `/api/public/service-points/${sp.slug}/survey-responses`);

  worker = startLoadWorker(cleanups);

  // -- 1. Survey submissions ------------------------------------------------------------------
  const helloBefore = await measured({ method: 'GET', paths: ['/bench/hello'] }, origin);
  // Warm-up with bodies of its own: a job sends its bodies from the first, so reusing them would repeat.
  const warmBodies = rowsFor(Math.max(5_000, CONNECTIONS * 100), 'warm').map((r) => JSON.stringify({ answers: r.answers, comment: r.comment }));
  if (WARMUP > 0) await worker.run({ origin, method: 'POST', paths: surveyPaths, bodies: warmBodies, bodyOrder: 'sequential', connections: CONNECTIONS, seconds: WARMUP, seed: 3 });
  const [{ n: before } = { n: 0 }] = await handle.query<{ n: number }>('select count(*)::int as n from survey_responses');
  const submit = await measured({ method: 'POST', paths: surveyPaths, bodies, bodyOrder: 'sequential' }, origin, false);
  const [{ n: after } = { n: 0 }] = await handle.query<{ n: number }>('select count(*)::int as n from survey_responses');
  // Requests still in flight when a run's time is up finish after it (up to one per connection, per run).
  if (after - before < submit.requests || after - before > submit.requests + 2 * CONNECTIONS) {
    throw new Error(`expected ${submit.requests} new survey rows (+ at most ${2 * CONNECTIONS} in flight), found ${after - before}`);
  }

  // Baseline: the same rows by plain INSERTs through pg, CONNECTIONS in flight, a pool of POOL.
  const pool = new pg.Pool({ connectionString: handle.url ?? undefined, max: POOL });
  cleanups.push(() => pool.end());
  const plainRows = rowsFor(200_000, 'pg');
  let next = 0;
  const insertOne = async (): Promise<number> => {
    const r = plainRows[next++ % plainRows.length] as SurveyRow;
    const t = performance.now();
    await pool.query(
      `insert into survey_responses (instansi_id, service_point_id, unit_id, responded_on, created_at, u1, u2, u3, u4, u5, u6, u7, u8, u9,
         age_group, sex, education, job, comment, served_by_employee_id, low_score, client_hash, content_hash)
       values ($1, $2, $3, $4::date, now(), $5, $6, $7, $8, $9, $10, $11, $12, $13, '30_39', 'P', null, null, $14, null, $15, $16, $17)`,
      [inst.id, r.spId, r.unitId, today, ...r.answers, r.comment, r.answers.reduce((a, b) => a + b, 0) < 20, sha256(`bench-${next}`), sha256(r.comment)],
    );
    return performance.now() - t;
  };
  const lanes = async (seconds: number, record: number[] | null) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          // Queue time in the pool counts, as it does for a request waiting on the server's pool.
          const ms = await insertOne();
          record?.push(ms);
        }
      }),
    );
  };
  await lanes(WARMUP, null);
  const plainMs: number[] = [];
  t0 = performance.now();
  await lanes(SECONDS, plainMs);
  const plain = fromTimings(plainMs, (performance.now() - t0) / 1000);

  // -- 2. Transparency page -------------------------------------------------------------------
  const page = `/api/public/instansi/${inst.code}/transparency?year=${year}`;
  const first = await fetch(`${origin}${page}`);
  if (first.status !== 200) throw new Error(`${page}: ${first.status} ${await first.text()}`);
  const body = (await first.json()) as { opds: Array<{ services: unknown[] }> };
  const opds = body.opds.length;
  const services = body.opds.reduce((a, o) => a + o.services.length, 0);
  const hello = await measured({ method: 'GET', paths: ['/bench/hello'] }, origin);
  const transparency = await measured({ method: 'GET', paths: [page] }, origin);
  // The computation behind the page, without the cache (what one request in 30 s pays).
  const uncached = createTransparencyService({ db: handle.db, clock: systemClock, settings: { ...DEFAULT_FEEDBACK_SETTINGS, publicCacheMs: 0 } });
  const computeMs: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    await uncached.transparency(inst.code, year);
    if (i >= 5) computeMs.push(performance.now() - t);
  }
  const compute = fromTimings(computeMs, 1);
  const helloSerial: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    const res = await target.app.inject({ method: 'GET', url: '/bench/hello' });
    if (res.statusCode !== 200) throw new Error('hello');
    if (i >= 5) helloSerial.push(performance.now() - t);
  }
  const helloS = fromTimings(helloSerial, 1);

  // -- Output ---------------------------------------------------------------------------------
  const sub = fromLoad(submit);
  const hb = fromLoad(helloBefore);
  const ha = fromLoad(hello);
  const tp = fromLoad(transparency);
  console.log(`\n1) Survey submissions, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP} s warm-up (one address, limits raised)`);
  console.log('   route                                         req/s   p50 ms   p99 ms   max ms');
  const line = (label: string, r: Figures) =>
    console.log(`   ${label.padEnd(44)} ${f1(r.reqPerSec).padStart(7)} ${f1(r.p50).padStart(8)} ${f1(r.p99).padStart(8)} ${f1(r.max).padStart(8)}`);
  line('GET /bench/hello (bare route)', hb);
  line('POST survey-responses (the real route)', sub);
  line(`plain pg INSERT (${CONNECTIONS} in flight, pool ${POOL})`, plain);
  console.log(
    `   survey vs bare route: ${x(sub.reqPerSec, hb.reqPerSec)} req/s, ${x(sub.p99, hb.p99)} p99;` +
      ` survey vs plain INSERT: ${x(sub.reqPerSec, plain.reqPerSec)} req/s, ${x(sub.p99, plain.p99)} p99`,
  );
  console.log(`\n2) Public transparency page (${opds} OPD, ${services} services, year ${year}), ${CONNECTIONS} connections`);
  line('GET /bench/hello (bare route)', ha);
  line('GET transparency (as deployed, 30 s cache)', tp);
  console.log(`   transparency vs bare route: ${x(tp.reqPerSec, ha.reqPerSec)} req/s, ${x(tp.p99, ha.p99)} p99`);
  console.log(
    `   uncached computation, serial (20 runs): p50 ${f1(compute.p50)} ms, p99 ${f1(compute.p99)} ms; bare route serial p50 ${f1(helloS.p50)} ms, p99 ${f1(helloS.p99)} ms`,
  );
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`\ntotal ${f1(totalSeconds)} s`);

  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}feedback-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        postgres: version,
        employees: target.employees,
        seeded: { servicePoints: seeded.servicePoints, answers: seeded.answers, complaints: seeded.complaints },
        connections: CONNECTIONS,
        seconds: SECONDS,
        survey: { hello: hb, route: sub, plainInsert: plain },
        transparency: { opds, services, hello: ha, route: tp, uncachedSerial: compute, helloSerial: helloS },
        totalSeconds,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${file}`);
}

main().then(
  async () => {
    await cleanups.all();
    process.exit(0);
  },
  async (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanups.all();
    process.exit(1);
  },
);
