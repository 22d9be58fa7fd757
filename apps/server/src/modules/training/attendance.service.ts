import type { z } from 'zod';
import type { ParticipantDto, SessionDetailResponse, TickListBody } from '@pantau/contracts';
import { CHECK_IN_OPENS_MINUTES_BEFORE, attendanceNeeded, checkInState, sessionDays, sessionLength, type Berakhlak } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import { publishEvent } from '../realtime/events.repository.js';
import { catalogueRepository, type CourseRow, type SessionRow } from './catalogue.repository.js';
import type { CatalogueService } from './catalogue.service.js';
import type { Certificates } from './certificates.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { enrolmentAbilities } from './enrolments.view.js';
import { checkAttendanceToken, makeAttendanceToken, parseAttendanceToken, qrSvg } from './qr.js';
import { employeeOf, instansiOf, trainingAccess } from './training.access.js';
import { conflictOn, invalidOn, problem, type TrainingCtx } from './training.messages.js';
import { certificateUrl, hhmm, sessionState, sessionTimes } from './training.presenter.js';
import type { TrainingSettings } from './training.settings.js';

export interface AttendanceDeps {
  db: Db;
  clock: Clock;
  catalogue: Pick<CatalogueService, 'sessionDto'>;
  certificates: Certificates;
  settings: Pick<TrainingSettings, 'attendanceShare' | 'qrWindowSeconds'>;
}

const PRESENT_STATUSES = new Set(['ENROLLED', 'COMPLETED', 'INCOMPLETE']);

/**
 * Attendance per day of a session (issue 6 §2): by the rotating QR code shown at the session and
 * scanned from the participant's signed-in phone, or by the organiser's tick list. Nobody records
 * their own attendance by list; a code is refused after the session, for someone not enrolled,
 * when stale, and twice on one day.
 */
