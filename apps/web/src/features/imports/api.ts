import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportMode, ImportResult } from '@pantau/contracts';
import { ApiError, apiRequest } from '../../api/client';
import { employeeKeys } from '../employees/api';
import { unitKeys } from '../org/api';

export type { ImportResult };

export const importKeys = {
  all: ['imports'] as const,
  employees: () => [...importKeys.all, 'employees'] as const,
};

export function useEmployeeImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: importKeys.employees(),
    mutationFn: async ({ file, mode }: { file: File; mode: ImportMode }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        return await apiRequest<ImportResult>('/api/imports/employees', { method: 'POST', body: form, query: { mode } });
      } catch (error) {
        // A commit with bad rows writes nothing and answers 400 with the same result body.
        if (error instanceof ApiError && error.status === 400 && isImportResult(error.body)) return error.body;
        throw error;
      }
    },
    onSuccess: async (result) => {
      if (result.mode !== 'commit') return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: employeeKeys.all }),
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
      ]);
    },
  });
}

function isImportResult(body: unknown): body is ImportResult {
  return (
    typeof body === 'object' &&
    body !== null &&
    'ok' in body &&
    'errors' in body &&
    Array.isArray(body.errors) &&
    'summary' in body &&
    'changes' in body
  );
}

export const EXPORT_LINKS = {
  xlsx: '/api/exports/employees.xlsx',
  csv: '/api/exports/employees.csv',
} as const;
