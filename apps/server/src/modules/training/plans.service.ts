import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AgreementBody, NeedBody, NeedDto, PlanDto, PlanQuery, TeamPlansQuery, WithdrawNeedBody } from '@pantau/contracts';
import { behaviourArea, jpStatus, roundHalfUp, seatsLeft, suggestCourses, type Berakhlak } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { catalogueRepository, type CourseRow } from './catalogue.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { externalRepository } from './external.repository.js';
import type { EnrolmentViews } from './enrolments.view.js';
import { jpRepository } from './jp.repository.js';
import { needsRepository, type NeedRow } from './needs.repository.js';
import { syncNeeds } from './needs.sync.js';
import { instansiOf, isAdmin, trainingAccess, unknownPerson } from './training.access.js';
import { conflictOn, invalidOn, problem, type TrainingCtx } from './training.messages.js';
import { hhmm, sessionState } from './training.presenter.js';
import type { TrainingSettings } from './training.settings.js';

export interface PlanDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  view: EnrolmentViews;
  settings: Pick<TrainingSettings, 'jpTarget'>;
}

/**
 * The development plan of an employee for a year (issue 6 §3–§4): JP against the minimum, the
 * needs that follow from evaluations and complaints with suggested trainings, and the supervisor's
 * agreement. Reading a plan first turns new weaknesses into needs (idempotent, see needs.sync).
 */
