import type { CourseDto, EnrolmentDto, SessionDto, TrainingPersonRef } from '@pantau/contracts';
import { attendanceNeeded, checkInState, seatsLeft, sessionLength, type Berakhlak } from '@pantau/domain';
import type { CourseRow, OrganiserRow, SessionRow } from './catalogue.repository.js';
import type { EnrolmentRow } from './enrolments.repository.js';

/** Rows → DTOs: the only path from the database to JSON in this module. */

export interface Now {
  date: string;
  time: string;
}

/** HH:mm from a `time` column (PostgreSQL returns HH:mm:ss). */
export const hhmm = (t: string) => t.slice(0, 5);

export const sessionTimes = (s: SessionRow) => ({ startDate: s.startDate, endDate: s.endDate, startTime: hhmm(s.startTime), endTime: hhmm(s.endTime) });

export function sessionState(s: SessionRow, now: Now): SessionDto['state'] {
  if (s.cancelledAt) return 'CANCELLED';
  const times = sessionTimes(s);
  if (checkInState(times, now.date, now.time) === 'OVER') return 'OVER';
  if (now.date < s.startDate || (now.date === s.startDate && now.time < times.startTime)) return 'UPCOMING';
  return 'ONGOING';
}

export function presentSession(
  s: SessionRow,
  course: CourseRow,
  o: { taken: number; mine: EnrolmentRow | undefined; manage: boolean; canRequest: boolean; canEnrol: boolean; now: Now },
): SessionDto {
  const state = sessionState(s, o.now);
  const left = seatsLeft(s.capacity, o.taken);
  const mineActive = o.mine && o.mine.status !== 'CANCELLED' && o.mine.status !== 'REJECTED' ? o.mine : undefined;
  return {
    id: s.id,
    courseId: course.id,
    courseTitle: course.title,
    kind: course.kind,
    mode: course.mode,
    jp: course.jp,
    ...sessionTimes(s),
    place: s.place,
    capacity: s.capacity,
    seatsTaken: o.taken,
    seatsLeft: left,
    state,
    myEnrolment: o.mine ? { id: o.mine.id, status: o.mine.status } : null,
    abilities: {
      manage: o.manage,
      request: o.canRequest && course.active && state === 'UPCOMING' && left > 0 && mineActive === undefined,
      enrol: o.canEnrol && course.active && state === 'UPCOMING' && left > 0,
    },
  };
}

export function presentCourse(c: CourseRow, organisers: readonly OrganiserRow[], sessions: SessionDto[], manage: boolean): CourseDto {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    kind: c.kind,
    mode: c.mode,
    jp: c.jp,
    organiser: c.organiser,
    organiserUnits: organisers.filter((o) => o.courseId === c.id).map((o) => ({ id: o.unitId, name: o.name, isLead: o.isLead })),
    behaviours: [...c.behaviours] as Berakhlak[],
    competencies: [...c.competencies],
    active: c.active,
    sessions,
    abilities: { manage },
  };
}

export const certificateUrl = (kind: 'enrolments' | 'external', id: number) => `/api/training/${kind}/${id}/certificate`;

export function presentEnrolment(
  e: EnrolmentRow,
  o: {
    session: SessionDto;
    sessionRow: SessionRow;
    people: ReadonlyMap<number, TrainingPersonRef>;
    attended: readonly string[];
    attendanceShare: number;
    need: { id: number; behaviour: Berakhlak | null; competency: string | null } | null;
    certificateName: string | null;
    abilities: EnrolmentDto['abilities'];
  },
): EnrolmentDto {
  const person = (id: number | null) => (id === null ? null : (o.people.get(id) ?? { id, nip: '', name: '', unitName: null }));
  return {
    id: e.id,
    session: o.session,
    employee: person(e.employeeId) ?? { id: e.employeeId, nip: '', name: '', unitName: null },
    status: e.status,
    requestNote: e.requestNote,
    requestedAt: e.requestedAt?.toISOString() ?? null,
    approver: person(e.approverEmployeeId),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
    need: o.need,
    attendedDates: [...o.attended],
    attendanceNeeded: attendanceNeeded(sessionLength(o.sessionRow), o.attendanceShare),
    completedOn: e.completedOn,
    jp: e.jp,
    certificate:
      e.certificateEvidenceId !== null
        ? { id: e.certificateEvidenceId, name: o.certificateName ?? '', url: certificateUrl('enrolments', e.id) }
        : null,
    abilities: o.abilities,
  };
}
