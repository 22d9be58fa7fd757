import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatNumber } from '../../lib/format';
import { useSignedInMe } from '../auth/me-context';
import { useMyReports } from './api';
import { formatDuration } from './duration';
import { useOutboxEntries } from './outbox';
import { StatusTag } from './StatusTag';
import { formatDayLong } from './time';
import './daily-reports.css';

const PAGE_SIZE = 20;

/** The employee's past days with their status, newest first; days still on the phone on top. */
export function HistoryPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const me = useSignedInMe();
  const [page, setPage] = useState(1);
  const list = useMyReports({ page, pageSize: PAGE_SIZE });
  const entries = useOutboxEntries();
  const waiting = [...new Map(entries.map((e) => [e.payload.date, e])).values()];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.meta.total / PAGE_SIZE)) : 1;

  return (
    <>
      <p className="back-link">
        <Link to="/laporan-harian">{t('history.back')}</Link>
      </p>
      <PageHeading title={t('history.title')} />
      {me.employeeId === null ? <p>{t('today.noEmployee')}</p> : null}
      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-title" className="section">
          <h2 className="heading-m" id="waiting-title">
            {t('history.waitingTitle')}
          </h2>
          <ul className="day-list">
            {waiting.map((e) => (
              <li key={e.id} className="day-list__item">
                <Link to={`/laporan-harian?tanggal=${e.payload.date}`} className="day-list__date">
                  {formatDayLong(e.payload.date, i18n.language)}
                </Link>
                <StatusTag status={e.state === 'failed' ? 'FAILED' : 'QUEUED'} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.dailyReports.length === 0 ? <p>{t('history.empty')}</p> : null}
      {list.data && list.data.dailyReports.length > 0 ? (
        <ul className="day-list">
          {list.data.dailyReports.map((r) => (
            <li key={r.id} className="day-list__item">
              <Link to={`/laporan-harian/${r.id}`} className="day-list__date">
                {formatDayLong(r.date, i18n.language)}
              </Link>
              <StatusTag status={r.status} />
              <p className="day-list__meta">
                {t('history.summary', { duration: formatDuration(tc, r.totalMinutes), count: r.activityCount, countText: formatNumber(r.activityCount, i18n.language) })}
              </p>
              {r.status === 'RETURNED' && r.returnNote ? (
                <p className="day-list__note">
                  {t('history.note')} {r.returnNote}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('history.pages')}>
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('history.newer')}
          </button>
          <span className="pagination__status">{t('history.pageOf', { page, pages })}</span>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('history.older')}
          </button>
        </nav>
      ) : null}
    </>
  );
}
