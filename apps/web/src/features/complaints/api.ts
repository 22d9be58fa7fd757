import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplainantResponse,
  ComplaintAttachmentResponse,
  ComplaintCategory,
  ComplaintCreatedResponse,
  ComplaintDetail,
  ComplaintDetailResponse,
  ComplaintEvidenceResponse,
  ComplaintListResponse,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintTransitionBody,
  CreateComplaintBody,
  FeedbackAlertDto,
  FeedbackAlertListResponse,
  FeedbackAlertResponse,
  PublicDirectoryResponse,
  TrackedComplaintResponse,
} from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';

export type { ComplaintCategory, ComplaintDetail, ComplaintStatus, ComplaintSummary, FeedbackAlertDto };
export type TrackedComplaint = z.infer<typeof TrackedComplaintResponse>['complaint'];
export type ComplaintCreated = z.infer<typeof ComplaintCreatedResponse>;
export type PublicDirectory = z.infer<typeof PublicDirectoryResponse>;
export type Complainant = z.infer<typeof ComplainantResponse>['complainant'];

const TOKEN_HEADER = 'X-Tracking-Token';

export interface ComplaintListParams {
  status?: ComplaintStatus | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  directory: (code: string) => [...complaintKeys.all, 'directory', code] as const,
  // The secret is part of the key so that a corrected secret asks the server again.
  tracked: (code: string, token: string) => [...complaintKeys.all, 'tracked', code, token] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (params: ComplaintListParams) => [...complaintKeys.lists(), params] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: number) => [...complaintKeys.details(), id] as const,
  alerts: () => [...complaintKeys.all, 'alerts'] as const,
};

// ------------------------------------------------------------------ public (no sign-in)

/** OPDs, their units and services, for "what is this about" on the complaint form. */
export function usePublicDirectory(instansiCode: string, enabled = true) {
  return useQuery({
    queryKey: complaintKeys.directory(instansiCode),
    queryFn: ({ signal }) =>
      apiRequest<PublicDirectory>(`/api/public/instansi/${encodeURIComponent(instansiCode)}/directory`, {
        signal,
        withoutSession: true,
      }),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCreateComplaint() {
  return useMutation({
    mutationFn: (body: CreateComplaintBody) =>
      apiRequest<ComplaintCreated>('/api/public/complaints', { method: 'POST', body, withoutSession: true }),
  });
}

/** One photo or PDF, sent after the complaint exists (multipart field "file"). */
export function uploadAttachment(code: string, token: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<z.infer<typeof ComplaintAttachmentResponse>>(`/api/public/complaints/${encodeURIComponent(code)}/attachments`, {
    method: 'POST',
    body: form,
    headers: { [TOKEN_HEADER]: token },
    withoutSession: true,
  });
}

/** The secret travels in a header, never in the address. */
export function fetchTracked(code: string, token: string, signal?: AbortSignal) {
  return apiRequest<z.infer<typeof TrackedComplaintResponse>>(`/api/public/complaints/${encodeURIComponent(code)}`, {
    signal,
    headers: { [TOKEN_HEADER]: token },
    withoutSession: true,
  }).then((r) => r.complaint);
}

export function useReopenComplaint(code: string, token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest<z.infer<typeof TrackedComplaintResponse>>(`/api/public/complaints/${encodeURIComponent(code)}/reopen`, {
        method: 'POST',
        body: { reason },
        headers: { [TOKEN_HEADER]: token },
        withoutSession: true,
      }).then((r) => r.complaint),
    onSuccess: (complaint) => queryClient.setQueryData(complaintKeys.tracked(code, token), complaint),
  });
}

// ------------------------------------------------------------------ officials

export function useComplaints(params: ComplaintListParams) {
  return useQuery({
    queryKey: complaintKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof ComplaintListResponse>>('/api/complaints', {
        signal,
        query: {
          status: params.status,
          overdue: params.overdue ? 'true' : undefined,
          q: params.q,
          page: params.page,
          pageSize: params.pageSize,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof ComplaintDetailResponse>>(`/api/complaints/${id}`, { signal }).then((r) => r.complaint),
    enabled: id > 0,
  });
}

export function useComplaintTransition(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintTransitionBody) =>
      apiRequest<z.infer<typeof ComplaintDetailResponse>>(`/api/complaints/${id}/transitions`, { method: 'POST', body }).then(
        (r) => r.complaint,
      ),
    onSuccess: async (complaint) => {
      queryClient.setQueryData(complaintKeys.detail(id), complaint);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: complaintKeys.alerts() }),
      ]);
    },
  });
}

/** Reading a (non-anonymous) complainant's contact is audited, so it is asked for on purpose only. */
export function useRevealComplainant(id: number) {
  return useMutation({
    mutationFn: () => apiRequest<{ complainant: Complainant }>(`/api/complaints/${id}/complainant`).then((r) => r.complainant),
  });
}

export function useAttachEvidence(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string | undefined) =>
      apiRequest<z.infer<typeof ComplaintEvidenceResponse>>(`/api/complaints/${id}/evidence`, { method: 'POST', body: { note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.detail(id) }),
  });
}

export function attachmentHref(complaintId: number, attachmentId: number): string {
  return `/api/complaints/${complaintId}/attachments/${attachmentId}`;
}

// ------------------------------------------------------------------ alerts (complaints and low survey scores)

export function useAlerts() {
  return useQuery({
    queryKey: complaintKeys.alerts(),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof FeedbackAlertListResponse>>('/api/feedback/alerts', { signal, query: { pageSize: 50 } }),
  });
}

export function useFollowUpAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) =>
      apiRequest<z.infer<typeof FeedbackAlertResponse>>(`/api/feedback/alerts/${id}/follow-up`, {
        method: 'POST',
        body: { note },
      }).then((r) => r.alert),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.alerts() }),
  });
}
