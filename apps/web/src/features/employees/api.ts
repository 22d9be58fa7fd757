import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import type { EmployeeDetailDto, EmployeeListResponse } from '../../api/types';

export interface EmployeeListParams {
  q?: string | undefined;
  unitId?: number | undefined;
  page: number;
  pageSize: number;
}

export const employeeKeys = {
  all: ['employees'] as const,
  lists: () => [...employeeKeys.all, 'list'] as const,
  list: (params: EmployeeListParams) => [...employeeKeys.lists(), params] as const,
  details: () => [...employeeKeys.all, 'detail'] as const,
  detail: (id: number) => [...employeeKeys.details(), id] as const,
};

export function useEmployees(params: EmployeeListParams) {
  return useQuery({
    queryKey: employeeKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<EmployeeListResponse>('/api/employees', {
        signal,
        query: { q: params.q, unitId: params.unitId, page: params.page, pageSize: params.pageSize },
      }),
    // Keep the current page on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(id: number | null) {
  return useQuery({
    queryKey: employeeKeys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<{ employee: EmployeeDetailDto }>(`/api/employees/${id}`, { signal }).then((r) => r.employee),
    enabled: id !== null && id > 0,
  });
}

export function useResetPassword(employeeId: number) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      apiRequest<unknown>(`/api/employees/${employeeId}/password-reset`, {
        method: 'POST',
        body: { newPassword },
      }),
  });
}
