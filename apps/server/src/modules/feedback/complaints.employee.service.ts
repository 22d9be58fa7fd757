import { sql } from 'drizzle-orm';
import type { ComplaintCategory } from '@pantau/contracts';
import { addDays, addWorkingDays, compareIsoDate, toWibDate } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { publishFeedbackEvent } from './alerts.repository.js';
import { complaintsRepository } from './complaints.repository.js';
import type { ComplaintService } from './complaints.service.js';
import { loadScope, requireInstansi } from './feedback-scope.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { holidayDates } from './holidays-2026.js';
import { cleanOptional } from './text.js';

const VERIFIED = sql`c.status in ('DIVERIFIKASI', 'DIDISPOSISIKAN', 'DITINDAKLANJUTI', 'SELESAI')`;

interface MyRow {
  id: number;
  category: string;
  status: 'DIVERIFIKASI' | 'DIDISPOSISIKAN' | 'DITINDAKLANJUTI' | 'SELESAI';
  description: string;
  receivedOn: string;
  servicePointName: string | null;
  unitName: string;
  acknowledgedAt: Date | null;
  response: string | null;
  evidenceAttached: boolean;
}

/**
 * The named employee's side and the evidence for their evaluation. The employee sees a verified
 * complaint about them — the redacted text when the verifier wrote one, never the complainant,
 * never the attachments — and may answer it. Their supervisor may then attach it as evidence for
 * "Berorientasi Pelayanan": only after the employee has seen it and answered, or let the answer
 * window pass.
 */
export function createEmployeeComplaintService(deps: { db: Db; clock: Clock; settings: FeedbackSettings; complaints: ComplaintService }) {
  const { db, clock, settings } = deps;
  const repo = complaintsRepository(db);

  async function mine(employeeId: number, id?: number): Promise<MyRow[]> {
    return rows<MyRow>(
      db,
      sql`select c.id, c.category, c.status, coalesce(c.redacted_description, c.description) as description,
                 c.received_on::text as "receivedOn", sp.name as "servicePointName", u.name as "unitName",
                 r.acknowledged_at as "acknowledgedAt", r.response,
                 exists (select 1 from feedback_evidence fe where fe.complaint_id = c.id) as "evidenceAttached"
          from complaints c join org_units u on u.id = c.unit_id
          left join service_points sp on sp.id = c.service_point_id
          left join complaint_responses r on r.complaint_id = c.id
          where c.subject_employee_id = ${employeeId} and ${VERIFIED} ${id === undefined ? sql`` : sql`and c.id = ${id}`}
          order by c.received_on desc, c.id desc`,
    );
  }

  const toDto = (r: MyRow) => ({
    id: r.id,
    category: r.category as ComplaintCategory,
    status: r.status,
    description: r.description,
    receivedOn: r.receivedOn,
    servicePointName: r.servicePointName,
    unitName: r.unitName,
    acknowledgedAt: r.acknowledgedAt === null ? null : new Date(r.acknowledgedAt).toISOString(),
    response: r.response,
    evidenceAttached: r.evidenceAttached,
  });

  return {
    async mine(actor: Actor) {
      requireInstansi(actor);
      if (actor.employeeId === null) return [];
      return (await mine(actor.employeeId)).map(toDto);
    },

    /** "I have read it", with an optional answer; the answer may be changed until it is evidence. */
    async acknowledge(actor: Actor, id: number, rawResponse: string | undefined, ctx: RequestContext) {
      if (actor.employeeId === null) throw notFound();
      const employeeId = actor.employeeId;
      const [row] = await mine(employeeId, id);
      if (!row) throw notFound();
      if (row.evidenceAttached) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'body.response', code: 'EVIDENCE_EXISTS' }]);
      const response = cleanOptional(rawResponse);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await complaintsRepository(tx).upsertResponse(id, employeeId, now, response);
        await recordAudit(tx, ctx, {
          action: 'complaint.employee_response',
          entityType: 'complaint',
          entityId: id,
          newValues: { acknowledged: true, response },
        });
      });
      const [after] = await mine(employeeId, id);
      if (!after) throw notFound();
      return toDto(after);
    },

    async attachEvidence(actor: Actor, id: number, rawNote: string | undefined, ctx: RequestContext) {
      const scope = await loadScope(db, actor, wibDate(clock.now()));
      const row = await deps.complaints.visibleRow(scope, id);
      const subject = row.subjectEmployeeId;
      if (subject === null || !scope.subordinates.has(subject)) throw forbidden();
      if (row.status === 'DITERIMA' || row.status === 'DITOLAK') {
        throw new AppError(409, 'CONFLICT', undefined, [{ path: 'id', code: 'EVIDENCE_NOT_VERIFIED' }]);
      }
      if (await repo.evidence(id)) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'id', code: 'EVIDENCE_EXISTS' }]);
      const response = await repo.response(id);
      const seenOn = response ? toWibDate(response.acknowledgedAt) : null;
      const holidays = seenOn === null ? new Set<string>() : await holidayDates(db, scope.instansiId, seenOn, addDays(seenOn, 120));
      const windowOver = seenOn !== null && compareIsoDate(scope.date, addWorkingDays(seenOn, settings.responseWindowWorkingDays, holidays)) > 0;
      if (!response || (response.response === null && !windowOver)) {
        throw new AppError(409, 'CONFLICT', undefined, [{ path: 'id', code: 'EVIDENCE_AWAITS_EMPLOYEE' }]);
      }
      const note = cleanOptional(rawNote);
      const now = clock.now();
      const evidence = await db.transaction(async (tx) => {
        const created = await complaintsRepository(tx).addEvidence({
          instansiId: scope.instansiId,
          complaintId: id,
          employeeId: subject,
          note,
          attachedByUserId: actor.userId,
          attachedAt: now,
        });
        await recordAudit(tx, ctx, { action: 'complaint.evidence', entityType: 'feedback_evidence', entityId: created.id, newValues: { complaintId: id, employeeId: subject, note } });
        await publishFeedbackEvent(tx, {
          instansiId: scope.instansiId,
          type: 'complaint.evidence_attached',
          subjectEmployeeIds: [subject],
          payload: { complaintId: id, employeeId: subject, aspect: created.aspect },
        });
        return created;
      });
      return { id: evidence.id, complaintId: id, employeeId: subject, aspect: evidence.aspect, attachedAt: evidence.attachedAt.toISOString(), note: evidence.note };
    },

    /** Evidence from complaints for one employee: themself, their chain above, admins. */
    async evidenceOf(actor: Actor, employeeId: number) {
      const date = wibDate(clock.now());
      const visible = await accessRepository(db).readableEmployeeIds(actor, [employeeId], date);
      if (!visible.has(employeeId)) throw notFound();
      return (await repo.evidenceOf(employeeId)).map((e) => ({
        ...e,
        category: e.category as ComplaintCategory,
        attachedAt: new Date(e.attachedAt).toISOString(),
      }));
    },
  };
}

export type EmployeeComplaintService = ReturnType<typeof createEmployeeComplaintService>;
