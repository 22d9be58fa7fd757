import { wibToInstant } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { buildTestApp, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { seedDemo, type SeedDemoResult } from '../../db/seed/demo.js';
import { seedNationalHolidays } from '../feedback/holidays-2026.js';
import { orgRepository } from '../org/org.repository.js';
import { testClock } from './daily-reports.test-helpers.js';
import { seedDailyReportDemo, type DailyDemoResult } from './demo-daily.js';

// Wednesday 25 November 2026, 14:00 WIB. The 20 working days run from 29 October.
const TODAY = '2026-11-25';
const NOW = wibToInstant(TODAY, '14:00');
const PASSWORD = 'pantau-demo-2026';

let db: OpenDb;
let demo: SeedDemoResult;
let result: DailyDemoResult;
let seconds = 0;
let t: TestApp;

interface ReportRow {
  id: number;
  employee_id: number;
  date: string;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';
  verifier_employee_id: number | null;
  decided_by_employee_id: number | null;
  total_minutes: number;
  activity_count: number;
  return_note: string | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  sum_minutes: number;
  n: number;
}
let reports: ReportRow[] = [];

const login = (role: string) => {
  const l = demo.logins.find((x) => x.role === role);
  if (!l) throw new Error(`no demo login ${role}`);
  return l;
};
const employeeOf = async (nip: string) =>
  (await db.query<{ id: number }>('select employee_id as id from users where login = $1', [nip]))[0]?.id ?? 0;

beforeAll(async () => {
  db = await freshDb();
  demo = await seedDemo(db.db, { size: 'small', today: TODAY });
  await seedNationalHolidays(db.db, demo.instansiId, 2026);
  const started = performance.now();
  result = await seedDailyReportDemo(db.db, { instansiId: demo.instansiId, today: TODAY, now: NOW });
  seconds = (performance.now() - started) / 1000;
  reports = await db.query<ReportRow>(
    `select r.id, r.employee_id, r.date::text as date, r.status, r.verifier_employee_id, r.decided_by_employee_id,
            r.total_minutes, r.activity_count::int as activity_count, r.return_note, r.submitted_at, r.decided_at,
            coalesce(sum(a.minutes), 0)::int as sum_minutes, count(a.id)::int as n
     from daily_reports r left join daily_activities a on a.report_id = r.id
     group by r.id order by r.id`,
  );
  t = await buildTestApp(db, { clock: testClock(NOW.toISOString()) });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('seedDailyReportDemo (small city, 20 working days)', () => {
  it('writes most employees\' days with 2–5 activities of 300–480 minutes', async () => {
    console.log(`demo daily reports: ${result.reports} reports, ${result.activities} activities in ${seconds.toFixed(1)} s`);
    expect(result.reports).toBe(reports.length);
    expect(result.activities).toBe(reports.reduce((s, r) => s + r.n, 0));
    // 700 people × 20 days, with adoption between ~40 % and ~95 % per OPD.
    expect(result.reports).toBeGreaterThan(700 * 20 * 0.45);
    expect(result.reports).toBeLessThan(700 * 20 * 0.9);
    const dates = new Set(reports.map((r) => r.date));
    expect(dates.size).toBe(20);
    expect([...dates].sort()[0]).toBe('2026-10-29');
    for (const r of reports) {
      expect(r.n).toBe(r.activity_count);
      expect(r.sum_minutes).toBe(r.total_minutes);
      if (r.date === TODAY) continue; // today's drafts hold only what is over by 14:00
      expect(r.n).toBeGreaterThanOrEqual(2);
      expect(r.n).toBeLessThanOrEqual(5);
      expect(r.total_minutes).toBeGreaterThanOrEqual(300);
      expect(r.total_minutes).toBeLessThanOrEqual(480);
    }
    const [{ overlaps } = { overlaps: -1 }] = await db.query<{ overlaps: number }>(
      `select count(*)::int as overlaps from daily_activities a join daily_activities b
         on a.report_id = b.report_id and a.id < b.id and a.start_time < b.end_time and b.start_time < a.end_time`,
    );
    expect(overlaps).toBe(0);
    const kinds = await db.query<{ description: string }>('select distinct description from daily_activities');
    expect(kinds.length).toBeGreaterThan(40);
    expect(kinds.map((k) => k.description)).toEqual(
      expect.arrayContaining(['Menginput data kependudukan ke SIAK', 'Menyusun laporan keuangan bulanan', 'Rapat koordinasi bidang']),
    );
  });

  it('mixes statuses: older days mostly verified, recent ones pending, a few returned, today partly drafts', () => {
    const share = (list: ReportRow[], status: ReportRow['status']) => list.filter((r) => r.status === status).length / list.length;
    const older = reports.filter((r) => r.date < '2026-11-16');
    expect(share(older, 'VERIFIED')).toBeGreaterThan(0.8);
    expect(share(older, 'RETURNED')).toBeGreaterThan(0.005);
    expect(share(older, 'RETURNED')).toBeLessThan(0.05);
    expect(share(older, 'SUBMITTED')).toBeGreaterThan(0.01);
    const recent = reports.filter((r) => r.date >= '2026-11-23' && r.date < TODAY);
    expect(share(recent, 'SUBMITTED')).toBeGreaterThan(0.2);
    const today = reports.filter((r) => r.date === TODAY);
    expect(share(today, 'DRAFT')).toBeGreaterThan(0.3);
    expect(share(today, 'SUBMITTED')).toBeGreaterThan(0.2);
    for (const r of reports.filter((x) => x.status === 'RETURNED')) expect(r.return_note).toBeTruthy();
    for (const r of reports) {
      for (const at of [r.submitted_at, r.decided_at]) if (at !== null) expect(new Date(at).getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('has every decided day decided by the employee\'s atasan of that date', async () => {
    const decided = reports.filter((r) => r.status === 'VERIFIED' || r.status === 'RETURNED');
    expect(decided.length).toBeGreaterThan(5000);
    const org = orgRepository(db.db);
    const byDate = new Map<string, ReportRow[]>();
    for (const r of reports.filter((x) => x.status !== 'DRAFT')) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
    for (const [date, list] of byDate) {
      const sup = await org.supervisorsOn(list.map((r) => r.employee_id), date);
      for (const r of list) {
        const atasan = sup.get(r.employee_id)?.supervisorId ?? null;
        expect(r.verifier_employee_id).toBe(atasan);
        if (r.status === 'VERIFIED' || r.status === 'RETURNED') {
          expect(atasan).not.toBeNull();
          expect(r.decided_by_employee_id).toBe(atasan);
        }
      }
    }
  });

  it('gives the demo pegawai a returned day with a clear note', async () => {
    const pegawai = await employeeOf(login('PEGAWAI').login);
    const own = reports.filter((r) => r.employee_id === pegawai);
    expect(own.length).toBeGreaterThanOrEqual(19);
    const returned = own.filter((r) => r.status === 'RETURNED');
    expect(returned.length).toBeGreaterThanOrEqual(1);
    expect(returned.map((r) => r.return_note)).toContainEqual(expect.stringMatching(/uraian kegiatan terlalu umum/));
  });

  it('shows different adoption per OPD and units that have not started', async () => {
    const admin = await t.signIn({ nip: login('ADMIN_BKPSDM').login, password: PASSWORD });
    const range = 'from=2026-10-29&to=2026-11-24';
    const daily = await t.as(admin).get(`/api/adoption/daily?${range}`);
    expect(daily.statusCode).toBe(200);
    const shares = (daily.json().opds as Array<{ name: string; averageShare: number }>).map((o) => o.averageShare);
    expect(Math.max(...shares)).toBeGreaterThan(0.8);
    expect(shares.filter((s) => s > 0 && s < 0.5).length).toBeGreaterThanOrEqual(1);
    expect(shares.filter((s) => s === 0).length).toBeGreaterThanOrEqual(1);
    const dinkes = (daily.json().opds as Array<{ name: string; averageShare: number }>).find((o) => o.name === 'Dinas Kesehatan');
    expect(dinkes?.averageShare).toBeGreaterThan(0.75);
    const notStarted = await t.as(admin).get(`/api/adoption/not-started?${range}`);
    expect(notStarted.statusCode).toBe(200);
    const units = notStarted.json().units as Array<{ name: string; employees: number }>;
    expect(units.length).toBeGreaterThanOrEqual(2);
    const withoutReports = await db.query<{ n: number }>(
      `select count(*)::int as n from org_units u
       where exists (select 1 from positions p join assignments a on a.position_id = p.id where p.unit_id = u.id)
         and not exists (select 1 from daily_reports r where r.unit_id = u.id)`,
    );
    expect(withoutReports[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('fills the demo atasan\'s live team view', async () => {
    const atasan = login('ATASAN');
    const session = await t.signIn({ nip: atasan.login, password: PASSWORD });
    const res = await t.as(session).get('/api/team/today?scope=all');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      date: string;
      summary: { members: number; reportedToday: number; pendingVerifications: number };
      members: Array<{ today: { status: string } | null; lastReportedDate: string | null }>;
    };
    expect(body.date).toBe(TODAY);
    expect(body.summary.members).toBeGreaterThan(10);
    expect(body.members.filter((m) => m.today !== null).length).toBeGreaterThan(body.summary.members / 2);
    expect(body.summary.reportedToday).toBeGreaterThan(0);
    expect(body.members.filter((m) => m.lastReportedDate !== null).length).toBeGreaterThan(body.summary.members * 0.8);
    const direct = (await t.as(session).get('/api/team/today')).json() as typeof body;
    expect(direct.summary.members).toBeGreaterThan(0);
    expect(direct.summary.pendingVerifications).toBeGreaterThan(0);
  });

  it('does nothing the second time', async () => {
    expect(await seedDailyReportDemo(db.db, { instansiId: demo.instansiId, today: TODAY, now: NOW })).toEqual({ reports: 0, activities: 0 });
  });
});
