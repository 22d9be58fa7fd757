/**
 * `npm run bench`: every Pantau benchmark, one after the other, each in its own child process
 * (so one suite's memory, pools and event-loop state never colour the next one's figures):
 *
 *   foundation  bench/run.ts            health, employee lists, sign-in (PGlite and PostgreSQL)
 *   skp         bench/skp-bench.ts      rate + finalise a period for the whole city; team-rating page
 *   daily       bench/daily-bench.ts    a year of daily reports: submission, team view, adoption, SSE
 *   feedback    bench/feedback-bench.ts survey bursts and the public transparency page
 *
 * Each suite measures its own baselines in its own run and prints its own table; see
 * docs/benchmarks.md for what each figure means. This runner adds nothing to the figures: it
 * only runs the suites, passes the database setting on, and prints a summary of how each ended.
 *
 * Environment:
 *   BENCH_SUITES        comma list of the suites above (default: all of them)
 *   BENCH_DATABASE_URL  PostgreSQL server for the throwaway databases (default
 *                       postgres://postgres@127.0.0.1:5432/postgres); every suite reads it
 *   plus each suite's own settings (BENCH_*, SKP_BENCH_*, DBENCH_*, FBENCH_*), passed through.
 * Exit status: 0 when every selected suite exited 0, else 1.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_PG_URL } from './target.js';

interface Suite {
  name: string;
  script: string;
  needsPostgres: boolean;
}

const SUITES: Suite[] = [
  { name: 'foundation', script: 'run.ts', needsPostgres: false },
  { name: 'skp', script: 'skp-bench.ts', needsPostgres: true },
  { name: 'daily', script: 'daily-bench.ts', needsPostgres: true },
  { name: 'feedback', script: 'feedback-bench.ts', needsPostgres: true },
];

function selectedSuites(): Suite[] {
  const raw = process.env.BENCH_SUITES?.trim();
  if (!raw) return SUITES;
  const names = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(`BENCH_SUITES: unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  }
  return SUITES.filter((s) => names.includes(s.name));
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runSuite(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function main(): Promise<number> {
  const suites = selectedSuites();
  const pgUrl = process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_DATABASE_URL: pgUrl,
    SKP_BENCH_DATABASE_URL: process.env.SKP_BENCH_DATABASE_URL || pgUrl,
    DBENCH_DATABASE_URL: process.env.DBENCH_DATABASE_URL || pgUrl,
    FBENCH_DATABASE_URL: process.env.FBENCH_DATABASE_URL || pgUrl,
  };
  const pgProblem = suites.some((s) => s.needsPostgres) ? await postgresReachable(pgUrl) : null;

  const summary: { name: string; outcome: string; seconds: number }[] = [];
  for (const suite of suites) {
    const script = fileURLToPath(new URL(`./${suite.script}`, import.meta.url));
    if (!existsSync(script)) {
      summary.push({ name: suite.name, outcome: `skipped: ${suite.script} is missing`, seconds: 0 });
      continue;
    }
    if (suite.needsPostgres && pgProblem) {
      summary.push({ name: suite.name, outcome: `skipped: PostgreSQL unreachable (${pgProblem})`, seconds: 0 });
      continue;
    }
    console.log(`\n=== bench: ${suite.name} (${suite.script}) ===\n`);
    const started = Date.now();
    const code = await runSuite(script, env);
    summary.push({
      name: suite.name,
      outcome: code === 0 ? 'ok' : `FAILED (exit ${code})`,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  }

  console.log('\n=== bench summary ===');
  for (const s of summary) console.log(`${s.name.padEnd(11)} ${String(s.seconds).padStart(5)} s  ${s.outcome}`);
  const failed = summary.some((s) => s.outcome.startsWith('FAILED') || s.outcome.startsWith('skipped: PostgreSQL'));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
