import type { z } from 'zod';
import type { CreateSupervisionRecordBody, SupervisionRecordDto, TeamTodayResponse } from '@pantau/contracts';
import {
  addDays,
  compareIsoDate,
  dailyNormMinutes,
  isWorkingDay,
  normMinutesBetween,
  supervisionAlerts,
  workingDaysBetween,
} from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import type { supervisionRecords } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { publishEvent } from '../realtime/events.repository.js';
import type { HolidayCalendar } from './calendar.js';
import { dailyReportsRepository } from './daily-reports.repository.js';
import type { DailyReportSettings } from './daily-reports.settings.js';
import { requireIdempotencyKey, runIdempotent, storedAnswer } from './idempotency.js';
import { realisationFromDailyReports } from './realisation.js';
import { teamRepository } from './team.repository.js';

export interface TeamDeps {
  db: Db;
  clock: Clock;
  calendar: HolidayCalendar;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  settings: DailyReportSettings;
}

type RecordRow = typeof supervisionRecords.$inferSelect;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function presentRecord(r: RecordRow, names: ReadonlyMap<number, string>): SupervisionRecordDto {
  return {
    id: r.id,
    employeeId: r.employeeId,
    author: { id: r.authorEmployeeId, name: names.get(r.authorEmployeeId) ?? '' },
    kind: r.kind,
    alertKind: r.alertKind,
    heldOn: r.heldOn,
    body: r.body,
    followUp: r.followUp,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The atasan's live team view, the records of what they did about it, and the realisation roll-up. */
export function createTeamService(deps: TeamDeps) {
  const { db, clock, settings } = deps;
  const access = accessRepository(db);
  const org = orgRepository(db);
  const team = teamRepository(db);
  const today = () => wibDate(clock.now());

  function requireEmployee(actor: Actor) {
    if (actor.employeeId === null || actor.instansiId === null) throw forbidden();
    return { employeeId: actor.employeeId, instansiId: actor.instansiId, userId: actor.userId };
  }

  async function requireReadable(actor: Actor, employeeId: number) {
    if (actor.employeeId === employeeId) return;
    const readable = await access.readableEmployeeIds(actor, [employeeId], today());
    if (!readable.has(employeeId)) throw notFound();
  }

  return {
    async teamToday(actor: Actor, scope: 'direct' | 'all'): Promise<TeamTodayResponse> {
      const me = requireEmployee(actor);
      const on = today();
      const [holidays, below] = await Promise.all([deps.calendar.holidays(me.instansiId), access.subordinateIds(me.employeeId, on)]);
      let ids = [...below];
      if (scope === 'direct' && ids.length > 0) {
        const sup = await org.supervisorsOn(ids, on);
        ids = ids.filter((id) => sup.get(id)?.supervisorId === me.employeeId);
      }
      const monthStart = `${on.slice(0, 8)}01`;
      const yesterday = addDays(on, -1);
      const beforeToday = compareIsoDate(monthStart, on) < 0;
      const monthNormMinutes = beforeToday ? normMinutesBetween(monthStart, yesterday, settings.workHours, holidays) : 0;
      const monthWorkingDays = beforeToday ? workingDaysBetween(monthStart, yesterday, holidays) : 0;
      const facts = await team.teamFacts({ instansiId: me.instansiId, ids, today: on, monthStart, verifierId: me.employeeId });
      const members = facts.map((f) => ({
        employeeId: f.employeeId,
        name: f.name,
        nip: f.nip,
        positionName: f.positionName,
        unitName: f.unitName,
        today:
          f.reportId === null || f.status === null
            ? null
            : { reportId: f.reportId, status: f.status, totalMinutes: f.totalMinutes ?? 0, activityCount: f.activityCount ?? 0, submittedAt: iso(f.submittedAt) },
        pendingCount: f.pendingCount,
        oldestPendingDate: f.oldestPendingDate,
        lastReportedDate: f.lastReportedDate,
        monthMinutes: f.monthMinutes,
        alerts: supervisionAlerts(
          {
            lastReportedDate: f.lastReportedDate,
            oldestReturned: f.returnedDate && f.returnedAt ? { date: f.returnedDate, returnedOn: wibDate(new Date(f.returnedAt)) } : null,
            monthMinutes: f.monthMinutes,
            monthNormMinutes,
            monthWorkingDays,
          },
          on,
          f.trackingFrom ?? on,
          holidays,
          settings.alertRules,
        ),
      }));
      return {
        date: on,
        isWorkingDay: isWorkingDay(on, holidays),
        normMinutes: dailyNormMinutes(on, settings.workHours, holidays),
        monthNormMinutes,
        summary: {
          members: members.length,
          reportedToday: members.filter((m) => m.today !== null && m.today.status !== 'DRAFT').length,
          pendingVerifications: members.reduce((s, m) => s + m.pendingCount, 0),
          withAlerts: members.filter((m) => m.alerts.length > 0).length,
        },
        members,
      };
    },

    /** A note, pembinaan or dialog kinerja record by an atasan in the employee's chain. */
    async createRecord(
      actor: Actor,
      employeeId: number,
      body: z.infer<typeof CreateSupervisionRecordBody>,
      key: string | undefined,
      ctx: RequestContext,
    ) {
      const me = requireEmployee(actor);
      const idemKey = requireIdempotencyKey(key);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: me.userId, key: idemKey, fingerprint: { op: 'supervision.create', employeeId, request } };
      const stored = await storedAnswer<{ supervisionRecord: SupervisionRecordDto }>(db, idem);
      if (stored) return stored;
      const on = today();
      const chain = await access.subordinateIds(me.employeeId, on);
      if (!chain.has(employeeId)) {
        await requireReadable(actor, employeeId);
        throw forbidden();
      }
      return runIdempotent<{ supervisionRecord: SupervisionRecordDto }>(db, idem, async (tx) => {
        const row = await teamRepository(tx).insertRecord({
          instansiId: me.instansiId,
          employeeId,
          authorEmployeeId: me.employeeId,
          kind: body.kind,
          alertKind: body.alertKind ?? null,
          heldOn: body.heldOn ?? on,
          body: body.body,
          followUp: body.followUp ? body.followUp : null,
        });
        await recordAudit(tx, ctx, {
          action: 'supervision.record',
          entityType: 'supervision_record',
          entityId: row.id,
          instansiId: me.instansiId,
          newValues: { employeeId, kind: row.kind, alertKind: row.alertKind, heldOn: row.heldOn },
        });
        await deps.notifications.notifyInTx(tx, [
          {
            instansiId: me.instansiId,
            recipientEmployeeId: employeeId,
            type: 'supervision.recorded',
            params: { recordId: row.id, kind: row.kind, authorName: actor.name, excerpt: row.body.slice(0, 140) },
            link: '/catatan-atasan',
          },
        ]);
        await publishEvent(tx, {
          instansiId: me.instansiId,
          type: 'supervision.recorded',
          subjectEmployeeIds: [employeeId],
          payload: { recordId: row.id, employeeId, kind: row.kind },
        });
        const names = await dailyReportsRepository(tx).names([me.employeeId]);
        return { status: 201, body: { supervisionRecord: presentRecord(row, names) } };
      });
    },

    async listRecords(actor: Actor, employeeId: number) {
      const me = requireEmployee(actor);
      await requireReadable(actor, employeeId);
      const list = await team.records(me.instansiId, employeeId, 200);
      const names = await dailyReportsRepository(db).names(list.map((r) => r.authorEmployeeId));
      return { supervisionRecords: list.map((r) => presentRecord(r, names)) };
    },

    async realisation(actor: Actor, employeeId: number, from: string, to: string) {
      requireEmployee(actor);
      await requireReadable(actor, employeeId);
      return { realisation: await realisationFromDailyReports(db, employeeId, from, to) };
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
