import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../auth/api';
import { useOnline } from '../../pwa/online';
import { dailyReportKeys, supervisionKeys } from './keys';
import { dayOutbox, listenToBackgroundSends, onDaySent } from './outbox';

/**
 * Sends the daily-report outbox in the background on every page: when the app starts, when the
 * connection comes back, when the tab is shown again. Where the browser has Background Sync the
 * service worker also sends it, even after the tab was closed. Mounted once, in the Shell.
 */
export function DailyReportSync() {
  const me = useMe();
  const queryClient = useQueryClient();
  const online = useOnline();
  const userId = me.data && me.data.employeeId !== null ? me.data.userId : null;

  useEffect(() => {
    void dayOutbox.setUser(userId);
  }, [userId]);

  useEffect(() => {
    if (online) void dayOutbox.flush();
  }, [online]);

  // Days the service worker sent (Background Sync) refresh this page too.
  useEffect(() => listenToBackgroundSends(), []);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void dayOutbox.flush();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(
    () =>
      onDaySent((_entry, report) => {
        queryClient.setQueryData(dailyReportKeys.detail(report.id), report);
        void queryClient.invalidateQueries({ queryKey: dailyReportKeys.window() });
        void queryClient.invalidateQueries({ queryKey: dailyReportKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: dailyReportKeys.templates() });
        void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
      }),
    [queryClient],
  );
  return null;
}
