import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Locale } from '@pantau/contracts';
import { ApiError, apiRequest, setCsrfToken } from '../../api/client';
import type { Me } from '../../api/types';
import { changeUiLanguage } from '../../i18n';

export const meKeys = {
  all: ['me'] as const,
  current: () => [...meKeys.all, 'current'] as const,
  /** Set when the person pressed "Keluar", so the sign-in page can say so (not "session ended"). */
  signedOut: () => [...meKeys.all, 'signed-out'] as const,
};

interface MeEnvelope {
  me: Me;
}

/** The signed-in account, or null when nobody is signed in (401 is an answer here, not an error). */
async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const { me } = await apiRequest<MeEnvelope>('/api/me', { signal, allowUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meKeys.current(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}

/** Forget the session everywhere in the cache; RequireAuth then shows the sign-in page. */
export function markSignedOut(queryClient: QueryClient, intentional = false): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKeys.all[0] });
  if (intentional) queryClient.setQueryData(meKeys.signedOut(), true);
  queryClient.setQueryData(meKeys.current(), null);
}

export function useWasSignedOut(): boolean {
  return useQueryClient().getQueryData<boolean>(meKeys.signedOut()) === true;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { nip: string; password: string }) =>
      apiRequest<MeEnvelope>('/api/auth/login', { method: 'POST', body, allowUnauthenticated: true }),
    onSuccess: async ({ me }) => {
      setCsrfToken(me.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKeys.all[0] });
      queryClient.removeQueries({ queryKey: meKeys.signedOut() });
      queryClient.setQueryData(meKeys.current(), me);
      await changeUiLanguage(me.locale);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/api/auth/logout', { method: 'POST', allowUnauthenticated: true }),
    // Signed out locally even if the request failed: the person asked to leave.
    onSettled: () => markSignedOut(queryClient, true),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiRequest<unknown>('/api/me/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.all }),
  });
}

export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiRequest<Partial<MeEnvelope>>('/api/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (data, locale) => {
      if (data?.me) {
        setCsrfToken(data.me.csrfToken);
        queryClient.setQueryData(meKeys.current(), data.me);
        return;
      }
      queryClient.setQueryData<Me | null>(meKeys.current(), (old) => (old ? { ...old, locale } : old));
    },
  });
}
