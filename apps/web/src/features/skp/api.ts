import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SkpCascadeBody,
  SkpCascadePositionsResponse,
  SkpCascadeResponse,
  SkpDetail,
  SkpDialogListResponse,
  SkpFeedbackListResponse,
  SkpEvaluationResponse,
  SkpListResponse,
  SkpObjectionListResponse,
  SkpOrgPredikatListResponse,
  SkpParentRhkOptionsResponse,
  SkpPeriodsResponse,
  SkpRealisationSheetResponse,
  SkpSettingsResponse,
  SkpStrengthsResponse,
  SkpTeamEvaluationsResponse,
  SkpTreeResponse,
  TeamTodayResponse,
} from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest, type RequestOptions } from '../../api/client';
import { skpKeys } from './keys';

export type SkpList = z.infer<typeof SkpListResponse>;
export type ParentOptions = z.infer<typeof SkpParentRhkOptionsResponse>;
export type CascadeResult = z.infer<typeof SkpCascadeResponse>;
export type CascadePositions = z.infer<typeof SkpCascadePositionsResponse>;
export type FeedbackThread = z.infer<typeof SkpFeedbackListResponse>['threads'][number];
export type Dialog = z.infer<typeof SkpDialogListResponse>['dialogs'][number];
export type CascadeBody = z.input<typeof SkpCascadeBody>;
export type Tree = z.infer<typeof SkpTreeResponse>;
export type Period = z.infer<typeof SkpPeriodsResponse>['periods'][number];
export type Settings = z.infer<typeof SkpSettingsResponse>['settings'];
export type TeamEvaluations = z.infer<typeof SkpTeamEvaluationsResponse>;
export type EvaluationAnswer = z.infer<typeof SkpEvaluationResponse>;
export type RealisationSheet = z.infer<typeof SkpRealisationSheetResponse>;
export type Objection = z.infer<typeof SkpObjectionListResponse>['objections'][number];
export type Strengths = z.infer<typeof SkpStrengthsResponse>['strengths'];
export type OrgPredikatItem = z.infer<typeof SkpOrgPredikatListResponse>['items'][number];

export function useSkpList(scope: 'mine' | 'toApprove' | 'team', year: number) {
  return useQuery({
    queryKey: skpKeys.list(scope, year),
    queryFn: ({ signal }) => apiRequest<SkpList>('/api/skp', { signal, query: { scope, year } }).then((r) => r.skps),
  });
}

export function useSkp(id: number | null) {
  return useQuery({
    queryKey: skpKeys.detail(id ?? 0),
    queryFn: ({ signal }) => apiRequest<{ skp: SkpDetail }>(`/api/skp/${id}`, { signal }).then((r) => r.skp),
    enabled: id !== null && id > 0,
  });
}

export function useParentOptions(skpId: number, enabled: boolean) {
  return useQuery({
    queryKey: skpKeys.parentOptions(skpId),
    queryFn: ({ signal }) => apiRequest<ParentOptions>(`/api/skp/${skpId}/parent-rhk-options`, { signal }),
    enabled,
  });
}

export function useSubordinates(enabled = true) {
  return useQuery({
    queryKey: skpKeys.subordinates(),
    queryFn: ({ signal }) => apiRequest<TeamTodayResponse>('/api/team/today', { signal, query: { scope: 'all' } }).then((r) => r.members),
    enabled,
  });
}

export function useCascadePositions(skpId: number | null) {
  return useQuery({
    queryKey: skpKeys.cascadePositions(skpId ?? 0),
    queryFn: ({ signal }) => apiRequest<CascadePositions>(`/api/skp/${skpId}/cascade-positions`, { signal }),
    enabled: skpId !== null && skpId > 0,
  });
}

export function useFeedback(skpId: number, periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.feedback(skpId, periodId),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof SkpFeedbackListResponse>>(`/api/skp/${skpId}/feedback`, { signal, query: { periodId: periodId ?? undefined } }).then((r) => r.threads),
  });
}

export function useDialogs(skpId: number) {
  return useQuery({
    queryKey: skpKeys.dialogs(skpId),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof SkpDialogListResponse>>(`/api/skp/${skpId}/dialogs`, { signal }).then((r) => r.dialogs),
  });
}

export function useTree(year: number, unitId: number | null) {
  return useQuery({
    queryKey: skpKeys.tree(year, unitId),
    queryFn: ({ signal }) => apiRequest<Tree>('/api/skp/tree', { signal, query: { year, unitId } }),
  });
}

export function usePeriods(year: number) {
  return useQuery({
    queryKey: skpKeys.periods(year),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof SkpPeriodsResponse>>('/api/skp/periods', { signal, query: { year } }).then((r) => r.periods),
  });
}

export function useSettings() {
  return useQuery({
    queryKey: skpKeys.settings(),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof SkpSettingsResponse>>('/api/skp/settings', { signal }).then((r) => r.settings),
  });
}

export function useTeamEvaluations(periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.team(periodId ?? 0),
    queryFn: ({ signal }) => apiRequest<TeamEvaluations>('/api/skp/evaluations', { signal, query: { periodId, as: 'penilai' } }),
    enabled: periodId !== null,
  });
}

export function useEvaluation(skpId: number, periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.evaluation(skpId, periodId ?? 0),
    queryFn: ({ signal }) => apiRequest<EvaluationAnswer>(`/api/skp/${skpId}/evaluations/${periodId}`, { signal }),
    enabled: periodId !== null,
  });
}

export function useRealisations(skpId: number, periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.realisations(skpId, periodId ?? 0),
    queryFn: ({ signal }) => apiRequest<RealisationSheet>(`/api/skp/${skpId}/periods/${periodId}/realisations`, { signal }),
    enabled: periodId !== null,
  });
}

export function useObjections(role: 'decider' | 'mine') {
  return useQuery({
    queryKey: skpKeys.objections(role),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof SkpObjectionListResponse>>('/api/skp/objections', { signal, query: { role } }).then((r) => r.objections),
  });
}

export function useStrengths(employeeId: number | null, periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.strengths(employeeId ?? 0, periodId ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof SkpStrengthsResponse>>(`/api/skp/employees/${employeeId}/periods/${periodId}/strengths`, { signal }).then((r) => r.strengths),
    enabled: employeeId !== null && periodId !== null,
  });
}

export function useOrgPredikat(periodId: number | null) {
  return useQuery({
    queryKey: skpKeys.orgPredikat(periodId ?? 0),
    queryFn: ({ signal }) => apiRequest<z.infer<typeof SkpOrgPredikatListResponse>>('/api/skp/org-predikat', { signal, query: { periodId } }).then((r) => r.items),
    enabled: periodId !== null,
  });
}

/** One mutation helper for every SKP write: sends the request and refreshes all SKP queries. */
export function useSkpMutation<TVars, TResult = unknown>(request: (vars: TVars) => { path: string } & Pick<RequestOptions, 'method' | 'body'>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: TVars) => {
      const { path, ...options } = request(vars);
      return apiRequest<TResult>(path, { method: 'POST', ...options });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: skpKeys.all }),
  });
}

export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
}
