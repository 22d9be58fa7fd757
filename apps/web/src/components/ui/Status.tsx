import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

/** A failed load: the server's message (already in the user's language) and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t('common.loadFailed');
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t('common.loadFailed')}</p>
      {message !== t('common.loadFailed') ? <p>{message}</p> : null}
      {requestId ? <p className="small">{t('common.requestId', { id: requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'success' | 'info' | 'warning';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : undefined}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}
