import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDate } from '../../lib/format';
import { useSignedInMe } from '../auth/me-context';
import { useSupervisionRecords } from './api';
import './daily-reports.css';

/** Notes, pembinaan and dialog kinerja records the atasan wrote about me. */
export function SupervisorNotesPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const me = useSignedInMe();
  const records = useSupervisionRecords(me.employeeId);
  return (
    <>
      <PageHeading title={t('notes.title')} />
      <p className="lead">{t('notes.intro')}</p>
      {me.employeeId === null ? <p>{t('today.noEmployee')}</p> : null}
      {records.isPending && me.employeeId !== null ? <Loading /> : null}
      {records.isError ? <LoadError error={records.error} onRetry={() => void records.refetch()} /> : null}
      {records.data && records.data.length === 0 ? <p>{t('notes.empty')}</p> : null}
      {records.data && records.data.length > 0 ? (
        <ul className="record-list">
          {records.data.map((r) => (
            <li key={r.id} className="record">
              <p className="record__title">
                <span className={`tag tag--${r.kind.toLowerCase()}`}>{t(`notes.kind.${r.kind}`)}</span>{' '}
                {t('notes.byOn', { name: r.author.name, date: formatDate(r.heldOn, i18n.language) })}
              </p>
              <p className="record__body">{r.body}</p>
              {r.followUp ? (
                <p>
                  <strong>{t('notes.followUp')}</strong> {r.followUp}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
