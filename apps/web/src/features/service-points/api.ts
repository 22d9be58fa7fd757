import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateServicePointBody,
  ServicePointDto,
  ServicePointListResponse,
  ServicePointResponse,
  UpdateServicePointBody,
} from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';

export type { ServicePointDto };
type CreateBody = z.infer<typeof CreateServicePointBody>;
type UpdateBody = z.infer<typeof UpdateServicePointBody>;

export const servicePointKeys = {
  all: ['service-points'] as const,
  list: (includeInactive: boolean) => [...servicePointKeys.all, 'list', includeInactive] as const,
  detail: (id: number) => [...servicePointKeys.all, 'detail', id] as const,
};

/** Service points the caller manages or reads (admins: to edit; heads: for the IKM report filter). */
export function useServicePoints(includeInactive = false) {
  return useQuery({
    queryKey: servicePointKeys.list(includeInactive),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof ServicePointListResponse>>('/api/service-points', {
        signal,
        query: { includeInactive: includeInactive ? 'true' : undefined },
      }).then((r) => r.servicePoints),
  });
}

export function useServicePoint(id: number | null) {
  return useQuery({
    queryKey: servicePointKeys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<z.infer<typeof ServicePointResponse>>(`/api/service-points/${id}`, { signal }).then((r) => r.servicePoint),
    enabled: id !== null && id > 0,
  });
}

export function useSaveServicePoint(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBody | UpdateBody) =>
      apiRequest<z.infer<typeof ServicePointResponse>>(id ? `/api/service-points/${id}` : '/api/service-points', {
        method: id ? 'PATCH' : 'POST',
        body,
      }).then((r) => r.servicePoint),
    onSuccess: async (sp) => {
      queryClient.setQueryData(servicePointKeys.detail(sp.id), sp);
      await queryClient.invalidateQueries({ queryKey: [...servicePointKeys.all, 'list'] });
    },
  });
}

export function useSetServicePointStaff(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (employeeIds: number[]) =>
      apiRequest<z.infer<typeof ServicePointResponse>>(`/api/service-points/${id}/staff`, {
        method: 'PUT',
        body: { employeeIds },
      }).then((r) => r.servicePoint),
    onSuccess: (sp) => queryClient.setQueryData(servicePointKeys.detail(sp.id), sp),
  });
}

/** The printable A4 poster with the QR code (a plain link: the browser downloads it). */
export function posterHref(id: number): string {
  return `/api/service-points/${id}/poster.pdf`;
}
