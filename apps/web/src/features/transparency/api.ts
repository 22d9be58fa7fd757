import { useQuery } from '@tanstack/react-query';
import type { TransparencyResponse } from '@pantau/contracts';
import { apiRequest } from '../../api/client';

export const transparencyKeys = {
  all: ['transparency'] as const,
  year: (code: string, year: number) => [...transparencyKeys.all, code, year] as const,
};

/** Public figures of an instansi for a year (cached a minute by the server; no cookie sent). */
export function useTransparency(code: string, year: number) {
  return useQuery({
    queryKey: transparencyKeys.year(code, year),
    queryFn: ({ signal }) =>
      apiRequest<TransparencyResponse>(`/api/public/instansi/${encodeURIComponent(code)}/transparency`, {
        signal,
        query: { year },
        withoutSession: true,
      }),
  });
}
