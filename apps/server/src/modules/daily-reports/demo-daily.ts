import { sql } from 'drizzle-orm';
import { addDays, addWorkingDays, dayOfWeek, isWorkingDay, wibToInstant } from '@pantau/domain';
import type { DbOrTx, Tx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { Rng } from '../../db/seed/demo-prng.js';
import { holidayDates } from '../feedback/holidays-2026.js';
import { orgRepository } from '../org/org.repository.js';
import { DEMO_RETURN_NOTES, demoTasksFor, type DemoTask } from './demo-daily-tasks.js';

/**
 * Demo daily reports for the demo seeder: the last N working days (holidays from the instansi's
 * `holidays` table) for most employees, so the team view, the verification queue and the
 * adoption dashboard have something true-looking to show.
 *
 * - Adoption varies by OPD: OPDs where a demo account works report at ~85–95 %, the others get
 *   rates from ~90 % down to ~35 %, and two units (a whole kecamatan and one sub-unit elsewhere,
 *   never one with a demo account) have not started at all. Some people join part-way through.
 * - 2–5 activities a day, timed inside the Perpres 21/2023 hours, 300–480 minutes in all, with
 *   descriptions and outputs that fit the post (demo-daily-tasks.ts).
 * - Each submitted day is in the queue of the employee's atasan *of that date*
 *   (orgRepository.supervisorsOn, one batch per date). Older days are mostly VERIFIED by that
 *   atasan; slow atasan leave a pile SUBMITTED; a few days are RETURNED with a note (some of them
 *   fixed and verified since); today's days are partly DRAFT. No timestamp lies after `now`.
 * - Demo accounts (users the demo seeder gave a password) report every day; their atasan decide
 *   with a 1–3 working-day delay so the demo shows pending days; the demo PEGAWAI (a demo account
 *   with no role grant and nobody below) has a RETURNED day with a clear note, three working days
 *   back.
 *
 * Written directly with multi-row `insert … select from unnest(…)` (≤ 1,000 rows a statement) in
 * one transaction. Deliberately NO audit rows, events, notifications or idempotency keys: these
 * rows were never made by anyone through the app, the audit chain starts at the first real action
 * (an audit row claiming the atasan verified something would be false), and nobody is connected
 * to hear events during seeding. Does nothing when the instansi already has daily reports.
 * Deterministic for a seed, `today` and `now`.
 */
export interface DailyDemoOptions {
  instansiId: number;
  /** 'YYYY-MM-DD' (WIB): the last day of the data. */
  today: string;
  /** Working days back, today included when it is one (default 20). */
  workingDays?: number;
  seed?: number;
  /** Nothing is submitted or decided after this instant (default: the current time). */
  now?: Date;
}

export interface DailyDemoResult {
  reports: number;
  activities: number;
}

type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';
type ActivityStatus = 'PENDING' | 'VERIFIED' | 'RETURNED';

interface Post {
  employeeId: number;
  validFrom: string;
  validTo: string | null;
  positionName: string;
  isHead: boolean;
  unitId: number;
  opdId: number;
  unitName: string;
  unitPath: string;
  opdName: string;
}

interface PlannedActivity {
  startTime: string;
  endTime: string;
  minutes: number;
  description: string;
  outputQuantity: number | null;
  outputUnit: string | null;
  status: ActivityStatus;
  note: string | null;
}

interface PlannedReport {
  employeeId: number;
  date: string;
  status: ReportStatus;
  unitId: number;
  opdId: number;
  verifierEmployeeId: number | null;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByEmployeeId: number | null;
  returnNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  activities: PlannedActivity[];
}

const BATCH = 1000;
const MINUTE = 60_000;
/** Rates for OPDs without a demo account, dealt out in a shuffled order. */
const OPD_RATES = [0.93, 0.9, 0.85, 0.75, 0.65, 0.5, 0.42, 0.38];
const PEGAWAI_RETURN_NOTE =
  'Mohon diperbaiki: uraian kegiatan terlalu umum. Sebutkan surat atau dokumen apa yang diproses dan jumlahnya, ' +
  'lampirkan bukti dukung, lalu kirim ulang.';

export async function seedDailyReportDemo(db: DbOrTx, o: DailyDemoOptions): Promise<DailyDemoResult> {
  const [existing] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from daily_reports where instansi_id = ${o.instansiId} limit 1) x`,
  );
  if ((existing?.n ?? 0) > 0) return { reports: 0, activities: 0 };
  const rng = new Rng(o.seed ?? 20_260_104);
  const now = o.now ?? new Date();
  const wanted = Math.max(1, o.workingDays ?? 20);
  const holidays = await holidayDates(db, o.instansiId, addDays(o.today, -Math.ceil(wanted * 2) - 60), o.today);
  const dates: string[] = [];
  for (let d = o.today; dates.length < wanted; d = addDays(d, -1)) if (isWorkingDay(d, holidays)) dates.unshift(d);
  const first = dates[0] ?? o.today;
  // Nothing happens after `now`, nor after 17:00 of the last day.
  const cap = new Date(Math.min(now.getTime(), wibToInstant(o.today, '17:00').getTime()));

  const posts = await rows<Post>(
    db,
    sql`select a.employee_id as "employeeId", a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
               p.name as "positionName", p.is_head as "isHead", u.id as "unitId", coalesce(u.opd_id, u.id) as "opdId",
               u.name as "unitName", u.path as "unitPath", o.name as "opdName"
        from assignments a
        join employees e on e.id = a.employee_id and e.active
        join positions p on p.id = a.position_id
        join org_units u on u.id = p.unit_id
        join org_units o on o.id = coalesce(u.opd_id, u.id)
        where a.instansi_id = ${o.instansiId} and a.kind = 'DEFINITIF' and a.valid_from <= ${o.today}::date
          and (a.valid_to is null or a.valid_to >= ${first}::date)
        order by a.employee_id, a.valid_from desc, a.id`,
  );
  if (posts.length === 0) return { reports: 0, activities: 0 };
  const postsOf = new Map<number, Post[]>();
  for (const p of posts) postsOf.set(p.employeeId, [...(postsOf.get(p.employeeId) ?? []), p]);
  /** The definitive post in force on d (the latest start wins, as unitOn does). */
  const postOn = (employeeId: number, d: string) =>
    postsOf.get(employeeId)?.find((p) => p.validFrom <= d && (p.validTo === null || p.validTo >= d));
  const latestPost = (employeeId: number) => postsOf.get(employeeId)?.[0];

  // Demo accounts: the only employees the demo seeder gave a password.
  const accounts = await rows<{ employeeId: number; hasGrant: boolean }>(
    db,
    sql`select u.employee_id as "employeeId", exists (select 1 from role_grants g where g.user_id = u.id) as "hasGrant"
        from users u where u.instansi_id = ${o.instansiId} and u.employee_id is not null
          and u.password_hash is not null and not u.must_change_password order by u.employee_id`,
  );
  const demoIds = new Set(accounts.map((a) => a.employeeId));

  // Adoption per OPD, and the units that have not started.
  const units = await rows<{ id: number; parentId: number | null; opdId: number; name: string; path: string }>(
    db,
    sql`select id, parent_id as "parentId", coalesce(opd_id, id) as "opdId", name, path from org_units
        where instansi_id = ${o.instansiId} and active order by path`,
  );
  const demoOpds = new Set([...demoIds].flatMap((id) => latestPost(id)?.opdId ?? []));
  const demoPaths = [...demoIds].flatMap((id) => latestPost(id)?.unitPath ?? []);
  const rateOf = new Map<number, number>();
  const rates = shuffled(rng, OPD_RATES);
  let dealt = 0;
  for (const u of units) {
    if (u.parentId !== null) continue;
    rateOf.set(u.id, demoOpds.has(u.id) ? 0.85 + rng.float() * 0.1 : (rates[dealt++ % rates.length] ?? 0.5));
  }
  const staffed = new Set(posts.map((p) => p.unitId));
  const free = (u: { id: number; opdId: number; path: string }) =>
    !demoOpds.has(u.opdId) && !demoPaths.some((p) => p.startsWith(u.path) || u.path.startsWith(p));
  const quietOpd = [...units].reverse().find((u) => u.parentId === null && /^Kecamatan /.test(u.name) && free(u));
  const subUnits = units.filter((u) => u.parentId !== null && staffed.has(u.id) && free(u) && u.opdId !== quietOpd?.id);
  const quietUnit = subUnits.length > 0 ? rng.pick(subUnits) : undefined;
  const quietPaths = [quietOpd, quietUnit].flatMap((u) => (u === undefined ? [] : [u.path]));

  // Who reports on which day.
  const employeeIds = [...postsOf.keys()].sort((a, b) => a - b);
  const pairs: Array<{ employeeId: number; date: string; post: Post }> = [];
  for (const employeeId of employeeIds) {
    const latest = latestPost(employeeId);
    if (latest === undefined) continue;
    const demo = demoIds.has(employeeId);
    let daily: number;
    let from = 0;
    if (demo) daily = 1;
    else if (rng.chance(rateOf.get(latest.opdId) ?? 0.6)) {
      daily = 0.93;
      if (rng.chance(0.2)) from = rng.int(1, Math.max(1, Math.floor(dates.length / 2)));
    } else daily = rng.chance(0.15) ? 0.2 : 0;
    dates.forEach((date, i) => {
      const post = postOn(employeeId, date);
      const chance = daily * (date === o.today ? 0.8 : 1);
      if (post === undefined || i < from || !rng.chance(chance)) return;
      if (quietPaths.some((p) => post.unitPath.startsWith(p))) return;
      pairs.push({ employeeId, date, post });
    });
  }

  // The atasan of each date, one batch per date.
  const supervisor = new Map<string, number>();
  const org = orgRepository(db);
  for (const date of dates) {
    const ids = [...new Set(pairs.filter((p) => p.date === date).map((p) => p.employeeId))];
    for (let i = 0; i < ids.length; i += 5000) {
      const found = await org.supervisorsOn(ids.slice(i, i + 5000), date);
      for (const [employeeId, s] of found) supervisor.set(`${employeeId}|${date}`, s.supervisorId);
    }
  }
  const supervisors = new Set(supervisor.values());
  const demoPegawai = accounts.find((a) => !a.hasGrant && !supervisors.has(a.employeeId))?.employeeId;
  const pastDates = dates.filter((d) => d < o.today);
  const pegawaiReturnDate = pastDates[Math.max(0, pastDates.length - 3)];

  // Quick, medium, slow or barely-looking atasan (stable per person, whatever the iteration order).
  const delayOf = (verifierId: number): [number, number] => {
    if (demoIds.has(verifierId)) return [1, 3];
    const r = new Rng((o.seed ?? 20_260_104) + verifierId * 7919).float();
    return r < 0.05 ? [6, 25] : r < 0.15 ? [3, 8] : r < 0.35 ? [1, 3] : [0, 1];
  };
  const at = (date: string, hhmm: number) => new Date(wibToInstant(date, '00:00').getTime() + hhmm * MINUTE);
  const later = (a: Date, b: Date) => a.getTime() > b.getTime();

  const plans: PlannedReport[] = [];
  for (const { employeeId, date, post } of pairs) {
    const verifier = supervisor.get(`${employeeId}|${date}`) ?? null;
    const isToday = date === o.today;
    // Today's list holds only what is over by `now`.
    const activities = planActivities(rng, date, post).filter((a) => !isToday || !later(at(date, minutesOf(a.endTime)), cap));
    const createdAt = at(date, rng.int(7 * 60 + 30, 8 * 60 + 30));
    if (activities.length === 0 || later(createdAt, cap)) continue;
    const plan: PlannedReport = {
      employeeId,
      date,
      status: 'DRAFT',
      unitId: post.unitId,
      opdId: post.opdId,
      verifierEmployeeId: null,
      firstSubmittedAt: null,
      submittedAt: null,
      decidedAt: null,
      decidedByEmployeeId: null,
      returnNote: null,
      createdAt,
      updatedAt: createdAt,
      activities,
    };
    plans.push(plan);
    const forcedReturn = employeeId === demoPegawai && date === pegawaiReturnDate && verifier !== null;
    // Past days: a few drafts never sent (not by demo accounts). Today: many still drafts.
    if (!forcedReturn && rng.chance(isToday ? 0.45 : demoIds.has(employeeId) ? 0 : 0.03)) continue;
    // Sent soon after the last activity, or (some older days) the next working morning.
    const lastEnd = at(date, minutesOf(activities[activities.length - 1]?.endTime ?? '17:00'));
    const submitted =
      isToday || forcedReturn || rng.chance(0.8)
        ? new Date(lastEnd.getTime() + rng.int(5, 45) * MINUTE)
        : at(addWorkingDays(date, 1, holidays), rng.int(7 * 60 + 45, 9 * 60));
    if (later(submitted, cap)) continue;
    Object.assign(plan, { status: 'SUBMITTED', verifierEmployeeId: verifier, firstSubmittedAt: submitted, submittedAt: submitted, updatedAt: submitted });
    if (verifier === null) continue; // nobody above (the Sekretaris Daerah): stays in nobody's queue
    const [lo, hi] = delayOf(verifier);
    let decided = decisionTime(rng, submitted, forcedReturn ? 1 : rng.int(lo, hi), holidays, at);
    if (later(decided, cap)) continue;
    const returned = forcedReturn || rng.chance(0.05);
    if (!returned) {
      decide(plan, 'VERIFIED', decided, verifier, null);
      continue;
    }
    const note = forcedReturn ? PEGAWAI_RETURN_NOTE : rng.pick(DEMO_RETURN_NOTES);
    decide(plan, 'RETURNED', decided, verifier, note, forcedReturn || rng.chance(0.5));
    // Most returned days were fixed the next working day and decided again.
    const fixedOn = addWorkingDays(wibDateOf(decided), 1, holidays);
    if (forcedReturn || !rng.chance(0.6)) continue;
    const resubmitted = at(fixedOn, rng.int(8 * 60, 10 * 60));
    if (later(resubmitted, cap)) continue;
    for (const a of plan.activities) if (a.status === 'RETURNED') Object.assign(a, { status: 'PENDING', note: null });
    Object.assign(plan, { status: 'SUBMITTED', submittedAt: resubmitted, decidedAt: null, decidedByEmployeeId: null, updatedAt: resubmitted });
    decided = decisionTime(rng, resubmitted, rng.int(0, 1), holidays, at);
    if (!later(decided, cap)) decide(plan, 'VERIFIED', decided, verifier, null);
  }

  return db.transaction(async (tx) => {
    let reports = 0;
    let activities = 0;
    for (let i = 0; i < plans.length; i += BATCH) {
      const chunk = plans.slice(i, i + BATCH);
      const ids = await insertReports(tx, o.instansiId, chunk);
      reports += chunk.length;
      const rowsOut = chunk.flatMap((r) => {
        const reportId = ids.get(`${r.employeeId}|${r.date}`);
        if (reportId === undefined) throw new Error('seedDailyReportDemo: report id missing');
        return r.activities.map((a, seq) => ({ reportId, report: r, a, seq: seq + 1 }));
      });
      for (let j = 0; j < rowsOut.length; j += BATCH) {
        const part = rowsOut.slice(j, j + BATCH);
        await insertActivities(tx, part);
        activities += part.length;
      }
    }
    return { reports, activities };
  });
}

function wibDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** When the atasan decided: `delay` working days after the submission, in office hours. */
function decisionTime(
  rng: Rng,
  submitted: Date,
  delay: number,
  holidays: ReadonlySet<string>,
  at: (date: string, minutes: number) => Date,
): Date {
  if (delay === 0) return new Date(submitted.getTime() + rng.int(20, 150) * MINUTE);
  return at(addWorkingDays(wibDateOf(submitted), delay, holidays), rng.int(8 * 60, 15 * 60 + 30));
}

function decide(plan: PlannedReport, status: 'VERIFIED' | 'RETURNED', when: Date, verifier: number, note: string | null, wholeDay = true) {
  Object.assign(plan, { status, decidedAt: when, decidedByEmployeeId: verifier, verifierEmployeeId: verifier, returnNote: note, updatedAt: when });
  const returnedSeq = status === 'RETURNED' && !wholeDay ? plan.activities.length - 1 : -1;
  plan.activities.forEach((a, i) => {
    const back = status === 'RETURNED' && (wholeDay || i === returnedSeq);
    a.status = back ? 'RETURNED' : 'VERIFIED';
    a.note = back ? note : null;
  });
}

/** 2–5 activities inside the day's office hours, 300–480 minutes in all, none overlapping. */
function planActivities(rng: Rng, date: string, post: Post): PlannedActivity[] {
  const friday = dayOfWeek(date) === 5;
  // Perpres 21/2023: 07.30–12.00 and 13.00–16.00; Friday 07.30–11.30 and 13.00–16.30.
  const morning: [number, number] = [450 + (rng.chance(0.3) ? rng.pick([15, 30]) : 0), friday ? 690 : 720];
  const afternoonEnd = (friday ? 990 : 960) - (rng.chance(0.3) ? rng.pick([15, 30, 60]) : 0) + (rng.chance(0.1) ? rng.pick([30, 60]) : 0);
  // At most 480 minutes in all.
  const afternoon: [number, number] = [780, Math.min(afternoonEnd, 780 + 480 - (morning[1] - morning[0]))];
  const count = rng.int(2, 5);
  const inMorning = rng.int(1, count - 1);
  const slots = [...split(rng, morning, inMorning), ...split(rng, afternoon, count - inMorning)];
  const [preferred, fallback] = demoTasksFor(post);
  const tasks = pickTasks(rng, preferred, fallback, slots.length);
  return slots.map(([start, end], i) => {
    const [description, unit, min, max] = tasks[i] ?? ['Menyusun laporan kegiatan', 'laporan', 1, 1];
    return {
      startTime: hhmm(start),
      endTime: hhmm(end),
      minutes: end - start,
      description,
      outputQuantity: unit === null ? null : rng.int(min, max),
      outputUnit: unit,
      status: 'PENDING',
      note: null,
    };
  });
}

/** Splits [from, to) into `n` back-to-back parts of whole quarter hours, each at least 30 minutes. */
function split(rng: Rng, [from, to]: [number, number], n: number): Array<[number, number]> {
  const quarters = Math.floor((to - from) / 15);
  const spare = Math.max(0, quarters - 2 * n);
  const weights = Array.from({ length: n }, () => 0.2 + rng.float());
  const sum = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => 2 + Math.floor((spare * w) / sum));
  let rest = quarters - sizes.reduce((s, q) => s + q, 0);
  while (rest-- > 0) {
    const i = rng.int(0, n - 1);
    sizes[i] = (sizes[i] ?? 2) + 1;
  }
  const out: Array<[number, number]> = [];
  let at = from;
  for (const q of sizes) {
    out.push([at, at + q * 15]);
    at += q * 15;
  }
  return out;
}

function pickTasks(rng: Rng, preferred: readonly DemoTask[], fallback: readonly DemoTask[], n: number): DemoTask[] {
  const a = shuffled(rng, preferred);
  const b = shuffled(rng, fallback);
  const out: DemoTask[] = [];
  for (let i = 0; i < n; i++) {
    const next = (rng.chance(0.75) && a.length > 0) || b.length === 0 ? a.shift() : b.shift();
    out.push(next ?? rng.pick(preferred));
  }
  return out;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function insertReports(tx: Tx, instansiId: number, chunk: readonly PlannedReport[]): Promise<Map<string, number>> {
  const col = <T>(f: (r: PlannedReport) => T) => sql.param(chunk.map(f));
  const inserted = await rows<{ id: number; employeeId: number; date: string }>(
    tx,
    sql`insert into daily_reports (instansi_id, employee_id, date, status, unit_id, opd_id, verifier_employee_id, total_minutes,
          activity_count, first_submitted_at, submitted_at, decided_at, decided_by_employee_id, return_note, created_at, updated_at)
        select ${instansiId}::int, t.employee_id, t.date::date, t.status::daily_report_status, t.unit_id, t.opd_id, t.verifier,
               t.total_minutes, t.activity_count::smallint, t.first_submitted_at::timestamptz, t.submitted_at::timestamptz,
               t.decided_at::timestamptz, t.decided_by, t.return_note, t.created_at::timestamptz, t.updated_at::timestamptz
        from unnest(${col((r) => r.employeeId)}::int[], ${col((r) => r.date)}::text[], ${col((r) => r.status)}::text[],
                    ${col((r) => r.unitId)}::int[], ${col((r) => r.opdId)}::int[], ${col((r) => r.verifierEmployeeId)}::int[],
                    ${col((r) => r.activities.reduce((s, a) => s + a.minutes, 0))}::int[], ${col((r) => r.activities.length)}::int[],
                    ${col((r) => iso(r.firstSubmittedAt))}::text[], ${col((r) => iso(r.submittedAt))}::text[],
                    ${col((r) => iso(r.decidedAt))}::text[], ${col((r) => r.decidedByEmployeeId)}::int[],
                    ${col((r) => r.returnNote)}::text[], ${col((r) => iso(r.createdAt))}::text[], ${col((r) => iso(r.updatedAt))}::text[])
          as t(employee_id, date, status, unit_id, opd_id, verifier, total_minutes, activity_count, first_submitted_at,
               submitted_at, decided_at, decided_by, return_note, created_at, updated_at)
        returning id, employee_id as "employeeId", date::text as date`,
  );
  return new Map(inserted.map((r) => [`${r.employeeId}|${r.date}`, r.id]));
}

async function insertActivities(
  tx: Tx,
  part: ReadonlyArray<{ reportId: number; report: PlannedReport; a: PlannedActivity; seq: number }>,
): Promise<void> {
  const col = <T>(f: (x: (typeof part)[number]) => T) => sql.param(part.map(f));
  await tx.execute(
    sql`insert into daily_activities (report_id, employee_id, date, seq, start_time, end_time, minutes, description,
          output_quantity, output_unit, status, note, created_at, updated_at)
        select t.report_id, t.employee_id, t.date::date, t.seq::smallint, t.start_time::time, t.end_time::time, t.minutes::smallint,
               t.description, t.output_quantity, t.output_unit, t.status::daily_activity_status, t.note,
               t.created_at::timestamptz, t.updated_at::timestamptz
        from unnest(${col((x) => x.reportId)}::int[], ${col((x) => x.report.employeeId)}::int[], ${col((x) => x.report.date)}::text[],
                    ${col((x) => x.seq)}::int[], ${col((x) => x.a.startTime)}::text[], ${col((x) => x.a.endTime)}::text[],
                    ${col((x) => x.a.minutes)}::int[], ${col((x) => x.a.description)}::text[],
                    ${col((x) => x.a.outputQuantity)}::numeric[], ${col((x) => x.a.outputUnit)}::text[], ${col((x) => x.a.status)}::text[],
                    ${col((x) => x.a.note)}::text[], ${col((x) => iso(x.report.createdAt))}::text[], ${col((x) => iso(x.report.updatedAt))}::text[])
          as t(report_id, employee_id, date, seq, start_time, end_time, minutes, description, output_quantity, output_unit, status,
               note, created_at, updated_at)`,
  );
}
