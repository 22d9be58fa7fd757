import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { Notice } from '../../components/ui/Status';
import { formatDate } from '../../lib/format';
import { sessionOfToken, useCheckIn } from './api';
import './training.css';

/**
 * Opened by scanning the session's QR code with the phone camera (the code is a link to
 * /pelatihan/hadir/<code>). One tap records today's attendance; no camera access is needed.
 */
export function CheckInPage() {
  const { t, i18n } = useTranslation('training');
  const token = useParams().token ?? '';
  const sessionId = sessionOfToken(token);
  const checkIn = useCheckIn();
  const done = checkIn.data?.attendance;
  const failure = checkIn.error instanceof ApiError ? (checkIn.error.fields[0]?.message ?? checkIn.error.message) : null;
  return (
    <>
      <PageHeading title={t('checkIn.title')} />
      {sessionId === null ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('checkIn.badLink')}</p>
        </div>
      ) : null}
      {done ? (
        <Notice tone="success" title={t('checkIn.done')}>
          <p>
            {done.courseTitle} · {formatDate(done.date, i18n.language)}
          </p>
          <p>{t('checkIn.days', { attended: done.attendedDays, total: done.totalDays })}</p>
        </Notice>
      ) : null}
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('checkIn.failed')}</p>
          <p>{failure}</p>
        </div>
      ) : null}
      {sessionId !== null && !done ? (
        <>
          <p className="trn-checkin">{t('checkIn.intro')}</p>
          <button type="button" className="button button--wide" disabled={checkIn.isPending} onClick={() => checkIn.mutate({ sessionId, token })}>
            {t('checkIn.button')}
          </button>
        </>
      ) : null}
      <p>
        <Link to="/pelatihan">{t('checkIn.toMine')}</Link>
      </p>
    </>
  );
}
