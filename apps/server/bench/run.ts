/**
 * `npm run bench`: HTTP throughput and latency of Pantau at full demo size (~6,700 employees),
 * on PGlite and on PostgreSQL, each route next to baselines measured in the SAME run:
 *   - GET /bench/hello, a bare route on the same Fastify instance (same global hooks: helmet
 *     headers, request id, locale; no database);
 *   - for sign-in, @node-rs/argon2 `verify` per second (sign-in is meant to be expensive).
 * Report ratios, not absolute numbers: the machine is shared (see docs/benchmarks.md).
 *
 * The server runs in this process; autocannon runs in a forked child (bench/load-worker.ts).
 * Only 127.0.0.1 is targeted. Every phase has a fixed duration and the whole run has a watchdog.
 *
 * Environment:
 *   BENCH_SECONDS          measured seconds per route (default 10)
 *   BENCH_WARMUP_SECONDS   warm-up seconds per route, not recorded (default 2)
 *   BENCH_CONNECTIONS      concurrent connections (default 10)
 *   BENCH_DRIVERS          comma list: pglite,postgresql (default both)
 *   BENCH_DATABASE_URL     PostgreSQL server on which a throwaway database pantau_bench_<pid> is
 *                          created and dropped (default postgres://postgres@127.0.0.1:5432/postgres;
 *                          loopback only; unreachable = PostgreSQL skipped with a message)
 *   BENCH_ANALYZE          1 (default) runs ANALYZE after seeding; 0 skips it
 *   BENCH_KEEP_DB          1 keeps the PostgreSQL database for EXPLAIN
 *   BENCH_MAX_MINUTES      hard stop for the whole run (default 15)
 * Output: a table per driver on stdout and apps/server/bench/results/bench-<timestamp>.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';
import type { DbDriver, OpenDb } from '../src/db/open-db.js';
import { startLoadWorker, type LoadClient } from './load-client.js';
import type { LoadJob, LoadResult } from './load-worker.js';
import {
  Cleanups,
  DEFAULT_PG_URL,
  demoLogin,
  employeeListPaths,
  getJson,
  guardRun,
  intEnv,
  searchTerms,
  signIn,
  startTarget,
} from './target.js';

// ---------------------------------------------------------------------------------------------
// Settings


const SECONDS = intEnv('BENCH_SECONDS', 10, 1, 300);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 2, 0, 60);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 10, 1, 200);
const MAX_MINUTES = intEnv('BENCH_MAX_MINUTES', 15, 1, 120);
const ANALYZE = process.env.BENCH_ANALYZE !== '0';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'pglite,postgresql')
  .split(',')
  .map((d) => d.trim())
  .filter((d) => d !== '') as DbDriver[];
for (const d of DRIVERS) {
  if (d !== 'pglite' && d !== 'postgresql') throw new Error(`BENCH_DRIVERS: unknown driver '${d}'`);
}
const PG_URL = process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
const ARGON2_SECONDS = Math.min(3, SECONDS);
const PAGE_SIZE = 25;
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path (normal end, error, Ctrl-C, watchdog)

const cleanups = new Cleanups();
guardRun(cleanups, MAX_MINUTES, 'BENCH_MAX_MINUTES');

// ---------------------------------------------------------------------------------------------
// Load generator child process

let worker: LoadClient | undefined;

type Job = Omit<LoadJob, 'type' | 'id' | 'connections' | 'origin' | 'seconds' | 'seed'>;

function load(job: Job, origin: string, seconds: number, seed: number): Promise<LoadResult> {
  if (!worker) throw new Error('load worker not started');
  return worker.run({ ...job, origin, seconds, seed, connections: CONNECTIONS });
}

// ---------------------------------------------------------------------------------------------
// Who used the two cores during a run (Linux /proc; zeros elsewhere)

const TICKS = 100; // USER_HZ on Linux

function readTicks(path: string, pick: (fields: string[]) => number): number {
  try {
    return pick(readFileSync(path, 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? []);
  } catch {
    return 0;
  }
}
/** Busy ticks of the whole machine (user+nice+system+irq+softirq+steal). */
const machineBusy = () =>
  readTicks('/proc/stat', (f) => [1, 2, 3, 6, 7, 8].reduce((sum, i) => sum + Number(f[i] ?? 0), 0));
/** utime+stime of one process; fields after the ")" of the command name. */
function procTicks(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(f[11] ?? 0) + Number(f[12] ?? 0);
  } catch {
    return 0;
  }
}

interface CpuSnapshot {
  at: number;
  machine: number;
  server: number;
  worker: number;
  postgres: Map<number, number>;
}

