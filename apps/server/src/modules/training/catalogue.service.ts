import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CourseBody, CourseDto, CourseListQuery, SessionBody, SessionDto } from '@pantau/contracts';
import { addDays, sessionLength } from '@pantau/domain';
import type { Db, DbOrTx, Tx } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { catalogueRepository, type CourseRow, type SessionRow } from './catalogue.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { instansiOf, isAdmin, trainingAccess } from './training.access.js';
import { conflictOn, problem, type TrainingCtx } from './training.messages.js';
import { hhmm, presentCourse, presentSession, sessionState, type Now } from './training.presenter.js';

export interface CatalogueDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
}

/** Longest session (a multi-week diklat is several sessions). */
export const MAX_SESSION_DAYS = 60;
/** Over sessions stay listed in the catalogue this many days. */
const RECENT_DAYS = 90;

/** Whether a change moves the session in time or place (its participants are then told). */
export function movedFields(before: SessionRow, after: SessionBody): boolean {
  return (
    before.startDate !== after.startDate ||
    before.endDate !== after.endDate ||
    hhmm(before.startTime) !== after.startTime ||
    hhmm(before.endTime) !== after.endTime ||
    before.place !== after.place
  );
}

/** JP has at most one decimal (numeric(5,1)). */
export function jpProblem(ctx: TrainingCtx, jp: number, path: string): FieldProblem | null {
  return Math.abs(jp * 10 - Math.round(jp * 10)) > 1e-9 ? problem(ctx.locale, path, 'JP_DECIMALS') : null;
}

/**
 * The catalogue (issue 6 §1): every employee of the instansi reads it; BKPSDM admins manage every
 * course, an admin OPD the courses their units organise (alone or with other OPDs).
 */
