/**
 * `npx tsx apps/server/bench/profile.ts`: where the time of one request goes, without load.
 * Same set-up as run.ts (full demo organisation, throwaway database per driver), then for each
 * route a series of SERIAL requests over HTTP while every SQL statement the app sends is timed
 * (round trip as seen by Node: on PostgreSQL network + planning + execution; on PGlite the WASM
 * execution on the server's own thread). Prints per route: wall ms, statements per request,
 * database ms per request, and the costliest statements.
 *
 * Environment: BENCH_DRIVERS, BENCH_DATABASE_URL, BENCH_ANALYZE, BENCH_KEEP_DB as for run.ts;
 * PROFILE_REQUESTS (default 40) serial requests per route.
 */
import type { DbDriver, OpenDb } from '../src/db/open-db.js';
import { Cleanups, DEFAULT_PG_URL, demoLogin, employeeListPaths, getJson, searchTerms, signIn, startTarget } from './target.js';

const REQUESTS = Math.max(5, Math.min(500, Number(process.env.PROFILE_REQUESTS ?? 40) || 40));
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'pglite,postgresql').split(',').map((d) => d.trim()).filter(Boolean) as DbDriver[];
const PG_URL = process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
const cleanups = new Cleanups();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanups.all().finally(() => process.exit(130)));
}
setTimeout(() => {
  console.error('profile: 10 minutes exceeded, stopping');
  void cleanups.all().finally(() => process.exit(1));
}, 10 * 60_000).unref();

interface Stmt {
  text: string;
  ms: number;
}
let log: Stmt[] = [];

type QueryFn = (...args: unknown[]) => Promise<unknown>;
function timed(fn: QueryFn, self: unknown): QueryFn {
  return async (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
    const t0 = performance.now();
    try {
      return await fn.apply(self, args);
    } finally {
      log.push({ text, ms: performance.now() - t0 });
    }
  };
}