export function createPlanService(deps: PlanDeps) {
  const { db, clock } = deps;
  const repo = needsRepository(db);
  const cat = catalogueRepository(db);
  const access = trainingAccess(db, clock);
  const thisYear = () => Number(access.today().slice(0, 4));

  async function suggestionsFor(needs: readonly NeedRow[], instansiId: number) {
    const courses = await cat.listCourses(instansiId, { includeInactive: false });
    const sessions = (await cat.sessionsOf(courses.map((c) => c.id), access.today())).filter((s) => sessionState(s, access.now()) === 'UPCOMING');
    const taken = await cat.seatsTaken(sessions.map((s) => s.id));
    const focus = courses.map((c) => ({ ...c, behaviours: [...c.behaviours] as Berakhlak[], competencies: [...c.competencies] }));
    const next = (c: CourseRow) => {
      const s = sessions.find((x) => x.courseId === c.id && seatsLeft(x.capacity, taken.get(x.id) ?? 0) > 0);
      return s ? { id: s.id, startDate: s.startDate, startTime: hhmm(s.startTime), place: s.place, seatsLeft: seatsLeft(s.capacity, taken.get(s.id) ?? 0) } : null;
    };
    const out = new Map<number, NeedDto['suggestions']>();
    for (const n of needs) {
      if (n.status !== 'OPEN') continue;
      const list = suggestCourses({ behaviour: n.behaviour, competency: n.competency, source: n.source, plannedCourseId: n.plannedCourseId }, focus, 3);
      const planned = n.plannedCourseId === null ? undefined : focus.find((c) => c.id === n.plannedCourseId);
      const ordered = planned ? [planned, ...list.filter((c) => c.id !== planned.id)].slice(0, 3) : list;
      out.set(
        n.id,
        ordered.map((c) => ({ courseId: c.id, title: c.title, kind: c.kind, jp: c.jp, nextSession: next(c) })),
      );
    }
    return { out, courses: new Map(courses.map((c) => [c.id, c])) };
  }

  async function needDtos(needs: readonly NeedRow[], instansiId: number): Promise<NeedDto[]> {
    const [sources, { out: suggestions }] = await Promise.all([repo.sourcesOf(needs.map((n) => n.id)), suggestionsFor(needs, instansiId)]);
    const [closingEnrolments, closingExternal] = await Promise.all([
      enrolmentsRepository(db).findMany(needs.flatMap((n) => (n.closedByEnrolmentId === null ? [] : [n.closedByEnrolmentId]))),
      externalRepository(db).findMany(needs.flatMap((n) => (n.closedByExternalId === null ? [] : [n.closedByExternalId]))),
    ]);
    const courseIds = [
      ...needs.flatMap((n) => (n.plannedCourseId === null ? [] : [n.plannedCourseId])),
      ...closingEnrolments.map((e) => e.courseId),
    ];
    const courses = new Map((await cat.findCourses(instansiId, [...new Set(courseIds)])).map((c) => [c.id, c]));
    return needs.map((n) => {
      const byCourse = closingEnrolments.find((e) => e.id === n.closedByEnrolmentId);
      const byExternal = closingExternal.find((x) => x.id === n.closedByExternalId);
      const closedBy = byCourse
        ? { kind: 'COURSE' as const, title: courses.get(byCourse.courseId)?.title ?? '' }
        : byExternal
          ? { kind: 'EXTERNAL' as const, title: byExternal.title }
          : null;
      return {
        id: n.id,
        year: n.year,
        source: n.source,
        behaviour: n.behaviour as Berakhlak | null,
        competency: n.competency,
        note: n.note,
        status: n.status,
        sources: sources
          .filter((s) => s.needId === n.id)
          .map((s) => ({ kind: s.sourceKey.startsWith('complaint:') ? ('COMPLAINT' as const) : ('SKP' as const), label: s.label, occurredOn: s.occurredOn })),
        plannedCourse: n.plannedCourseId === null ? null : { id: n.plannedCourseId, title: courses.get(n.plannedCourseId)?.title ?? '' },
        agreedAt: n.agreedAt?.toISOString() ?? null,
        closedAt: n.closedAt?.toISOString() ?? null,
        closedBy,
        withdrawnNote: n.withdrawnNote,
        suggestions: suggestions.get(n.id) ?? [],
        createdAt: n.createdAt.toISOString(),
      };
    });
  }

  /** 404 unless the caller may read the employee. */
  async function readableEmployee(ctx: TrainingCtx, employeeId: number): Promise<void> {
    if (employeeId === ctx.actor.employeeId) return;
    if (!(await access.readable(ctx.actor, [employeeId])).has(employeeId)) throw notFound();
  }

  /** The direct supervisor today (or, with `admins`, an admin over the employee); never oneself. */
  async function mayShape(ctx: TrainingCtx, employeeId: number, admins: boolean): Promise<boolean> {
    if (ctx.actor.employeeId === employeeId) return false;
    if (ctx.actor.employeeId !== null && (await access.supervisorOf(employeeId)) === ctx.actor.employeeId) return true;
    return admins && isAdmin(ctx.actor) && (await access.administered(ctx.actor, [employeeId], false)).has(employeeId);
  }

  const service = {
    async plan(ctx: TrainingCtx, query: z.infer<typeof PlanQuery>): Promise<PlanDto> {
      const instansiId = instansiOf(ctx);
      const employeeId = query.employeeId ?? ctx.actor.employeeId;
      if (employeeId === null) throw notFound();
      await readableEmployee(ctx, employeeId);
      const year = query.year ?? thisYear();
      await syncNeeds(db, { instansiId, employeeIds: [employeeId], year, requestId: ctx.req.requestId, now: clock.now() });
      const [needs, records, plan, people, enrolments, agree, addNeed] = await Promise.all([
        repo.forEmployees([employeeId], year),
        jpRepository(db).records(employeeId, year),
        repo.plan(employeeId, year),
        access.people([employeeId]),
        enrolmentsRepository(db).forEmployee(employeeId, year),
        mayShape(ctx, employeeId, false),
        mayShape(ctx, employeeId, true),
      ]);
      const total = roundHalfUp(records.filter((r) => r.counted).reduce((s, r) => s + r.jp, 0), 1);
      const status = jpStatus(total, deps.settings.jpTarget);
      const agreedBy = plan ? await access.people([plan.agreedByEmployeeId]) : new Map();
      return {
        employee: people.get(employeeId) ?? unknownPerson(employeeId),
        year,
        jp: { year, total, minimum: status.minimum, shortfall: status.shortfall, progress: status.progress, met: status.met, records },
        needs: await needDtos(needs, instansiId),
        agreement: plan
          ? { agreedAt: plan.agreedAt.toISOString(), agreedBy: agreedBy.get(plan.agreedByEmployeeId) ?? unknownPerson(plan.agreedByEmployeeId), note: plan.note }
          : null,
        needsAwaitingAgreement: needs.filter((n) => n.status === 'OPEN' && n.agreedAt === null).length,
        enrolments: await deps.view(ctx, enrolments),
        abilities: { agree, addNeed: addNeed || employeeId === ctx.actor.employeeId, request: employeeId === ctx.actor.employeeId },
      };
    },

    /** Everyone below the caller: JP, open needs, needs awaiting agreement, requests to decide. */
    async team(ctx: TrainingCtx, query: z.infer<typeof TeamPlansQuery>) {
      const instansiId = instansiOf(ctx);
      if (ctx.actor.employeeId === null) return { year: query.year ?? thisYear(), minimum: deps.settings.jpTarget, members: [] };
      const year = query.year ?? thisYear();
      const ids = [...(await access.subordinates(ctx.actor.employeeId))];
      await syncNeeds(db, { instansiId, employeeIds: ids, year, requestId: ctx.req.requestId, now: clock.now() });
      const [people, totals, counts, supervisors] = await Promise.all([
        access.people(ids),
        jpRepository(db).totals(ids, instansiId, year),
        repo.counts(ids, year),
        access.supervisorsOf(ids),
      ]);
      const requests = await enrolmentsRepository(db).toDecide(instansiId, ctx.actor.employeeId, false);
      const waiting = new Map<number, number>();
      for (const r of requests) waiting.set(r.employeeId, (waiting.get(r.employeeId) ?? 0) + 1);
      const direct = (id: number) => supervisors.get(id)?.supervisorId === ctx.actor.employeeId;
      const members = ids
        .map((id) => {
          const jp = totals.get(id) ?? 0;
          return {
            employee: people.get(id) ?? unknownPerson(id),
            jp,
            met: jpStatus(jp, deps.settings.jpTarget).met,
            openNeeds: counts.get(id)?.open ?? 0,
            needsAwaitingAgreement: counts.get(id)?.awaiting ?? 0,
            requestsToDecide: waiting.get(id) ?? 0,
            direct: direct(id),
          };
        })
        .sort(
          (a, b) =>
            Number(b.direct) - Number(a.direct) ||
            b.requestsToDecide - a.requestsToDecide ||
            b.needsAwaitingAgreement - a.needsAwaitingAgreement ||
            a.jp - b.jp ||
            a.employee.name.localeCompare(b.employee.name, 'id'),
        )
        .map(({ direct: _d, ...m }) => m);
      return { year, minimum: deps.settings.jpTarget, members };
    },

    /** The direct supervisor agrees the plan: open needs are agreed, with the chosen courses. */
    async agree(ctx: TrainingCtx, body: z.infer<typeof AgreementBody>): Promise<PlanDto> {
      const instansiId = instansiOf(ctx);
      await readableEmployee(ctx, body.employeeId);
      if (!(await mayShape(ctx, body.employeeId, false))) throw forbidden();
      const me = ctx.actor.employeeId;
      if (me === null) throw forbidden();
      const needs = await repo.forEmployees([body.employeeId], body.year);
      const courses = new Set((await cat.findCourses(instansiId, body.needs.flatMap((n) => (n.plannedCourseId === null ? [] : [n.plannedCourseId])))).map((c) => c.id));
      const problems: FieldProblem[] = [];
      body.needs.forEach((n, i) => {
        const need = needs.find((x) => x.id === n.needId);
        if (!need) problems.push(problem(ctx.locale, `body.needs.${i}.needId`, 'NEED_UNKNOWN'));
        else if (need.status !== 'OPEN') problems.push(problem(ctx.locale, `body.needs.${i}.needId`, 'NEED_NOT_OPEN'));
        if (n.plannedCourseId !== null && !courses.has(n.plannedCourseId)) problems.push(problem(ctx.locale, `body.needs.${i}.plannedCourseId`, 'COURSE_UNKNOWN'));
      });
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      const at = clock.now();
      const open = needs.filter((n) => n.status === 'OPEN');
      await db.transaction(async (tx) => {
        const r = needsRepository(tx);
        await r.upsertPlan({ instansiId, employeeId: body.employeeId, year: body.year, agreedAt: at, agreedByEmployeeId: me, note: body.note || null });
        await r.updateMany(open.map((n) => n.id), { agreedAt: at, agreedByEmployeeId: me });
        for (const n of body.needs) await r.update(n.needId, { plannedCourseId: n.plannedCourseId });
        await recordAudit(tx, ctx.req, {
          action: 'training.plan.agree',
          entityType: 'training_plan',
          entityId: `${body.employeeId}:${body.year}`,
          instansiId,
          newValues: { employeeId: body.employeeId, year: body.year, needIds: open.map((n) => n.id), planned: body.needs, note: body.note ?? null },
        });
        await deps.notifications.notifyInTx(tx, [
          { instansiId, recipientEmployeeId: body.employeeId, type: 'training.plan_agreed', params: { year: body.year, name: ctx.actor.name }, link: '/pelatihan' },
        ]);
      });
      return service.plan(ctx, { employeeId: body.employeeId, year: body.year });
    },

    /** A need added by hand: by the employee themself, their supervisor or an admin over them. */
    async addNeed(ctx: TrainingCtx, body: z.infer<typeof NeedBody>): Promise<NeedDto> {
      const instansiId = instansiOf(ctx);
      await readableEmployee(ctx, body.employeeId);
      if (body.employeeId !== ctx.actor.employeeId && !(await mayShape(ctx, body.employeeId, true))) throw forbidden();
      const behaviour = body.behaviour ?? null;
      const competency = body.competency?.trim() || null;
      if (behaviour === null && competency === null) throw invalidOn(ctx.locale, 'body.behaviour', 'NEED_EMPTY');
      const year = body.year ?? thisYear();
      if (year < thisYear() || year > thisYear() + 1) throw invalidOn(ctx.locale, 'body.year', 'YEAR_RANGE');
      const areaKey = behaviour !== null ? behaviourArea(behaviour) : `manual:${randomUUID()}`;
      const need = await db.transaction(async (tx) => {
        const { need: row, created } = await needsRepository(tx).openNeed({
          instansiId,
          employeeId: body.employeeId,
          year,
          areaKey,
          source: 'MANUAL',
          behaviour,
          competency,
          note: body.note || null,
          createdByUserId: ctx.actor.userId,
        });
        if (!created) throw conflictOn(ctx.locale, 'body.behaviour', 'NEED_DUPLICATE');
        await recordAudit(tx, ctx.req, {
          action: 'training.need.create',
          entityType: 'training_need',
          entityId: row.id,
          instansiId,
          newValues: { employeeId: body.employeeId, year, behaviour, competency, note: body.note ?? null },
        });
        return row;
      });
      const [dto] = await needDtos([need], instansiId);
      if (!dto) throw notFound();
      return dto;
    },

    /** The supervisor (or an admin over the employee) withdraws an open need, with a reason. */
    async withdraw(ctx: TrainingCtx, id: number, body: z.infer<typeof WithdrawNeedBody>): Promise<NeedDto> {
      const instansiId = instansiOf(ctx);
      const need = await repo.find(instansiId, id);
      if (!need) throw notFound();
      await readableEmployee(ctx, need.employeeId);
      if (!(await mayShape(ctx, need.employeeId, true))) throw forbidden();
      if (need.status !== 'OPEN') throw conflictOn(ctx.locale, 'status', 'NEED_NOT_OPEN');
      const updated = await db.transaction(async (tx) => {
        const row = await needsRepository(tx).update(id, { status: 'WITHDRAWN', closedAt: clock.now(), withdrawnNote: body.note });
        await recordAudit(tx, ctx.req, {
          action: 'training.need.withdraw',
          entityType: 'training_need',
          entityId: id,
          instansiId,
          oldValues: { status: 'OPEN' },
          newValues: { status: 'WITHDRAWN', note: body.note },
        });
        return row;
      });
      const [dto] = await needDtos([updated], instansiId);
      if (!dto) throw notFound();
      return dto;
    },
  };
  return service;
}

export type PlanService = ReturnType<typeof createPlanService>;
