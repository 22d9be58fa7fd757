import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { buildTestApp, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { seedDemo, type SeedDemoResult } from '../../db/seed/demo.js';
import { createFileStore } from '../evidence/file-store.js';
import { seedNationalHolidays } from '../feedback/holidays-2026.js';
import { jpRepository } from './jp.repository.js';
import { DEMO_COURSES, seedTrainingDemo, type TrainingDemoResult } from './demo-training.js';
import { movableClock, wib } from './training.test-helpers.js';

const TODAY = '2026-11-25';
const PASSWORD = 'pantau-demo-2026';
const filesDir = mkdtempSync(join(tmpdir(), 'pantau-training-demo-'));
let db: OpenDb;
let demo: SeedDemoResult;
let result: TrainingDemoResult;
let seconds = 0;
let t: TestApp;

beforeAll(async () => {
  db = await freshDb();
  demo = await seedDemo(db.db, { size: 'small', today: TODAY });
  await seedNationalHolidays(db.db, demo.instansiId, 2026); // as the feedback demo does before at start
  const started = performance.now();
  result = await seedTrainingDemo(db.db, { instansiId: demo.instansiId, today: TODAY, filesDir });
  seconds = (performance.now() - started) / 1000;
  t = await buildTestApp(db, { clock: movableClock(wib(TODAY, '10:00')), env: { PANTAU_FILES_DIR: filesDir, PANTAU_LOGIN_RATE_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const count = async (q: string) => (await db.query<{ n: number }>(q))[0]?.n ?? 0;

describe('seedTrainingDemo', () => {
  it('fills a catalogue with past and upcoming sessions, places, external training and needs, quickly', async () => {
    expect(result.courses).toBe(DEMO_COURSES.length);
    expect(new Set((await db.query<{ kind: string }>('select distinct kind::text as kind from training_courses')).map((r) => r.kind))).toEqual(
      new Set(['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL']),
    );
    expect(result.sessions).toBe(DEMO_COURSES.reduce((a, c) => a + c.past + 1, 0));
    expect(result.completed).toBeGreaterThan(50);
    expect(result.enrolled).toBeGreaterThan(20);
    expect(result.requested).toBeGreaterThanOrEqual(DEMO_COURSES.length);
    expect(result.externalPending).toBe(3);
    expect(result.needs).toBeGreaterThan(5);
    expect(await count(`select count(*)::int as n from training_sessions where start_date > '${TODAY}'`)).toBe(DEMO_COURSES.length);
    expect(await count(`select count(*)::int as n from training_enrolments where status = 'REQUESTED' and approver_employee_id is null`)).toBe(0);
    // Several OPDs run some courses together.
    expect(await count('select count(*)::int as n from (select course_id from training_course_organisers group by course_id having count(*) > 1) x')).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(20);
    // Sessions run on consecutive working days (every day from start to end counts).
    expect(
      await count(`select count(*)::int as n from training_sessions s, generate_series(s.start_date, s.end_date, interval '1 day') d
                   where extract(isodow from d) > 5 or to_char(d, 'MM-DD') = '01-01'
                      or exists (select 1 from holidays h where h.instansi_id = s.instansi_id and h.date = d::date)`),
    ).toBe(0);
  });

  it('counts JP only from completed places (with the attendance they need) and verified external training', async () => {
    expect(await count("select count(*)::int as n from training_enrolments where status <> 'COMPLETED' and (jp is not null or completed_on is not null)")).toBe(0);
    expect(await count("select count(*)::int as n from training_enrolments where status = 'INCOMPLETE'")).toBeGreaterThan(0);
    // Every completed place has attendance on every day of its session; an incomplete one falls short.
    expect(
      await count(`select count(*)::int as n from training_enrolments e join training_sessions s on s.id = e.session_id
                   where e.status = 'COMPLETED' and (select count(*) from training_attendance a where a.enrolment_id = e.id) < (s.end_date - s.start_date + 1)`),
    ).toBe(0);
    const totals = await jpRepository(db.db).totals(null, demo.instansiId, 2026);
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    const expected = await db.query<{ jp: number }>(
      `select coalesce(sum(jp), 0)::float8 as jp from (
         select jp from training_enrolments where status = 'COMPLETED'
         union all select jp from training_external where status = 'VERIFIED') x`,
    );
    expect(sum).toBeCloseTo(expected[0]?.jp ?? -1, 5);
    expect(sum).toBeGreaterThan(0);
  });

  it('leaves the demo logins clean, and their certificates are real files', async () => {
    expect(
      await count(`select count(*)::int as n from users u where u.password_hash is not null and (
                     exists (select 1 from training_enrolments e where e.employee_id = u.employee_id)
                     or exists (select 1 from training_needs x where x.employee_id = u.employee_id)
                     or exists (select 1 from training_external x where x.employee_id = u.employee_id))`),
    ).toBe(0);
    const store = createFileStore(filesDir);
    const files = await db.query<{ sha256: string }>('select f.sha256 from evidence_files f join training_external x on x.certificate_evidence_id = f.id');
    expect(files.length).toBe(6);
    for (const f of files) expect(await store.has(f.sha256)).toBe(true);
  });

  it('is shown to the BKPSDM admin: catalogue, external training to verify, figures', async () => {
    const login = demo.logins.find((l) => l.role === 'ADMIN_BKPSDM');
    if (!login) throw new Error('no admin login');
    const admin = await t.signIn({ nip: login.login, password: PASSWORD });
    const courses = (await t.as(admin).get('/api/training/courses')).json().courses as { title: string; abilities: { manage: boolean } }[];
    expect(courses.map((c) => c.title)).toContain('Pelayanan Prima');
    expect(courses.every((c) => c.abilities.manage)).toBe(true);
    const toVerify = (await t.as(admin).get('/api/training/external?scope=to-verify')).json().external as unknown[];
    expect(toVerify).toHaveLength(3);
    const units = (await t.as(admin).get('/api/training/figures/units?year=2026')).json();
    expect(JSON.stringify(units)).toMatch(/"sessionsHeld":[1-9]/);
  });

  it('does nothing the second time', async () => {
    const before = await count('select count(*)::int as n from training_enrolments');
    const again = await seedTrainingDemo(db.db, { instansiId: demo.instansiId, today: TODAY, filesDir });
    expect(again).toEqual({ courses: 0, sessions: 0, completed: 0, requested: 0, enrolled: 0, externalPending: 0, needs: 0 });
    expect(await count('select count(*)::int as n from training_enrolments')).toBe(before);
  });
});
