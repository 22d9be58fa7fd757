import type { z } from 'zod';
import type { CompletionBody, EnrolmentDto } from '@pantau/contracts';
import { attendanceNeeded, canMoveEnrolment, sessionLength, type Berakhlak } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { publishEvent } from '../realtime/events.repository.js';
import { catalogueRepository } from './catalogue.repository.js';
import type { Certificates } from './certificates.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import type { EnrolmentViews } from './enrolments.view.js';
import { closeNeedsInTx } from './needs.sync.js';
import { instansiOf, trainingAccess } from './training.access.js';
import { conflictOn, invalidOn, type TrainingCtx } from './training.messages.js';
import { sessionState } from './training.presenter.js';
import type { TrainingSettings } from './training.settings.js';

export interface CompletionDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  certificates: Certificates;
  view: EnrolmentViews;
  settings: Pick<TrainingSettings, 'attendanceShare'>;
}

/**
 * Completion (issue 6 §2): after the session an organiser marks a participant completed, with
 * the certificate, once they attended enough days (80 % unless configured); only then do the course's JP count, and
 * the open needs the course develops close. Nobody completes their own place.
 */
export function createCompletionService(deps: CompletionDeps) {
  const { db, clock } = deps;
  const cat = catalogueRepository(db);
  const repo = enrolmentsRepository(db);
  const access = trainingAccess(db, clock);

  async function load(ctx: TrainingCtx, id: number) {
    const row = await repo.find(instansiOf(ctx), id);
    if (!row) throw notFound();
    const manage = (await access.managedCourses(ctx.actor, await cat.organisersOf([row.courseId]))).has(row.courseId);
    return { row, manage };
  }

  return {
    async complete(ctx: TrainingCtx, id: number, body: z.infer<typeof CompletionBody>): Promise<EnrolmentDto> {
      const { row, manage } = await load(ctx, id);
      if (!manage) {
        const readable = row.employeeId === ctx.actor.employeeId || (await access.readable(ctx.actor, [row.employeeId])).has(row.employeeId);
        throw readable ? forbidden() : notFound();
      }
      if (row.employeeId === ctx.actor.employeeId) throw forbidden();
      if (!canMoveEnrolment(row.status, body.outcome)) throw conflictOn(ctx.locale, 'status', 'NOT_COMPLETABLE');
      const session = await cat.findSession(row.instansiId, row.sessionId);
      const course = await cat.findCourse(row.instansiId, row.courseId);
      if (!session || !course) throw notFound();
      if (sessionState(session, access.now()) !== 'OVER') throw conflictOn(ctx.locale, 'status', 'NOT_FINISHED');
      let certificateId: number | null = null;
      if (body.outcome === 'COMPLETED') {
        if (body.certificateEvidenceId === undefined) throw invalidOn(ctx.locale, 'body.certificateEvidenceId', 'CERTIFICATE_REQUIRED');
        certificateId = (await deps.certificates.checkOwn(ctx, body.certificateEvidenceId, 'body.certificateEvidenceId')).id;
        const attended = ((await repo.attendanceOf([id])).get(id) ?? []).length;
        const needed = attendanceNeeded(sessionLength(session), deps.settings.attendanceShare);
        if (attended < needed) throw conflictOn(ctx.locale, 'status', 'ATTENDANCE_SHORT', { attended, needed });
      }
      const at = clock.now();
      const updated = await db.transaction(async (tx) => {
        const r = enrolmentsRepository(tx);
        const fresh = await r.lock(id);
        if (!fresh || !canMoveEnrolment(fresh.status, body.outcome)) throw conflictOn(ctx.locale, 'status', 'NOT_COMPLETABLE');
        const completed = body.outcome === 'COMPLETED';
        const next = await r.update(id, {
          status: body.outcome,
          completedAt: at,
          completedByUserId: ctx.actor.userId,
          completedOn: completed ? session.endDate : null,
          jp: completed ? course.jp : null,
          certificateEvidenceId: certificateId,
          completionNote: body.note || null,
        });
        const closed = completed
          ? await closeNeedsInTx(tx, ctx.req, {
              instansiId: row.instansiId,
              employeeId: row.employeeId,
              year: Number(session.endDate.slice(0, 4)),
              training: { courseId: course.id, behaviours: [...course.behaviours] as Berakhlak[], needId: row.needId },
              enrolmentId: id,
              at,
            })
          : [];
        await recordAudit(tx, ctx.req, {
          action: completed ? 'training.enrolment.complete' : 'training.enrolment.incomplete',
          entityType: 'training_enrolment',
          entityId: id,
          instansiId: row.instansiId,
          oldValues: { status: fresh.status },
          newValues: { status: body.outcome, jp: next.jp, completedOn: next.completedOn, certificateEvidenceId: certificateId, closedNeedIds: closed, note: body.note ?? null },
        });
        if (completed) {
          await deps.notifications.notifyInTx(tx, [
            {
              instansiId: row.instansiId,
              recipientEmployeeId: row.employeeId,
              type: 'training.completed',
              params: { title: course.title, jp: course.jp },
              link: '/pelatihan',
            },
          ]);
        }
        await publishEvent(tx, {
          instansiId: row.instansiId,
          type: 'training.enrolment',
          subjectEmployeeIds: [row.employeeId],
          payload: { enrolmentId: id, sessionId: row.sessionId, status: body.outcome },
        });
        return next;
      });
      const [dto] = await deps.view(ctx, [updated]);
      if (!dto) throw notFound();
      return dto;
    },

    /** The certificate of a place: the participant, their chain and admins, and the organisers. */
    async certificate(ctx: TrainingCtx, id: number) {
      const { row, manage } = await load(ctx, id);
      const allowed =
        manage || row.employeeId === ctx.actor.employeeId || (await access.readable(ctx.actor, [row.employeeId])).has(row.employeeId);
      if (!allowed || row.certificateEvidenceId === null) throw notFound();
      return deps.certificates.open(row.certificateEvidenceId);
    },
  };
}

export type CompletionService = ReturnType<typeof createCompletionService>;
