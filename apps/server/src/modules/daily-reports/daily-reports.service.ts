import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateDailyReportBody,
  DailyReportDto,
  DailyReportListQuery,
  ReplaceActivitiesBody,
  VerificationBody,
} from '@pantau/contracts';
import {
  canDecide,
  dailyNormMinutes,
  decideActivities,
  isActivityEditable,
  isEditableByOwner,
  reportDateProblem,
  reportableDates,
  addDays,
  type Decision,
} from '@pantau/domain';
import type { Db, DbOrTx, Tx } from '../../db/open-db.js';
import { dailyActivities } from '../../db/schema/index.js';
import { conflict, forbidden, notFound, validation, type FieldProblem } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { publishEvent } from '../realtime/events.repository.js';
import { checkDay, fromRow, prepareActivities, sameActivity, type PreparedActivity } from './activity-input.js';
import type { HolidayCalendar } from './calendar.js';
import { dailyReportsRepository, type DailyReportRow } from './daily-reports.repository.js';
import type { DailyReportSettings } from './daily-reports.settings.js';
import { abilitiesFor, can } from './daily-reports.policy.js';
import { presentReport, presentSummary } from './daily-reports.presenter.js';
import { requireIdempotencyKey, runIdempotent, storedAnswer } from './idempotency.js';
import { skpLinksRepository } from './skp-links.js';

export interface DailyReportDeps {
  db: Db;
  clock: Clock;
  calendar: HolidayCalendar;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  settings: DailyReportSettings;
}

type CreatedBody = { dailyReport: DailyReportDto };

interface Me {
  employeeId: number;
  instansiId: number;
  userId: number;
}

function requireEmployee(actor: Actor): Me {
  if (actor.employeeId === null || actor.instansiId === null) throw forbidden();
  return { employeeId: actor.employeeId, instansiId: actor.instansiId, userId: actor.userId };
}