async function postgresBackends(handle: OpenDb): Promise<Map<number, number>> {
  if (handle.driver !== 'postgresql') return new Map();
  const rows = await handle.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  return new Map(rows.map((r) => [r.pid, procTicks(r.pid)]));
}

async function cpuSnapshot(handle: OpenDb): Promise<CpuSnapshot> {
  const u = process.cpuUsage();
  return {
    at: performance.now(),
    machine: machineBusy(),
    server: ((u.user + u.system) / 1e6) * TICKS,
    worker: worker?.child.pid ? procTicks(worker.child.pid) : 0,
    postgres: await postgresBackends(handle),
  };
}

/** Cores in use on average, by party: this server process, the load generator, our PostgreSQL backends, everything else. */
interface CpuShare {
  server: number;
  loadGenerator: number;
  postgres: number;
  other: number;
}

async function cpuShare(before: CpuSnapshot, handle: OpenDb): Promise<CpuShare> {
  const after = await cpuSnapshot(handle);
  const secs = (after.at - before.at) / 1000;
  let pgTicks = 0;
  for (const [pid, ticks] of after.postgres) pgTicks += ticks - (before.postgres.get(pid) ?? 0);
  const cores = (ticks: number) => Math.max(0, ticks / TICKS / secs);
  const server = cores(after.server - before.server);
  const loadGenerator = cores(after.worker - before.worker);
  const postgres = cores(pgTicks);
  const other = Math.max(0, cores(after.machine - before.machine) - server - loadGenerator - postgres);
  return { server, loadGenerator, postgres, other };
}

// ---------------------------------------------------------------------------------------------
// Baseline 2: argon2 verify per second, at the same concurrency as the HTTP load

async function argon2Baseline(seconds: number, concurrency: number) {
  const password = 'pantau-demo-2026';
  const stored = await hash(password); // library defaults, as passwords.ts uses
  const serial: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await verify(stored, password);
    serial.push(performance.now() - t0);
  }
  serial.sort((a, b) => a - b);
  let done = 0;
  const cpu0 = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  const lane = async () => {
    while (performance.now() < end) {
      if (!(await verify(stored, password))) throw new Error('argon2 verify returned false');
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    verifyPerSec: done / elapsed,
    /** CPU time per verify (all threads of this process): steadier than verify/s on a shared machine. */
    cpuMsPerVerify: done > 0 ? (cpu.user + cpu.system) / 1000 / done : 0,
    serialMsP50: serial[Math.floor(serial.length / 2)] ?? 0,
    concurrency,
    seconds: elapsed,
  };
}

// ---------------------------------------------------------------------------------------------
// One driver

interface RouteResult extends LoadResult {
  key: string;
  label: string;
  ratioVsHello: number;
  /** Average cores used during the measured run, by party (2 cores in all on this machine). */
  cpu: CpuShare;
  /** CPU milliseconds (server process + its PostgreSQL backends) per completed request. */
  cpuMsPerRequest: number;
  /** This route's cpuMsPerRequest ÷ hello's: a cost ratio that other load on the machine disturbs less. */
  cpuCostVsHello: number;
}

interface DriverReport {
  driver: DbDriver;
  describe: string;
  serverVersion: string;
  employees: number;
  migrateSeconds: number;
  seedSeconds: number;
  analyzed: boolean;
  argon2: Awaited<ReturnType<typeof argon2Baseline>>;
  adminScope: number;
  atasanScope: number;
  atasanNote: string;
  routes: RouteResult[];
  /** RSS of this process (server + PGlite, if any) after the driver's runs; cumulative across drivers. */
  rssMbAfter: number;
}

