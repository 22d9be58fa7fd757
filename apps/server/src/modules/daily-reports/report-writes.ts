import type { CreateDailyReportBody, ReplaceActivitiesBody } from '@pantau/contracts';
import { isActivityEditable, isEditableByOwner } from '@pantau/domain';
import { AppError, conflict, forbidden, notFound, validation, type FieldProblem } from '../../http/errors.js';
import { recordAudit, recordAuditBatch, type AuditEvent } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { checkDay, fromRow, prepareActivities, sameActivity, type PreparedActivity } from './activity-input.js';
import { dailyReportsRepository } from './daily-reports.repository.js';
import { can } from './daily-reports.policy.js';
import { requireIdempotencyKey, runIdempotent, storedAnswer } from './idempotency.js';
import { newDayWriter } from './report-create-new.js';
import { requireEmployee, type CreatedBody, type ReportContext } from './report-context.js';

/** What the one-call path stores with a key (report-create-new.ts): the day it created. */
type CreatedRef = { dailyReportRef: number };

/**
 * The owner's writes: create (and add to) a day, replace its activities, submit, delete a draft.
 * Each transaction collects its audit events and writes them with one `recordAuditBatch` as its
 * last statement, so the audit chain's head lock is held only from there to commit
 * (docs/benchmarks.md, daily reports, finding 1).
 */
