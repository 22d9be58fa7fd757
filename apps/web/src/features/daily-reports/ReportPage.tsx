import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { useSignedInMe } from '../auth/me-context';
import { ActivityCard } from './ActivityCard';
import { useDailyReport } from './api';
import { DayEditor } from './DayEditor';
import { formatDuration } from './duration';
import { fromDto } from './model';
import { StatusTag } from './StatusTag';
import { formatDayLong } from './time';
import './daily-reports.css';

/** One day's report: the owner works on it here (a returned day opens here from the notification). */
export function ReportPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const me = useSignedInMe();
  const { id } = useParams();
  const reportId = Number(id);
  const valid = Number.isInteger(reportId) && reportId > 0;
  const report = useDailyReport(valid ? reportId : null);
  const back = (
    <p className="back-link">
      <Link to="/laporan-harian/riwayat">{t('report.back')}</Link>
    </p>
  );

  if (!valid || (report.error instanceof ApiError && report.error.status === 404)) {
    return (
      <>
        {back}
        <PageHeading title={t('report.notFoundTitle')} />
        <p>{t('report.notFound')}</p>
      </>
    );
  }
  if (report.isPending) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  if (report.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('report.notFoundTitle')} />
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      </>
    );
  }
  const r = report.data;
  const date = formatDayLong(r.date, i18n.language);
  if (r.employee.id === me.employeeId) {
    return (
      <>
        {back}
        <PageHeading title={t('report.title', { date })} />
        <DayEditor date={r.date} report={r} normMinutes={r.normMinutes} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('report.titleOf', { name: r.employee.name, date })} />
      <p>
        <StatusTag status={r.status} /> {formatDuration(tc, r.totalMinutes)}
      </p>
      {r.abilities.verify ? (
        <p>
          <Link className="button" to={`/tim?periksa=${r.id}`}>
            {t('report.review')}
          </Link>
        </p>
      ) : null}
      <ol className="activities">
        {r.activities.map((a, i) => (
          <ActivityCard key={a.id} activity={fromDto(a)} number={i + 1} skp={null} />
        ))}
      </ol>
    </>
  );
}
