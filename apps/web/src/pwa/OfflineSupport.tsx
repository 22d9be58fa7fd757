import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { meKeys, useMe } from '../features/auth/api';
import { forgetMe, rememberMe, rememberedMe } from './offline-session';
import { useOnline } from './online';
import { registerServiceWorker } from './register-sw';
import './pwa.css';

/**
 * Installs the service worker, keeps the app usable when it is opened without a connection, and
 * tells the person plainly when they are offline. Mounted once, in the Shell.
 */
export function OfflineSupport() {
  const { t } = useTranslation();
  const online = useOnline();
  const me = useMe();
  const queryClient = useQueryClient();

  useEffect(() => registerServiceWorker(), []);

  useEffect(() => {
    if (me.data) rememberMe(me.data);
    else if (me.data === null) forgetMe();
  }, [me.data]);

  const unreachable = (me.isPending && me.fetchStatus === 'paused') || (me.isError && me.error instanceof ApiError && me.error.status === 0);
  useEffect(() => {
    if (!unreachable) return;
    const remembered = rememberedMe();
    // Marked stale, so the real answer replaces it as soon as the server can be reached.
    if (remembered) queryClient.setQueryData(meKeys.current(), remembered, { updatedAt: 0 });
  }, [unreachable, queryClient]);

  return (
    <div className="offline-banner" role="status">
      {online ? null : (
        <div className="container offline-banner__inner">
          <p className="offline-banner__title">{t('offline.title')}</p>
          <p>{t('offline.body')}</p>
        </div>
      )}
    </div>
  );
}
