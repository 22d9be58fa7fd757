/**
 * SKP benchmark (issue 3), on PostgreSQL with the full demo city (~6,700 employees):
 *   1. setup (not timed as a result): approved SKPs for everyone, the year's periods, and an
 *      organisation predikat for every OPD in the current period;
 *   2. evaluating and finalising the period for the whole city through the real services: each
 *      pejabat penilai rates each of their employees (one transaction per rating, audited) and
 *      then finalises their team at once (distribution check per pool, justification recorded);
 *   3. the supervisor's team-rating page (GET /api/skp/evaluations) for the penilai whose team is
 *      closest to 40 people, over HTTP (inject) with a signed-in session; and the live
 *      distribution check the page calls after each rating.
 * Prints timings (total, p50, p99) and writes nothing else. Run: `npx tsx apps/server/bench/skp-bench.ts`.
 *
 * Environment: SKP_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a
 * throwaway database pantau_skp_bench_<pid> is created and dropped), SKP_BENCH_PAGE_RUNS (default 50),
 * SKP_BENCH_MAX_RATINGS (default all; a cap for quick runs), SKP_BENCH_KEEP_DB=1 (keep the database for EXPLAIN).
 */
import pg from 'pg';
import { evaluationPeriods, type Rating } from '@pantau/domain';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDb, type OpenDb } from '../src/db/open-db.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { systemClock, wibDate } from '../src/lib/clock.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import type { Actor } from '../src/modules/auth/actor.js';
import { orgRepository } from '../src/modules/org/org.repository.js';
import { createSkpServices } from '../src/modules/skp/index.js';
import type { SkpCtx } from '../src/modules/skp/skp-context.js';

const BASE_URL = process.env.SKP_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PAGE_RUNS = Number(process.env.SKP_BENCH_PAGE_RUNS ?? 50);
const MAX_RATINGS = Number(process.env.SKP_BENCH_MAX_RATINGS ?? Number.POSITIVE_INFINITY);
const DB_NAME = `pantau_skp_bench_${process.pid}`;
const KEEP_DB = process.env.SKP_BENCH_KEEP_DB === '1';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = ms.reduce((a, b) => a + b, 0);
  return `n=${ms.length} total=${(total / 1000).toFixed(1)} s p50=${at(0.5).toFixed(1)} ms p99=${at(0.99).toFixed(1)} ms max=${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`;
}