export function createDailyReportService(deps: DailyReportDeps) {
  const { db, clock, settings } = deps;
  const repo = dailyReportsRepository(db);
  const access = accessRepository(db);
  const org = orgRepository(db);
  const today = () => wibDate(clock.now());

  async function verifierOf(employeeId: number, date: string): Promise<number | null> {
    return (await org.supervisorsOn([employeeId], date)).get(employeeId)?.supervisorId ?? null;
  }

  /** 404 when the actor may not even see the report's owner, else 403. */
  async function denied(actor: Actor, employeeId: number): Promise<never> {
    const readable = await access.readableEmployeeIds(actor, [employeeId], today());
    throw readable.has(employeeId) ? forbidden() : notFound();
  }

  async function loadOwn(actor: Actor, id: number): Promise<{ me: Me; report: DailyReportRow }> {
    const me = requireEmployee(actor);
    const report = await repo.findById(me.instansiId, id);
    if (!report) throw notFound();
    if (report.employeeId !== me.employeeId) return denied(actor, report.employeeId);
    return { me, report };
  }

  function dateProblem(date: string, holidays: ReadonlySet<string>, path: string): FieldProblem | null {
    const problem = reportDateProblem(date, today(), settings.backdateWorkingDays, holidays);
    return problem ? { path, code: `REPORT_DATE_${problem}`, params: { days: settings.backdateWorkingDays } } : null;
  }

  /** RHK/indicator must come from the employee's approved SKP; evidence from the user's uploads. */
  async function checkReferences(me: Me, date: string, list: PreparedActivity[]): Promise<void> {
    const links = skpLinksRepository(db);
    const rhkIds = list.flatMap((a) => (a.rhkId === null ? [] : [a.rhkId]));
    const indicatorIds = list.flatMap((a) => (a.indicatorId === null ? [] : [a.indicatorId]));
    const evidenceIds = list.flatMap((a) => a.evidenceIds);
    const [approved, own] = await Promise.all([
      links.approvedLinks(me.employeeId, date, rhkIds, indicatorIds),
      links.ownEvidence(me.instansiId, me.userId, evidenceIds),
    ]);
    const problems: FieldProblem[] = [];
    list.forEach((a, i) => {
      if (a.indicatorId !== null) {
        const rhk = approved.indicators.get(a.indicatorId);
        if (rhk === undefined || (a.rhkId !== null && a.rhkId !== rhk)) {
          problems.push({ path: `body.activities.${i}.indicatorId`, code: 'INDICATOR_UNKNOWN' });
        } else {
          a.rhkId = rhk;
        }
      } else if (a.rhkId !== null && !approved.rhks.has(a.rhkId)) {
        problems.push({ path: `body.activities.${i}.rhkId`, code: 'INDICATOR_UNKNOWN' });
      }
      if (a.evidenceIds.some((e) => !own.has(e))) problems.push({ path: `body.activities.${i}.evidenceIds`, code: 'EVIDENCE_UNKNOWN' });
    });
    if (problems.length > 0) throw validation(problems);
  }

  async function view(dbx: DbOrTx, report: DailyReportRow, actor: Actor, isVerifier: boolean) {
    const r = dailyReportsRepository(dbx);
    const activities = await r.activities([report.id]);
    const [evidence, names, holidays] = await Promise.all([
      r.evidenceLinks(activities.map((a) => a.id)),
      r.names([report.employeeId, report.decidedByEmployeeId ?? 0, report.verifierEmployeeId ?? 0].filter((x) => x > 0)),
      deps.calendar.holidays(report.instansiId),
    ]);
    return presentReport({
      report,
      activities,
      evidence,
      names,
      normMinutes: dailyNormMinutes(report.date, settings.workHours, holidays),
      abilities: abilitiesFor(actor, report, { isVerifier }),
    });
  }

  function activityValues(report: DailyReportRow, a: PreparedActivity, seq: number) {
    return {
      reportId: report.id,
      employeeId: report.employeeId,
      date: report.date,
      seq,
      startTime: a.startTime,
      endTime: a.endTime,
      minutes: a.minutes,
      description: a.description,
      rhkId: a.rhkId,
      indicatorId: a.indicatorId,
      outputQuantity: a.outputQuantity,
      outputUnit: a.outputUnit,
    };
  }

  /** Marks the day submitted to the atasan of its date, with audit and live event, inside `tx`. */
  async function applySubmit(tx: Tx, report: DailyReportRow, verifierId: number | null, ctx: RequestContext): Promise<DailyReportRow> {
    const resubmission = report.firstSubmittedAt !== null;
    await tx
      .update(dailyActivities)
      .set({ status: 'PENDING', updatedAt: sql`now()` })
      .where(and(eq(dailyActivities.reportId, report.id), ne(dailyActivities.status, 'VERIFIED')));
    const now = clock.now();
    const updated = await dailyReportsRepository(tx).update(report.id, {
      status: 'SUBMITTED',
      submittedAt: now,
      firstSubmittedAt: report.firstSubmittedAt ?? now,
      verifierEmployeeId: verifierId,
      decidedAt: null,
      decidedByEmployeeId: null,
    });
    await recordAudit(tx, ctx, {
      action: resubmission ? 'daily_report.resubmit' : 'daily_report.submit',
      entityType: 'daily_report',
      entityId: report.id,
      instansiId: report.instansiId,
      oldValues: { status: report.status },
      newValues: { status: 'SUBMITTED', date: report.date, totalMinutes: updated.totalMinutes, verifierEmployeeId: verifierId },
    });
    await publishEvent(tx, {
      instansiId: report.instansiId,
      type: 'daily_report.submitted',
      subjectEmployeeIds: [report.employeeId],
      payload: {
        reportId: report.id,
        employeeId: report.employeeId,
        date: report.date,
        status: 'SUBMITTED',
        totalMinutes: updated.totalMinutes,
        activityCount: updated.activityCount,
        resubmission,
      },
    });
    return updated;
  }

  function auditActivities(list: readonly PreparedActivity[]) {
    return list.map((a) => ({
      description: a.description,
      minutes: a.minutes,
      rhkId: a.rhkId,
      indicatorId: a.indicatorId,
      outputQuantity: a.outputQuantity,
      outputUnit: a.outputUnit,
      evidenceIds: a.evidenceIds,
    }));
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
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;
      const holidays = await deps.calendar.holidays(me.instansiId);
      const problem = dateProblem(body.date, holidays, 'body.date');
      if (problem) throw validation([problem]);
      const prepared = prepareActivities(body.activities);
      checkDay(prepared);
      if (body.submit && prepared.length === 0) throw validation([{ path: 'body.activities', code: 'NO_ACTIVITIES' }]);
      await checkReferences(me, body.date, prepared);
      const [unit, verifierId] = await Promise.all([repo.unitOn(me.employeeId, body.date), verifierOf(me.employeeId, body.date)]);

      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
        const { report, created } = await r.insertOrGet({
          instansiId: me.instansiId,
          employeeId: me.employeeId,
          date: body.date,
          unitId: unit.unitId,
          opdId: unit.opdId,
        });
        if (!created && !isEditableByOwner(report.status)) {
          throw conflict([{ path: 'body.date', code: 'REPORT_LOCKED' }]);
        }
        const existing = created ? [] : await r.activities([report.id]);
        const existingPrepared = existing.map((a) => fromRow(a, []));
        checkDay([...existingPrepared, ...prepared], 'body.activities', existing.length);
        const inserted = await r.insertActivities(prepared.map((a, i) => activityValues(report, a, existing.length + i + 1)));
        await r.replaceEvidenceLinks(inserted.map((row, i) => ({ activityId: row.id, evidenceIds: prepared[i]?.evidenceIds ?? [] })));
        let current = await r.update(report.id, {
          totalMinutes: [...existingPrepared, ...prepared].reduce((s, a) => s + a.minutes, 0),
          activityCount: existing.length + prepared.length,
        });
        await recordAudit(tx, ctx, {
          action: created ? 'daily_report.create' : 'daily_report.add_activities',
          entityType: 'daily_report',
          entityId: report.id,
          instansiId: me.instansiId,
          newValues: { date: body.date, activities: auditActivities(prepared) },
        });
        if (body.submit) current = await applySubmit(tx, current, verifierId, ctx);
        return { status: created ? 201 : 200, body: { dailyReport: await view(tx, current, actor, false) } };
      });
    },

    /** Replaces the activity list of an editable report (verified activities must stay as they are). */
    async replace(actor: Actor, id: number, body: ReplaceActivitiesBody, key: string | undefined, ctx: RequestContext) {
      const { me, report } = await loadOwn(actor, id);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: me.userId, key, fingerprint: { op: 'daily_report.replace', id, request } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;
      if (!can(actor, 'edit', report, { isVerifier: false })) throw forbidden();
      const prepared = prepareActivities(body.activities);
      checkDay(prepared);
      if (body.submit && prepared.length === 0) throw validation([{ path: 'body.activities', code: 'NO_ACTIVITIES' }]);
      if (body.submit && report.firstSubmittedAt === null) {
        const problem = dateProblem(report.date, await deps.calendar.holidays(me.instansiId), 'body.submit');
        if (problem) throw validation([problem]);
      }
      await checkReferences(me, report.date, prepared);
      const verifierId = body.submit ? await verifierOf(me.employeeId, report.date) : null;

      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
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
          const { reportId: _r, employeeId: _e, date: _d, ...values } = activityValues(locked, a, i + 1);
          await r.updateActivity(s.row.id, same ? { seq: i + 1 } : { ...values, status: 'PENDING' });
          if (!same) changedLinks.push({ activityId: s.row.id, evidenceIds: a.evidenceIds });
        }
        const inserted = await r.insertActivities(fresh.map((f) => activityValues(locked, f.a, f.seq)));
        inserted.forEach((row, i) => changedLinks.push({ activityId: row.id, evidenceIds: fresh[i]?.a.evidenceIds ?? [] }));
        await r.replaceEvidenceLinks(changedLinks);
        let current = await r.update(id, {
          totalMinutes: prepared.reduce((s, a) => s + a.minutes, 0),
          activityCount: prepared.length,
        });
        await recordAudit(tx, ctx, {
          action: 'daily_report.update',
          entityType: 'daily_report',
          entityId: id,
          instansiId: me.instansiId,
          oldValues: { activities: [...stored.values()].map((s) => auditActivities([s.prepared])[0]) },
          newValues: { activities: auditActivities(prepared) },
        });
        if (body.submit) current = await applySubmit(tx, current, verifierId, ctx);
        return { status: 200, body: { dailyReport: await view(tx, current, actor, false) } };
      });
    },

    async submit(actor: Actor, id: number, key: string | undefined, ctx: RequestContext) {
      const { me, report } = await loadOwn(actor, id);
      const idemKey = requireIdempotencyKey(key);
      const idem = { userId: me.userId, key: idemKey, fingerprint: { op: 'daily_report.submit', id } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;
      if (!isEditableByOwner(report.status)) throw conflict([{ path: 'status', code: 'REPORT_LOCKED' }]);
      if (report.activityCount === 0) throw validation([{ path: 'body', code: 'NO_ACTIVITIES' }]);
      if (report.firstSubmittedAt === null) {
        const problem = dateProblem(report.date, await deps.calendar.holidays(me.instansiId), 'body');
        if (problem) throw validation([problem]);
      }
      const verifierId = await verifierOf(me.employeeId, report.date);
      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const locked = await dailyReportsRepository(tx).lockById(id);
        if (!locked || !isEditableByOwner(locked.status)) throw conflict([{ path: 'status', code: 'REPORT_LOCKED' }]);
        const current = await applySubmit(tx, locked, verifierId, ctx);
        return { status: 200, body: { dailyReport: await view(tx, current, actor, false) } };
      });
    },

    /** The atasan of the report's date verifies or returns the day, or single activities. */
    async verify(actor: Actor, id: number, body: VerificationBody, key: string | undefined, ctx: RequestContext) {
      const me = requireEmployee(actor);
      const report = await repo.findById(me.instansiId, id);
      if (!report) throw notFound();
      const verifierId = await verifierOf(report.employeeId, report.date);
      if (verifierId !== me.employeeId || report.employeeId === me.employeeId) return denied(actor, report.employeeId);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: me.userId, key, fingerprint: { op: 'daily_report.verify', id, request } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;

      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
        const locked = await r.lockById(id);
        if (!locked || !canDecide(locked.status)) throw conflict([{ path: 'status', code: 'REPORT_NOT_SUBMITTED' }]);
        const activities = await r.activities([id]);
        const known = new Set(activities.map((a) => a.id));
        const problems: FieldProblem[] = [];
        (body.activities ?? []).forEach((a, i) => {
          if (!known.has(a.id)) problems.push({ path: `body.activities.${i}.id`, code: 'ACTIVITY_UNKNOWN' });
        });
        if (problems.length > 0) throw validation(problems);
        const per = new Map<number, Decision>((body.activities ?? []).map((a) => [a.id, a.decision]));
        const notes = new Map((body.activities ?? []).map((a) => [a.id, a.note || null]));
        const outcome = decideActivities(activities, body.decision, per);
        const dayNote = body.note ? body.note : null;
        const statuses = activities.map((a) => {
          const status = outcome.activities.get(a.id) ?? 'PENDING';
          return { id: a.id, status, note: status === 'RETURNED' ? (notes.get(a.id) ?? dayNote) : null };
        });
        if (statuses.some((s) => s.status === 'RETURNED' && !s.note)) throw validation([{ path: 'body.note', code: 'NOTE_REQUIRED' }]);
        await r.setActivityStatuses(statuses);
        const returned = outcome.day === 'RETURNED';
        const current = await r.update(id, {
          status: outcome.day,
          decidedAt: clock.now(),
          decidedByEmployeeId: me.employeeId,
          verifierEmployeeId: me.employeeId,
          returnNote: returned ? (dayNote ?? statuses.find((s) => s.note)?.note ?? null) : null,
        });
        await recordAudit(tx, ctx, {
          action: returned ? 'daily_report.return' : 'daily_report.verify',
          entityType: 'daily_report',
          entityId: id,
          instansiId: me.instansiId,
          oldValues: { status: locked.status },
          newValues: { status: outcome.day, note: current.returnNote, activities: statuses },
        });
        await publishEvent(tx, {
          instansiId: me.instansiId,
          type: returned ? 'daily_report.returned' : 'daily_report.verified',
          subjectEmployeeIds: [report.employeeId],
          payload: { reportId: id, employeeId: report.employeeId, date: report.date, status: outcome.day, totalMinutes: current.totalMinutes },
        });
        if (returned) {
          await deps.notifications.notifyInTx(tx, [
            {
              instansiId: me.instansiId,
              recipientEmployeeId: report.employeeId,
              type: 'daily_report.returned',
              params: { reportId: id, date: report.date, note: current.returnNote ?? '' },
              link: `/laporan-harian/${id}`,
            },
          ]);
        }
        return { status: 200, body: { dailyReport: await view(tx, current, actor, true) } };
      });
    },

    /** Throws away a draft that was never submitted. Its evidence files stay (audit rows name them). */
    async remove(actor: Actor, id: number, ctx: RequestContext) {
      const { me, report } = await loadOwn(actor, id);
      if (!can(actor, 'delete', report, { isVerifier: false })) throw forbidden();
      await db.transaction(async (tx) => {
        const r = dailyReportsRepository(tx);
        const locked = await r.lockById(id);
        if (!locked || locked.status !== 'DRAFT' || locked.firstSubmittedAt !== null) throw forbidden();
        const activities = await r.activities([id]);
        const links = await r.evidenceLinks(activities.map((a) => a.id));
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
        await r.delete(id);
      });
    },

    async get(actor: Actor, id: number) {
      const me = requireEmployee(actor);
      const report = await repo.findById(me.instansiId, id);
      if (!report) throw notFound();
      const verifierId = await verifierOf(report.employeeId, report.date);
      const isVerifier = verifierId !== null && verifierId === me.employeeId;
      if (!isVerifier && report.employeeId !== me.employeeId) {
        const readable = await access.readableEmployeeIds(actor, [report.employeeId], today());
        if (!readable.has(report.employeeId)) throw notFound();
      }
      return view(db, report, actor, isVerifier);
    },

    async list(actor: Actor, query: z.infer<typeof DailyReportListQuery>) {
      if (actor.instansiId === null) throw notFound();
      const employeeId = query.employeeId ?? actor.employeeId;
      if (employeeId === null) throw forbidden();
      if (employeeId !== actor.employeeId) {
        const readable = await access.readableEmployeeIds(actor, [employeeId], today());
        if (!readable.has(employeeId)) throw notFound();
      }
      const conds = [sql`r.instansi_id = ${actor.instansiId}`, sql`r.employee_id = ${employeeId}`];
      if (query.from) conds.push(sql`r.date >= ${query.from}::date`);
      if (query.to) conds.push(sql`r.date <= ${query.to}::date`);
      if (query.status) conds.push(sql`r.status = ${query.status}`);
      const { rows, total } = await repo.summaries(sql.join(conds, sql` and `), {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { dailyReports: rows.map(presentSummary), meta: { page: query.page, pageSize: query.pageSize, total } };
    },

    /** Submitted days waiting for the actor's decision, oldest first. */
    async pending(actor: Actor, limit: number) {
      const me = requireEmployee(actor);
      const { rows } = await repo.summaries(
        sql`r.instansi_id = ${me.instansiId} and r.verifier_employee_id = ${me.employeeId} and r.status = 'SUBMITTED'`,
        { limit, offset: 0, order: 'asc' },
      );
      return { dailyReports: rows.map(presentSummary) };
    },

    /** The dates the actor may report today, with the report of each if there is one. */
    async window(actor: Actor) {
      const me = requireEmployee(actor);
      const on = today();
      const holidays = await deps.calendar.holidays(me.instansiId);
      const dates = reportableDates(on, settings.backdateWorkingDays, holidays);
      const reports = new Map((await repo.byEmployeeDates(me.employeeId, dates)).map((r) => [r.date, r]));
      return {
        today: on,
        backdateWorkingDays: settings.backdateWorkingDays,
        dates: dates.map((date) => {
          const r = reports.get(date);
          return {
            date,
            normMinutes: dailyNormMinutes(date, settings.workHours, holidays),
            report: r ? { id: r.id, status: r.status, totalMinutes: r.totalMinutes } : null,
          };
        }),
      };
    },

    async templates(actor: Actor, limit = 20) {
      const me = requireEmployee(actor);
      const list = await repo.templates(me.employeeId, addDays(today(), -settings.templateDays), limit);
      return { templates: list };
    },
  };
}

export type DailyReportService = ReturnType<typeof createDailyReportService>;
