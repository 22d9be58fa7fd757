/**
 * Daily-report benchmark (issue 4, "Tests and measures"): `npx tsx apps/server/bench/daily-bench.ts`.
 *
 * On PostgreSQL only (a throwaway database pantau_dbench_<pid> on a loopback server, dropped at
 * the end): the full demo city (seedDemo 'full', ~6,700 employees), a year of demo reports for
 * all of them loaded in bulk (bench/daily-year.ts, ≈5 million activity rows), VACUUM ANALYZE; then
 * the real app on 127.0.0.1 and, each next to a baseline measured in the same run:
 *
 *   1. report submission: POST /api/daily-reports {submit:true}, a unique Idempotency-Key per
 *      request, each request a different (employee, date) among signed-in employees and the
 *      dates of their reporting window, so the one-report-per-day rule never turns them into
 *      conflicts; BASELINE: the same rows (the report and its activities, one transaction per
 *      day) written by plain INSERTs through `pg` at the same concurrency.
 *   2. supervisor team view: GET /api/team/today?scope=all for kepala dinas / kabid / camat whose
 *      chain has 30–50 people (round robin over them): saturated (autocannon, DBENCH_CONNECTIONS),
 *      then evenly paced at DBENCH_TEAM_RATE req/s (the latency the aim is about).
 *   3. adoption dashboard: GET /api/adoption/daily for a whole month, as the demo ADMIN_BKPSDM:
 *      saturated, then paced at 5 req/s.
 *   4. SSE delivery: 1,000 streaming fetches to GET /api/events (admins and supervisors), events
 *      published through the API (submissions) at a fixed rate; latency from just before the
 *      publishing request to arrival on each client. BASELINE: the same 1,000 clients on a bare
 *      SSE route of the same Fastify instance, fed by a bare POST route.
 *   plus GET /bench/hello (a bare route) at the start and the end.
 *
 * autocannon and the SSE clients run in forked children (bench/load-worker.ts for fixed-header
 * GETs, bench/daily-load-worker.ts for per-request sessions and SSE). Every phase has a fixed
 * duration and the run has a watchdog; Ctrl-C cleans up.
 *
 * Environment (DBENCH_*):
 *   DBENCH_DATABASE_URL   server for the throwaway database (default BENCH_DATABASE_URL, else
 *                         postgres://postgres@127.0.0.1:5432/postgres; loopback only; superuser,
 *                         the bulk load skips FK triggers)
 *   DBENCH_SECONDS        measured seconds per route (default 10); DBENCH_WARMUP_SECONDS (2)
 *   DBENCH_CONNECTIONS    concurrent connections / INSERT lanes (default 10)
 *   DBENCH_DAYS           calendar days of reports loaded (default 365)
 *   DBENCH_ADOPTION       share of employee-days with a report (default 0.88)
 *   DBENCH_TEAM_RATE      rate (req/s) of the second, evenly paced team-view run (default 50)
 *   DBENCH_SSE_CLIENTS    SSE connections (default 1000); DBENCH_SSE_RATE events/s (default 10)
 *   DBENCH_SUBMIT_PAIRS   (employee, date) pairs prepared for submissions (default 6000)
 *   DBENCH_KEEP_DB=1      keep the database for EXPLAIN (prints how to drop it)
 *   DBENCH_PROFILE=1      CPU-profile the server process during the measured submissions and the
 *                         SSE run (results/daily-bench-{submit,sse}-<timestamp>.cpuprofile, for Chrome DevTools)
 *   DBENCH_MAX_MINUTES    watchdog (default 10)
 * Output: tables on stdout and apps/server/bench/results/daily-bench-<timestamp>.json.
 * Exit status: 0 when the run completed; 1 on an error, a refused request (non-2xx) or a lost SSE
 * event in any measured phase, or the watchdog. Missed aims are printed, not failures. The
 * throwaway database and files are removed on every exit path (end, error, SIGINT/SIGTERM/SIGHUP,
 * watchdog, uncaught error); only SIGKILL leaves them (see docs/benchmarks.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance as perf } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { reportableDates } from '@pantau/domain';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDb, type OpenDb } from '../src/db/open-db.js';
import { runMigrations } from '../src/db/migrate.js';
import { rows } from '../src/db/raw.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { wibDate } from '../src/lib/clock.js';
import { SESSION_COOKIE } from '../src/http/authenticate.js';
import { randomToken, sha256 } from '../src/modules/auth/tokens.js';
import { holidayDates, seedNationalHolidays } from '../src/modules/feedback/holidays-2026.js';
import { accessRepository } from '../src/modules/org/access.repository.js';
import { orgRepository } from '../src/modules/org/org.repository.js';
import { allDemoTasks } from '../src/modules/daily-reports/demo-daily-tasks.js';
import type { LoadJob, LoadResult } from './load-worker.js';
import type {
  DailyJob,
  Percentiles,
  PreparedRequest,
  SseOpenResult,
  SseRunResult,
} from './daily-load-worker.js';
import { percentiles } from './daily-load-worker.js';
import { loadDemoYear, type YearResult } from './daily-year.js';
import { Cleanups, DEFAULT_PG_URL, getJson, isLoopback, signIn } from './target.js';

// ---------------------------------------------------------------------------------------------
// Settings

function numEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max} (got '${raw}')`);
  return n;
}

const SECONDS = Math.round(numEnv('DBENCH_SECONDS', 10, 1, 120));
const WARMUP = Math.round(numEnv('DBENCH_WARMUP_SECONDS', 2, 0, 30));
const CONNECTIONS = Math.round(numEnv('DBENCH_CONNECTIONS', 10, 1, 100));
const DAYS = Math.round(numEnv('DBENCH_DAYS', 365, 1, 400));
const ADOPTION = numEnv('DBENCH_ADOPTION', 0.88, 0.05, 1);
const SSE_CLIENTS = Math.round(numEnv('DBENCH_SSE_CLIENTS', 1000, 0, 5000));
const SSE_RATE = Math.round(numEnv('DBENCH_SSE_RATE', 10, 1, 200));
const TEAM_RATE = Math.round(numEnv('DBENCH_TEAM_RATE', 50, 1, 10_000));
const SUBMIT_PAIRS = Math.round(numEnv('DBENCH_SUBMIT_PAIRS', 6000, 100, 100_000));
const MAX_MINUTES = numEnv('DBENCH_MAX_MINUTES', 10, 1, 60);
const KEEP_DB = process.env.DBENCH_KEEP_DB === '1';
const PROFILE = process.env.DBENCH_PROFILE === '1';
const PG_URL = process.env.DBENCH_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
/** Working days back that may be reported. 10 instead of the default 3 so fewer people need to sign in. */
const BACKDATE = 10;
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Clean-up, watchdog, children