export function reportWrites(c: ReportContext) {
  const { db } = c;
  const auditLast = (ctx: RequestContext, audit: AuditEvent[]) => (tx: Parameters<typeof recordAuditBatch>[0]) => recordAuditBatch(tx, ctx, audit);
  const createNewDay = newDayWriter(c);

  /** A key stored by the one-call path names the day; a repeat answers with the day as it is now. */
  async function resolveRef<R extends { status: number; body: CreatedBody | CreatedRef; replayed: boolean }>(actor: Actor, result: R) {
    if (!('dailyReportRef' in result.body)) return { ...result, body: result.body };
    const report = actor.instansiId === null ? undefined : await dailyReportsRepository(db).findById(actor.instansiId, result.body.dailyReportRef);
    if (!report) throw notFound();
    return { ...result, body: { dailyReport: await c.view(db, report, actor, false) } };
  }

  return {
    /**
     * Creates the day's report, or adds the activities to the existing draft/returned report of
     * that date; optionally submits it. Idempotent by key (offline outbox, double taps).
     */
    async create(actor: Actor, body: CreateDailyReportBody, key: string | undefined, ctx: RequestContext) {
      const me = requireEmployee(actor);
      const idemKey = requireIdempotencyKey(key);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: me.userId, key: idemKey, fingerprint: { op: 'daily_report.create', request } };
      // A new day in one database call; anything else (a key used before, a day that exists, a
      // failed check) on the general path below, which answers a used key before any check.
      const fresh = await createNewDay(me, actor, body, idem, ctx).catch((err: unknown) => {
        if (err instanceof AppError) return undefined;
        throw err;
      });
      if (fresh) return fresh;
      const stored = await storedAnswer<CreatedBody | CreatedRef>(db, idem);
      if (stored) return resolveRef(actor, stored);
      const prepared = await c.checkNewDay(me, body);
      await c.checkReferences(me, body.date, prepared);
      const verifierId = body.submit ? await c.verifierOf(me.employeeId, body.date) : null;

      const result = await runIdempotent<CreatedBody | CreatedRef>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
        const audit: AuditEvent[] = [];
        const { report, created } = await r.insertOrGet({ instansiId: me.instansiId, employeeId: me.employeeId, date: body.date });
        if (!created && !isEditableByOwner(report.status)) {
          throw conflict([{ path: 'body.date', code: 'REPORT_LOCKED' }]);
        }
        const existing = created ? [] : await r.activities([report.id]);
        const existingPrepared = existing.map((a) => fromRow(a, []));
        checkDay([...existingPrepared, ...prepared], 'body.activities', existing.length);
        const inserted = await r.insertActivities(prepared.map((a, i) => c.activityValues(report, a, existing.length + i + 1)));
        await r.insertEvidenceLinks(inserted.map((row, i) => ({ activityId: row.id, evidenceIds: prepared[i]?.evidenceIds ?? [] })));
        const totals = {
          totalMinutes: [...existingPrepared, ...prepared].reduce((s, a) => s + a.minutes, 0),
          activityCount: existing.length + prepared.length,
        };
        audit.push({
          action: created ? 'daily_report.create' : 'daily_report.add_activities',
          entityType: 'daily_report',
          entityId: report.id,
          instansiId: me.instansiId,
          newValues: { date: body.date, activities: c.auditActivities(prepared) },
        });
        const fresh = existing.length === 0;
        const current = body.submit
          ? await c.applySubmit(tx, report, verifierId, audit, { totals, onlyPending: fresh })
          : await r.update(report.id, totals);
        // A day made of just-inserted activities: the rows in hand are what a re-read would return.
        const known = fresh
          ? { activities: inserted, evidence: prepared.some((a) => a.evidenceIds.length > 0) ? undefined : [] }
          : {};
        const dailyReport = await c.view(tx, current, actor, false, known);
        return { status: created ? 201 : 200, body: { dailyReport }, finish: auditLast(ctx, audit) };
      });
      return resolveRef(actor, result);
    },

    /** Replaces the activity list of an editable report (verified activities must stay as they are). */
    async replace(actor: Actor, id: number, body: ReplaceActivitiesBody, key: string | undefined, ctx: RequestContext) {
      const { me, report } = await c.loadOwn(actor, id);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: me.userId, key, fingerprint: { op: 'daily_report.replace', id, request } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;
      if (!can(actor, 'edit', report, { isVerifier: false })) throw forbidden();
      const prepared = prepareActivities(body.activities);
      checkDay(prepared);
      if (body.submit && prepared.length === 0) throw validation([{ path: 'body.activities', code: 'NO_ACTIVITIES' }]);
      if (body.submit && report.firstSubmittedAt === null) {
        const problem = c.dateProblem(report.date, await c.calendar.holidays(me.instansiId), 'body.submit');
        if (problem) throw validation([problem]);
      }
      await c.checkReferences(me, report.date, prepared);
      const verifierId = body.submit ? await c.verifierOf(me.employeeId, report.date) : null;

      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
        const audit: AuditEvent[] = [];
        const locked = await r.lockById(id);
        if (!locked || !isEditableByOwner(locked.status)) throw forbidden();
        const existing = await r.activities([id]);
        const links = await r.evidenceLinks(existing.map((a) => a.id));
        const stored = new Map(
          existing.map((a) => [a.id, { row: a, prepared: fromRow(a, links.filter((l) => l.activityId === a.id).map((l) => l.evidence.id)) }]),
        );
        const problems: FieldProblem[] = [];
        const kept = new Set<number>();
        prepared.forEach((a, i) => {
          if (a.id === undefined) return;
          const s = stored.get(a.id);
          if (!s) problems.push({ path: `body.activities.${i}.id`, code: 'ACTIVITY_UNKNOWN' });
          else {
            kept.add(a.id);
            if (!isActivityEditable(s.row.status) && !sameActivity(s.prepared, a)) {
              problems.push({ path: `body.activities.${i}`, code: 'ACTIVITY_LOCKED' });
            }
          }
        });
        const removed = existing.filter((a) => !kept.has(a.id));
        if (removed.some((a) => !isActivityEditable(a.status))) problems.push({ path: 'body.activities', code: 'ACTIVITY_LOCKED' });
        if (problems.length > 0) throw validation(problems);

        await r.deleteActivities(removed.map((a) => a.id));
        const changedLinks: Array<{ activityId: number; evidenceIds: number[] }> = [];
        const fresh: Array<{ a: PreparedActivity; seq: number }> = [];
        for (const [i, a] of prepared.entries()) {
          const s = a.id === undefined ? undefined : stored.get(a.id);
          if (!s) {
            fresh.push({ a, seq: i + 1 });
            continue;
          }
          const same = sameActivity(s.prepared, a);
          if (same && s.row.seq === i + 1) continue;
          const { reportId: _r, employeeId: _e, date: _d, ...values } = c.activityValues(locked, a, i + 1);
          await r.updateActivity(s.row.id, same ? { seq: i + 1 } : { ...values, status: 'PENDING' });
          if (!same) changedLinks.push({ activityId: s.row.id, evidenceIds: a.evidenceIds });
        }
        const inserted = await r.insertActivities(fresh.map((f) => c.activityValues(locked, f.a, f.seq)));
        await r.replaceEvidenceLinks(changedLinks);
        await r.insertEvidenceLinks(inserted.map((row, i) => ({ activityId: row.id, evidenceIds: fresh[i]?.a.evidenceIds ?? [] })));
        const totals = { totalMinutes: prepared.reduce((s, a) => s + a.minutes, 0), activityCount: prepared.length };
        audit.push({
          action: 'daily_report.update',
          entityType: 'daily_report',
          entityId: id,
          instansiId: me.instansiId,
          oldValues: { activities: [...stored.values()].map((s) => c.auditActivities([s.prepared])[0]) },
          newValues: { activities: c.auditActivities(prepared) },
        });
        const current = body.submit ? await c.applySubmit(tx, locked, verifierId, audit, { totals }) : await r.update(id, totals);
        return { status: 200, body: { dailyReport: await c.view(tx, current, actor, false) }, finish: auditLast(ctx, audit) };
      });
    },

    async submit(actor: Actor, id: number, key: string | undefined, ctx: RequestContext) {
      const { me, report } = await c.loadOwn(actor, id);
      const idemKey = requireIdempotencyKey(key);
      const idem = { userId: me.userId, key: idemKey, fingerprint: { op: 'daily_report.submit', id } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;
      if (!isEditableByOwner(report.status)) throw conflict([{ path: 'status', code: 'REPORT_LOCKED' }]);
      if (report.activityCount === 0) throw validation([{ path: 'body', code: 'NO_ACTIVITIES' }]);
      if (report.firstSubmittedAt === null) {
        const problem = c.dateProblem(report.date, await c.calendar.holidays(me.instansiId), 'body');
        if (problem) throw validation([problem]);
      }
      const verifierId = await c.verifierOf(me.employeeId, report.date);
      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const audit: AuditEvent[] = [];
        const locked = await dailyReportsRepository(tx).lockById(id);
        if (!locked || !isEditableByOwner(locked.status)) throw conflict([{ path: 'status', code: 'REPORT_LOCKED' }]);
        const current = await c.applySubmit(tx, locked, verifierId, audit);
        return { status: 200, body: { dailyReport: await c.view(tx, current, actor, false) }, finish: auditLast(ctx, audit) };
      });
    },

    /** Throws away a draft that was never submitted. Its evidence files stay (audit rows name them). */
    async remove(actor: Actor, id: number, ctx: RequestContext) {
      const { me, report } = await c.loadOwn(actor, id);
      if (!can(actor, 'delete', report, { isVerifier: false })) throw forbidden();
      await db.transaction(async (tx) => {
        const r = dailyReportsRepository(tx);
        const locked = await r.lockById(id);
        if (!locked || locked.status !== 'DRAFT' || locked.firstSubmittedAt !== null) throw forbidden();
        const activities = await r.activities([id]);
        const links = await r.evidenceLinks(activities.map((a) => a.id));
        await r.delete(id);
        await recordAudit(tx, ctx, {
          action: 'daily_report.delete',
          entityType: 'daily_report',
          entityId: id,
          instansiId: me.instansiId,
          oldValues: {
            date: locked.date,
            activities: activities.map((a) => ({
              description: a.description,
              minutes: a.minutes,
              evidenceIds: links.filter((l) => l.activityId === a.id).map((l) => l.evidence.id),
            })),
          },
        });
      });
    },
  };
}