async function setup(handle: OpenDb, instansiId: number, year: number, today: string) {
  const q = handle.query.bind(handle);
  const periods = evaluationPeriods(year, 'QUARTERLY');
  for (const p of periods) {
    await q(
      `insert into skp_periods (instansi_id, year, kind, length, seq, start_date, end_date, label_id, label_en)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [instansiId, year, p.kind, p.kind === 'ANNUAL' ? null : 'QUARTERLY', p.seq, p.startDate, p.endDate, p.label.id, p.label.en],
    );
  }
  await q(
    `insert into skps (instansi_id, employee_id, year, period_start, period_end, position_id, unit_id, form, status, approved_at)
     select a.instansi_id, a.employee_id, $2, $3::date, $4::date, a.position_id, p.unit_id,
            (case when p.type = 'JPT' then 'JPT' else 'NON_JPT' end)::skp_form, 'APPROVED', now()
     from assignments a join positions p on p.id = a.position_id
     where a.instansi_id = $1 and a.kind = 'DEFINITIF' and a.valid_from <= $5::date and (a.valid_to is null or a.valid_to >= $5::date)`,
    [instansiId, year, `${year}-01-01`, `${year}-12-31`, today],
  );
  await q('update skps set series_id = id where series_id is null');
  await q(`insert into skp_rhks (instansi_id, skp_id, kind, seq, text) select instansi_id, id, 'UTAMA', 1, 'Laporan kegiatan tepat waktu' from skps where instansi_id = $1`, [instansiId]);
  await q(`insert into skp_rhks (instansi_id, skp_id, kind, seq, text) select instansi_id, id, 'UTAMA', 2, 'Layanan tanpa keluhan' from skps where instansi_id = $1`, [instansiId]);
  await q(
    `insert into skp_indicators (rhk_id, seq, aspek, text, target_value, target_unit)
     select id, 1, 'KUANTITAS', 'Jumlah ' || lower(text), 12, 'Laporan' from skp_rhks where instansi_id = $1`,
    [instansiId],
  );
  await q(
    `insert into skp_perilaku (skp_id, behaviour) select s.id, b.v::berakhlak from skps s
     cross join unnest(enum_range(null::berakhlak)::text[]) as b(v) where s.instansi_id = $1`,
    [instansiId],
  );
  const [period] = await q<{ id: number }>(
    `select id from skp_periods where instansi_id = $1 and year = $2 and kind = 'PERIODIC' and start_date <= $3::date and end_date >= $3::date`,
    [instansiId, year, today],
  );
  if (!period) throw new Error('no current period');
  const [user] = await q<{ id: number }>('select id from users where instansi_id = $1 order by id limit 1', [instansiId]);
  await q(
    `insert into skp_org_predikat (instansi_id, unit_id, period_id, predikat, set_by_user_id)
     select instansi_id, id, $2, 'BAIK', $3 from org_units where instansi_id = $1 and parent_id is null`,
    [instansiId, period.id, user?.id ?? null],
  );
  await q('analyze');
  return period.id;
}

async function main() {
  const started = performance.now();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = withDatabase(BASE_URL, DB_NAME);
  const handle = await openDb({ driver: 'postgresql', url, poolSize: 10 });
  try {
    await runMigrations(handle);
    const today = wibDate(systemClock.now());
    const year = Number(today.slice(0, 4));
    const seeded = await seedDemo(handle.db, { size: 'full', today });
    const periodId = await setup(handle, seeded.instansiId, year, today);
    const [{ n: employees } = { n: 0 }] = await handle.query<{ n: number }>('select count(*)::int as n from skps');
    console.log(`setup: ${employees} approved SKPs, period ${periodId}, ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const services = createSkpServices({ db: handle.db, clock: systemClock });
    const skps = await handle.query<{ id: number; employeeId: number }>('select id, employee_id as "employeeId" from skps order by id');
    const sup = await orgRepository(handle.db).supervisorsOn(skps.map((s) => s.employeeId), today);
    const users = new Map(
      (await handle.query<{ id: number; employeeId: number; login: string }>('select id, employee_id as "employeeId", login from users where employee_id is not null')).map((u) => [u.employeeId, u]),
    );
    const teams = new Map<number, { id: number; employeeId: number }[]>();
    for (const s of skps) {
      const p = sup.get(s.employeeId)?.supervisorId;
      if (p === undefined) continue;
      const team = teams.get(p);
      if (team) team.push(s);
      else teams.set(p, [s]);
    }
    const ctxOf = (employeeId: number): SkpCtx => {
      const u = users.get(employeeId);
      if (!u) throw new Error(`no user for ${employeeId}`);
      const actor: Actor = {
        userId: u.id, employeeId, instansiId: seeded.instansiId, login: u.login, name: u.login, roles: new Set(['PEGAWAI', 'ATASAN']),
        adminUnitIds: [], authMethod: 'session', mustChangePassword: false, locale: 'id',
      };
      return { actor, req: { actor, requestId: 'skp-bench', ip: '127.0.0.1' }, locale: 'id' };
    };

    const ratings: Rating[] = ['DI_ATAS', 'SESUAI', 'SESUAI', 'SESUAI', 'DI_BAWAH'];
    const rateMs: number[] = [];
    const finaliseMs: number[] = [];
    const evalStart = performance.now();
    let rated = 0;
    for (const [penilaiId, team] of teams) {
      if (rated >= MAX_RATINGS) break;
      const ctx = ctxOf(penilaiId);
      const ids: number[] = [];
      for (const [i, s] of team.entries()) {
        if (rated >= MAX_RATINGS) break;
        const t0 = performance.now();
        const res = await services.evaluation.rate(ctx, s.id, periodId, {
          hasilKerja: { rating: ratings[(s.id + i) % ratings.length] ?? 'SESUAI', reason: 'Sesuai bukti dukung triwulan ini' },
          perilaku: { rating: ratings[(s.id * 7 + i) % ratings.length] ?? 'SESUAI', reason: 'Perilaku sesuai ekspektasi' },
          results: [],
          behaviours: [],
        });
        rateMs.push(performance.now() - t0);
        if (res.evaluation.id !== null) ids.push(res.evaluation.id);
        rated++;
      }
      if (ids.length === 0) continue;
      const t0 = performance.now();
      await services.evaluation.finaliseMany(ctx, { evaluationIds: ids, distributionJustification: 'Bench: sebaran mengikuti hasil penilaian' });
      finaliseMs.push(performance.now() - t0);
    }
    const evalSeconds = (performance.now() - evalStart) / 1000;
    const [{ n: finals } = { n: 0 }] = await handle.query<{ n: number }>(`select count(*)::int as n from skp_evaluations where status = 'FINAL'`);
    console.log(`\nevaluate + finalise the period for the city: ${evalSeconds.toFixed(1)} s, ${finals} final evaluations, ${teams.size} pejabat penilai`);
    console.log(`  rate (one employee):        ${stats(rateMs)}`);
    console.log(`  finalise (one team at once): ${stats(finaliseMs)}`);

    // The team-rating page for the penilai whose team is closest to 40.
    const [penilaiId, team] = [...teams].sort((a, b) => Math.abs(a[1].length - 40) - Math.abs(b[1].length - 40))[0] ?? [0, []];
    const user = users.get(penilaiId);
    if (!user) throw new Error('no penilai user');
    await handle.query('update users set password_hash = $1, must_change_password = false where id = $2', [await hashPassword('bench-password-123'), user.id]);
    const config = loadConfig({ DATABASE_URL: url, PANTAU_DEMO: 'false', LOG_LEVEL: 'silent', PANTAU_WEB_DIST: '/nonexistent' });
    const app = await buildApp({ config, db: handle, logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip: user.login, password: 'bench-password-123' } });
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const [unit] = await handle.query<{ unitId: number }>('select unit_id as "unitId" from skps where employee_id = $1 limit 1', [team[0]?.employeeId ?? 0]);
    const pageMs: number[] = [];
    const distMs: number[] = [];
    let rows = 0;
    for (let i = 0; i < PAGE_RUNS + 5; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/skp/evaluations?periodId=${periodId}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`team page ${res.statusCode}: ${res.body.slice(0, 200)}`);
      if (i >= 5) pageMs.push(performance.now() - t0);
      rows = (res.json() as { rows: unknown[] }).rows.length;
      const t1 = performance.now();
      const d = await app.inject({ method: 'GET', url: `/api/skp/distribution?unitId=${unit?.unitId ?? 0}&periodId=${periodId}`, headers: { cookie } });
      if (d.statusCode !== 200) throw new Error(`distribution ${d.statusCode}`);
      if (i >= 5) distMs.push(performance.now() - t1);
    }
    await app.close();
    console.log(`\nteam-rating page, penilai with ${team.length} employees (${rows} rows), HTTP inject after 5 warm-ups:`);
    console.log(`  GET /api/skp/evaluations:   ${stats(pageMs)}`);
    console.log(`  GET /api/skp/distribution:  ${stats(distMs)}`);
    console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
    if (KEEP_DB) console.log(`kept database ${DB_NAME} (SKP_BENCH_KEEP_DB=1)`);
    else await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

await main();