const cleanups = new Cleanups();
const started = performance.now();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up …`);
    void cleanups.all().finally(() => process.exit(130));
  });
}
// A throw outside main's promise chain (a socket or child-process callback) still drops the database.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    console.error(`\n${event}:`, err);
    void cleanups.all().finally(() => process.exit(1));
  });
}
setTimeout(() => {
  console.error(`\nDBENCH_MAX_MINUTES (${MAX_MINUTES}) exceeded: stopping.`);
  void cleanups.all().finally(() => process.exit(1));
}, MAX_MINUTES * 60_000).unref();

const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

interface Child {
  proc: ChildProcess;
  pending: Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>;
}
let nextId = 1;

function startChild(file: string): Child {
  const proc = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const child: Child = { proc, pending: new Map() };
  proc.on('message', (msg: { id: number; type: string; message?: string }) => {
    const p = child.pending.get(msg.id);
    if (!p) return;
    child.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(`${file}: ${msg.message ?? '?'}`));
    else p.resolve(msg);
  });
  proc.on('exit', (code) => {
    for (const [, p] of child.pending) p.reject(new Error(`${file} exited (${code})`));
    child.pending.clear();
  });
  cleanups.push(() => {
    if (proc.exitCode === null) proc.kill();
  });
  return child;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask<T>(child: Child, job: WithoutId<LoadJob | DailyJob>): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    child.pending.set(id, { resolve: (r) => resolve(r as T), reject });
    child.proc.send({ ...job, id });
  });
}

// ---------------------------------------------------------------------------------------------
// Who used the two cores (Linux /proc; zeros elsewhere)

function procTicks(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(f[11] ?? 0) + Number(f[12] ?? 0);
  } catch {
    return 0;
  }
}
function machineTicks(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
    return [1, 2, 3, 6, 7, 8].reduce((s, i) => s + Number(f[i] ?? 0), 0);
  } catch {
    return 0;
  }
}

interface Cores {
  server: number;
  loadGenerator: number;
  postgres: number;
  other: number;
  /** Share of the time the server's event loop was busy (1 = saturated: Node is the limit). */
  loop: number;
}

async function measureCores<T>(handle: OpenDb, children: Child[], work: () => Promise<T>): Promise<{ result: T; cores: Cores }> {
  const pids = async () => (await handle.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()')).map((r) => r.pid);
  const pgBefore = new Map((await pids()).map((p) => [p, procTicks(p)]));
  const kids = children.flatMap((c) => (c.proc.pid === undefined ? [] : [c.proc.pid]));
  const kidsBefore = kids.reduce((s, p) => s + procTicks(p), 0);
  const cpu0 = process.cpuUsage();
  const elu0 = perf.eventLoopUtilization();
  const m0 = machineTicks();
  const t0 = performance.now();
  const result = await work();
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const loop = perf.eventLoopUtilization(elu0).utilization;
  let pgTicks = 0;
  for (const p of await pids()) pgTicks += procTicks(p) - (pgBefore.get(p) ?? 0);
  const cores = (ticks: number) => Math.max(0, ticks / 100 / secs);
  const server = (cpu.user + cpu.system) / 1e6 / secs;
  const loadGenerator = cores(kids.reduce((s, p) => s + procTicks(p), 0) - kidsBefore);
  const postgres = cores(pgTicks);
  const other = Math.max(0, cores(machineTicks() - m0) - server - loadGenerator - postgres);
  return { result, cores: { server, loadGenerator, postgres, other, loop } };
}

/**
 * What this database's other backends are doing, sampled every 25 ms on a connection of its own
 * while `work` runs: counts of `state / wait_event_type:wait_event` (e.g. a row lock queue shows
 * as `active / Lock:transactionid`).
 */
async function sampleWaits<T>(url: string, work: () => Promise<T>): Promise<{ result: T; waits: Record<string, number>; samples: number }> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  const waits: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await c.query<{ k: string; n: number }>(
        `select coalesce(state, '?') || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') as k, count(*)::int as n
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
         group by 1`,
      );
      for (const row of r.rows) waits[row.k] = (waits[row.k] ?? 0) + row.n;
      samples++;
      await new Promise((res) => setTimeout(res, 25));
    }
  })();
  try {
    const result = await work();
    return { result, waits, samples };
  } finally {
    running = false;
    await loop.catch(() => undefined);
    await c.end().catch(() => undefined);
  }
}

/** Runs `work` under the V8 CPU profiler of this (the server's) process when DBENCH_PROFILE=1. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `daily-bench-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`  CPU profile: ${file}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Database

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** The body of one day's report: three activities of the catalogue, 07:30–11:00, 12:30–15:00, 15:00–16:00. */
function reportBody(date: string, n: number): { date: string; submit: true; activities: Array<Record<string, unknown>> } {
  const tasks = allDemoTasks();
  const t = (i: number) => tasks[(n * 3 + i) % tasks.length] ?? tasks[0];
  const act = (i: number, startTime: string, endTime: string) => {
    const task = t(i);
    return {
      startTime,
      endTime,
      description: task?.[0] ?? 'Menyusun laporan kegiatan',
      outputQuantity: task?.[1] === null ? null : ((n + i) % 20) + 1,
      outputUnit: task?.[1] ?? null,
    };
  };
  return { date, submit: true, activities: [act(0, '07:30', '11:00'), act(1, '12:30', '15:00'), act(2, '15:00', '16:00')] };
}

const minutes = (a: string, b: string) => Number(b.slice(0, 2)) * 60 + Number(b.slice(3)) - Number(a.slice(0, 2)) * 60 - Number(a.slice(3));

// ---------------------------------------------------------------------------------------------
// Main

interface RouteRow {
  key: string;
  label: string;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  cores: Cores;
  note?: string;
}

function routeRow(key: string, label: string, r: LoadResult, cores: Cores, note?: string): RouteRow {
  return {
    key,
    label,
    reqPerSec: r.reqPerSec,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests,
    non2xx: r.non2xx + r.errors + r.timeouts,
    statusCodes: r.statusCodes,
    cores,
    note,
  };
}

async function main(): Promise<void> {
  if (!isLoopback(PG_URL)) throw new Error(`DBENCH_DATABASE_URL must point at this machine (127.0.0.1/localhost), got ${new URL(PG_URL).host}`);
  const dbName = `pantau_dbench_${process.pid}`;
  await admin(PG_URL, `DROP DATABASE IF EXISTS ${dbName}`);
  await admin(PG_URL, `CREATE DATABASE ${dbName}`);
  const url = withDatabase(PG_URL, dbName);
  cleanups.push(() =>
    KEEP_DB
      ? console.log(`DBENCH_KEEP_DB=1: kept ${url} (remove with: DROP DATABASE ${dbName} WITH (FORCE))`)
      : admin(PG_URL, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
  );
  const filesDir = mkdtempSync(join(os.tmpdir(), 'pantau-dbench-files-'));
  cleanups.push(() => rmSync(filesDir, { recursive: true, force: true }));

  const config = loadConfig({
    DATABASE_URL: url,
    PANTAU_FILES_DIR: filesDir,
    PANTAU_LOGIN_RATE_PER_MINUTE: '10000',
    PANTAU_REPORT_BACKDATE_DAYS: String(BACKDATE),
    PANTAU_DEMO: 'false',
    PANTAU_WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const handle = await openDb(config.database);
  cleanups.push(() => handle.close());
  await runMigrations(handle);
  const [{ v: serverVersion } = { v: '?' }] = await handle.query<{ v: string }>('select version() as v');
  const today = wibDate(new Date());
  const t0 = performance.now();
  const seeded = await seedDemo(handle.db, { size: 'full', today });
  await seedNationalHolidays(handle.db, seeded.instansiId, 2026);
  const seedSeconds = (performance.now() - t0) / 1000;
  const instansiId = seeded.instansiId;
  log(`database ${dbName} on ${serverVersion.split(' on ')[0] ?? serverVersion}; demo city seeded in ${seedSeconds.toFixed(1)} s`);

  // People, their unit today and their atasan today.
  const people = await rows<{ employeeId: number; unitId: number | null; opdId: number | null }>(
    handle.db,
    sql`select e.id as "employeeId", u.id as "unitId", coalesce(u.opd_id, u.id) as "opdId" from employees e
        left join lateral (select a.position_id from assignments a where a.employee_id = e.id and a.kind = 'DEFINITIF'
                             and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to >= ${today}::date)
                           order by a.valid_from desc limit 1) cur on true
        left join positions p on p.id = cur.position_id left join org_units u on u.id = p.unit_id
        where e.instansi_id = ${instansiId} and e.active order by e.id`,
  );
  const sup = await orgRepository(handle.db).supervisorsOn(people.map((p) => p.employeeId), today);
  const holidays = await holidayDates(handle.db, instansiId, '2000-01-01', '2100-01-01');
  const windowDates = reportableDates(today, BACKDATE, holidays);
  const windowStart = windowDates[0] ?? today;

  // The submission pool: spread over the city, people with an atasan and a unit.
  const sseEvents = SSE_CLIENTS > 0 ? SSE_RATE * SECONDS : 0;
  const warmPairs = WARMUP > 0 ? Math.min(3000, WARMUP * 400) : 0;
  const needed = SUBMIT_PAIRS + warmPairs + sseEvents;
  const eligible = people.filter((p) => p.unitId !== null && sup.has(p.employeeId));
  const poolSize = Math.min(eligible.length, Math.ceil(needed / Math.max(1, windowDates.length)));
  const step = eligible.length / poolSize;
  const pool = Array.from({ length: poolSize }, (_, i) => eligible[Math.floor(i * step)]).flatMap((p) => (p ? [p.employeeId] : []));
  log(`reporting window ${windowDates[0]} … ${windowDates[windowDates.length - 1]} (${windowDates.length} dates); pool of ${pool.length} employees`);

  log(`loading ${DAYS} days of reports for ${people.length} employees (adoption ${ADOPTION}) …`);
  const year: YearResult = await loadDemoYear({
    url,
    instansiId,
    today,
    from: new Date(Date.parse(`${today}T00:00:00Z`) - DAYS * 86_400_000).toISOString().slice(0, 10),
    people: people.map((p) => ({ ...p, supervisorId: sup.get(p.employeeId)?.supervisorId ?? null })),
    holidays: [...holidays],
    reserved: { employeeIds: pool, fromDate: windowStart },
    adoption: ADOPTION,
    log,
  });
  log(
    `loaded ${year.reports.toLocaleString('en-US')} reports and ${year.activities.toLocaleString('en-US')} activities: ` +
      `insert ${year.loadSeconds.toFixed(0)} s, indexes ${year.indexSeconds.toFixed(0)} s, VACUUM ANALYZE ${year.vacuumSeconds.toFixed(0)} s`,
  );
  const [sizes] = await handle.query<{ reports: string; activities: string }>(
    `select pg_size_pretty(pg_total_relation_size('daily_reports')) as reports, pg_size_pretty(pg_total_relation_size('daily_activities')) as activities`,
  );

  // Supervisors for the team view (chain of 30–50 people) and the SSE clients.
  const candidates = await rows<{ employeeId: number }>(
    handle.db,
    sql`select distinct a.employee_id as "employeeId" from assignments a join positions p on p.id = a.position_id
        where a.instansi_id = ${instansiId} and a.kind = 'DEFINITIF' and p.is_head and p.type in ('JPT', 'ADMINISTRATOR')
          and a.valid_from <= ${today}::date and (a.valid_to is null or a.valid_to >= ${today}::date) order by 1`,
  );
  const access = accessRepository(handle.db);
  const teams: Array<{ employeeId: number; size: number }> = [];
  const chains = new Map<number, Set<number>>();
  for (const c of candidates) {
    const below = await access.subordinateIds(c.employeeId, today);
    chains.set(c.employeeId, below);
    if (below.size >= 30 && below.size <= 50) teams.push({ employeeId: c.employeeId, size: below.size });
  }
  const teamLeads = teams.slice(0, 20);
  if (teamLeads.length === 0) throw new Error('no head with a chain of 30–50 people');
  const ssePairs = windowDates.flatMap((date) => pool.map((employeeId) => ({ employeeId, date }))).slice(0, sseEvents);
  const sseSupervisors = [...new Set(ssePairs.map((p) => sup.get(p.employeeId)?.supervisorId ?? 0).filter((x) => x > 0))].slice(0, 150);
  for (const s of sseSupervisors) if (!chains.has(s)) chains.set(s, await access.subordinateIds(s, today));

  // Sessions for everyone who acts: made directly in the sessions table (the way sign-in stores
  // them), since ~800 argon2 sign-ins would take a minute on this box and sign-in is not measured
  // here (run.ts measures it). The three instansi-wide demo logins sign in over HTTP below.
  const adminLogin = seeded.logins.find((l) => l.role === 'ADMIN_BKPSDM');
  const wideLogins = seeded.logins.filter((l) => l.role === 'ADMIN_BKPSDM' || l.role === 'PIMPINAN' || l.role === 'INSPEKTORAT');
  if (!adminLogin || wideLogins.length !== 3) throw new Error('demo logins missing');
  const signers = [...new Set([...pool, ...teamLeads.map((t) => t.employeeId), ...sseSupervisors])];
  // Their accounts are ready to use (the demo seed makes everyone but the demo logins change their password first).
  await handle.query('update users set must_change_password = false where employee_id = any($1::int[])', [signers]);
  const made = signers.map((employeeId) => ({ employeeId, token: randomToken(), csrf: randomToken(24) }));
  await handle.query(
    `insert into sessions (id, user_id, csrf_token, expires_at)
     select t.id, u.id, t.csrf, now() + interval '1 day'
     from unnest($1::int[], $2::text[], $3::text[]) as t(employee_id, id, csrf) join users u on u.employee_id = t.employee_id`,
    [made.map((x) => x.employeeId), made.map((x) => sha256(x.token)), made.map((x) => x.csrf)],
  );
  const sessions = new Map(made.map((x) => [x.employeeId, { cookie: `${SESSION_COOKIE}=${x.token}`, csrf: x.csrf }]));

  // The app, with bare baseline routes on the same instance.
  const app = await buildApp({ config, db: handle, logger: false });
  app.get('/bench/hello', async () => ({ hello: 'world' }));
  const bareStreams = new Set<NodeJS.WritableStream>();
  app.get('/bench/sse', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    reply.raw.write('retry: 3000\n\n');
    bareStreams.add(reply.raw);
    request.raw.on('close', () => {
      bareStreams.delete(reply.raw);
      reply.raw.end();
    });
  });
  app.post<{ Body: { key: string; to: number } }>('/bench/publish', async (request) => {
    const line = `event: bench\ndata: ${JSON.stringify({ key: request.body.key })}\n\n`;
    let n = 0;
    for (const s of bareStreams) {
      if (n++ >= request.body.to) break;
      s.write(line);
    }
    return { n: Math.min(n, request.body.to) };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;

  const wide = await Promise.all(wideLogins.map((l) => signIn(origin, l.login, l.password)));
  const adminCookie = wide[wideLogins.indexOf(adminLogin)] ?? '';
  const probe = sessions.get(pool[0] ?? 0);
  const check = await getJson<{ me: { csrfToken: string | null; mustChangePassword: boolean } }>(origin, '/api/me', probe?.cookie);
  if (check.me.csrfToken !== probe?.csrf || check.me.mustChangePassword) throw new Error('prepared session is not usable');
  log(`${sessions.size} sessions prepared, ${wide.length} demo admins signed in; listening on ${origin}`);

  const generic = startChild('./load-worker.ts');
  const daily = startChild('./daily-load-worker.ts');
  const children = [generic, daily];
  const fixedLoad = (paths: string[], headers: Record<string, string>, seconds: number) =>
    ask<LoadResult>(generic, { type: 'run', origin, method: 'GET', paths, headers, connections: CONNECTIONS, seconds, seed: 7 } satisfies Omit<LoadJob, 'id'>);
  const perRequestLoad = (method: 'GET' | 'POST', requests: PreparedRequest[], cycle: boolean, seconds: number) =>
    ask<LoadResult>(daily, { type: 'run', origin, method, requests, cycle, connections: CONNECTIONS, seconds });
  const pacedLoad = (requests: PreparedRequest[], ratePerSecond: number, seconds: number) =>
    ask<LoadResult>(daily, { type: 'paced', origin, method: 'GET', requests, ratePerSecond, seconds });
  const routes: RouteRow[] = [];
  const show = (r: RouteRow) =>
    log(
      `  ${r.label.padEnd(46)} ${r.reqPerSec.toFixed(r.reqPerSec < 100 ? 1 : 0).padStart(7)}/s  p50 ${r.p50}  p99 ${r.p99}  max ${r.max} ms` +
        `  cores srv/gen/pg/other ${[r.cores.server, r.cores.loadGenerator, r.cores.postgres, r.cores.other].map((c) => c.toFixed(2)).join('/')}` +
        `  loop ${Math.round(r.cores.loop * 100)} %` +
        (r.non2xx > 0 ? `  !! non-2xx/errors ${r.non2xx} ${JSON.stringify(r.statusCodes)}` : ''),
    );

  // 1. hello
  if (WARMUP > 0) await fixedLoad(['/bench/hello'], {}, WARMUP);
  let m = await measureCores(handle, children, () => fixedLoad(['/bench/hello'], {}, SECONDS));
  routes.push(routeRow('hello', 'GET /bench/hello (bare route)', m.result, m.cores));
  show(routes[routes.length - 1] as RouteRow);

  // 2. submissions: plain INSERT baseline, then the API.
  const pairs = windowDates
    .flatMap((date) => pool.map((employeeId) => ({ employeeId, date })))
    .slice(sseEvents)
    .filter((p) => sessions.has(p.employeeId));
  const unitOf = new Map(people.map((p) => [p.employeeId, p]));
  const baseline = await insertBaseline(url, instansiId, pool, unitOf, sup, WARMUP, SECONDS, handle, children, false);
  routes.push(baseline);
  show(baseline);
  const baselineAll = await insertBaseline(url, instansiId, pool, unitOf, sup, WARMUP, SECONDS, handle, children, true);
  routes.push(baselineAll);
  show(baselineAll);
  const asRequest = (p: { employeeId: number; date: string }, n: number): PreparedRequest => {
    const s = sessions.get(p.employeeId);
    return {
      path: '/api/daily-reports',
      headers: { cookie: s?.cookie ?? '', 'x-csrf-token': s?.csrf ?? '', 'idempotency-key': `dbench-${process.pid}-${n}` },
      body: JSON.stringify(reportBody(p.date, n)),
      key: `${p.employeeId}|${p.date}`,
    };
  };
  const warmList = pairs.slice(0, warmPairs).map((p, i) => asRequest(p, i));
  const measuredList = pairs.slice(warmPairs).map((p, i) => asRequest(p, warmPairs + i));
  if (WARMUP > 0 && warmList.length > 0) await perRequestLoad('POST', warmList, false, WARMUP);
  const sampled = await sampleWaits(url, () =>
    measureCores(handle, children, () => profiled('submit', () => perRequestLoad('POST', measuredList, false, SECONDS))),
  );
  m = sampled.result;
  const submitWaits = Object.fromEntries(
    Object.entries(sampled.waits)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => [k, Math.round((n / Math.max(1, sampled.samples)) * 100) / 100]),
  );
  log(`  backends during submissions (average count per sample): ${JSON.stringify(submitWaits)}`);
  const submitNote =
    m.result.requests >= measuredList.length ? `stopped early: all ${measuredList.length} prepared (employee, date) pairs used` : undefined;
  routes.push(routeRow('submit', 'POST /api/daily-reports (submit:true)', m.result, m.cores, submitNote));
  show(routes[routes.length - 1] as RouteRow);

  // 3. team view
  const teamRequests = teamLeads.map((t) => ({ path: '/api/team/today?scope=all', headers: { cookie: sessions.get(t.employeeId)?.cookie ?? '' } }));
  if (WARMUP > 0) await perRequestLoad('GET', teamRequests, true, WARMUP);
  m = await measureCores(handle, children, () => perRequestLoad('GET', teamRequests, true, SECONDS));
  const teamSizes = teamLeads.map((t) => t.size);
  const teamNote = `${teamLeads.length} heads, chains of ${Math.min(...teamSizes)}–${Math.max(...teamSizes)} people`;
  routes.push(routeRow('team', 'GET /api/team/today?scope=all (saturated)', m.result, m.cores, teamNote));
  show(routes[routes.length - 1] as RouteRow);
  m = await measureCores(handle, children, () => pacedLoad(teamRequests, TEAM_RATE, SECONDS));
  routes.push(routeRow('team-rate', `GET /api/team/today?scope=all at ${TEAM_RATE}/s`, m.result, m.cores, teamNote));
  show(routes[routes.length - 1] as RouteRow);

  // 4. adoption dashboard: the last three whole months
  const months: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1));
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    months.push(`/api/adoption/daily?from=${d.toISOString().slice(0, 10)}&to=${end.toISOString().slice(0, 10)}`);
  }
  if (WARMUP > 0) await fixedLoad(months, { cookie: adminCookie }, WARMUP);
  m = await measureCores(handle, children, () => fixedLoad(months, { cookie: adminCookie }, SECONDS));
  routes.push(routeRow('adoption', 'GET /api/adoption/daily (a month, admin)', m.result, m.cores, 'one of the last three whole months per request'));
  show(routes[routes.length - 1] as RouteRow);
  const adoptionRequests = months.map((path) => ({ path, headers: { cookie: adminCookie } }));
  m = await measureCores(handle, children, () => pacedLoad(adoptionRequests, 5, SECONDS));
  routes.push(routeRow('adoption-rate', 'GET /api/adoption/daily at 5/s', m.result, m.cores));
  show(routes[routes.length - 1] as RouteRow);

  // 5. hello again (drift)
  m = await measureCores(handle, children, () => fixedLoad(['/bench/hello'], {}, SECONDS));
  routes.push(routeRow('hello-again', 'GET /bench/hello (again: drift)', m.result, m.cores));
  show(routes[routes.length - 1] as RouteRow);

  // 6. SSE
  const sse: Record<string, unknown> = {};
  if (SSE_CLIENTS > 0) {
    const wideCount = Math.round(SSE_CLIENTS * 0.3);
    const supCookies = sseSupervisors.flatMap((s) => (sessions.has(s) ? [{ id: s, cookie: sessions.get(s)?.cookie ?? '' }] : []));
    const conns: Array<{ wide: boolean; employeeId: number; cookie: string }> = [];
    for (let i = 0; i < SSE_CLIENTS; i++) {
      if (i < wideCount || supCookies.length === 0) conns.push({ wide: true, employeeId: 0, cookie: wide[i % wide.length] ?? '' });
      else {
        const s = supCookies[(i - wideCount) % supCookies.length];
        if (s) conns.push({ wide: false, employeeId: s.id, cookie: s.cookie });
      }
    }
    const expectedFor = (employeeId: number) =>
      conns.filter((c) => c.wide || c.employeeId === employeeId || chains.get(c.employeeId)?.has(employeeId) === true).length;
    const cookies = conns.map((c) => c.cookie);

    // Bare route baseline: same clients, same rate, no database.
    const bareOpen = await ask<SseOpenResult>(daily, { type: 'sse-open', origin, path: '/bench/sse', cookies });
    log(`  bare SSE: ${bareOpen.opened} clients open in ${bareOpen.seconds.toFixed(1)} s`);
    // Each bare event goes to as many clients as the matching API event will (its scope fan-out).
    const barePublish: PreparedRequest[] = ssePairs.map((p, i) => ({
      path: '/bench/publish',
      headers: {},
      body: JSON.stringify({ key: `bare-${i}`, to: expectedFor(p.employeeId) }),
      key: `bare-${i}`,
    }));
    const bareRun = await measureCores(handle, children, () =>
      ask<SseRunResult>(daily, { type: 'sse-run', origin, method: 'POST', publish: barePublish, ratePerSecond: SSE_RATE, settleMs: 3000 }),
    );
    await ask(daily, { type: 'sse-close' });
    await new Promise((r) => setTimeout(r, 500));

    const apiOpen = await ask<SseOpenResult>(daily, { type: 'sse-open', origin, path: '/api/events', cookies });
    log(`  /api/events: ${apiOpen.opened} clients open in ${apiOpen.seconds.toFixed(1)} s ${JSON.stringify(apiOpen.statuses)}`);
    const apiPublish = ssePairs.map((p, i) => asRequest(p, 1_000_000 + i));
    const apiRun = await measureCores(handle, children, () =>
      profiled('sse', () =>
        ask<SseRunResult>(daily, { type: 'sse-run', origin, method: 'POST', publish: apiPublish, ratePerSecond: SSE_RATE, settleMs: 5000 }),
      ),
    );
    await ask(daily, { type: 'sse-close' });
    const expected = ssePairs.reduce((s, p) => s + expectedFor(p.employeeId), 0);
    const delivered = Object.values(apiRun.result.deliveredPerKey).reduce((s, n) => s + n, 0);
    const bareDelivered = Object.values(bareRun.result.deliveredPerKey).reduce((s, n) => s + n, 0);
    const line = (label: string, r: SseRunResult, cores: Cores, got: number, want: number) =>
      log(
        `  ${label.padEnd(46)} ${r.published} events at ${SSE_RATE}/s to ${r.openConnections} clients: delivered ${got}/${want}` +
          `  p50 ${r.delivery.p50}  p90 ${r.delivery.p90}  p99 ${r.delivery.p99}  max ${r.delivery.max} ms` +
          `  (publish request p99 ${r.publishLatency.p99} ms; ${JSON.stringify(r.publishStatuses)}${r.firstError ? ` first error: ${r.firstError}` : ''})` +
          `  cores srv/gen/pg/other ${[cores.server, cores.loadGenerator, cores.postgres, cores.other].map((c) => c.toFixed(2)).join('/')}`,
      );
    line('SSE bare route (baseline)', bareRun.result, bareRun.cores, bareDelivered, expected);
    line('SSE /api/events (submissions via API)', apiRun.result, apiRun.cores, delivered, expected);
    Object.assign(sse, {
      clients: SSE_CLIENTS,
      wideClients: wideCount,
      supervisorSessions: supCookies.length,
      ratePerSecond: SSE_RATE,
      bare: { open: bareOpen, run: { ...bareRun.result, deliveredPerKey: undefined }, cores: bareRun.cores, delivered: bareDelivered },
      api: { open: apiOpen, run: { ...apiRun.result, deliveredPerKey: undefined }, cores: apiRun.cores, delivered, expected },
    });
  }

  // Summary against the aims.
  const get = (k: string) => routes.find((r) => r.key === k);
  const submit = get('submit');
  const insert = get('insert');
  const insertAll = get('insert-all');
  const team = get('team-rate');
  const teamSaturated = get('team');
  const apiDelivery = (sse.api as { run?: { delivery?: Percentiles } } | undefined)?.run?.delivery;
  const bareDelivery = (sse.bare as { run?: { delivery?: Percentiles } } | undefined)?.run?.delivery;
  const adoption = get('adoption-rate');
  const adoptionSaturated = get('adoption');
  const hello = get('hello');
  const aims = {
    submissionsVsInsert: submit && insert ? submit.reqPerSec / insert.reqPerSec : 0,
    submissionsVsEveryRow: submit && insertAll ? submit.reqPerSec / insertAll.reqPerSec : 0,
    submitP99: submit?.p99 ?? 0,
    insertP99: insert?.p99 ?? 0,
    teamP99: team?.p99 ?? 0,
    teamSaturatedP99: teamSaturated?.p99 ?? 0,
    adoptionP99: adoption?.p99 ?? 0,
    adoptionSaturatedP99: adoptionSaturated?.p99 ?? 0,
    helloP99: hello?.p99 ?? 0,
    sseP99: apiDelivery?.p99 ?? 0,
    bareSseP99: bareDelivery?.p99 ?? 0,
  };
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  log(
    `aims: submissions ${submit?.reqPerSec.toFixed(1) ?? '?'}/s = ${(aims.submissionsVsEveryRow * 100).toFixed(1)} % of plain INSERTs of every row it writes ` +
      `${insertAll?.reqPerSec.toFixed(0) ?? '?'}/s (aim ≥ 50 %: ${verdict(aims.submissionsVsEveryRow >= 0.5)}), ` +
      `${(aims.submissionsVsInsert * 100).toFixed(1)} % of plain INSERTs of the report and activities alone ${insert?.reqPerSec.toFixed(0) ?? '?'}/s ` +
      `(${verdict(aims.submissionsVsInsert >= 0.5)}), p99 ${aims.submitP99} ms vs INSERT ${aims.insertP99} ms; ` +
      `team view p99 ${aims.teamP99} ms at ${TEAM_RATE}/s (aim < 50: ${verdict(aims.teamP99 < 50)}), ${aims.teamSaturatedP99} ms saturated; ` +
      `adoption dashboard p99 ${aims.adoptionP99} ms at 5/s, ${aims.adoptionSaturatedP99} ms saturated (no numeric aim; bare route p99 ${aims.helloP99} ms); ` +
      (SSE_CLIENTS > 0 ? `SSE p99 ${aims.sseP99} ms with ${SSE_CLIENTS} clients (aim < 250: ${verdict(aims.sseP99 < 250)}; bare route ${aims.bareSseP99} ms)` : 'SSE skipped'),
  );
  // A run with refused requests or lost events measured something else: it fails (exit status 1).
  // Missed aims are results, not failures.
  const failures = routes.filter((r) => r.non2xx > 0).map((r) => `${r.label}: ${r.non2xx} non-2xx/errors ${JSON.stringify(r.statusCodes)}`);
  const sseApi = sse.api as { delivered?: number; expected?: number } | undefined;
  if (sseApi && sseApi.delivered !== sseApi.expected) failures.push(`SSE: delivered ${sseApi.delivered ?? 0} of ${sseApi.expected ?? 0} events`);
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAILED: ${f}`);
    process.exitCode = 1;
  }
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `daily-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        server: serverVersion,
        settings: { SECONDS, WARMUP, CONNECTIONS, DAYS, ADOPTION, SSE_CLIENTS, SSE_RATE, SUBMIT_PAIRS, BACKDATE },
        data: { employees: people.length, ...year, sizes, seedSeconds, pool: pool.length, windowDates, teamLeads },
        routes,
        submitWaits,
        sse,
        aims,
        failures,
        totalSeconds: (performance.now() - started) / 1000,
      },
      null,
      2,
    ),
  );
  log(`results in ${file}`);
}

/**
 * The baseline: the same rows a submission writes (one report, three activities) by plain
 * INSERTs in one transaction per day, `CONNECTIONS` lanes on their own pg.Pool, for the same
 * time. Days far in the future (2031 on) of the pool's people, removed afterwards.
 */
async function insertBaseline(
  url: string,
  instansiId: number,
  pool: readonly number[],
  unitOf: ReadonlyMap<number, { unitId: number | null; opdId: number | null }>,
  sup: ReadonlyMap<number, { supervisorId: number }>,
  warmup: number,
  seconds: number,
  handle: OpenDb,
  children: Child[],
  everyRow: boolean,
): Promise<RouteRow> {
  const p = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const users = new Map(
    (await p.query<{ e: number; u: number }>('select employee_id as e, id as u from users where employee_id = any($1::int[])', [pool])).rows.map((r) => [r.e, r.u]),
  );
  const run = `${process.pid}-${everyRow ? 'all' : 'day'}`;
  p.on('error', () => undefined);
  let n = 0;
  const lanes = async (secs: number, record: number[] | null) => {
    const end = performance.now() + secs * 1000;
    let done = 0;
    const one = async () => {
      while (performance.now() < end) {
        const i = n++;
        const employeeId = pool[i % pool.length] ?? 0;
        const date = new Date(Date.UTC(2031, 0, 1) + Math.floor(i / pool.length) * 86_400_000).toISOString().slice(0, 10);
        const body = reportBody(date, i);
        const u = unitOf.get(employeeId);
        const t = performance.now();
        const c = await p.connect();
        try {
          await c.query('begin');
          const total = body.activities.reduce((s, a) => s + minutes(String(a.startTime), String(a.endTime)), 0);
          const r = await c.query<{ id: number }>(
            `insert into daily_reports (instansi_id, employee_id, date, status, unit_id, opd_id, verifier_employee_id, total_minutes,
               activity_count, first_submitted_at, submitted_at) values ($1, $2, $3, 'SUBMITTED', $4, $5, $6, $7, 3, now(), now()) returning id`,
            [instansiId, employeeId, date, u?.unitId ?? null, u?.opdId ?? null, sup.get(employeeId)?.supervisorId ?? null, total],
          );
          const id = r.rows[0]?.id;
          await c.query(
            `insert into daily_activities (report_id, employee_id, date, seq, start_time, end_time, minutes, description, output_quantity, output_unit)
             select $1, $2, $3, t.seq, t.s::time, t.e::time, t.m, t.d, t.q, t.u
             from unnest($4::int[], $5::text[], $6::text[], $7::int[], $8::text[], $9::numeric[], $10::text[]) as t(seq, s, e, m, d, q, u)`,
            [
              id,
              employeeId,
              date,
              [1, 2, 3],
              body.activities.map((a) => a.startTime),
              body.activities.map((a) => a.endTime),
              body.activities.map((a) => minutes(String(a.startTime), String(a.endTime))),
              body.activities.map((a) => a.description),
              body.activities.map((a) => a.outputQuantity),
              body.activities.map((a) => a.outputUnit),
            ],
          );
          if (everyRow) {
            // The other rows a submission writes: its two audit rows (ids far above the chain,
            // no head update: that is the design's own cost), the live event (its insert trigger
            // notifies, as for a submission) and the idempotency key with its answer.
            const audit = JSON.stringify({ date, activities: body.activities });
            await c.query(
              `insert into audit_log (id, at, instansi_id, actor_user_id, actor_label, action, entity_type, entity_id, old_values, new_values, request_id, ip, prev_hash, hash)
               select 9000000000000 + $1::bigint * 2 + g, now(), $2, $3, 'bench', 'bench.baseline', 'daily_report', $4, null, $5::jsonb, 'bench', '127.0.0.1', repeat('0', 64), repeat('1', 64)
               from generate_series(0, 1) g`,
              [i, instansiId, users.get(employeeId) ?? null, String(id), audit],
            );
            await c.query(`insert into events (instansi_id, type, subject_employee_ids, payload) values ($1, 'bench.baseline', $2::int[], $3::jsonb)`, [
              instansiId,
              [employeeId],
              JSON.stringify({ reportId: id, employeeId, date, status: 'SUBMITTED', totalMinutes: total, activityCount: 3 }),
            ]);
            await c.query(`insert into idempotency_keys (user_id, key, fingerprint, status_code, response) values ($1, $2, repeat('f', 64), 201, $3::jsonb)`, [
              users.get(employeeId),
              `dbase-${run}-${i}`,
              JSON.stringify({ dailyReportRef: id }),
            ]);
          }
          await c.query('commit');
        } catch (err) {
          await c.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          c.release();
        }
        record?.push(performance.now() - t);
        done++;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, one));
    return done;
  };
  try {
    if (warmup > 0) await lanes(warmup, null);
    const latencies: number[] = [];
    const t0 = performance.now();
    const m = await measureCores(handle, children, () => lanes(seconds, latencies));
    const secs = (performance.now() - t0) / 1000;
    const pc = percentiles(latencies);
    return {
      key: everyRow ? 'insert-all' : 'insert',
      label: everyRow ? `plain INSERT, every row (baseline, ${CONNECTIONS} lanes)` : `plain INSERT via pg (baseline, ${CONNECTIONS} lanes)`,
      reqPerSec: m.result / secs,
      p50: pc.p50,
      p90: pc.p90,
      p99: pc.p99,
      max: pc.max,
      requests: m.result,
      non2xx: 0,
      statusCodes: {},
      cores: { ...m.cores, loadGenerator: 0, server: m.cores.server },
      note: everyRow
        ? 'every row a submission writes: report + 3 activities + 2 audit rows + event + idempotency key per transaction; cores "server" = this process'
        : 'report + 3 activities per transaction; cores "server" = this process, which runs the pg lanes',
    };
  } finally {
    await p.query(`delete from daily_reports where date >= '2031-01-01'`).catch(() => undefined);
    await p.query(`delete from idempotency_keys where key like 'dbase-%'`).catch(() => undefined);
    await p.query(`delete from events where type = 'bench.baseline'`).catch(() => undefined);
    await p.end().catch(() => undefined);
  }
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanups.all().then(() => process.exit()));
