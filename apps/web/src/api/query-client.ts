import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * Defaults chosen for phones on a weak signal:
 * - staleTime 30 s: moving between pages does not refetch what was just loaded.
 * - no refetch on window focus: switching apps on a phone should not spend data.
 * - retry only network/5xx failures, twice; a 4xx answer will not change by asking again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