type Skipped = { driver: DbDriver; skipped: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function benchDriver(driver: DbDriver): Promise<DriverReport | Skipped> {
  const mark = cleanups.mark; // everything registered from here belongs to this driver
  const t = await startTarget({ driver, pgUrl: PG_URL, keepDb: KEEP_DB, analyze: ANALYZE, cleanups, log: console.log });
  if ('skip' in t) return { driver, skipped: t.skip };
  console.log(`\n=== ${driver}: ${t.describe}`);
  console.log(
    `migrated in ${t.migrateSeconds.toFixed(1)} s; seeded ${t.employees} employees in ${t.seedSeconds.toFixed(1)} s` +
      `${ANALYZE ? '; ANALYZE done' : '; no ANALYZE (BENCH_ANALYZE=0)'}; listening on ${t.origin}`,
  );

  const admin = demoLogin(t, 'ADMIN_BKPSDM');
  const atasan = demoLogin(t, 'ATASAN');
  const adminCookie = await signIn(t.origin, admin.login, admin.password);
  const atasanCookie = await signIn(t.origin, atasan.login, atasan.password);
  type ListBody = { meta: { total: number } };
  const firstPage = `/api/employees?page=1&pageSize=${PAGE_SIZE}`;
  const adminTotal = (await getJson<ListBody>(t.origin, firstPage, adminCookie)).meta.total;
  const atasanTotal = (await getJson<ListBody>(t.origin, firstPage, atasanCookie)).meta.total;
  console.log(`ADMIN_BKPSDM ${admin.login} sees ${adminTotal} employees; ATASAN ${atasan.login} (${atasan.note}) sees ${atasanTotal}`);
  if (adminTotal < 1000) throw new Error(`expected the whole instansi for the admin, got ${adminTotal}`);
  const terms = await searchTerms(t.handle);
  const loginBodies = t.logins.map((l) => JSON.stringify({ nip: l.login, password: l.password }));

  const argon2 = await argon2Baseline(ARGON2_SECONDS, CONNECTIONS);
  console.log(
    `argon2 verify: ${argon2.verifyPerSec.toFixed(1)}/s with ${CONNECTIONS} concurrent ` +
      `(serial p50 ${argon2.serialMsP50.toFixed(1)} ms, ${argon2.cpuMsPerVerify.toFixed(1)} CPU ms each)`,
  );

  const scenarios: Array<{ key: string; label: string; job: Job }> = [
    { key: 'hello', label: 'GET /bench/hello (baseline)', job: { method: 'GET', paths: ['/bench/hello'] } },
    { key: 'health', label: 'GET /api/health', job: { method: 'GET', paths: ['/api/health'] } },
    {
      key: 'employees-admin',
      label: 'GET /api/employees, admin (instansi)',
      job: { method: 'GET', paths: employeeListPaths(adminTotal, terms, PAGE_SIZE), headers: { cookie: adminCookie } },
    },
    {
      key: 'employees-atasan',
      label: 'GET /api/employees, atasan (chain)',
      job: { method: 'GET', paths: employeeListPaths(atasanTotal, terms, PAGE_SIZE), headers: { cookie: atasanCookie } },
    },
    { key: 'login', label: 'POST /api/auth/login', job: { method: 'POST', paths: ['/api/auth/login'], bodies: loginBodies } },
    { key: 'hello-again', label: 'GET /bench/hello (again: drift)', job: { method: 'GET', paths: ['/bench/hello'] } },
  ];

  const routes: RouteResult[] = [];
  let helloRps = 0;
  let helloCpuMs = 0;
  for (const [i, s] of scenarios.entries()) {
    if (WARMUP > 0) await load(s.job, t.origin, WARMUP, 1000 + i);
    const before = await cpuSnapshot(t.handle);
    const r = await load(s.job, t.origin, SECONDS, i + 1);
    const cpu = await cpuShare(before, t.handle);
    const cpuMsPerRequest = r.requests > 0 ? ((cpu.server + cpu.postgres) * r.seconds * 1000) / r.requests : 0;
    if (s.key === 'hello') {
      helloRps = r.reqPerSec;
      helloCpuMs = cpuMsPerRequest;
    }
    routes.push({
      ...r,
      key: s.key,
      label: s.label,
      ratioVsHello: helloRps > 0 ? r.reqPerSec / helloRps : 0,
      cpu,
      cpuMsPerRequest,
      cpuCostVsHello: helloCpuMs > 0 ? cpuMsPerRequest / helloCpuMs : 0,
    });
    const bad = r.non2xx + r.errors + r.timeouts;
    console.log(
      `  ${s.label.padEnd(38)} ${fmt(r.reqPerSec, r.reqPerSec < 100 ? 1 : 0).padStart(8)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms` +
        `  cores: server ${cpu.server.toFixed(2)}, load gen ${cpu.loadGenerator.toFixed(2)}, postgres ${cpu.postgres.toFixed(2)}, other ${cpu.other.toFixed(2)}` +
        (bad > 0 ? `  !! non-2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)} errors ${r.errors} timeouts ${r.timeouts}` : ''),
    );
    await sleep(250);
  }
  const rssMbAfter = process.memoryUsage().rss / 1024 / 1024;
  await cleanups.runAbove(mark); // app, database (dropped unless BENCH_KEEP_DB=1), temp dir
  return {
    driver,
    describe: t.describe,
    serverVersion: t.serverVersion,
    employees: t.employees,
    migrateSeconds: t.migrateSeconds,
    seedSeconds: t.seedSeconds,
    analyzed: ANALYZE,
    argon2,
    adminScope: adminTotal,
    atasanScope: atasanTotal,
    atasanNote: atasan.note,
    routes,
    rssMbAfter,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(x: number): string {
  return x >= 0.1 ? x.toFixed(2) : x >= 0.001 ? x.toFixed(4) : x.toExponential(1);
}

function table(report: DriverReport): string {
  const head = ['route', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'req/s vs hello', 'non-2xx', 'CPU ms/req', 'CPU cost vs hello', 'cores srv/gen/pg/other'];
  const body = report.routes.map((r) => [
    r.label,
    fmt(r.reqPerSec, r.reqPerSec < 100 ? 1 : 0),
    String(r.latency.p50),
    String(r.latency.p99),
    String(r.latency.max),
    r.key === 'hello' ? '1' : ratio(r.ratioVsHello),
    String(r.non2xx + r.errors + r.timeouts),
    r.cpuMsPerRequest < 1 ? r.cpuMsPerRequest.toFixed(3) : r.cpuMsPerRequest.toFixed(1),
    r.key === 'hello' ? '1' : r.cpuCostVsHello.toFixed(r.cpuCostVsHello < 10 ? 2 : 0),
    [r.cpu.server, r.cpu.loadGenerator, r.cpu.postgres, r.cpu.other].map((c) => c.toFixed(2)).join('/'),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const login = report.routes.find((r) => r.key === 'login');
  const otherCores = report.routes.reduce((sum, r) => sum + r.cpu.other, 0) / Math.max(1, report.routes.length);
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    `argon2 verify: ${fmt(report.argon2.verifyPerSec, 1)}/s with ${report.argon2.concurrency} concurrent ` +
      `(serial ${report.argon2.serialMsP50.toFixed(1)} ms, ${report.argon2.cpuMsPerVerify.toFixed(1)} CPU ms each)` +
      (login
        ? `; sign-in req/s ÷ argon2 verify/s = ${(login.reqPerSec / report.argon2.verifyPerSec).toFixed(2)}` +
          `; sign-in CPU ms ÷ argon2 CPU ms = ${(login.cpuMsPerRequest / report.argon2.cpuMsPerVerify).toFixed(2)}`
        : ''),
    ...(otherCores > 0.3
      ? [`note: other processes used ${otherCores.toFixed(2)} of ${os.cpus().length} cores on average during these runs; req/s and p99 are depressed, the CPU cost ratios less so.`]
      : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = new Date();
  const loadAvgAtStart = os.loadavg();
  const cpus = os.cpus();
  console.log(
    `Pantau bench: ${CONNECTIONS} connections, ${SECONDS} s per route after ${WARMUP} s warm-up; drivers: ${DRIVERS.join(', ')}; ` +
      `load generator: child process; machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}; ` +
      `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  if ((os.loadavg()[0] ?? 0) > cpus.length * 0.5) {
    console.log('note: the machine is already busy; absolute figures will be low, compare the ratios.');
  }
  worker = startLoadWorker(cleanups);
  const reports: Array<DriverReport | Skipped> = [];
  for (const driver of DRIVERS) reports.push(await benchDriver(driver));

  console.log('');
  for (const r of reports) {
    if ('skipped' in r) {
      console.log(`${r.driver}: SKIPPED: ${r.skipped}\n`);
      continue;
    }
    console.log(`${r.driver} (${r.serverVersion}), ${fmt(r.employees)} employees; atasan scope ${r.atasanScope}:`);
    console.log(table(r));
    console.log('');
  }
  const done = reports.filter((r): r is DriverReport => !('skipped' in r));
  const a = done.find((r) => r.driver === 'pglite');
  const b = done.find((r) => r.driver === 'postgresql');
  if (a && b) {
    console.log('PostgreSQL ÷ PGlite (req/s):');
    for (const ra of a.routes) {
      const rb = b.routes.find((x) => x.key === ra.key);
      if (rb) console.log(`  ${ra.label.padEnd(38)} ${(rb.reqPerSec / ra.reqPerSec).toFixed(2)}×`);
    }
  }

  if (done.length === 0) {
    console.log('No driver was measured; no result file written.');
    process.exitCode = 1;
    return;
  }
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const result = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    settings: {
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      connections: CONNECTIONS,
      analyze: ANALYZE,
      pageSize: PAGE_SIZE,
      loadGenerator: 'autocannon 9 in a child process (bench/load-worker.ts)',
    },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model,
      memGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadAvgAtStart,
      loadAvgAtEnd: os.loadavg(),
    },
    drivers: reports,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten ${file}`);
}

main()
  .then(async () => {
    await cleanups.all();
    process.exit(process.exitCode ?? 0);
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanups.all();
    process.exit(1);
  });
