import { sql } from 'drizzle-orm';
import type { FeedbackAlertDto } from '@pantau/contracts';
import { responseIkm, type IkmWeightVariant } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { alertsRepository, publishFeedbackEvent, type AlertListRow, type AlertRow } from './alerts.repository.js';
import { feedbackPeopleRepository } from './feedback-people.repository.js';
import { requirePlain } from './text.js';
import { type FeedbackScope, loadScope, managedPathSql, managesUnit, subordinateSql } from './feedback-scope.js';

/**
 * Alerts that reached a supervisor (a complaint, or a low survey score, about a unit or a named
 * staff member) and their recorded follow-up. The responsible person is the named staff member's
 * direct supervisor, else the unit head; anyone above them may also record it, the named staff
 * member never.
 */
export function createAlertService({ db, clock, weightVariant }: { db: Db; clock: Clock; weightVariant: IkmWeightVariant }) {
  const repo = alertsRepository(db);
  const today = () => wibDate(clock.now());

  function visibleSql(scope: FeedbackScope) {
    const me = scope.employeeId;
    const notAboutMe = me === null ? sql`true` : sql`fa.subject_employee_id is distinct from ${me}`;
    if (scope.wide || scope.adminAll) return notAboutMe;
    const parts = [
      managedPathSql(scope, sql`u.path`),
      subordinateSql(scope, sql`fa.responsible_employee_id`),
      subordinateSql(scope, sql`fa.subject_employee_id`),
    ];
    if (me !== null) parts.push(sql`fa.responsible_employee_id = ${me}`);
    return sql`(${sql.join(parts, sql` or `)}) and ${notAboutMe}`;
  }

  async function toDtos(list: AlertListRow[]): Promise<FeedbackAlertDto[]> {
    const names = await feedbackPeopleRepository(db).names(
      list.flatMap((a) => [a.subjectEmployeeId, a.responsibleEmployeeId]).filter((id): id is number => id !== null),
    );
    const ref = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
    return list.map((a) => ({
      id: a.id,
      kind: a.kind,
      createdAt: new Date(a.createdAt).toISOString(),
      unit: { id: a.unitId, name: a.unitName },
      subjectEmployee: ref(a.subjectEmployeeId),
      responsibleEmployee: ref(a.responsibleEmployeeId),
      complaint:
        a.complaintId === null ? null : { id: a.complaintId, category: a.complaintCategory ?? '', status: a.complaintStatus ?? '' },
      survey:
        a.surveyAnswers === null
          ? null
          : { ikm: responseIkm(a.surveyAnswers, { weightVariant }), comment: a.surveyComment, servicePointName: a.servicePointName ?? '' },
      followUpNote: a.followUpNote,
      followedUpAt: a.followedUpAt === null ? null : new Date(a.followedUpAt).toISOString(),
    }));
  }

  async function mayFollowUp(scope: FeedbackScope, alert: AlertRow): Promise<boolean> {
    if (scope.employeeId !== null && alert.subjectEmployeeId === scope.employeeId) return false;
    if (alert.responsibleEmployeeId !== null) {
      return alert.responsibleEmployeeId === scope.employeeId || scope.subordinates.has(alert.responsibleEmployeeId);
    }
    const [unit] = await rows<{ path: string }>(db, sql`select path from org_units where id = ${alert.unitId}`);
    return managesUnit(scope, unit?.path);
  }

  return {
    async list(actor: Actor, query: { pending?: boolean; page: number; pageSize: number }) {
      const scope = await loadScope(db, actor, today());
      const conds = [visibleSql(scope)];
      if (query.pending !== false) conds.push(sql`fa.followed_up_at is null`);
      const list = await repo.list(scope.instansiId, sql.join(conds, sql` and `), query.pageSize, (query.page - 1) * query.pageSize);
      return { alerts: await toDtos(list), meta: { page: query.page, pageSize: query.pageSize, total: list[0]?.total ?? 0 } };
    },

    async followUp(actor: Actor, id: number, rawNote: string, ctx: RequestContext) {
      const note = requirePlain(rawNote, 'body.note');
      const scope = await loadScope(db, actor, today());
      const [visible] = await repo.list(scope.instansiId, sql`fa.id = ${id} and ${visibleSql(scope)}`, 1, 0);
      const alert = await repo.find(scope.instansiId, id);
      if (!visible || !alert) throw notFound();
      if (!(await mayFollowUp(scope, alert))) throw forbidden();
      if (alert.followedUpAt !== null) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'id', code: 'ALREADY_FOLLOWED_UP' }]);
      await db.transaction(async (tx) => {
        const row = await alertsRepository(tx).recordFollowUp(id, note, actor.userId, clock.now());
        if (!row) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'id', code: 'ALREADY_FOLLOWED_UP' }]);
        await recordAudit(tx, ctx, { action: 'feedback_alert.follow_up', entityType: 'feedback_alert', entityId: id, newValues: { note } });
        await publishFeedbackEvent(tx, {
          instansiId: scope.instansiId,
          type: 'feedback_alert.followed_up',
          subjectEmployeeIds: [alert.responsibleEmployeeId, alert.subjectEmployeeId].filter((x): x is number => x !== null),
          payload: { alertId: id, kind: alert.kind, unitId: alert.unitId },
        });
      });
      const [after] = await repo.list(scope.instansiId, sql`fa.id = ${id}`, 1, 0);
      if (!after) throw notFound();
      const [dto] = await toDtos([after]);
      if (!dto) throw notFound();
      return dto;
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
