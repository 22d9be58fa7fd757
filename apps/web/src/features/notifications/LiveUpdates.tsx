import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useMe } from '../auth/api';
import { dailyReportKeys, supervisionKeys } from '../daily-reports/keys';
import { teamKeys } from '../team/keys';
import { notificationKeys } from './keys';
import { startLiveEvents, stopLiveEvents, useLiveEvents, type LiveEvent } from './live-events';

/**
 * Keeps what is on screen current: each live event marks the queries it affects as stale, and
 * TanStack Query refetches those that a page is showing. Mounted once, in the Shell.
 */
export function LiveUpdates() {
  const me = useMe();
  const queryClient = useQueryClient();
  const signedIn = Boolean(me.data && !me.data.mustChangePassword);

  useEffect(() => {
    if (!signedIn) return;
    startLiveEvents();
    return () => stopLiveEvents();
  }, [signedIn]);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      const stale = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
      if (event.type.startsWith('daily_report.')) {
        stale(dailyReportKeys.all);
        stale(teamKeys.all);
      }
      if (event.type === 'supervision.recorded') stale(supervisionKeys.all);
      // Only the recipient's own connections get notification.created (the server filters it);
      // a return or a pembinaan note for a subordinate must not refetch the atasan's bell.
      if (event.type === 'notification.created') stale(notificationKeys.all);
    },
    [queryClient],
  );
  useLiveEvents(onEvent);
  return null;
}
