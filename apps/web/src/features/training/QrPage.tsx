import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { useAttendanceCode, useSession } from './api';
import { sessionWhen } from './format';
import './training.css';

/**
 * The organiser shows this at the session (a laptop on the projector, or a phone held up). The
 * code changes every minute and is fetched again every 15 seconds; participants scan it with
 * their phone camera, which opens the check-in page while they are signed in.
 */
export function QrPage() {
  const { t, i18n } = useTranslation('training');
  const id = Number(useParams().id);
  const session = useSession(id);
  const code = useAttendanceCode(id);
  const s = session.data?.session;
  return (
    <>
      <PageHeading title={t('qr.title')} />
      <p>
        <Link to={`/pelatihan/sesi/${id}`}>{t('qr.back')}</Link>
      </p>
      {s ? (
        <p className="lead">
          <strong>{s.courseTitle}</strong>
          <br />
          {sessionWhen(s, i18n.language)} · {s.place}
        </p>
      ) : null}
      {code.isPending ? <Loading /> : null}
      {code.isError ? <LoadError error={code.error} onRetry={() => void code.refetch()} /> : null}
      {code.data ? (
        <div className="trn-qr">
          <img className="trn-qr__image" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.svg)}`} alt={t('qr.alt')} width={600} height={600} />
          <p className="lead">{t('qr.instruction')}</p>
          <p className="small">{t('qr.rotates')}</p>
          <p className="trn-qr__code">{code.data.url}</p>
        </div>
      ) : null}
    </>
  );
}