/** Wraps the driver objects drizzle calls, so every statement (also inside transactions) is timed. */
function instrument(handle: OpenDb): void {
  if (handle.pool) {
    const pool = handle.pool as unknown as { query: QueryFn; connect: (...a: unknown[]) => unknown };
    pool.query = timed(pool.query, pool);
    const connect = pool.connect.bind(pool);
    // Only the promise form (drizzle's transactions); pool.query uses the callback form itself.
    pool.connect = (...a: unknown[]) => {
      if (a.length > 0) return connect(...a);
      return (connect() as Promise<{ query: QueryFn }>).then((client) => {
        const original = client.query;
        client.query = timed(original, client);
        const release = (client as unknown as { release: (...r: unknown[]) => void }).release;
        (client as unknown as { release: (...r: unknown[]) => void }).release = (...r: unknown[]) => {
          client.query = original;
          (client as unknown as { release: unknown }).release = release;
          release.apply(client, r);
        };
        return client;
      });
    };
  } else if (handle.pglite) {
    const lite = handle.pglite as unknown as { query: QueryFn; transaction: (cb: (tx: { query: QueryFn }) => unknown) => Promise<unknown> };
    lite.query = timed(lite.query, lite);
    const transaction = lite.transaction.bind(lite);
    lite.transaction = (cb) =>
      transaction((tx) => {
        tx.query = timed(tx.query, tx);
        return cb(tx);
      });
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? 0;
};
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

async function profileDriver(driver: DbDriver): Promise<void> {
  const mark = cleanups.mark;
  const t = await startTarget({
    driver,
    pgUrl: PG_URL,
    keepDb: process.env.BENCH_KEEP_DB === '1',
    analyze: process.env.BENCH_ANALYZE !== '0',
    cleanups,
    log: console.log,
  });
  if ('skip' in t) {
    console.log(`${driver}: SKIPPED: ${t.skip}`);
    return;
  }
  console.log(`\n=== ${driver} (${t.serverVersion}), ${t.employees} employees, ${REQUESTS} serial requests per route`);
  const admin = demoLogin(t, 'ADMIN_BKPSDM');
  const atasan = demoLogin(t, 'ATASAN');
  const adminCookie = await signIn(t.origin, admin.login, admin.password);
  const atasanCookie = await signIn(t.origin, atasan.login, atasan.password);
  const total = async (cookie: string) =>
    (await getJson<{ meta: { total: number } }>(t.origin, '/api/employees?page=1&pageSize=25', cookie)).meta.total;
  const terms = await searchTerms(t.handle);
  const spread = (paths: string[]) => Array.from({ length: REQUESTS }, (_, i) => paths[Math.floor((i * paths.length) / REQUESTS)] ?? paths[0] ?? '/');
  const adminPaths = employeeListPaths(await total(adminCookie), terms, 25);
  const atasanPaths = employeeListPaths(await total(atasanCookie), terms, 25);
  const routes: Array<{ label: string; requests: Array<{ path: string; init?: RequestInit }> }> = [
    { label: 'GET /bench/hello', requests: spread(['/bench/hello']).map((path) => ({ path })) },
    { label: 'GET /api/health', requests: spread(['/api/health']).map((path) => ({ path })) },
    { label: 'employees, admin: browse', requests: spread(adminPaths.filter((p) => !p.includes('&q='))).map((path) => ({ path, init: { headers: { cookie: adminCookie } } })) },
    { label: 'employees, admin: search', requests: spread(adminPaths.filter((p) => p.includes('&q='))).map((path) => ({ path, init: { headers: { cookie: adminCookie } } })) },
    { label: 'employees, atasan', requests: spread(atasanPaths).map((path) => ({ path, init: { headers: { cookie: atasanCookie } } })) },
    {
      label: 'POST /api/auth/login',
      requests: spread(t.logins.map((l) => JSON.stringify({ nip: l.login, password: l.password }))).slice(0, Math.min(REQUESTS, 20)).map((body) => ({
        path: '/api/auth/login',
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      })),
    },
  ];
  instrument(t.handle);
  for (const route of routes) {
    for (const r of route.requests.slice(0, 5)) await (await fetch(`${t.origin}${r.path}`, r.init)).arrayBuffer(); // warm-up
    const wall: number[] = [];
    const dbMs: number[] = [];
    const counts: number[] = [];
    const byStmt = new Map<string, { ms: number; n: number }>();
    for (const r of route.requests) {
      log = [];
      const t0 = performance.now();
      const res = await fetch(`${t.origin}${r.path}`, r.init);
      await res.arrayBuffer();
      wall.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${route.label}: ${r.path} answered ${res.status}`);
      dbMs.push(log.reduce((s, x) => s + x.ms, 0));
      counts.push(log.length);
      for (const s of log) {
        const key = oneLine(s.text).slice(0, 110);
        const e = byStmt.get(key) ?? { ms: 0, n: 0 };
        e.ms += s.ms;
        e.n += 1;
        byStmt.set(key, e);
      }
    }
    const n = route.requests.length;
    console.log(
      `\n${route.label}: wall p50 ${pct(wall, 0.5).toFixed(1)} ms (p90 ${pct(wall, 0.9).toFixed(1)}), ` +
        `${(counts.reduce((a, b) => a + b, 0) / n).toFixed(1)} statements/request, ` +
        `database p50 ${pct(dbMs, 0.5).toFixed(1)} ms/request, rest (Node: routing, auth, zod, JSON) p50 ${pct(
          wall.map((w, i) => w - (dbMs[i] ?? 0)),
          0.5,
        ).toFixed(1)} ms`,
    );
    const top = [...byStmt.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4);
    for (const [text, e] of top) {
      console.log(`    ${(e.ms / n).toFixed(2).padStart(7)} ms/request  ${(e.ms / e.n).toFixed(2).padStart(6)} ms each ×${(e.n / n).toFixed(1)}  ${text}`);
    }
  }
  await cleanups.runAbove(mark);
}

async function main() {
  for (const d of DRIVERS) await profileDriver(d);
}

main()
  .then(async () => {
    await cleanups.all();
    process.exit(0);
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanups.all();
    process.exit(1);
  });
