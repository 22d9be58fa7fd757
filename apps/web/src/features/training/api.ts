import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementBody,
  AttendanceCodeResponse,
  CheckInResponse,
  CourseBody,
  CourseDto,
  CourseFiguresResponse,
  CourseListResponse,
  EnrolmentDto,
  ExternalBody,
  ExternalDto,
  NeedBody,
  NeedDto,
  PlanDto,
  SessionBody,
  SessionDetailResponse,
  SessionDto,
  TeamPlansResponse,
  UnitFiguresResponse,
} from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';
import type { EmployeeListResponse } from '../../api/types';
import { trainingKeys } from './keys';

export type CourseList = z.infer<typeof CourseListResponse>;
export type TeamPlans = z.infer<typeof TeamPlansResponse>;
export type AttendanceCode = z.infer<typeof AttendanceCodeResponse>;
export type CheckIn = z.infer<typeof CheckInResponse>;
export type CourseInput = z.input<typeof CourseBody>;
export type SessionInput = z.input<typeof SessionBody>;
export type ExternalInput = z.input<typeof ExternalBody>;
export type NeedInput = z.input<typeof NeedBody>;
export type AgreementInput = z.input<typeof AgreementBody>;
export type { CourseDto, EnrolmentDto, ExternalDto, NeedDto, PlanDto, SessionDetailResponse, SessionDto, UnitFiguresResponse, CourseFiguresResponse };

/** This year in WIB. */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
}

export function useCourses(q = '', includeInactive = false) {
  return useQuery({
    queryKey: trainingKeys.courses(q, includeInactive),
    queryFn: ({ signal }) => apiRequest<CourseList>('/api/training/courses', { signal, query: { q, includeInactive: includeInactive ? 'true' : undefined } }),
  });
}

export function useSession(id: number) {
  return useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: ({ signal }) => apiRequest<SessionDetailResponse>(`/api/training/sessions/${id}`, { signal }),
  });
}

/** The code on the organiser's screen, fetched again before it changes. */
export function useAttendanceCode(id: number) {
  return useQuery({
    queryKey: trainingKeys.code(id),
    queryFn: ({ signal }) => apiRequest<AttendanceCode>(`/api/training/sessions/${id}/attendance-code`, { signal }),
    // A code is accepted in its own window and the next; fetch well before it changes.
    refetchInterval: (q) => Math.min(15_000, (q.state.data?.rotationSeconds ?? 60) * 250),
    refetchIntervalInBackground: true,
  });
}

export function usePlan(employeeId: number | null, year: number) {
  return useQuery({
    queryKey: trainingKeys.plan(employeeId, year),
    queryFn: ({ signal }) =>
      apiRequest<{ plan: PlanDto }>('/api/training/plan', { signal, query: { employeeId: employeeId ?? undefined, year } }).then((r) => r.plan),
  });
}

export function useTeamPlans(year: number) {
  return useQuery({
    queryKey: trainingKeys.team(year),
    queryFn: ({ signal }) => apiRequest<TeamPlans>('/api/training/team', { signal, query: { year } }),
  });
}

export function useEnrolments(scope: 'mine' | 'to-decide') {
  return useQuery({
    queryKey: trainingKeys.enrolments(scope),
    queryFn: ({ signal }) => apiRequest<{ enrolments: EnrolmentDto[] }>('/api/training/enrolments', { signal, query: { scope } }).then((r) => r.enrolments),
  });
}

export function useExternal(scope: 'mine' | 'to-verify', enabled = true) {
  return useQuery({
    queryKey: trainingKeys.external(scope),
    queryFn: ({ signal }) => apiRequest<{ external: ExternalDto[] }>('/api/training/external', { signal, query: { scope } }).then((r) => r.external),
    enabled,
  });
}

export function useUnitFigures(year: number, parentId: number | null) {
  return useQuery({
    queryKey: trainingKeys.unitFigures(year, parentId),
    queryFn: ({ signal }) => apiRequest<UnitFiguresResponse>('/api/training/figures/units', { signal, query: { year, parentId } }),
  });
}

export function useCourseFigures(year: number) {
  return useQuery({
    queryKey: trainingKeys.courseFigures(year),
    queryFn: ({ signal }) => apiRequest<CourseFiguresResponse>('/api/training/figures/courses', { signal, query: { year } }),
  });
}

/** People the caller may see (their chain, or their admin scope) whose name or NIP match; none before a search. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'people', q] as const,
    queryFn: ({ signal }) => apiRequest<EmployeeListResponse>('/api/employees', { signal, query: { q, page: 1, pageSize: 20 } }).then((r) => r.employees),
    enabled: q.length > 0,
  });
}

/** A mutation that refreshes every training query when it succeeds. */
function useTrainingMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.all }) });
}

export const useRequestPlace = () =>
  useTrainingMutation((v: { sessionId: number; note?: string; needId?: number | null }) =>
    apiRequest<{ enrolment: EnrolmentDto }>(`/api/training/sessions/${v.sessionId}/requests`, { method: 'POST', body: { note: v.note, needId: v.needId ?? null } }),
  );

