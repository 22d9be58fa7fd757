import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationDto } from './api';
import './notifications.css';

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeading title={t('title')} />
      <p className="lead" aria-live="polite">
        {unreadCount > 0 ? t('unreadCount', { count: unreadCount }) : t('allRead')}
      </p>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={unreadOnly}
          onClick={() => setUnreadOnly((v) => !v)}
        >
          {unreadOnly ? t('showAll') : t('showUnread')}
        </button>
        {unreadCount > 0 ? (
          <button type="button" className="button button--secondary" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('markAll')}
          </button>
        ) : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>{unreadOnly ? t('emptyUnread') : t('empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="notification-list">
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
        </button>
      ) : null}
    </>
  );
}

function NotificationItem({ n }: { n: NotificationDto }) {
  const { t, i18n } = useTranslation('notifications');
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const read = () => {
    if (unread) markRead.mutate(n.id);
  };
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <p className="notification__title">
        {unread ? <span className="notification__dot">{t('new')}</span> : null}
        {n.title}
      </p>
      {n.body ? <p>{n.body}</p> : null}
      <p className="small muted">{formatDateTime(n.createdAt, i18n.language)}</p>
      <div className="button-group">
        {n.link ? (
          <Link to={n.link} className="notification__open" onClick={read}>
            {t('open')}
          </Link>
        ) : null}
        {unread ? (
          <button type="button" className="link-button" disabled={markRead.isPending} onClick={read}>
            {t('markRead')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