export function createCatalogueService(deps: CatalogueDeps) {
  const { db, clock } = deps;
  const repo = catalogueRepository(db);
  const access = trainingAccess(db, clock);

  /** Sessions as DTOs for the caller: seats, their own place, what they may do. */
  async function sessionDtos(ctx: TrainingCtx, dbx: DbOrTx, sessions: readonly SessionRow[], courses: ReadonlyMap<number, CourseRow>, managed: ReadonlySet<number>) {
    const now: Now = access.now();
    const ids = sessions.map((s) => s.id);
    const [taken, mine] = await Promise.all([
      catalogueRepository(dbx).seatsTaken(ids),
      ctx.actor.employeeId === null ? Promise.resolve([]) : enrolmentsRepository(dbx).mineOn(ctx.actor.employeeId, ids),
    ]);
    const out = new Map<number, SessionDto>();
    for (const s of sessions) {
      const course = courses.get(s.courseId);
      if (!course) continue;
      out.set(
        s.id,
        presentSession(s, course, {
          taken: taken.get(s.id) ?? 0,
          mine: mine.find((m) => m.sessionId === s.id),
          manage: managed.has(course.id),
          canRequest: ctx.actor.employeeId !== null,
          canEnrol: isAdmin(ctx.actor) || (ctx.actor.employeeId !== null && ctx.actor.roles.has('ATASAN')),
          now,
        }),
      );
    }
    return out;
  }

  async function coursesView(ctx: TrainingCtx, list: readonly CourseRow[]): Promise<CourseDto[]> {
    const ids = list.map((c) => c.id);
    const [organisers, sessions] = await Promise.all([repo.organisersOf(ids), repo.sessionsOf(ids, addDays(access.today(), -RECENT_DAYS))]);
    const managed = await access.managedCourses(ctx.actor, organisers);
    const dtos = await sessionDtos(ctx, db, sessions, new Map(list.map((c) => [c.id, c])), managed);
    return list.map((c) =>
      presentCourse(
        c,
        organisers,
        sessions.filter((s) => s.courseId === c.id).flatMap((s) => dtos.get(s.id) ?? []),
        managed.has(c.id),
      ),
    );
  }

  /** The course, or 404; and 403 unless the caller manages it. */
  async function managedCourse(ctx: TrainingCtx, id: number): Promise<CourseRow> {
    const course = await repo.findCourse(instansiOf(ctx), id);
    if (!course) throw notFound();
    const organisers = await repo.organisersOf([id]);
    if (!(await access.managedCourses(ctx.actor, organisers)).has(id)) throw forbidden();
    return course;
  }

  async function checkCourseBody(ctx: TrainingCtx, body: CourseBody): Promise<void> {
    const instansiId = instansiOf(ctx);
    const problems: FieldProblem[] = [];
    const jp = jpProblem(ctx, body.jp, 'body.jp');
    if (jp) problems.push(jp);
    const known = await repo.unitsIn(instansiId, body.organiserUnitIds);
    const seen = new Set<number>();
    body.organiserUnitIds.forEach((u, i) => {
      if (!known.has(u)) problems.push(problem(ctx.locale, `body.organiserUnitIds.${i}`, 'UNIT_UNKNOWN'));
      else if (seen.has(u)) problems.push(problem(ctx.locale, `body.organiserUnitIds.${i}`, 'UNIT_DUPLICATE'));
      seen.add(u);
    });
    if (problems.length === 0 && !(await access.managesAnyUnit(ctx.actor, body.organiserUnitIds))) {
      problems.push(problem(ctx.locale, 'body.organiserUnitIds', 'UNIT_NOT_MANAGED'));
    }
    if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
  }

  function checkSessionBody(ctx: TrainingCtx, body: SessionBody): void {
    const problems: FieldProblem[] = [];
    if (body.endDate < body.startDate) problems.push(problem(ctx.locale, 'body.endDate', 'DATE_RANGE'));
    else if (sessionLength(body) > MAX_SESSION_DAYS) problems.push(problem(ctx.locale, 'body.endDate', 'SESSION_TOO_LONG', { days: MAX_SESSION_DAYS }));
    if (body.endTime <= body.startTime) problems.push(problem(ctx.locale, 'body.endTime', 'TIME_ORDER'));
    if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
  }

  /** Marks the session cancelled, cancels its open places and tells their holders; returns those places. */
  async function cancelSessionInTx(tx: Tx, session: SessionRow, course: CourseRow, userId: number, at: Date) {
    const r = catalogueRepository(tx);
    await r.lockSession(session.id);
    await r.updateSession(session.id, { cancelledAt: at });
    const cancelled = await enrolmentsRepository(tx).cancelOpen(session.id, userId, at);
    await deps.notifications.notifyInTx(
      tx,
      cancelled.map((e) => ({
        instansiId: session.instansiId,
        recipientEmployeeId: e.employeeId,
        type: 'training.session_cancelled',
        params: { title: course.title, date: session.startDate },
        link: '/pelatihan',
      })),
    );
    return cancelled;
  }

  const courseValues = (body: CourseBody) => ({
    title: body.title,
    description: body.description ?? null,
    kind: body.kind,
    mode: body.mode,
    jp: body.jp,
    organiser: body.organiser,
    behaviours: [...new Set(body.behaviours)],
    competencies: [...new Set(body.competencies)],
    active: body.active,
  });

  const service = {
    async list(ctx: TrainingCtx, query: z.infer<typeof CourseListQuery>) {
      const list = await repo.listCourses(instansiOf(ctx), {
        q: query.q || undefined,
        kind: query.kind,
        behaviour: query.behaviour,
        includeInactive: query.includeInactive,
      });
      return { courses: await coursesView(ctx, list), abilities: { create: isAdmin(ctx.actor) } };
    },

    async get(ctx: TrainingCtx, id: number): Promise<CourseDto> {
      const course = await repo.findCourse(instansiOf(ctx), id);
      if (!course) throw notFound();
      const [dto] = await coursesView(ctx, [course]);
      if (!dto) throw notFound();
      return dto;
    },

    async create(ctx: TrainingCtx, body: CourseBody): Promise<CourseDto> {
      const instansiId = instansiOf(ctx);
      if (!isAdmin(ctx.actor)) throw forbidden();
      await checkCourseBody(ctx, body);
      const created = await db.transaction(async (tx) => {
        const r = catalogueRepository(tx);
        const row = await r.insertCourse({ instansiId, ...courseValues(body), createdByUserId: ctx.actor.userId });
        await r.replaceOrganisers(row.id, body.organiserUnitIds);
        await recordAudit(tx, ctx.req, {
          action: 'training.course.create',
          entityType: 'training_course',
          entityId: row.id,
          instansiId,
          newValues: { ...courseValues(body), organiserUnitIds: body.organiserUnitIds },
        });
        return row;
      });
      return service.get(ctx, created.id);
    },

    async update(ctx: TrainingCtx, id: number, body: CourseBody): Promise<CourseDto> {
      const course = await managedCourse(ctx, id);
      await checkCourseBody(ctx, body);
      const before = await repo.organisersOf([id]);
      await db.transaction(async (tx) => {
        const r = catalogueRepository(tx);
        await r.updateCourse(id, courseValues(body));
        await r.replaceOrganisers(id, body.organiserUnitIds);
        await recordAudit(tx, ctx.req, {
          action: 'training.course.update',
          entityType: 'training_course',
          entityId: id,
          instansiId: course.instansiId,
          oldValues: {
            title: course.title,
            kind: course.kind,
            mode: course.mode,
            jp: course.jp,
            organiser: course.organiser,
            behaviours: course.behaviours,
            competencies: course.competencies,
            active: course.active,
            organiserUnitIds: before.map((o) => o.unitId),
          },
          newValues: { ...courseValues(body), organiserUnitIds: body.organiserUnitIds },
        });
      });
      return service.get(ctx, id);
    },

    /**
     * Withdraws a course from the catalogue: it becomes inactive, every session that has not
     * started is cancelled and the holders of open places there are told. Sessions already
     * running or over stay as they are (attendance and completion go on).
     */
    async cancelCourse(ctx: TrainingCtx, id: number): Promise<CourseDto> {
      const course = await managedCourse(ctx, id);
      if (!course.active) throw conflictOn(ctx.locale, 'id', 'COURSE_INACTIVE');
      const now = access.now();
      const upcoming = (await repo.sessionsOf([id], now.date)).filter((s) => sessionState(s, now) === 'UPCOMING');
      await db.transaction(async (tx) => {
        const r = catalogueRepository(tx);
        const at = clock.now();
        await r.updateCourse(id, { active: false });
        const cancelled: { sessionId: number; enrolmentIds: number[] }[] = [];
        for (const s of upcoming) {
          const places = await cancelSessionInTx(tx, s, course, ctx.actor.userId, at);
          cancelled.push({ sessionId: s.id, enrolmentIds: places.map((e) => e.id) });
        }
        await recordAudit(tx, ctx.req, {
          action: 'training.course.cancel',
          entityType: 'training_course',
          entityId: id,
          instansiId: course.instansiId,
          oldValues: { active: true },
          newValues: { active: false, cancelledSessions: cancelled },
        });
      });
      return service.get(ctx, id);
    },

    async createSession(ctx: TrainingCtx, courseId: number, body: SessionBody): Promise<SessionDto> {
      const course = await managedCourse(ctx, courseId);
      checkSessionBody(ctx, body);
      if (!course.active) throw conflictOn(ctx.locale, 'courseId', 'COURSE_INACTIVE');
      const session = await db.transaction(async (tx) => {
        const row = await catalogueRepository(tx).insertSession({
          instansiId: course.instansiId,
          courseId,
          ...body,
          qrSecret: randomBytes(32).toString('base64url'),
          createdByUserId: ctx.actor.userId,
        });
        await recordAudit(tx, ctx.req, {
          action: 'training.session.create',
          entityType: 'training_session',
          entityId: row.id,
          instansiId: course.instansiId,
          newValues: { courseId, ...body },
        });
        return row;
      });
      return service.sessionDto(ctx, session.id);
    },

    async updateSession(ctx: TrainingCtx, id: number, body: SessionBody): Promise<SessionDto> {
      const session = await repo.findSession(instansiOf(ctx), id);
      if (!session) throw notFound();
      const course = await managedCourse(ctx, session.courseId);
      checkSessionBody(ctx, body);
      if (session.cancelledAt) throw conflictOn(ctx.locale, 'id', 'SESSION_CANCELLED');
      if (sessionState(session, access.now()) === 'OVER') throw conflictOn(ctx.locale, 'id', 'SESSION_OVER');
      await db.transaction(async (tx) => {
        const r = catalogueRepository(tx);
        const locked = await r.lockSession(id);
        if (!locked) throw notFound();
        const taken = (await r.seatsTaken([id])).get(id) ?? 0;
        if (body.capacity < taken) throw conflictOn(ctx.locale, 'body.capacity', 'CAPACITY_BELOW_TAKEN', { taken });
        await r.updateSession(id, body);
        const moved = movedFields(locked, body);
        if (moved) {
          const open = await enrolmentsRepository(tx).forSessions([id], ['REQUESTED', 'ENROLLED']);
          await deps.notifications.notifyInTx(
            tx,
            open.map((e) => ({
              instansiId: session.instansiId,
              recipientEmployeeId: e.employeeId,
              type: 'training.session_moved',
              params: { title: course.title, date: body.startDate, time: body.startTime, place: body.place },
              link: `/pelatihan/sesi/${id}`,
            })),
          );
        }
        await recordAudit(tx, ctx.req, {
          action: 'training.session.update',
          entityType: 'training_session',
          entityId: id,
          instansiId: session.instansiId,
          oldValues: {
            startDate: locked.startDate,
            endDate: locked.endDate,
            startTime: hhmm(locked.startTime),
            endTime: hhmm(locked.endTime),
            place: locked.place,
            capacity: locked.capacity,
          },
          newValues: body,
        });
      });
      return service.sessionDto(ctx, id);
    },

    /** Cancels a session that is not over; open places are cancelled and their holders told. */
    async cancelSession(ctx: TrainingCtx, id: number): Promise<SessionDto> {
      const session = await repo.findSession(instansiOf(ctx), id);
      if (!session) throw notFound();
      const course = await managedCourse(ctx, session.courseId);
      if (session.cancelledAt) throw conflictOn(ctx.locale, 'id', 'SESSION_CANCELLED');
      if (sessionState(session, access.now()) === 'OVER') throw conflictOn(ctx.locale, 'id', 'SESSION_OVER');
      await db.transaction(async (tx) => {
        const cancelled = await cancelSessionInTx(tx, session, course, ctx.actor.userId, clock.now());
        await recordAudit(tx, ctx.req, {
          action: 'training.session.cancel',
          entityType: 'training_session',
          entityId: id,
          instansiId: session.instansiId,
          newValues: { cancelledEnrolmentIds: cancelled.map((e) => e.id) },
        });
      });
      return service.sessionDto(ctx, id);
    },

    /** One session as the caller sees it (404 outside the instansi). */
    async sessionDto(ctx: TrainingCtx, id: number): Promise<SessionDto> {
      const session = await repo.findSession(instansiOf(ctx), id);
      if (!session) throw notFound();
      const course = await repo.findCourse(session.instansiId, session.courseId);
      if (!course) throw notFound();
      const managed = await access.managedCourses(ctx.actor, await repo.organisersOf([course.id]));
      const dto = (await sessionDtos(ctx, db, [session], new Map([[course.id, course]]), managed)).get(id);
      if (!dto) throw notFound();
      return dto;
    },

    sessionDtos,
  };
  return service;
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
