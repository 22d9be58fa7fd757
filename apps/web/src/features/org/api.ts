import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import type { UnitDto } from '../../api/types';

export const unitKeys = {
  all: ['units'] as const,
  list: () => [...unitKeys.all, 'list'] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: unitKeys.list(),
    queryFn: ({ signal }) => apiRequest<{ units: UnitDto[] }>('/api/units', { signal }).then((r) => r.units),
    // The org chart changes a few times a year.
    staleTime: 5 * 60_000,
  });
}
