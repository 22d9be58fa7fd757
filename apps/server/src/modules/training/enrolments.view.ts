import type { EnrolmentDto } from '@pantau/contracts';
import type { Berakhlak } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { catalogueRepository, type CourseRow, type SessionRow } from './catalogue.repository.js';
import type { CatalogueService } from './catalogue.service.js';
import type { Certificates } from './certificates.js';
import { enrolmentsRepository, type EnrolmentRow } from './enrolments.repository.js';
import { needsRepository } from './needs.repository.js';
import { trainingAccess } from './training.access.js';
import type { TrainingCtx } from './training.messages.js';
import { presentEnrolment, sessionState, type Now } from './training.presenter.js';
import type { TrainingSettings } from './training.settings.js';

/** What the viewer may do with a place (the web shows only these buttons). */
export function enrolmentAbilities(
  actor: Actor,
  e: EnrolmentRow,
  session: SessionRow,
  o: { manage: boolean; now: Now },
): EnrolmentDto['abilities'] {
  const own = actor.employeeId === e.employeeId;
  const state = sessionState(session, o.now);
  const approver = e.approverEmployeeId === null ? actor.roles.has('ADMIN_BKPSDM') : actor.employeeId === e.approverEmployeeId;
  return {
    decide: e.status === 'REQUESTED' && !own && approver,
    cancel:
      (own && (e.status === 'REQUESTED' || (e.status === 'ENROLLED' && state === 'UPCOMING'))) ||
      (o.manage && (e.status === 'REQUESTED' || e.status === 'ENROLLED') && state !== 'OVER'),
    complete: o.manage && !own && (e.status === 'ENROLLED' || e.status === 'INCOMPLETE') && state === 'OVER',
  };
}

/** Builds the DTOs of many places with a fixed number of queries. */
export function enrolmentViews(deps: {
  db: DbOrTx;
  clock: Clock;
  catalogue: Pick<CatalogueService, 'sessionDtos'>;
  certificates: Certificates;
  settings: Pick<TrainingSettings, 'attendanceShare'>;
}) {
  const access = trainingAccess(deps.db, deps.clock);

  return async function view(ctx: TrainingCtx, list: readonly EnrolmentRow[]): Promise<EnrolmentDto[]> {
    if (list.length === 0) return [];
    const cat = catalogueRepository(deps.db);
    const sessions = await cat.findSessions([...new Set(list.map((e) => e.sessionId))]);
    const courses = await cat.findCourses(list[0]?.instansiId ?? 0, [...new Set(sessions.map((s) => s.courseId))]);
    const courseMap = new Map<number, CourseRow>(courses.map((c) => [c.id, c]));
    const organisers = await cat.organisersOf(courses.map((c) => c.id));
    const managed = await access.managedCourses(ctx.actor, organisers);
    const [dtos, people, attendance, needs, files] = await Promise.all([
      deps.catalogue.sessionDtos(ctx, deps.db, sessions, courseMap, managed),
      access.people(list.flatMap((e) => [e.employeeId, ...(e.approverEmployeeId === null ? [] : [e.approverEmployeeId])])),
      enrolmentsRepository(deps.db).attendanceOf(list.map((e) => e.id)),
      needsRepository(deps.db).findMany(list.flatMap((e) => (e.needId === null ? [] : [e.needId]))),
      deps.certificates.files(list.flatMap((e) => (e.certificateEvidenceId === null ? [] : [e.certificateEvidenceId]))),
    ]);
    const now = access.now();
    return list.flatMap((e) => {
      const sessionRow = sessions.find((s) => s.id === e.sessionId);
      const session = dtos.get(e.sessionId);
      if (!sessionRow || !session) return [];
      const need = needs.find((n) => n.id === e.needId);
      return [
        presentEnrolment(e, {
          session,
          sessionRow,
          people,
          attended: attendance.get(e.id) ?? [],
          attendanceShare: deps.settings.attendanceShare,
          need: need ? { id: need.id, behaviour: need.behaviour as Berakhlak | null, competency: need.competency } : null,
          certificateName: e.certificateEvidenceId === null ? null : (files.get(e.certificateEvidenceId)?.name ?? null),
          abilities: enrolmentAbilities(ctx.actor, e, sessionRow, { manage: managed.has(session.courseId), now }),
        }),
      ];
    });
  };
}

export type EnrolmentViews = ReturnType<typeof enrolmentViews>;
