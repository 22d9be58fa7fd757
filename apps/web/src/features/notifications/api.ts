import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto, NotificationListResponse } from '@pantau/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../api/client';
import { notificationKeys } from './keys';

export type { NotificationDto };
type ListResponse = z.infer<typeof NotificationListResponse>;

const PAGE = 30;

/** Unread count for the bell; live events refresh it, and a slow poll catches reminders. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) =>
      apiRequest<ListResponse>('/api/notifications', { signal, query: { unreadOnly: 'true', limit: 1 } }).then((r) => r.unreadCount),
    enabled,
    refetchInterval: 5 * 60_000,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ signal, pageParam }) =>
      apiRequest<ListResponse>('/api/notifications', {
        signal,
        query: { unreadOnly: unreadOnly ? 'true' : 'false', limit: PAGE, beforeId: pageParam },
      }),
    getNextPageParam: (last) =>
      last.notifications.length === PAGE ? last.notifications[last.notifications.length - 1]?.id : undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<{ notification: NotificationDto }>(`/api/notifications/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ updated: number }>('/api/notifications/read-all', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
