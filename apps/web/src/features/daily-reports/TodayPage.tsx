import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { todayIso } from '../../lib/format';
import { useOnline } from '../../pwa/online';
import { useSignedInMe } from '../auth/me-context';
import { useDailyReport, useReportWindow } from './api';
import { chooseDate, statusOf } from './day-status';
import { DayEditor } from './DayEditor';
import { useOutboxEntries } from './outbox';
import { StatusTag } from './StatusTag';
import { formatDayLong, formatDayMedium, formatDayShort } from './time';
import './daily-reports.css';

/** "Laporan hari ini": the employee's day, one tap from Beranda. */
export function TodayPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const me = useSignedInMe();
  const online = useOnline();
  const [params] = useSearchParams();
  const win = useReportWindow(me.userId);
  const entries = useOutboxEntries();
  const today = todayIso();
  const dates = win.data?.dates ?? [];
  const date = chooseDate(params.get('tanggal'), dates.map((d) => d.date), today);
  const day = dates.find((d) => d.date === date);
  const reportId = day?.report?.id ?? null;
  const report = useDailyReport(reportId);

  if (me.employeeId === null) {
    return (
      <>
        <PageHeading title={t('today.title')} />
        <p>{t('today.noEmployee')}</p>
      </>
    );
  }

  const title = date === today ? t('today.title') : t('today.titleFor', { date: formatDayMedium(date, i18n.language) });
  const loadingWindow = win.isPending && win.fetchStatus === 'fetching';
  const loadingReport = reportId !== null && report.isPending && report.fetchStatus === 'fetching';

  return (
    <>
      <PageHeading title={title} />
      {date === today ? <p className="lead">{formatDayLong(date, i18n.language)}</p> : null}
      {win.data && !dates.some((d) => d.date === today) ? (
        <Notice tone="info">
          <p>{t('today.notWorkingDay', { today: formatDayLong(today, i18n.language) })}</p>
        </Notice>
      ) : null}
      {dates.length > 1 ? (
        <nav className="day-picker" aria-label={t('today.pickDay')}>
          <p className="day-picker__label" aria-hidden="true">
            {t('today.pickDay')}
          </p>
          <ul>
            {dates.map((d) => (
              <li key={d.date}>
                <Link
                  to={`/laporan-harian?tanggal=${d.date}`}
                  className="day-picker__day"
                  aria-current={d.date === date ? 'date' : undefined}
                  replace
                >
                  <span className="day-picker__date">{d.date === today ? t('today.todayShort') : formatDayShort(d.date, i18n.language)}</span>
                  <StatusTag status={statusOf(d.date, d.report?.status ?? null, entries)} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {win.isError && online ? <LoadError error={win.error} onRetry={() => void win.refetch()} /> : null}
      {report.isError && online ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {loadingWindow || loadingReport ? (
        <Loading />
      ) : (
        <DayEditor key={date} date={date} report={report.data ?? null} summary={day ? day.report : undefined} normMinutes={day?.normMinutes ?? null} />
      )}
      <ul className="link-list">
        <li>
          <Link to="/laporan-harian/riwayat">{t('today.history')}</Link>
        </li>
        <li>
          <Link to="/bantuan/cara-melapor">{t('today.help')}</Link>
        </li>
      </ul>
    </>
  );
}
