import type { z } from 'zod';
import type { CancelBody, DecisionBody, EnrolBody, EnrolmentDto, EnrolmentListQuery, RequestBody } from '@pantau/contracts';
import { canMoveEnrolment, seatsLeft } from '@pantau/domain';
import type { Db, Tx } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit, recordAuditBatch } from '../audit/audit.repository.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { publishEvent } from '../realtime/events.repository.js';
import { catalogueRepository, type CourseRow, type SessionRow } from './catalogue.repository.js';
import { enrolmentsRepository, isUniqueViolation, type EnrolmentRow } from './enrolments.repository.js';
import type { EnrolmentViews } from './enrolments.view.js';
import { needsRepository } from './needs.repository.js';
import { employeeOf, instansiOf, trainingAccess } from './training.access.js';
import { conflictOn, invalidOn, problem, type TrainingCtx } from './training.messages.js';
import { sessionState } from './training.presenter.js';

export interface EnrolmentDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  view: EnrolmentViews;
}

/**
 * Places on sessions (issue 6 §2): admins (their units) and supervisors (their chain) enrol
 * people; an employee asks for a place and their supervisor decides. Capacity and double places
 * are refused with the field named; every change is audited in its own short transaction.
 */
export function createEnrolmentService(deps: EnrolmentDeps) {
  const { db, clock } = deps;
  const cat = catalogueRepository(db);
  const repo = enrolmentsRepository(db);
  const access = trainingAccess(db, clock);

  async function openSession(ctx: TrainingCtx, sessionId: number): Promise<{ session: SessionRow; course: CourseRow }> {
    const session = await cat.findSession(instansiOf(ctx), sessionId);
    if (!session) throw notFound();
    const course = await cat.findCourse(session.instansiId, session.courseId);
    if (!course) throw notFound();
    return { session, course };
  }

  /** Refuses places on a session that cannot take them any more (409 naming why). */
  function assertOpen(ctx: TrainingCtx, session: SessionRow, course: CourseRow): void {
    if (!course.active) throw conflictOn(ctx.locale, 'sessionId', 'COURSE_INACTIVE');
    const state = sessionState(session, access.now());
    if (state === 'CANCELLED') throw conflictOn(ctx.locale, 'sessionId', 'SESSION_CANCELLED');
    if (state !== 'UPCOMING') throw conflictOn(ctx.locale, 'sessionId', 'SESSION_STARTED');
  }

  /** One view of one place; the row must be readable by the caller's scope (else 404). */
  async function visible(ctx: TrainingCtx, id: number): Promise<EnrolmentRow> {
    const row = await repo.find(instansiOf(ctx), id);
    if (!row) throw notFound();
    if (row.employeeId === ctx.actor.employeeId) return row;
    if ((await access.readable(ctx.actor, [row.employeeId])).has(row.employeeId)) return row;
    if (row.approverEmployeeId !== null && row.approverEmployeeId === ctx.actor.employeeId) return row;
    const organisers = await cat.organisersOf([row.courseId]);
    if ((await access.managedCourses(ctx.actor, organisers)).has(row.courseId)) return row;
    throw notFound();
  }

  async function one(ctx: TrainingCtx, row: EnrolmentRow): Promise<EnrolmentDto> {
    const [dto] = await deps.view(ctx, [row]);
    if (!dto) throw notFound();
    return dto;
  }

  const event = (tx: Tx, e: EnrolmentRow) =>
    publishEvent(tx, {
      instansiId: e.instansiId,
      type: 'training.enrolment',
      subjectEmployeeIds: [e.employeeId],
      payload: { enrolmentId: e.id, sessionId: e.sessionId, status: e.status },
    });

  const service = {
    async list(ctx: TrainingCtx, query: z.infer<typeof EnrolmentListQuery>): Promise<EnrolmentDto[]> {
      const instansiId = instansiOf(ctx);
      if (query.scope === 'mine') return deps.view(ctx, await repo.forEmployee(employeeOf(ctx), query.year));
      const rowsToDecide = await repo.toDecide(instansiId, ctx.actor.employeeId, ctx.actor.roles.has('ADMIN_BKPSDM'));
      return deps.view(
        ctx,
        rowsToDecide.filter((e) => e.employeeId !== ctx.actor.employeeId),
      );
    },

    async get(ctx: TrainingCtx, id: number): Promise<EnrolmentDto> {
      return one(ctx, await visible(ctx, id));
    },

    /** Enrols people directly (everyone or nobody). */
    async enrol(ctx: TrainingCtx, sessionId: number, body: z.infer<typeof EnrolBody>): Promise<EnrolmentDto[]> {
      const { session, course } = await openSession(ctx, sessionId);
      const ids = body.employeeIds;
      const readable = await access.readable(ctx.actor, ids);
      if (ids.some((id) => !readable.has(id))) throw notFound();
      const allowed = await access.administered(ctx.actor, ids, true);
      if (ids.some((id) => !allowed.has(id))) throw forbidden();
      assertOpen(ctx, session, course);
      const problems: FieldProblem[] = [];
      const seen = new Set<number>();
      ids.forEach((id, i) => {
        if (seen.has(id)) problems.push(problem(ctx.locale, `body.employeeIds.${i}`, 'EMPLOYEE_DUPLICATE'));
        seen.add(id);
      });
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      const people = await access.people(ids);
      const now = clock.now();
      try {
        const created = await db.transaction(async (tx) => {
          const locked = await catalogueRepository(tx).lockSession(sessionId);
          if (!locked) throw notFound();
          const r = enrolmentsRepository(tx);
          const clashes = new Set((await r.clashes(course.id, sessionId, ids)).map((e) => e.employeeId));
          ids.forEach((id, i) => {
            if (clashes.has(id)) problems.push(problem(ctx.locale, `body.employeeIds.${i}`, 'ALREADY_ENROLLED', { name: people.get(id)?.name ?? '' }));
          });
          if (problems.length > 0) throw new AppError(409, 'CONFLICT', undefined, problems);
          const left = seatsLeft(locked.capacity, (await catalogueRepository(tx).seatsTaken([sessionId])).get(sessionId) ?? 0);
          if (left === 0) throw conflictOn(ctx.locale, 'body.employeeIds', 'SESSION_FULL', { capacity: locked.capacity });
          if (left < ids.length) throw conflictOn(ctx.locale, 'body.employeeIds', 'SEATS_SHORT', { left, wanted: ids.length });
          const inserted = await r.insertMany(
            ids.map((employeeId) => ({
              instansiId: session.instansiId,
              sessionId,
              courseId: course.id,
              employeeId,
              status: 'ENROLLED' as const,
              enrolledByUserId: ctx.actor.userId,
              enrolledAt: now,
            })),
          );
          await recordAuditBatch(
            tx,
            ctx.req,
            inserted.map((e) => ({
              action: 'training.enrolment.enrol',
              entityType: 'training_enrolment',
              entityId: e.id,
              instansiId: e.instansiId,
              newValues: { sessionId, courseId: course.id, employeeId: e.employeeId, status: 'ENROLLED' },
            })),
          );
          await deps.notifications.notifyInTx(
            tx,
            inserted
              .filter((e) => e.employeeId !== ctx.actor.employeeId)
              .map((e) => ({
                instansiId: e.instansiId,
                recipientEmployeeId: e.employeeId,
                type: 'training.enrolled',
                params: { title: course.title, date: session.startDate, place: session.place },
                link: '/pelatihan',
              })),
          );
          for (const e of inserted) await event(tx, e);
          return inserted;
        });
        return deps.view(ctx, created);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflictOn(ctx.locale, 'body.employeeIds', 'ALREADY_ENROLLED', { name: '' });
        throw err;
      }
    },

    /** The employee asks for a place; their supervisor today decides (BKPSDM admins when there is none). */
    async request(ctx: TrainingCtx, sessionId: number, body: z.infer<typeof RequestBody>): Promise<EnrolmentDto> {
      const me = employeeOf(ctx);
      const { session, course } = await openSession(ctx, sessionId);
      assertOpen(ctx, session, course);
      if (body.needId) {
        const need = await needsRepository(db).find(session.instansiId, body.needId);
        if (!need || need.employeeId !== me) throw invalidOn(ctx.locale, 'body.needId', 'NEED_UNKNOWN');
        if (need.status !== 'OPEN') throw invalidOn(ctx.locale, 'body.needId', 'NEED_NOT_OPEN');
      }
      const approver = await access.supervisorOf(me);
      try {
        const created = await db.transaction(async (tx) => {
          const locked = await catalogueRepository(tx).lockSession(sessionId);
          if (!locked) throw notFound();
          const r = enrolmentsRepository(tx);
          if ((await r.clashes(course.id, sessionId, [me])).length > 0) throw conflictOn(ctx.locale, 'sessionId', 'ALREADY_ENROLLED_SELF');
          const taken = (await catalogueRepository(tx).seatsTaken([sessionId])).get(sessionId) ?? 0;
          if (seatsLeft(locked.capacity, taken) === 0) throw conflictOn(ctx.locale, 'sessionId', 'SESSION_FULL', { capacity: locked.capacity });
          const [row] = await r.insertMany([
            {
              instansiId: session.instansiId,
              sessionId,
              courseId: course.id,
              employeeId: me,
              status: 'REQUESTED',
              needId: body.needId ?? null,
              requestNote: body.note || null,
              approverEmployeeId: approver,
              requestedAt: clock.now(),
            },
          ]);
          if (!row) throw new Error('request insert returned nothing');
          await recordAudit(tx, ctx.req, {
            action: 'training.enrolment.request',
            entityType: 'training_enrolment',
            entityId: row.id,
            instansiId: row.instansiId,
            newValues: { sessionId, courseId: course.id, needId: row.needId, note: row.requestNote, approverEmployeeId: approver },
          });
          if (approver !== null) {
            await deps.notifications.notifyInTx(tx, [
              {
                instansiId: row.instansiId,
                recipientEmployeeId: approver,
                type: 'training.request',
                params: { name: ctx.actor.name, title: course.title, date: session.startDate },
                link: '/pelatihan/tim',
              },
            ]);
          }
          await event(tx, row);
          return row;
        });
        return one(ctx, created);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflictOn(ctx.locale, 'sessionId', 'ALREADY_ENROLLED_SELF');
        throw err;
      }
    },

    /** The supervisor approves (a seat is taken then) or rejects with a reason. Never one's own. */
    async decide(ctx: TrainingCtx, id: number, body: z.infer<typeof DecisionBody>): Promise<EnrolmentDto> {
      const row = await visible(ctx, id);
      if (row.employeeId === ctx.actor.employeeId) throw forbidden();
      const current = await access.supervisorOf(row.employeeId);
      const isApprover =
        (ctx.actor.employeeId !== null && (ctx.actor.employeeId === row.approverEmployeeId || ctx.actor.employeeId === current)) ||
        (row.approverEmployeeId === null && current === null && ctx.actor.roles.has('ADMIN_BKPSDM'));
      if (!isApprover) throw forbidden();
      if (row.status !== 'REQUESTED') throw conflictOn(ctx.locale, 'status', 'NOT_REQUESTED');
      if (body.decision === 'REJECTED' && !body.note) throw invalidOn(ctx.locale, 'body.note', 'NOTE_REQUIRED');
      const { session, course } = await openSession(ctx, row.sessionId);
      if (body.decision === 'APPROVED') assertOpen(ctx, session, course);
      const now = clock.now();
      const updated = await db.transaction(async (tx) => {
        const r = enrolmentsRepository(tx);
        const locked = await catalogueRepository(tx).lockSession(row.sessionId);
        const fresh = await r.lock(id);
        if (!locked || !fresh || fresh.status !== 'REQUESTED') throw conflictOn(ctx.locale, 'status', 'NOT_REQUESTED');
        if (body.decision === 'APPROVED') {
          const taken = (await catalogueRepository(tx).seatsTaken([row.sessionId])).get(row.sessionId) ?? 0;
          if (seatsLeft(locked.capacity, taken) === 0) throw conflictOn(ctx.locale, 'sessionId', 'SESSION_FULL', { capacity: locked.capacity });
        }
        const status = body.decision === 'APPROVED' ? 'ENROLLED' : 'REJECTED';
        const next = await r.update(id, {
          status,
          decidedAt: now,
          decidedByEmployeeId: ctx.actor.employeeId,
          decisionNote: body.note || null,
          ...(status === 'ENROLLED' ? { enrolledAt: now, enrolledByUserId: ctx.actor.userId } : {}),
        });
        await recordAudit(tx, ctx.req, {
          action: status === 'ENROLLED' ? 'training.enrolment.approve' : 'training.enrolment.reject',
          entityType: 'training_enrolment',
          entityId: id,
          instansiId: row.instansiId,
          oldValues: { status: 'REQUESTED' },
          newValues: { status, note: body.note ?? null },
        });
        await deps.notifications.notifyInTx(tx, [
          {
            instansiId: row.instansiId,
            recipientEmployeeId: row.employeeId,
            type: status === 'ENROLLED' ? 'training.request_approved' : 'training.request_rejected',
            params: { title: course.title, date: session.startDate, place: session.place, note: body.note ?? '' },
            link: '/pelatihan',
          },
        ]);
        await event(tx, next);
        return next;
      });
      return one(ctx, updated);
    },

    /** The employee withdraws (before the session), or an organiser or enrolling admin removes the place. */
    async cancel(ctx: TrainingCtx, id: number, body: z.infer<typeof CancelBody>): Promise<EnrolmentDto> {
      const row = await visible(ctx, id);
      if (!canMoveEnrolment(row.status, 'CANCELLED')) throw conflictOn(ctx.locale, 'status', 'NOT_CANCELLABLE');
      const [dto] = await deps.view(ctx, [row]);
      const own = row.employeeId === ctx.actor.employeeId;
      const state = dto?.session.state;
      if (dto?.abilities.cancel !== true) {
        const administers = !own && (await access.administered(ctx.actor, [row.employeeId], true)).has(row.employeeId);
        if (!own && !administers) throw forbidden();
        if (state !== 'UPCOMING' && state !== 'ONGOING') throw conflictOn(ctx.locale, 'status', 'NOT_CANCELLABLE');
        if (own) throw conflictOn(ctx.locale, 'sessionId', 'SESSION_STARTED');
      }
      const updated = await db.transaction(async (tx) => {
        const r = enrolmentsRepository(tx);
        const fresh = await r.lock(id);
        if (!fresh || !canMoveEnrolment(fresh.status, 'CANCELLED')) throw conflictOn(ctx.locale, 'status', 'NOT_CANCELLABLE');
        const next = await r.update(id, { status: 'CANCELLED', cancelledAt: clock.now(), cancelledByUserId: ctx.actor.userId });
        await recordAudit(tx, ctx.req, {
          action: 'training.enrolment.cancel',
          entityType: 'training_enrolment',
          entityId: id,
          instansiId: row.instansiId,
          oldValues: { status: fresh.status },
          newValues: { status: 'CANCELLED', note: body.note ?? null },
        });
        await event(tx, next);
        return next;
      });
      return one(ctx, updated);
    },
  };
  return service;
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
