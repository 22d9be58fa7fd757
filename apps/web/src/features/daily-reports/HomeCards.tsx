import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@pantau/contracts';
import { todayIso } from '../../lib/format';
import { useSignedInMe } from '../auth/me-context';
import { usePendingVerifications, useReportWindow } from './api';
import { statusOf } from './day-status';
import { formatDuration } from './duration';
import { useOutboxEntries } from './outbox';
import { StatusTag } from './StatusTag';
import { formatDayMedium, formatDayShort, formatWeekday } from './time';
import './daily-reports.css';

/** Beranda, first thing for an employee: today's report, one tap away. */
export function TodayReportCard() {
  const { t, i18n } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const me = useSignedInMe();
  const win = useReportWindow(me.userId);
  const entries = useOutboxEntries();
  const today = todayIso();
  const dates = win.data?.dates ?? [];
  const day = dates.find((d) => d.date === today) ?? dates[dates.length - 1];
  const status = day ? statusOf(day.date, day.report?.status ?? null, entries) : 'NONE';
  const returned = dates.filter((d) => d.report?.status === 'RETURNED');
  const started = status !== 'NONE';

  return (
    <section className="today-card" aria-labelledby="today-card-title">
      <h2 className="heading-m" id="today-card-title">
        {day && day.date !== today ? t('home.titleFor', { date: formatDayMedium(day.date, i18n.language) }) : t('home.title')}
      </h2>
      {day ? (
        <p>
          <StatusTag status={status} />{' '}
          {day.report ? formatDuration(tc, day.report.totalMinutes) : null}
        </p>
      ) : null}
      <p>{started ? t('home.bodyStarted') : day && day.date !== today ? t('home.bodyOtherDay') : t('home.body')}</p>
      {returned.map((d) => (
        <p key={d.date} className="today-card__returned">
          <Link to={`/laporan-harian?tanggal=${d.date}`}>{t('home.returned', { date: formatDayShort(d.date, i18n.language) })}</Link>
        </p>
      ))}
      <Link to="/laporan-harian" className="button button--big button--wide today-card__button">
        {day && day.date !== today
          ? t(started ? 'home.continueFor' : 'home.startFor', { day: formatWeekday(day.date, i18n.language) })
          : t(started ? 'home.continue' : 'home.start')}
      </Link>
    </section>
  );
}

/** Beranda for an atasan: how many days wait for them. */
export function TeamCard({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation('dailyReports');
  const supervisor = roles.includes('ATASAN');
  const pending = usePendingVerifications(supervisor);
  if (!supervisor) return null;
  const count = pending.data?.length ?? 0;
  return (
    <section className="today-card today-card--team" aria-labelledby="team-card-title">
      <h2 className="heading-m" id="team-card-title">
        {t('home.teamTitle')}
      </h2>
      <p>{pending.data ? (count > 0 ? t('home.teamPending', { count }) : t('home.teamNone')) : t('home.teamLoading')}</p>
      <Link to="/tim" className="button button--wide today-card__button">
        {t('home.teamOpen')}
      </Link>
    </section>
  );
}
