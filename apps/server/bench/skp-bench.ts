/**
 * SKP benchmark (issue 3), on PostgreSQL with the full demo city (~6,700 employees). Each figure
 * is printed next to a baseline measured in the same run (see docs/benchmarks.md, "SKP"):
 *
 *   1. setup (not a result): approved SKPs for everyone, the year's periods, and an organisation
 *      predikat for every OPD in the current period;
 *   2. city, baseline: the same evaluation rows written by plain pg statements into another period
 *      (per team: one multi-row INSERT of the ratings, one UPDATE to final), same concurrency;
 *   3. city, the real services (with their notifications): every pejabat penilai rates the team in
 *      one request (PUT /api/skp/evaluations/ratings: checks, one upsert, one audit batch) and
 *      finalises it in one request (distribution checked once per pool, justification recorded).
 *      Penilai work in parallel (SKP_BENCH_CONCURRENCY at a time). Then a sample of single
 *      ratings (the rating card, one employee per request) in a third period;
 *   4. the team-rating page (GET /api/skp/evaluations) over HTTP for the penilai whose team is
 *      closest to 40, under load (autocannon in a child process, SKP_BENCH_CONNECTIONS
 *      connections), against GET /bench/hello on the same Fastify instance; plus serial timings.
 *
 * Run: `npm run bench:skp` (or as a child of `npm run bench`). Exit status 0 only when every step
 * succeeded. The throwaway database is dropped on every exit path (end, error, SIGINT/SIGTERM,
 * watchdog) unless SKP_BENCH_KEEP_DB=1.
 *
 * Environment:
 *   SKP_BENCH_DATABASE_URL / BENCH_DATABASE_URL  PostgreSQL server (loopback only; default
 *                                   postgres://postgres@127.0.0.1:5432/postgres)
 *   SKP_BENCH_CONCURRENCY           penilai working at the same time in the city run (default 4)
 *   SKP_BENCH_CONNECTIONS           connections for the page load (default 4)
 *   SKP_BENCH_SECONDS               measured seconds per page load run (default 8, after 2 s warm-up)
 *   SKP_BENCH_MAX_RATINGS           cap on ratings in the city run (default all; for quick runs)
 *   SKP_BENCH_SINGLE                single ratings in the sample (default 300)
 *   SKP_BENCH_MAX_MINUTES           watchdog (default 10)
 *   SKP_BENCH_KEEP_DB=1             keep the database (for EXPLAIN)
 */
import { evaluationPeriods, unitHeadHasilKerja, type PredikatOrganisasi, type Rating } from '@pantau/domain';
import type { OpenDb } from '../src/db/open-db.js';
import { systemClock, wibDate } from '../src/lib/clock.js';
import type { Actor } from '../src/modules/auth/actor.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { orgRepository } from '../src/modules/org/org.repository.js';
import { createSkpServices } from '../src/modules/skp/index.js';
import type { SkpCtx } from '../src/modules/skp/skp-context.js';
import { startLoadWorker, type LoadClient } from './load-client.js';
import type { LoadResult } from './load-worker.js';
import { Cleanups, DEFAULT_PG_URL, guardRun, intEnv, signIn, startTarget } from './target.js';

const PG_URL = process.env.SKP_BENCH_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
const CONCURRENCY = intEnv('SKP_BENCH_CONCURRENCY', 4, 1, 10);
const CONNECTIONS = intEnv('SKP_BENCH_CONNECTIONS', 4, 1, 50);
const SECONDS = intEnv('SKP_BENCH_SECONDS', 8, 1, 120);
const MAX_RATINGS = intEnv('SKP_BENCH_MAX_RATINGS', 1_000_000, 1, 1_000_000);
const MAX_MINUTES = intEnv('SKP_BENCH_MAX_MINUTES', 10, 1, 120);
const BULK = 200; // SkpBulkRatingBody's maximum list
const SINGLE = intEnv('SKP_BENCH_SINGLE', 300, 1, 10_000);
const KEEP_DB = process.env.SKP_BENCH_KEEP_DB === '1';
const WARMUP_SECONDS = 2;

// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path

const cleanups = new Cleanups();
guardRun(cleanups, MAX_MINUTES, 'SKP_BENCH_MAX_MINUTES');

// ---------------------------------------------------------------------------------------------
// Figures

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
interface Timings { n: number; p50: number; p99: number; max: number }
function timings(ms: readonly number[]): Timings {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
}
const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : '∞');

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}

// ---------------------------------------------------------------------------------------------
// Load generator child process (the same worker as `npm run bench`)

let worker: LoadClient | undefined;

function load(origin: string, paths: string[], headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  if (!worker) throw new Error('load worker not started');
  return worker.run({ origin, method: 'GET', paths, headers, connections: CONNECTIONS, seconds, seed: 7 });
}

async function measured(origin: string, paths: string[], headers: Record<string, string>): Promise<LoadResult> {
  await load(origin, paths, headers, WARMUP_SECONDS);
  const r = await load(origin, paths, headers, SECONDS);
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    throw new Error(`${paths[0]}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Setup

async function setup(handle: OpenDb, instansiId: number, year: number, today: string) {
  const q = handle.query.bind(handle);
  for (const p of evaluationPeriods(year, 'QUARTERLY')) {
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
  const periods = await q<{ id: number; current: boolean; endDate: string }>(
    `select id, (start_date <= $3::date and end_date >= $3::date) as current, end_date::text as "endDate" from skp_periods
     where instansi_id = $1 and year = $2 and kind = 'PERIODIC' order by seq`,
    [instansiId, year, today],
  );
  const current = periods.find((p) => p.current);
  const [other, single] = periods.filter((p) => !p.current);
  if (!current || !other || !single) throw new Error('no current period');
  const [user] = await q<{ id: number }>('select id from users where instansi_id = $1 order by id limit 1', [instansiId]);
  await q(
    `insert into skp_org_predikat (instansi_id, unit_id, period_id, predikat, set_by_user_id)
     select instansi_id, id, $2, 'BAIK', $3 from org_units where instansi_id = $1 and parent_id is null`,
    [instansiId, current.id, user?.id ?? null],
  );
  await q('analyze');
  return { periodId: current.id, baselinePeriodId: other.id, singlePeriodId: single.id, singleEnd: single.endDate };
}

// ---------------------------------------------------------------------------------------------

interface Member { skpId: number; employeeId: number; unitId: number }
const RATINGS: Rating[] = ['DI_ATAS', 'SESUAI', 'SESUAI', 'SESUAI', 'DI_BAWAH'];
const ratingOf = (skpId: number, i: number, salt: number): Rating => RATINGS[(skpId * salt + i) % RATINGS.length] ?? 'SESUAI';

async function main(): Promise<void> {
  const started = performance.now();
  const target = await startTarget({ driver: 'postgresql', pgUrl: PG_URL, keepDb: KEEP_DB, analyze: false, cleanups, log: (l) => console.log(l) });
  if ('skip' in target) throw new Error(target.skip);
  const { handle, app, origin } = target;
  const today = wibDate(systemClock.now());
  const year = Number(today.slice(0, 4));
  const [{ instansiId } = { instansiId: 0 }] = await handle.query<{ instansiId: number }>('select id as "instansiId" from instansi order by id limit 1');
  const { periodId, baselinePeriodId, singlePeriodId, singleEnd } = await setup(handle, instansiId, year, today);
  const [{ v: version } = { v: '?' }] = await handle.query<{ v: string }>("select current_setting('server_version') as v");
  console.log(`SKP bench: PostgreSQL ${version}, ${target.employees} employees, setup ${f1((performance.now() - started) / 1000)} s`);

  // Teams: each employee under the pejabat penilai of the period's rating day.
  const skps = await handle.query<Member & { skpId: number }>('select id as "skpId", employee_id as "employeeId", unit_id as "unitId" from skps order by id');
  const sup = await orgRepository(handle.db).supervisorsOn(skps.map((s) => s.employeeId), today);
  const teamsMap = new Map<number, Member[]>();
  let capped = 0;
  for (const s of skps) {
    const p = sup.get(s.employeeId)?.supervisorId;
    if (p === undefined || capped >= MAX_RATINGS) continue;
    teamsMap.set(p, [...(teamsMap.get(p) ?? []), s]);
    capped++;
  }
  const teams = [...teamsMap];
  // A unit head's rating hasil kerja follows the unit's organisation predikat (SE MenPANRB 3/2023).
  const heads = new Map(
    (await handle.query<{ skpId: number; predikat: PredikatOrganisasi }>(
      `select s.id as "skpId", o.predikat::text as predikat from skps s
       join positions p on p.id = s.position_id and p.is_head and p.unit_id = s.unit_id
       join skp_org_predikat o on o.unit_id = s.unit_id and o.period_id = $1`,
      [periodId],
    )).map((h) => [h.skpId, unitHeadHasilKerja(h.predikat)]),
  );
  const hasilOf = (skpId: number, i: number) => heads.get(skpId) ?? ratingOf(skpId, i, 1);
  const users = new Map(
    (await handle.query<{ id: number; employeeId: number; login: string }>('select id, employee_id as "employeeId", login from users where employee_id is not null')).map((u) => [u.employeeId, u]),
  );

  // -- 2. Baseline: the same rows through plain pg, same concurrency ---------------------------
  const chunks = (team: readonly Member[]) => Array.from({ length: Math.ceil(team.length / BULK) }, (_, i) => team.slice(i * BULK, (i + 1) * BULK));
  const baseRate: number[] = [];
  const baseFinal: number[] = [];
  let t0 = performance.now();
  await pool(teams, CONCURRENCY, async ([penilaiId, team]) => {
    const ids: number[] = [];
    for (const part of chunks(team)) {
      const t = performance.now();
      const inserted = await handle.query<{ id: number }>(
        `insert into skp_evaluations (instansi_id, series_id, skp_id, employee_id, period_id, unit_id, status, hasil_kerja_rating, hasil_kerja_reason,
           perilaku_rating, perilaku_reason, predikat, rule_set_id, penilai_employee_id, rated_at)
         select $1, v.skp, v.skp, v.employee, $2, v.unit, 'RATED', v.hasil::skp_rating, 'Sesuai bukti dukung triwulan ini', v.perilaku::skp_rating,
                'Perilaku sesuai ekspektasi', 'BAIK', 'permenpanrb-6-2022', $3, now()
         from unnest($4::int[], $5::int[], $6::int[], $7::text[], $8::text[]) as v(skp, employee, unit, hasil, perilaku)
         returning id`,
        [instansiId, baselinePeriodId, penilaiId, part.map((m) => m.skpId), part.map((m) => m.employeeId), part.map((m) => m.unitId),
          part.map((m, i) => hasilOf(m.skpId, i)), part.map((m, i) => ratingOf(m.skpId, i, 7))],
      );
      baseRate.push(performance.now() - t);
      ids.push(...inserted.map((r) => r.id));
    }
    const t = performance.now();
    await handle.query(`update skp_evaluations set status = 'FINAL', locked = true, finalised_at = now(), finalised_by_employee_id = $2 where id = any($1::int[])`, [ids, penilaiId]);
    baseFinal.push(performance.now() - t);
  });
  const baseSeconds = (performance.now() - t0) / 1000;
  await handle.query('analyze skp_evaluations');

  // -- 3. The real services -------------------------------------------------------------------
  const services = createSkpServices({ db: handle.db, clock: systemClock });
  const ctxOf = (employeeId: number): SkpCtx => {
    const u = users.get(employeeId);
    if (!u) throw new Error(`no user for employee ${employeeId}`);
    const actor: Actor = {
      userId: u.id, employeeId, instansiId, login: u.login, name: u.login, roles: new Set(['PEGAWAI', 'ATASAN']),
      adminUnitIds: [], authMethod: 'session', mustChangePassword: false, locale: 'id',
    };
    return { actor, req: { actor, requestId: 'skp-bench', ip: '127.0.0.1' }, locale: 'id' };
  };
  const rateMs: number[] = [];
  const finaliseMs: number[] = [];
  t0 = performance.now();
  await pool(teams, CONCURRENCY, async ([penilaiId, team]) => {
    const ctx = ctxOf(penilaiId);
    const ids: number[] = [];
    for (const part of chunks(team)) {
      const t = performance.now();
      const res = await services.evaluation.rateMany(ctx, {
        periodId,
        ratings: part.map((m, i) => ({
          skpId: m.skpId,
          hasilKerja: { rating: hasilOf(m.skpId, i), reason: 'Sesuai bukti dukung triwulan ini' },
          perilaku: { rating: ratingOf(m.skpId, i, 7), reason: 'Perilaku sesuai ekspektasi' },
        })),
      });
      rateMs.push(performance.now() - t);
      ids.push(...res.rated.map((r) => r.evaluationId));
    }
    const t = performance.now();
    await services.evaluation.finaliseMany(ctx, { evaluationIds: ids, distributionJustification: 'Bench: sebaran mengikuti hasil penilaian' });
    finaliseMs.push(performance.now() - t);
  });
  const citySeconds = (performance.now() - t0) / 1000;
  const [{ n: finals } = { n: 0 }] = await handle.query<{ n: number }>(`select count(*)::int as n from skp_evaluations where status = 'FINAL' and period_id = $1`, [periodId]);
  const [{ n: audits } = { n: 0 }] = await handle.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'skp.%'`);
  if (finals !== capped) throw new Error(`expected ${capped} final evaluations, found ${finals}`);

  const rate = timings(rateMs);
  const fin = timings(finaliseMs);
  const bRate = timings(baseRate);
  const bFin = timings(baseFinal);
  console.log(`\n1) Evaluate + finalise one period for the city: ${finals} employees, ${teams.length} pejabat penilai, ${CONCURRENCY} at a time`);
  console.log('   step                                 total s   p50 ms   p99 ms   max ms');
  const line = (label: string, total: string, t?: Timings) =>
    console.log(`   ${label.padEnd(36)} ${total.padStart(7)} ${t ? f1(t.p50).padStart(8) : ''.padStart(8)} ${t ? f1(t.p99).padStart(8) : ''.padStart(8)} ${t ? f1(t.max).padStart(8) : ''.padStart(8)}`);
  line('services: whole city', f1(citySeconds));
  line(`  rate a team (≤ ${BULK}, one request)`, '', rate);
  line('  finalise a team (one request)', '', fin);
  line('plain pg: whole city', f1(baseSeconds));
  line('  INSERT a team\'s evaluations', '', bRate);
  line('  UPDATE a team to final', '', bFin);
  console.log(`   services ÷ plain pg: whole city ${ratio(citySeconds, baseSeconds)}×, rate p99 ${ratio(rate.p99, bRate.p99)}×, finalise p99 ${ratio(fin.p99, bFin.p99)}×`);
  console.log(`   audit rows written by the services: ${audits}`);

  // One rating at a time (the rating card), for a sample of employees, in another period.
  // The pejabat penilai of that period's last day (transfers and Plt differ from today's).
  const picked = skps.filter((_, i) => i % Math.max(1, Math.floor(skps.length / SINGLE)) === 0).slice(0, SINGLE);
  const then = await orgRepository(handle.db).supervisorsOn(picked.map((m) => m.employeeId), singleEnd);
  const sample = picked.flatMap((m) => {
    const penilaiId = then.get(m.employeeId)?.supervisorId;
    return penilaiId !== undefined && users.has(penilaiId) ? [{ penilaiId, m }] : [];
  });
  const singleMs: number[] = [];
  await pool(sample, CONCURRENCY, async ({ penilaiId, m }) => {
    const t = performance.now();
    await services.evaluation.rate(ctxOf(penilaiId), m.skpId, singlePeriodId, {
      hasilKerja: { rating: 'SESUAI', reason: 'Sesuai bukti dukung' },
      perilaku: { rating: 'SESUAI', reason: 'Perilaku sesuai ekspektasi' },
      results: [],
      behaviours: [],
    });
    singleMs.push(performance.now() - t);
  });

  const one = timings(singleMs);
  line(`one rating at a time (${one.n} employees)`, f1(singleMs.reduce((a, b) => a + b, 0) / 1000), one);

  // -- 4. Team-rating page --------------------------------------------------------------------
  // Two pages: the unit head whose team is closest to 40 (penilai who have a supervisor
  // themselves), and the city's top post (its team spans every OPD, so its distributions count
  // the whole city: the worst case).
  const closest = [...teams].filter(([p]) => sup.has(p)).sort((a, b) => Math.abs(a[1].length - 40) - Math.abs(b[1].length - 40) || b[1].length - a[1].length)[0];
  const top = [...teams].filter(([p]) => !sup.has(p)).sort((a, b) => b[1].length - a[1].length)[0];
  if (!closest || !top) throw new Error('no penilai for the team page');
  await handle.query('analyze');
  const targets: { label: string; page: string; dist: string; cookie: string; penilaiId: number; size: number }[] = [];
  for (const [label, [penilaiId, team]] of [['unit head', closest], ['top post', top]] as const) {
    const user = users.get(penilaiId);
    if (!user) throw new Error('no penilai user');
    await handle.query('update users set password_hash = $1, must_change_password = false where id = $2', [await hashPassword('bench-password-123'), user.id]);
    const cookie = await signIn(origin, user.login, 'bench-password-123');
    const page = `/api/skp/evaluations?periodId=${periodId}`;
    const first = await fetch(`${origin}${page}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`team page: ${first.status} ${await first.text()}`);
    const rows = ((await first.json()) as { rows: unknown[] }).rows.length;
    if (rows !== team.length) throw new Error(`team page shows ${rows} rows, expected ${team.length}`);
    targets.push({ label, page, dist: `/api/skp/distribution?unitId=${team[0]?.unitId ?? 0}&periodId=${periodId}`, cookie, penilaiId, size: team.length });
  }

  const paths = [
    { key: 'hello', label: 'GET /bench/hello (baseline)', path: '/bench/hello', cookie: '' },
    ...targets.flatMap((t) => [
      { key: `${t.label} page`, label: `page, ${t.label} (${t.size})`, path: t.page, cookie: t.cookie },
      { key: `${t.label} dist`, label: `distribution, ${t.label}`, path: t.dist, cookie: t.cookie },
    ]),
  ];
  const serial = new Map<string, number[]>(paths.map((p) => [p.key, []]));
  for (let i = 0; i < 45; i++) {
    for (const p of paths) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: p.path, headers: p.cookie ? { cookie: p.cookie } : {} });
      if (res.statusCode !== 200) throw new Error(`${p.path}: ${res.statusCode}`);
      if (i >= 5) serial.get(p.key)?.push(performance.now() - t);
    }
  }
  worker = startLoadWorker(cleanups);
  const loads = new Map<string, LoadResult>();
  for (const p of paths) loads.set(p.key, await measured(origin, [p.path], p.cookie ? { cookie: p.cookie } : {}));
  const hello = loads.get('hello');
  if (!hello) throw new Error('no baseline');
  console.log(`\n2) Team-rating page (GET /api/skp/evaluations) and the live distribution (GET /api/skp/distribution):`);
  for (const t of targets) console.log(`   ${t.label}: employee ${t.penilaiId}, ${t.size} employees`);
  console.log(`   ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up; serial = one request at a time (inject), 40 after 5 warm-ups`);
  console.log('   route                                  req/s   p50 ms   p99 ms   req/s vs hello   serial p50/p99 ms');
  for (const p of paths) {
    const r = loads.get(p.key);
    const t = timings(serial.get(p.key) ?? []);
    if (!r) continue;
    console.log(
      `   ${p.label.padEnd(36)} ${f1(r.reqPerSec).padStart(7)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${(r.reqPerSec / hello.reqPerSec).toFixed(3).padStart(16)}   ${f1(t.p50)}/${f1(t.p99)}`,
    );
  }
  console.log(`\ntotal ${f1((performance.now() - started) / 1000)} s`);
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
