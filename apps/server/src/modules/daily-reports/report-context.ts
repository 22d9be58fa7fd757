import { and, eq, ne, sql } from 'drizzle-orm';
import type { CreateDailyReportBody, DailyReportDto } from '@pantau/contracts';
import { dailyNormMinutes, reportDateProblem } from '@pantau/domain';
import type { Db, DbOrTx, Tx } from '../../db/open-db.js';
import { dailyActivities } from '../../db/schema/index.js';
import { forbidden, notFound, validation, type FieldProblem } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import type { AuditEvent } from '../audit/audit.repository.js';
import { hasAnyRole, type Actor } from '../auth/actor.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { publishEvent } from '../realtime/events.repository.js';
import { checkDay, prepareActivities, type PreparedActivity } from './activity-input.js';
import type { HolidayCalendar } from './calendar.js';
import { dailyReportsRepository, type ActivityRow, type DailyReportRow, type EvidenceRow } from './daily-reports.repository.js';
import type { DailyReportSettings } from './daily-reports.settings.js';
import { abilitiesFor } from './daily-reports.policy.js';
import { presentReport } from './daily-reports.presenter.js';
import { skpLinksRepository } from './skp-links.js';

export interface DailyReportDeps {
  db: Db;
  clock: Clock;
  calendar: HolidayCalendar;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  settings: DailyReportSettings;
}

export type CreatedBody = { dailyReport: DailyReportDto };

export interface Me {
  employeeId: number;
  instansiId: number;
  userId: number;
}

export function requireEmployee(actor: Actor): Me {
  if (actor.employeeId === null || actor.instansiId === null) throw forbidden();
  return { employeeId: actor.employeeId, instansiId: actor.instansiId, userId: actor.userId };
}

/** Admin roles that verify the days of people with no atasan on the date (top of the chain). */
const TOP_OF_CHAIN_VERIFIERS = ['ADMIN_BKPSDM', 'ADMIN_OPD'] as const;

/**
 * What the daily-report operations share: who verifies a day, the read-back view, the checks of
 * dates and references, and the submit step. One instance per service.
 */
export function createReportContext(deps: DailyReportDeps) {
  const { db, clock, settings } = deps;
  const access = accessRepository(db);
  const org = orgRepository(db);
  const today = () => wibDate(clock.now());

  async function verifierOf(employeeId: number, date: string): Promise<number | null> {
    return (await org.supervisorsOn([employeeId], date)).get(employeeId)?.supervisorId ?? null;
  }

  /**
   * Whether the actor decides this day: the atasan of its date; or, when the employee has no
   * atasan on that date (top of the chain), an ADMIN_BKPSDM or an ADMIN_OPD who administers the
   * employee (decision 0005, "Who verifies"). Never the employee.
   */
  async function isDecider(actor: Actor, report: Pick<DailyReportRow, 'employeeId' | 'date'>): Promise<boolean> {
    if (actor.employeeId !== null && actor.employeeId === report.employeeId) return false;
    const verifierId = await verifierOf(report.employeeId, report.date);
    if (verifierId !== null) return actor.employeeId === verifierId;
    if (!hasAnyRole(actor, TOP_OF_CHAIN_VERIFIERS)) return false;
    return (await access.readableEmployeeIds(actor, [report.employeeId], today())).has(report.employeeId);
  }

  /** 404 when the actor may not even see the report's owner, else 403. */
  async function denied(actor: Actor, employeeId: number): Promise<never> {
    const readable = await access.readableEmployeeIds(actor, [employeeId], today());
    throw readable.has(employeeId) ? forbidden() : notFound();
  }

  async function loadOwn(actor: Actor, id: number): Promise<{ me: Me; report: DailyReportRow }> {
    const me = requireEmployee(actor);
    const report = await dailyReportsRepository(db).findById(me.instansiId, id);
    if (!report) throw notFound();
    if (report.employeeId !== me.employeeId) return denied(actor, report.employeeId);
    return { me, report };
  }

  function dateProblem(date: string, holidays: ReadonlySet<string>, path: string): FieldProblem | null {
    const problem = reportDateProblem(date, today(), settings.backdateWorkingDays, holidays);
    return problem ? { path, code: `REPORT_DATE_${problem}`, params: { days: settings.backdateWorkingDays } } : null;
  }

  /**
   * The checks of POST /api/daily-reports before anything is written: the date is in the window,
   * the activities are well formed and do not overlap, a submitted day has some. Returns them
   * prepared (references are checked separately, `checkReferences`).
   */
  async function checkNewDay(me: Me, body: CreateDailyReportBody): Promise<PreparedActivity[]> {
    const problem = dateProblem(body.date, await deps.calendar.holidays(me.instansiId), 'body.date');
    if (problem) throw validation([problem]);
    const prepared = prepareActivities(body.activities);
    checkDay(prepared);
    if (body.submit && prepared.length === 0) throw validation([{ path: 'body.activities', code: 'NO_ACTIVITIES' }]);
    return prepared;
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

  /**
   * The report as JSON. Rows the caller already holds (the activities it just wrote; no evidence
   * on a day it just created without any) are passed in, so they are not read again.
   */
  async function view(
    dbx: DbOrTx,
    report: DailyReportRow,
    actor: Actor,
    isVerifier: boolean,
    known: {
      activities?: readonly ActivityRow[];
      evidence?: ReadonlyArray<{ activityId: number; evidence: EvidenceRow }>;
      names?: ReadonlyMap<number, string>;
    } = {},
  ) {
    const r = dailyReportsRepository(dbx);
    const activities = known.activities ?? (await r.activities([report.id]));
    const [evidence, names, holidays] = await Promise.all([
      known.evidence ?? r.evidenceLinks(activities.map((a) => a.id)),
      known.names ?? r.names([report.employeeId, report.decidedByEmployeeId ?? 0, report.verifierEmployeeId ?? 0].filter((x) => x > 0)),
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

  /**
   * Marks the day submitted to the atasan of its date (with `totals` in the same UPDATE), queues
   * the audit row in `audit` (written last by the caller) and publishes the live event, inside
   * `tx`. `onlyPending`: every activity of the day was just inserted (PENDING), so there is no
   * status to reset.
   */
  async function applySubmit(
    tx: Tx,
    report: DailyReportRow,
    verifierId: number | null,
    audit: AuditEvent[],
    opts: { totals?: { totalMinutes: number; activityCount: number }; onlyPending?: boolean } = {},
  ): Promise<DailyReportRow> {
    const resubmission = report.firstSubmittedAt !== null;
    if (!opts.onlyPending) {
      await tx
        .update(dailyActivities)
        .set({ status: 'PENDING', updatedAt: sql`now()` })
        .where(and(eq(dailyActivities.reportId, report.id), ne(dailyActivities.status, 'VERIFIED')));
    }
    const now = clock.now();
    const updated = await dailyReportsRepository(tx).update(report.id, {
      ...opts.totals,
      status: 'SUBMITTED',
      submittedAt: now,
      firstSubmittedAt: report.firstSubmittedAt ?? now,
      verifierEmployeeId: verifierId,
      decidedAt: null,
      decidedByEmployeeId: null,
    });
    audit.push({
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

  return {
    db,
    clock,
    settings,
    calendar: deps.calendar,
    notifications: deps.notifications,
    access,
    today,
    verifierOf,
    isDecider,
    denied,
    loadOwn,
    dateProblem,
    checkNewDay,
    checkReferences,
    view,
    activityValues,
    auditActivities,
    applySubmit,
  };
}

export type ReportContext = ReturnType<typeof createReportContext>;
