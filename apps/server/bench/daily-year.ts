/**
 * Bulk loader for the daily-report benchmark (bench/daily-bench.ts): a year of demo reports for
 * every employee of the instansi, written by PostgreSQL itself with `INSERT … SELECT` over
 * `generate_series` (one statement per month for reports, one per month for activities). The
 * secondary indexes of the two tables are dropped first and rebuilt at the end (sorted builds
 * are several times faster than 5 million random index inserts), and FK triggers are skipped
 * for the loading session (`session_replication_role = replica`, superuser only; the rows are
 * generated from existing ids). Then VACUUM ANALYZE, as autovacuum would have done on a year
 * of real data. PostgreSQL only; never for a real database.
 *
 * Shape: each working day (weekends and the instansi's holidays skipped) each employee reports
 * with probability `adoption`; 2–5 activities (≈3.5) whose minutes add up to ~420; older days
 * mostly VERIFIED by the employee's atasan, the last two weeks partly SUBMITTED; a few RETURNED.
 * The atasan, unit and OPD are those of `today` (assignments barely move within a year).
 */
import pg from 'pg';
import { allDemoTasks } from '../src/modules/daily-reports/demo-daily-tasks.js';

export interface YearPerson {
  employeeId: number;
  supervisorId: number | null;
  unitId: number | null;
  opdId: number | null;
}

export interface YearOptions {
  url: string;
  instansiId: number;
  today: string;
  /** First date loaded (inclusive). */
  from: string;
  people: readonly YearPerson[];
  holidays: readonly string[];
  /** (employee, date) pairs left empty: reserved for the submission benchmark. */
  reserved: { employeeIds: readonly number[]; fromDate: string };
  adoption: number;
  log: (line: string) => void;
}

export interface YearResult {
  reports: number;
  activities: number;
  loadSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
}

const TABLES = ['daily_reports', 'daily_activities'];