export const useDecide = () =>
  useTrainingMutation((v: { id: number; decision: 'APPROVED' | 'REJECTED'; note?: string }) =>
    apiRequest<{ enrolment: EnrolmentDto }>(`/api/training/enrolments/${v.id}/decision`, { method: 'POST', body: { decision: v.decision, note: v.note } }),
  );

export const useCancelPlace = () =>
  useTrainingMutation((id: number) => apiRequest<{ enrolment: EnrolmentDto }>(`/api/training/enrolments/${id}/cancellation`, { method: 'POST', body: {} }));

export const useComplete = () =>
  useTrainingMutation((v: { id: number; outcome: 'COMPLETED' | 'INCOMPLETE'; certificateEvidenceId?: number; note?: string }) =>
    apiRequest<{ enrolment: EnrolmentDto }>(`/api/training/enrolments/${v.id}/completion`, {
      method: 'POST',
      body: { outcome: v.outcome, certificateEvidenceId: v.certificateEvidenceId, note: v.note },
    }),
  );

export const useTick = () =>
  useTrainingMutation((v: { sessionId: number; date: string; entries: { enrolmentId: number; present: boolean }[] }) =>
    apiRequest<SessionDetailResponse>(`/api/training/sessions/${v.sessionId}/attendance`, { method: 'PUT', body: { date: v.date, entries: v.entries } }),
  );

export const useCheckIn = () =>
  useTrainingMutation((v: { sessionId: number; token: string }) =>
    apiRequest<CheckIn>(`/api/training/sessions/${v.sessionId}/check-in`, { method: 'POST', body: { token: v.token } }),
  );

export const useAgree = () =>
  useTrainingMutation((v: AgreementInput) => apiRequest<{ plan: PlanDto }>('/api/training/plan/agreement', { method: 'POST', body: v }));

export const useAddNeed = () => useTrainingMutation((v: NeedInput) => apiRequest<{ need: NeedDto }>('/api/training/needs', { method: 'POST', body: v }));

export const useWithdrawNeed = () =>
  useTrainingMutation((v: { id: number; note: string }) => apiRequest<{ need: NeedDto }>(`/api/training/needs/${v.id}/withdrawal`, { method: 'POST', body: { note: v.note } }));

export const useCreateCourse = () =>
  useTrainingMutation((v: CourseInput) => apiRequest<{ course: CourseDto }>('/api/training/courses', { method: 'POST', body: v }));

export const useCreateSession = () =>
  useTrainingMutation((v: { courseId: number; body: SessionInput }) =>
    apiRequest<{ session: SessionDto }>(`/api/training/courses/${v.courseId}/sessions`, { method: 'POST', body: v.body }),
  );

export const useUpdateCourse = () =>
  useTrainingMutation((v: { id: number; body: CourseInput }) => apiRequest<{ course: CourseDto }>(`/api/training/courses/${v.id}`, { method: 'PUT', body: v.body }));

/** Withdraws a course: sessions not started are cancelled and their participants told. */
export const useCancelCourse = () =>
  useTrainingMutation((id: number) => apiRequest<{ course: CourseDto }>(`/api/training/courses/${id}/cancellation`, { method: 'POST', body: {} }));

export const useUpdateSession = () =>
  useTrainingMutation((v: { id: number; body: SessionInput }) => apiRequest<{ session: SessionDto }>(`/api/training/sessions/${v.id}`, { method: 'PUT', body: v.body }));

export const useCancelSession = () =>
  useTrainingMutation((id: number) => apiRequest<{ session: SessionDto }>(`/api/training/sessions/${id}/cancellation`, { method: 'POST', body: {} }));

/** Enrols people directly (everyone or nobody). */
export const useEnrol = () =>
  useTrainingMutation((v: { sessionId: number; employeeIds: number[] }) =>
    apiRequest<{ enrolments: EnrolmentDto[] }>(`/api/training/sessions/${v.sessionId}/enrolments`, { method: 'POST', body: { employeeIds: v.employeeIds } }),
  );

export const useCreateExternal = () =>
  useTrainingMutation((v: ExternalInput) => apiRequest<{ external: ExternalDto }>('/api/training/external', { method: 'POST', body: v }));

export const useVerifyExternal = () =>
  useTrainingMutation((v: { id: number; decision: 'VERIFIED' | 'REJECTED'; note?: string }) =>
    apiRequest<{ external: ExternalDto }>(`/api/training/external/${v.id}/verification`, { method: 'POST', body: { decision: v.decision, note: v.note } }),
  );

/** Uploads a certificate (PDF or photo) as an evidence file and returns its id. */
export async function uploadCertificate(file: File): Promise<number> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await apiRequest<{ evidence: { id: number } }>('/api/evidence', { method: 'POST', body: form });
  return res.evidence.id;
}

/** The session id a check-in code is for (the code starts with it). */
export function sessionOfToken(token: string): number | null {
  const m = /^(\d{1,9})\./.exec(token);
  return m?.[1] ? Number(m[1]) : null;
}
