/**
 * Shared set-up for the benchmark scripts: a throwaway database per driver, migrated and seeded
 * at full demo size, and the real app listening on 127.0.0.1 with a bare baseline route.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDb, type DbDriver, type OpenDb } from '../src/db/open-db.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo, type SeedDemoLogin } from '../src/db/seed/demo.js';
import { wibDate } from '../src/lib/clock.js';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Last-in, first-out clean-up steps; `runAbove(mark)` undoes one phase. */
export class Cleanups {
  private steps: Array<() => Promise<void> | void> = [];
  private running: Promise<void> | undefined;

  push(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  get mark(): number {
    return this.steps.length;
  }

  async runAbove(mark: number): Promise<void> {
    while (this.steps.length > mark) {
      const step = this.steps.pop();
      try {
        await step?.();
      } catch (err) {
        console.error('clean-up step failed:', err instanceof Error ? err.message : err);
      }
    }
  }

  all(): Promise<void> {
    this.running ??= this.runAbove(0);
    return this.running;
  }
}

/** An integer setting from the environment, within [min, max]; a clear error otherwise. */
export function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
  }
  return n;
}

/**
 * Clean-up on every exit path of a bench: SIGINT/SIGTERM run the clean-ups and exit 130; a
 * watchdog stops the run (exit 1) after `maxMinutes`, naming the setting that sets it.
 */
export function guardRun(cleanups: Cleanups, maxMinutes: number, settingName: string): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: cleaning up …`);
      void cleanups.all().finally(() => process.exit(130));
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`\n${settingName} (${maxMinutes}) exceeded: stopping.`);
    void cleanups.all().finally(() => process.exit(1));
  }, maxMinutes * 60_000);
  watchdog.unref();
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Null when reachable, else the reason. */
async function pgUnreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface TargetOptions {
  driver: DbDriver;
  /** Server on which the throwaway PostgreSQL database is created (loopback only). */
  pgUrl: string;
  /** Keep the PostgreSQL database at the end (for EXPLAIN); the PGlite dir is always removed. */
  keepDb: boolean;
  analyze: boolean;
  cleanups: Cleanups;
  log: (line: string) => void;
  /** Name of the throwaway PostgreSQL database (default pantau_bench_<pid>). */
  dbName?: string;
  /** More configuration for the app (environment variable names, as in README). */
  env?: Record<string, string>;
}

export interface Target {
  driver: DbDriver;
  describe: string;
  handle: OpenDb;
  app: FastifyInstance;
  origin: string;
  logins: SeedDemoLogin[];
  employees: number;
  serverVersion: string;
  migrateSeconds: number;
  seedSeconds: number;
}

/**
 * Creates an empty database, migrates it, seeds the full demo organisation, builds the app with a
 * login limit high enough not to shape sign-in, adds GET /bench/hello and listens on 127.0.0.1.
 * Every step registers its undo in `cleanups`. Returns a reason string when PostgreSQL is absent.
 */
export async function startTarget(o: TargetOptions): Promise<Target | { skip: string }> {
  let env: Record<string, string>;
  let describe: string;
  if (o.driver === 'pglite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'pantau-bench-'));
    o.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env = { PANTAU_DATA_DIR: dir };
    describe = `PGlite (WASM, in the server process), file-backed in ${dir}`;
  } else {
    if (!isLoopback(o.pgUrl)) {
      return { skip: `BENCH_DATABASE_URL must point at this machine (127.0.0.1/localhost), got ${new URL(o.pgUrl).host}` };
    }
    const reason = await pgUnreachable(o.pgUrl);
    if (reason !== null) {
      return { skip: `PostgreSQL at ${new URL(o.pgUrl).host} is not reachable (${reason}); start it or set BENCH_DATABASE_URL` };
    }
    const name = o.dbName ?? `pantau_bench_${process.pid}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
    await adminQuery(o.pgUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(o.pgUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(o.pgUrl, name);
    if (o.keepDb) {
      o.cleanups.push(() => o.log(`BENCH_KEEP_DB=1: kept ${url} (remove with: DROP DATABASE ${name} WITH (FORCE))`));
    } else {
      o.cleanups.push(() => adminQuery(o.pgUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
    env = { DATABASE_URL: url };
    describe = `PostgreSQL over TCP 127.0.0.1 (pg.Pool of 10), throwaway database ${name}`;
  }

  const config = loadConfig({
    ...env,
    ...o.env,
    PANTAU_LOGIN_RATE_PER_MINUTE: '10000', // the per-address limiter must not shape sign-in
    PANTAU_DEMO: 'false',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const handle = await openDb(config.database);
  o.cleanups.push(() => handle.close());
  let t0 = performance.now();
  await runMigrations(handle);
  const migrateSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const seeded = await seedDemo(handle.db, { size: 'full', today: wibDate(new Date()) });
  const seedSeconds = (performance.now() - t0) / 1000;
  if (o.analyze) await handle.query('analyze');
  const [{ n: employees } = { n: 0 }] = await handle.query<{ n: number }>('select count(*)::int as n from employees');
  const [{ v: serverVersion } = { v: '?' }] = await handle.query<{ v: string }>('select version() as v');

  const app = await buildApp({ config, db: handle, logger: false });
  // Baseline: a bare route on the same instance (same global hooks), registered before ready().
  app.get('/bench/hello', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  o.cleanups.push(() => app.close());
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    driver: o.driver,
    describe,
    handle,
    app,
    origin: `http://127.0.0.1:${address.port}`,
    logins: seeded.logins,
    employees,
    serverVersion: serverVersion.split(' on ')[0] ?? serverVersion,
    migrateSeconds,
    seedSeconds,
  };
}

export function demoLogin(t: Target, role: string): SeedDemoLogin {
  const l = t.logins.find((x) => x.role === role);
  if (!l) throw new Error(`no demo login for ${role}`);
  return l;
}

/** Signs in over HTTP and returns the `pantau_session=…` cookie pair. */
export async function signIn(origin: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nip: login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('pantau_session='));
  if (!cookie) throw new Error(`sign-in as ${login}: no pantau_session cookie`);
  return cookie;
}

export async function getJson<T>(origin: string, path: string, cookie?: string): Promise<T> {
  const res = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Search terms: name words and NIP prefixes of employees spread over the table. */
export async function searchTerms(handle: OpenDb): Promise<string[]> {
  const sample = await handle.query<{ name: string; nip: string }>(
    'select name, nip from employees where id % 419 = 0 order by id limit 16',
  );
  return sample.map((s, i) =>
    i % 4 === 3 ? s.nip.slice(0, 8) : (s.name.split(/\s+/).find((w) => w.length >= 4) ?? s.name.slice(0, 4)),
  );
}

/**
 * Request paths for the employee list: every page of `total` once, plus searches (page 1) so that
 * about one request in four is a search.
 */
export function employeeListPaths(total: number, terms: readonly string[], pageSize: number): string[] {
  const pages = Array.from({ length: Math.max(1, Math.ceil(total / pageSize)) }, (_, i) => `/api/employees?page=${i + 1}&pageSize=${pageSize}`);
  const searches = terms.map((q) => `/api/employees?page=1&pageSize=${pageSize}&q=${encodeURIComponent(q)}`);
  const copies = Math.max(1, Math.round(pages.length / 3 / Math.max(1, searches.length)));
  return [...pages, ...Array.from({ length: copies }, () => searches).flat()];
}
