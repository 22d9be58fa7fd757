import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import {
  auditChainHead,
  auditLog,
  dailyActivities,
  dailyActivityEvidence,
  dailyReports,
  events,
  idempotencyKeys,
} from '../../db/schema/index.js';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { multipartBody } from '../evidence/evidence.test-helpers.js';
import { activity, approvedIndicator, key, reports, testClock } from './daily-reports.test-helpers.js';

// A new day is written by one database call (report-create-new.ts, migration 0012). These tests
// check that what it writes is what the rest of Pantau expects: the same rows, a valid audit
// chain mixed with rows chained by the application, the live event, and idempotency.
const clock = testClock('2025-01-08T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let api: ReturnType<typeof reports>;
let dataDir: string;
const s: Record<string, Session> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-new-day-'));
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock, env: { PANTAU_DATA_DIR: dataDir } });
  api = reports(t);
  for (const k of ['staff1', 'staff2', 'kasi', 'kabid', 'kadis'] as const) s[k] = await t.signIn(org.people[k]);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function upload(who: Session, name: string, content: Buffer): Promise<number> {
  const m = multipartBody(name, content);
  const res = await t.as(who).post('/api/evidence', m.body, m.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().evidence.id as number;
}

const headId = async () => (await db.db.select().from(auditChainHead))[0]?.lastId ?? 0;

describe('a new day in one call', () => {
  it('writes the report, activities, evidence links, event and two chained audit rows; answers as GET does', async () => {
    const { rhkId, indicatorId } = await approvedIndicator(db.db, org, org.people.staff1.employeeId);
    const evidenceId = await upload(s.staff1!, 'notulen.pdf', Buffer.from('%PDF-1.4\n% notulen "rapat" ü\n%%EOF\n', 'latin1'));
    const before = await headId();
    const lastEvent = (await db.db.select({ id: events.id }).from(events).orderBy(asc(events.id))).at(-1)?.id ?? 0;

    const res = await api.create(s.staff1!, {
      date: '2025-01-07',
      submit: true,
      activities: [
        activity({ indicatorId, outputQuantity: 2.5, evidenceIds: [evidenceId, evidenceId] }),
        activity({ startTime: '10:00', endTime: '11:15', description: 'Rapat "koordinasi" — ÜBER/Ñ 😀', outputQuantity: null, outputUnit: null }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json().dailyReport;
    const id = body.id as number;

    // The answer is exactly what a later GET shows (the rows mapped from JSON as Drizzle maps them).
    const got = await api.get(s.staff1!, id);
    expect(got.json().dailyReport).toEqual(body);
    expect(body).toMatchObject({
      status: 'SUBMITTED',
      totalMinutes: 165,
      activities: [
        { seq: 1, rhkId, indicatorId, outputQuantity: 2.5, minutes: 90, linked: true, evidence: [{ id: evidenceId }] },
        { seq: 2, startTime: '10:00', endTime: '11:15', minutes: 75, linked: false, evidence: [] },
      ],
    });

    const [report] = await db.db.select().from(dailyReports).where(eq(dailyReports.id, id));
    expect(report).toMatchObject({
      employeeId: org.people.staff1.employeeId,
      date: '2025-01-07',
      status: 'SUBMITTED',
      unitId: org.units.seksi.id,
      opdId: org.units.dinasA.id,
      verifierEmployeeId: org.people.kasi.employeeId,
      totalMinutes: 165,
      activityCount: 2,
    });
    expect(report!.submittedAt?.toISOString()).toBe('2025-01-08T03:00:00.000Z');
    expect(report!.firstSubmittedAt?.toISOString()).toBe('2025-01-08T03:00:00.000Z');
    const acts = await db.db.select().from(dailyActivities).where(eq(dailyActivities.reportId, id)).orderBy(asc(dailyActivities.seq));
    expect(acts.map((a) => [a.seq, a.rhkId, a.status])).toEqual([
      [1, rhkId, 'PENDING'],
      [2, null, 'PENDING'],
    ]);
    const links = await db.db.select().from(dailyActivityEvidence).where(eq(dailyActivityEvidence.activityId, acts[0]!.id));
    expect(links).toEqual([{ activityId: acts[0]!.id, evidenceId }]);

    const [event] = await db.db.select().from(events).where(gt(events.id, lastEvent));
    expect(event).toMatchObject({
      type: 'daily_report.submitted',
      subjectEmployeeIds: [org.people.staff1.employeeId],
      payload: { reportId: id, employeeId: org.people.staff1.employeeId, date: '2025-01-07', status: 'SUBMITTED', totalMinutes: 165, activityCount: 2, resubmission: false },
    });

    const audit = await db.db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.id, a.action, a.entityType, a.entityId])).toEqual([
      [before + 1, 'daily_report.create', 'daily_report', String(id)],
      [before + 2, 'daily_report.submit', 'daily_report', String(id)],
    ]);
    expect(audit[0]!.newValues).toMatchObject({ date: '2025-01-07', activities: [{ indicatorId, rhkId, evidenceIds: [evidenceId] }, { description: 'Rapat "koordinasi" — ÜBER/Ñ 😀' }] });
    expect(audit[0]!.oldValues).toBeNull();
    expect(audit[1]!.oldValues).toEqual({ status: 'DRAFT' });
    expect(audit[1]!.newValues).toEqual({ status: 'SUBMITTED', date: '2025-01-07', totalMinutes: 165, verifierEmployeeId: org.people.kasi.employeeId });
    expect(audit[0]).toMatchObject({ actorUserId: org.people.staff1.userId, actorLabel: expect.stringContaining('Nurul Staf'), instansiId: org.instansiId });
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
  });

  it('keeps one chain with rows chained by the application before and after', async () => {
    const first = await api.create(s.staff2!, { date: '2025-01-08', submit: true, activities: [activity()] });
    expect(first.statusCode).toBe(201);
    // The atasan's verification chains its row in the application (recordAuditBatch).
    const verified = await api.verify(s.kasi!, first.json().dailyReport.id, { decision: 'VERIFIED' });
    expect(verified.statusCode, verified.body).toBe(200);
    const second = await api.create(s.staff2!, { date: '2025-01-07', submit: false, activities: [activity({ description: 'Draf' })] });
    expect(second.statusCode).toBe(201);
    expect(second.json().dailyReport).toMatchObject({ status: 'DRAFT', totalMinutes: 90 });
    const [draft] = await db.db.select().from(dailyReports).where(eq(dailyReports.id, second.json().dailyReport.id));
    expect(draft).toMatchObject({ status: 'DRAFT', submittedAt: null, firstSubmittedAt: null, verifierEmployeeId: null });
    const result = await verifyAuditChain(db.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBe(await headId());

    // Tampering with a row written by the call is found like any other.
    await db.db.execute(
      // The append-only trigger refuses updates; a superuser could disable it. The test does so to
      // prove the hash covers what the call wrote.
      (await import('drizzle-orm')).sql`alter table audit_log disable trigger audit_log_no_update`,
    );
    try {
      const [row] = await db.db.select().from(auditLog).where(eq(auditLog.entityId, String(second.json().dailyReport.id)));
      await db.db.update(auditLog).set({ newValues: { date: '2025-01-07', activities: [] } }).where(eq(auditLog.id, row!.id));
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, firstBrokenId: row!.id, reason: expect.stringMatching(/altered/) });
      await db.db.update(auditLog).set({ newValues: row!.newValues }).where(eq(auditLog.id, row!.id));
      expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
    } finally {
      await db.db.execute((await import('drizzle-orm')).sql`alter table audit_log enable trigger audit_log_no_update`);
    }
  });

  it('looks the atasan up in the call: none at the top of the chain, and the audit row says so (migration 0013)', async () => {
    const res = await api.create(s.kadis!, { date: '2025-01-08', submit: true, activities: [activity({ description: 'Rapat pimpinan' })] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().dailyReport.id as number;
    const [row] = await db.db.select().from(dailyReports).where(eq(dailyReports.id, id));
    expect(row).toMatchObject({ status: 'SUBMITTED', verifierEmployeeId: null });
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'daily_report'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['daily_report.create', 'daily_report.submit']);
    expect(audit[1]!.newValues).toEqual({ status: 'SUBMITTED', date: '2025-01-08', totalMinutes: 90, verifierEmployeeId: null });
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
  });

  it('answers a repeat of the key with the day as it is now, writes nothing, and refuses the key for another request', async () => {
    const k = key();
    const payload = { date: '2025-01-03', submit: true, activities: [activity({ description: 'Menginput data' })] };
    const first = await api.create(s.staff1!, payload, k);
    expect(first.statusCode).toBe(201);
    const id = first.json().dailyReport.id as number;
    const before = await headId();
    const again = await api.create(s.staff1!, payload, k);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await headId()).toBe(before);
    const [stored] = await db.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, org.people.staff1.userId), eq(idempotencyKeys.key, k)));
    expect(stored).toMatchObject({ statusCode: 201, response: { dailyReportRef: id } });

    // After the atasan returned it, a late resend (an offline phone) learns the current state.
    const returned = await api.verify(s.kasi!, id, { decision: 'RETURNED', note: 'Lengkapi keluaran' });
    expect(returned.statusCode, returned.body).toBe(200);
    const late = await api.create(s.staff1!, payload, k);
    expect(late.statusCode).toBe(201);
    expect(late.json().dailyReport).toMatchObject({ id, status: 'RETURNED', returnNote: 'Lengkapi keluaran' });
    const count = await db.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.employeeId, org.people.staff1.employeeId), eq(dailyReports.date, '2025-01-03')));
    expect(count).toHaveLength(1);

    const other = await api.create(s.staff1!, { ...payload, date: '2025-01-06' }, k);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields[0]).toMatchObject({ path: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('leaves a day that already exists to the general path (adds to a draft) without using up the key', async () => {
    const k1 = key();
    const draft = await api.create(s.staff2!, { date: '2025-01-06', activities: [activity({ description: 'Pagi' })] }, k1);
    expect(draft.statusCode).toBe(201);
    const k2 = key();
    const more = await api.create(
      s.staff2!,
      { date: '2025-01-06', submit: true, activities: [activity({ startTime: '13:00', endTime: '14:00', description: 'Siang' })] },
      k2,
    );
    expect(more.statusCode, more.body).toBe(200);
    expect(more.json().dailyReport).toMatchObject({ id: draft.json().dailyReport.id, status: 'SUBMITTED', activityCount: 2, totalMinutes: 150 });
    const [stored] = await db.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, org.people.staff2.userId), eq(idempotencyKeys.key, k2)));
    expect(stored?.statusCode).toBe(200);
    expect(stored?.response).toMatchObject({ dailyReport: { id: draft.json().dailyReport.id } });
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
  });

  it('fails with 400 and writes nothing when a check fails (evidence of someone else)', async () => {
    const theirs = await upload(s.staff2!, 'foto.pdf', Buffer.from('%PDF-1.4\n% milik staf 2\n%%EOF\n', 'latin1'));
    const before = await headId();
    const k = key();
    const res = await api.create(s.staff1!, { date: '2025-01-06', submit: true, activities: [activity({ evidenceIds: [theirs] })] }, k);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.activities.0.evidenceIds', code: 'EVIDENCE_UNKNOWN' });
    expect(await headId()).toBe(before);
    const keys = await db.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k));
    expect(keys).toHaveLength(0);
  });
});
