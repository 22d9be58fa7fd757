import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplaintDetail, ComplaintListQuery, ComplaintTransitionBody } from '@pantau/contracts';
import { addDays, canTransition } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { AppError, forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit, recordRead } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { publishFeedbackEvent } from './alerts.repository.js';
import { queueComplainantNotices } from './complainant-notices.js';
import { complaintsRepository, type ComplaintListRow } from './complaints.repository.js';
import { abilitiesFor, mayReveal, mayTransition, toSummary } from './complaints.presenter.js';
import { cleanTransition, historyNote, transitionPatch } from './complaints.workflow.js';
import { feedbackPeopleRepository } from './feedback-people.repository.js';
import { type FeedbackScope, loadScope, managedPathSql, subordinateSql } from './feedback-scope.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { holidayDates } from './holidays-2026.js';

/**
 * Complaints for officials. Visible: the whole instansi for BKPSDM, inspektorat and pimpinan;
 * complaints about or forwarded to a unit the actor administers or heads; complaints naming
 * someone below the actor; complaints escalated to the actor or below them. A complaint about
 * the actor themself is never visible here (they see it, without the complainant, under /api/me).
 */
export function createComplaintService({ db, clock, settings }: { db: Db; clock: Clock; settings: FeedbackSettings }) {
  const repo = complaintsRepository(db);
  const today = () => wibDate(clock.now());

  function visibleSql(scope: FeedbackScope): SQL {
    const me = scope.employeeId;
    const notAboutMe = me === null ? sql`true` : sql`c.subject_employee_id is distinct from ${me}`;
    if (scope.wide || scope.adminAll) return notAboutMe;
    const parts = [
      managedPathSql(scope, sql`u.path`),
      managedPathSql(scope, sql`hu.path`),
      subordinateSql(scope, sql`c.subject_employee_id`),
      subordinateSql(scope, sql`c.escalated_to_employee_id`),
    ];
    if (me !== null) parts.push(sql`c.escalated_to_employee_id = ${me}`);
    return sql`(${sql.join(parts, sql` or `)}) and ${notAboutMe}`;
  }

  async function visibleRow(scope: FeedbackScope, id: number): Promise<ComplaintListRow> {
    const [row] = await repo.list(scope.instansiId, sql`c.id = ${id} and ${visibleSql(scope)}`, 1, 0);
    if (!row) throw notFound();
    return row;
  }

  const nameIds = (list: ComplaintListRow[]) =>
    list.flatMap((r) => [r.subjectEmployeeId, r.escalatedToEmployeeId]).filter((x): x is number => x !== null);

  return {
    visibleSql,
    visibleRow,

    async list(actor: Actor, query: z.infer<typeof ComplaintListQuery>) {
      const scope = await loadScope(db, actor, today());
      const conds = [visibleSql(scope)];
      if (query.status) conds.push(sql`c.status = ${query.status}`);
      if (query.category) conds.push(sql`c.category = ${query.category}`);
      if (query.servicePointId) conds.push(sql`c.service_point_id = ${query.servicePointId}`);
      if (query.overdue === true) {
        conds.push(sql`c.status in ('DITERIMA', 'DIVERIFIKASI', 'DIDISPOSISIKAN') and c.due_on < ${scope.date}::date`);
      }
      if (query.unitId) {
        const [unit] = await rows<{ path: string }>(db, sql`select path from org_units where id = ${query.unitId} and instansi_id = ${scope.instansiId}`);
        if (!unit) throw validation([{ path: 'querystring.unitId', code: 'UNIT_UNKNOWN' }]);
        const like = `${unit.path}%`;
        conds.push(sql`(u.path like ${like} or hu.path like ${like})`);
      }
      if (query.q) {
        const like = `%${query.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
        conds.push(sql`(c.tracking_code = ${query.q.toUpperCase()} or c.description ilike ${like})`);
      }
      const list = await repo.list(scope.instansiId, sql.join(conds, sql` and `), query.pageSize, (query.page - 1) * query.pageSize);
      const names = await feedbackPeopleRepository(db).names(nameIds(list));
      return {
        complaints: list.map((r) => toSummary(r, names, scope.date)),
        meta: { page: query.page, pageSize: query.pageSize, total: list[0]?.total ?? 0 },
      };
    },

    async detail(actor: Actor, id: number): Promise<ComplaintDetail> {
      const scope = await loadScope(db, actor, today());
      const row = await visibleRow(scope, id);
      const full = await repo.byId(scope.instansiId, id);
      if (!full) throw notFound();
      const [history, attachments, response, evidence] = await Promise.all([
        repo.history(id),
        repo.attachments(id),
        repo.response(id),
        repo.evidence(id),
      ]);
      const names = await feedbackPeopleRepository(db).names([...nameIds([row]), ...history.map((h) => h.employeeId).filter((x): x is number => x !== null)]);
      return {
        ...toSummary(row, names, scope.date),
        description: full.description,
        redactedDescription: full.redactedDescription,
        rejectionReason: full.rejectionReason,
        receivedOn: full.receivedOn,
        verifyDueOn: full.verifyDueOn,
        followUpDueOn: full.followUpDueOn,
        lastFollowUpOn: full.lastFollowUpOn,
        closedOn: full.closedOn,
        reopenCount: full.reopenCount,
        attachmentList: attachments,
        history: history.map((h) => ({
          id: h.id,
          at: new Date(h.at).toISOString(),
          kind: h.kind,
          fromStatus: h.fromStatus,
          toStatus: h.toStatus,
          actorKind: h.actorKind,
          // The complainant's steps are never attributed to a person.
          actorName: h.actorKind === 'PETUGAS' ? h.actorName : null,
          unit: h.unitId === null ? null : { id: h.unitId, name: h.unitName ?? '' },
          employee: h.employeeId === null ? null : { id: h.employeeId, name: names.get(h.employeeId) ?? '' },
          note: h.note,
          visibleToComplainant: h.visibleToComplainant,
        })),
        employeeResponse: response
          ? {
              acknowledgedAt: response.acknowledgedAt.toISOString(),
              response: response.response,
              respondedAt: response.respondedAt?.toISOString() ?? null,
            }
          : null,
        evidence: evidence ? { attachedAt: evidence.attachedAt.toISOString(), note: evidence.note } : null,
        abilities: abilitiesFor(scope, row, evidence !== undefined),
      };
    },

    async transition(actor: Actor, id: number, rawBody: ComplaintTransitionBody, ctx: RequestContext) {
      const scope = await loadScope(db, actor, today());
      const row = await visibleRow(scope, id);
      if (!canTransition(row.status, rawBody.to)) {
        throw new AppError(409, 'CONFLICT', undefined, [{ path: 'body.to', code: 'TRANSITION_NOT_ALLOWED', params: { from: row.status, to: rawBody.to } }]);
      }
      if (!mayTransition(scope, row, rawBody.to)) throw forbidden();
      const body = cleanTransition(rawBody);
      if ((body.to === 'DITOLAK' && body.reason === '') || (body.to === 'DITINDAKLANJUTI' && body.note === '')) {
        throw validation([{ path: body.to === 'DITOLAK' ? 'body.reason' : 'body.note', code: 'TEXT_TOO_SHORT', params: { minimum: 1 } }]);
      }
      let targetHead: number | null = null;
      if (body.to === 'DIDISPOSISIKAN') {
        const [unit] = await rows<{ id: number }>(db, sql`select id from org_units where id = ${body.unitId} and instansi_id = ${scope.instansiId} and active`);
        if (!unit) throw validation([{ path: 'body.unitId', code: 'UNIT_UNKNOWN' }]);
        targetHead = (await feedbackPeopleRepository(db).unitHeads([body.unitId], scope.date)).get(body.unitId) ?? null;
      }
      const full = await repo.byId(scope.instansiId, id);
      if (!full) throw notFound();
      const now = clock.now();
      const holidays = await holidayDates(db, scope.instansiId, addDays(full.receivedOn, -7), addDays(scope.date, 400));
      const patch = transitionPatch(full, body, { today: scope.date, now, holidays, sla: settings.sla });
      const { note, visibleToComplainant } = historyNote(body);
      await db.transaction(async (tx) => {
        const txRepo = complaintsRepository(tx);
        const updated = await txRepo.update(id, full.status, patch);
        if (!updated) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'body.to', code: 'TRANSITION_NOT_ALLOWED', params: { from: full.status, to: body.to } }]);
        await txRepo.addHistory([
          {
            complaintId: id,
            at: now,
            kind: body.to,
            fromStatus: full.status,
            toStatus: body.to,
            actorKind: 'PETUGAS',
            actorUserId: actor.userId,
            actorName: actor.name,
            unitId: body.to === 'DIDISPOSISIKAN' ? body.unitId : null,
            note,
            visibleToComplainant,
          },
        ]);
        const { updatedAt: _u, ...changed } = patch;
        await recordAudit(tx, ctx, {
          action: `complaint.${body.to.toLowerCase()}`,
          entityType: 'complaint',
          entityId: id,
          oldValues: { status: full.status },
          newValues: { ...changed, note },
        });
        if (body.to === 'DITOLAK' || body.to === 'DITINDAKLANJUTI' || body.to === 'SELESAI') {
          await queueComplainantNotices(tx, settings.complainantChannels, { complaintId: id, instansiId: scope.instansiId, kind: body.to });
        }
        if (body.to === 'DIDISPOSISIKAN' && targetHead !== null) {
          await publishFeedbackEvent(tx, {
            instansiId: scope.instansiId,
            type: 'complaint.disposed',
            subjectEmployeeIds: [targetHead],
            payload: { complaintId: id, category: full.category, unitId: body.unitId, dueOn: patch.dueOn },
          });
        }
      });
      return this.detail(actor, id);
    },

    /** The complainant's contact: never for an anonymous complaint; administrators only; logged. */
    async complainant(actor: Actor, id: number, ctx: RequestContext) {
      const scope = await loadScope(db, actor, today());
      const row = await visibleRow(scope, id);
      if (!mayReveal(scope, row)) throw forbidden();
      await recordRead(db, ctx, { entityType: 'complaint_contact', entityId: id, instansiId: scope.instansiId, purpose: 'verifikasi pengaduan' });
      const contact = await repo.revealContact(id);
      return { name: contact?.name ?? null, phone: contact?.phone ?? null, email: contact?.email ?? null };
    },

    async attachment(actor: Actor, id: number, attachmentId: number, ctx: RequestContext) {
      const scope = await loadScope(db, actor, today());
      await visibleRow(scope, id);
      const file = await repo.attachmentContent(id, attachmentId);
      if (!file) throw notFound();
      await recordRead(db, ctx, { entityType: 'complaint_attachment', entityId: attachmentId, instansiId: scope.instansiId });
      return { fileName: file.fileName, mimeType: file.mimeType, data: Buffer.from(file.contentBase64, 'base64') };
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