export function createAttendanceService(deps: AttendanceDeps) {
  const { db, clock } = deps;
  const cat = catalogueRepository(db);
  const repo = enrolmentsRepository(db);
  const access = trainingAccess(db, clock);

  async function load(ctx: TrainingCtx, sessionId: number): Promise<{ session: SessionRow; course: CourseRow; manage: boolean }> {
    const session = await cat.findSession(instansiOf(ctx), sessionId);
    if (!session) throw notFound();
    const course = await cat.findCourse(session.instansiId, session.courseId);
    if (!course) throw notFound();
    const manage = (await access.managedCourses(ctx.actor, await cat.organisersOf([course.id]))).has(course.id);
    return { session, course, manage };
  }

  async function managed(ctx: TrainingCtx, sessionId: number) {
    const loaded = await load(ctx, sessionId);
    if (!loaded.manage) throw forbidden();
    return loaded;
  }

  async function participants(ctx: TrainingCtx, session: SessionRow): Promise<ParticipantDto[]> {
    const list = (await repo.forSession(session.id)).filter((e) => e.status !== 'CANCELLED' && e.status !== 'REJECTED');
    const [people, attendance, files] = await Promise.all([
      access.people(list.map((e) => e.employeeId)),
      repo.attendanceOf(list.map((e) => e.id)),
      deps.certificates.files(list.flatMap((e) => (e.certificateEvidenceId === null ? [] : [e.certificateEvidenceId]))),
    ]);
    const now = access.now();
    const needed = attendanceNeeded(sessionLength(session), deps.settings.attendanceShare);
    return list
      .map((e) => {
        const abilities = enrolmentAbilities(ctx.actor, e, session, { manage: true, now });
        return {
          enrolmentId: e.id,
          employee: people.get(e.employeeId) ?? { id: e.employeeId, nip: '', name: '', unitName: null },
          status: e.status,
          attendedDates: attendance.get(e.id) ?? [],
          attendanceNeeded: needed,
          certificate:
            e.certificateEvidenceId === null
              ? null
              : { id: e.certificateEvidenceId, name: files.get(e.certificateEvidenceId)?.name ?? '', url: certificateUrl('enrolments', e.id) },
          abilities: {
            tick: PRESENT_STATUSES.has(e.status) && e.employeeId !== ctx.actor.employeeId,
            complete: abilities.complete,
            cancel: abilities.cancel,
          },
        };
      })
      .sort((a, b) => a.employee.name.localeCompare(b.employee.name, 'id'));
  }

  const service = {
    /** The session with its days; organisers also get the participants and their attendance. */
    async detail(ctx: TrainingCtx, sessionId: number): Promise<SessionDetailResponse> {
      const { session, course, manage } = await load(ctx, sessionId);
      return {
        session: await deps.catalogue.sessionDto(ctx, sessionId),
        course: { id: course.id, title: course.title, organiser: course.organiser, behaviours: [...course.behaviours] as Berakhlak[] },
        days: sessionDays(session),
        participants: manage ? await participants(ctx, session) : null,
      };
    },

    /** The code to show at the session now (organisers only). */
    async code(ctx: TrainingCtx, sessionId: number, baseUrl: string) {
      const { session } = await managed(ctx, sessionId);
      const { token, expiresAt } = makeAttendanceToken(session.id, session.qrSecret, clock.now(), deps.settings.qrWindowSeconds);
      const url = `${baseUrl.replace(/\/+$/, '')}/pelatihan/hadir/${token}`;
      return { token, url, svg: qrSvg(url), expiresAt: expiresAt.toISOString(), rotationSeconds: deps.settings.qrWindowSeconds, state: sessionState(session, access.now()) };
    },

    /** A participant scanned the code with their signed-in phone. */
    async checkIn(ctx: TrainingCtx, sessionId: number, token: string) {
      const me = employeeOf(ctx);
      const parsed = parseAttendanceToken(token);
      const session = parsed && parsed.sessionId === sessionId ? await cat.findSession(instansiOf(ctx), sessionId) : undefined;
      if (!parsed || !session) throw invalidOn(ctx.locale, 'body.token', 'CODE_INVALID');
      const at = clock.now();
      const verdict = checkAttendanceToken(parsed, session.qrSecret, at, deps.settings.qrWindowSeconds);
      if (verdict === 'INVALID') throw invalidOn(ctx.locale, 'body.token', 'CODE_INVALID');
      const now = access.now();
      if (session.cancelledAt) throw conflictOn(ctx.locale, 'body.token', 'SESSION_CANCELLED');
      const times = sessionTimes(session);
      const state = checkInState(times, now.date, now.time);
      if (state === 'OVER') throw conflictOn(ctx.locale, 'body.token', 'CHECK_IN_OVER');
      if (state === 'NOT_YET') {
        throw conflictOn(ctx.locale, 'body.token', 'CHECK_IN_NOT_YET', { minutes: CHECK_IN_OPENS_MINUTES_BEFORE, start: times.startTime });
      }
      if (verdict === 'EXPIRED') throw conflictOn(ctx.locale, 'body.token', 'CODE_EXPIRED');
      const enrolment = (await repo.forSession(session.id)).find((e) => e.employeeId === me && PRESENT_STATUSES.has(e.status));
      if (!enrolment) throw new AppError(403, 'FORBIDDEN', undefined, [problem(ctx.locale, 'body.token', 'NOT_ENROLLED')]);
      const course = await cat.findCourse(session.instansiId, session.courseId);
      const attendedDays = await db.transaction(async (tx) => {
        const r = enrolmentsRepository(tx);
        const added = await r.addAttendance([
          { enrolmentId: enrolment.id, sessionId: session.id, employeeId: me, date: now.date, method: 'QR', recordedByUserId: ctx.actor.userId, recordedAt: at },
        ]);
        if (added.length === 0) throw conflictOn(ctx.locale, 'body.token', 'ALREADY_CHECKED_IN');
        await recordAudit(tx, ctx.req, {
          action: 'training.attendance.check_in',
          entityType: 'training_enrolment',
          entityId: enrolment.id,
          instansiId: session.instansiId,
          newValues: { sessionId: session.id, date: now.date, method: 'QR', tokenWindow: parsed.window },
        });
        await publishEvent(tx, {
          instansiId: session.instansiId,
          type: 'training.attendance',
          subjectEmployeeIds: [me],
          payload: { sessionId: session.id, enrolmentId: enrolment.id, date: now.date },
        });
        return ((await r.attendanceOf([enrolment.id])).get(enrolment.id) ?? []).length;
      });
      return {
        attendance: {
          sessionId: session.id,
          courseTitle: course?.title ?? '',
          date: now.date,
          recordedAt: at.toISOString(),
          attendedDays,
          totalDays: sessionLength(session),
        },
      };
    },

    /** The organiser's tick list for one day: present ones recorded, unticked ones removed. */
    async tick(ctx: TrainingCtx, sessionId: number, body: z.infer<typeof TickListBody>): Promise<SessionDetailResponse> {
      const { session } = await managed(ctx, sessionId);
      if (session.cancelledAt) throw conflictOn(ctx.locale, 'id', 'SESSION_CANCELLED');
      if (!sessionDays(session).includes(body.date)) throw invalidOn(ctx.locale, 'body.date', 'DATE_NOT_IN_SESSION');
      if (body.date > access.today()) throw invalidOn(ctx.locale, 'body.date', 'DATE_FUTURE');
      const enrolments = new Map((await repo.forSession(sessionId)).map((e) => [e.id, e]));
      const problems: FieldProblem[] = [];
      let own = false;
      body.entries.forEach((entry, i) => {
        const e = enrolments.get(entry.enrolmentId);
        if (!e || !PRESENT_STATUSES.has(e.status)) problems.push(problem(ctx.locale, `body.entries.${i}.enrolmentId`, 'NOT_ENROLLED_PARTICIPANT'));
        else if (e.employeeId === ctx.actor.employeeId) own = true;
      });
      if (own) throw new AppError(403, 'FORBIDDEN', undefined, [problem(ctx.locale, 'body.entries', 'OWN_ATTENDANCE')]);
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const r = enrolmentsRepository(tx);
        const present = body.entries.filter((e) => e.present).map((e) => e.enrolmentId);
        const absent = body.entries.filter((e) => !e.present).map((e) => e.enrolmentId);
        const added = await r.addAttendance(
          present.map((id) => ({
            enrolmentId: id,
            sessionId,
            employeeId: enrolments.get(id)?.employeeId ?? 0,
            date: body.date,
            method: 'LIST' as const,
            recordedByUserId: ctx.actor.userId,
            recordedAt: at,
          })),
        );
        const removed = await r.removeAttendance(absent, body.date);
        if (added.length + removed.length === 0) return;
        await recordAudit(tx, ctx.req, {
          action: 'training.attendance.tick',
          entityType: 'training_session',
          entityId: sessionId,
          instansiId: session.instansiId,
          newValues: { date: body.date, present: added.map((a) => a.enrolmentId), removed: removed.map((a) => ({ enrolmentId: a.enrolmentId, method: a.method })) },
        });
        await publishEvent(tx, {
          instansiId: session.instansiId,
          type: 'training.attendance',
          subjectEmployeeIds: [...new Set([...added, ...removed].map((a) => a.employeeId))],
          payload: { sessionId, date: body.date },
        });
      });
      return service.detail(ctx, sessionId);
    },

    /** Rows for the attendance export (organisers only). */
    async exportRows(ctx: TrainingCtx, sessionId: number) {
      const { session, course } = await managed(ctx, sessionId);
      return {
        course,
        session: { ...session, startTime: hhmm(session.startTime), endTime: hhmm(session.endTime) },
        days: sessionDays(session),
        participants: await participants(ctx, session),
      };
    },
  };
  return service;
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