export async function loadDemoYear(o: YearOptions): Promise<YearResult> {
  const c = new pg.Client({ connectionString: o.url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query("set session_replication_role = replica; set maintenance_work_mem = '256MB'; select setseed(0.2026)");
    const t0 = performance.now();
    const indexes = await c.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
       where i.schemaname = 'public' and i.tablename = any($1::text[])
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
      [TABLES],
    );
    for (const ix of indexes.rows) await c.query(`drop index "${ix.name.replace(/"/g, '')}"`);

    await c.query('create temp table bench_people (employee_id int primary key, supervisor_id int, unit_id int, opd_id int, reserved bool)');
    const reserved = new Set(o.reserved.employeeIds);
    await c.query(
      `insert into bench_people select * from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::bool[])`,
      [
        o.people.map((p) => p.employeeId),
        o.people.map((p) => p.supervisorId),
        o.people.map((p) => p.unitId),
        o.people.map((p) => p.opdId),
        o.people.map((p) => reserved.has(p.employeeId)),
      ],
    );
    await c.query('create temp table bench_days (date date primary key, age int)');
    await c.query(
      `insert into bench_days select d::date, $2::date - d::date from generate_series($1::date, $2::date, interval '1 day') d
       where extract(isodow from d) < 6 and not (d::date = any($3::date[]))`,
      [o.from, o.today, o.holidays],
    );
    const months = await c.query<{ a: string; b: string }>(
      `select min(date)::text as a, max(date)::text as b from bench_days group by date_trunc('month', date) order by 1`,
    );
    const tasks = allDemoTasks().map((t) => t[0]);
    let reports = 0;
    let activities = 0;
    for (const m of months.rows) {
      const r = await c.query(
        `insert into daily_reports (instansi_id, employee_id, date, status, unit_id, opd_id, verifier_employee_id, total_minutes,
           activity_count, first_submitted_at, submitted_at, decided_at, decided_by_employee_id, return_note, created_at, updated_at)
         select $1, s.employee_id, s.date, s.status::daily_report_status, s.unit_id, s.opd_id,
                case when s.status = 'DRAFT' then null else s.supervisor_id end,
                s.n * s.per, s.n, s.submitted, s.submitted, s.decided,
                case when s.status in ('VERIFIED', 'RETURNED') then s.supervisor_id end,
                case when s.status = 'RETURNED' then 'Uraian kegiatan terlalu umum; mohon dirinci apa yang dikerjakan dan hasilnya.' end,
                s.created, coalesce(s.decided, s.submitted, s.created)
         from (
           select q.*, (420 / q.n / 15) * 15 as per,
                  case when q.status = 'DRAFT' then null
                       else (q.date + time '16:00') at time zone 'Asia/Jakarta' + (q.r3 * 90) * interval '1 minute' end as submitted,
                  case when q.status in ('VERIFIED', 'RETURNED')
                       then (q.date + time '16:00') at time zone 'Asia/Jakarta' + interval '17 hours' + (q.r3 * 400) * interval '1 minute' end
                    as decided,
                  (q.date + time '07:45') at time zone 'Asia/Jakarta' as created
           from (
             select p.*, d.date, d.age, x.r1, x.r3, x.n,
                    case when p.supervisor_id is null then (case when x.r2 < 0.03 then 'DRAFT' else 'SUBMITTED' end)
                         when d.age = 0 then (case when x.r2 < 0.5 then 'DRAFT' else 'SUBMITTED' end)
                         when d.age <= 14 then (case when x.r2 < 0.03 then 'DRAFT' when x.r2 < 0.07 then 'RETURNED'
                                                     when x.r2 < 0.45 then 'SUBMITTED' else 'VERIFIED' end)
                         else (case when x.r2 < 0.02 then 'DRAFT' when x.r2 < 0.035 then 'RETURNED'
                                    when x.r2 < 0.05 then 'SUBMITTED' else 'VERIFIED' end)
                    end as status
             from bench_days d cross join bench_people p
             cross join lateral (select random() + p.employee_id * 0 as r1, random() + p.employee_id * 0 as r2,
                                        random() + p.employee_id * 0 as r3, 2 + floor(random() * 4)::int + p.employee_id * 0 as n) x
             where d.date between $2::date and $3::date and not (p.reserved and d.date >= $4::date)
           ) q where q.r1 < $5
         ) s`,
        [o.instansiId, m.a, m.b, o.reserved.fromDate, o.adoption],
      );
      const a = await c.query(
        `insert into daily_activities (report_id, employee_id, date, seq, start_time, end_time, minutes, description,
           output_quantity, output_unit, status, note, created_at, updated_at)
         select r.id, r.employee_id, r.date, g.seq, time '07:30' + ((g.seq - 1) * r.per) * interval '1 minute',
                time '07:30' + (g.seq * r.per) * interval '1 minute', r.per,
                ($4::text[])[1 + (r.employee_id * 7 + g.seq * 13 + (r.date - date '2000-01-01')) % $5],
                1 + (r.id + g.seq) % 20, 'dokumen',
                (case r.status when 'VERIFIED' then 'VERIFIED' when 'RETURNED' then 'RETURNED' else 'PENDING' end)::daily_activity_status,
                case when r.status = 'RETURNED' then r.return_note end, r.created_at, r.updated_at
         from (select d.*, d.total_minutes / d.activity_count as per from daily_reports d
               where d.instansi_id = $1 and d.date between $2::date and $3::date) r
         cross join lateral generate_series(1, r.activity_count) g(seq)`,
        [o.instansiId, m.a, m.b, tasks, tasks.length],
      );
      reports += r.rowCount ?? 0;
      activities += a.rowCount ?? 0;
      o.log(`  ${m.a.slice(0, 7)}: ${fmt(reports)} reports, ${fmt(activities)} activities (${secs(t0)} s)`);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const ix of indexes.rows) await c.query(ix.def);
    const indexSeconds = (performance.now() - t1) / 1000;
    o.log(`  ${indexes.rows.length} indexes rebuilt in ${indexSeconds.toFixed(1)} s`);
    const t2 = performance.now();
    await c.query('reset session_replication_role');
    await c.query('vacuum (analyze) daily_reports');
    await c.query('vacuum (analyze) daily_activities');
    await c.query('analyze');
    const vacuumSeconds = (performance.now() - t2) / 1000;
    return { reports, activities, loadSeconds, indexSeconds, vacuumSeconds };
  } finally {
    await c.end().catch(() => undefined);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(0);
