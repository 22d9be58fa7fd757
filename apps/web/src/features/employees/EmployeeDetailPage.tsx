import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { AssignmentDto, EmployeeDetailDto } from '../../api/types';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { SummaryList } from '../../components/ui/SummaryList';
import { formatDate, formatDateRange, todayIso } from '../../lib/format';
import { formatNip } from '../../lib/nip';
import { canResetPasswords } from '../../lib/roles';
import { useSignedInMe } from '../auth/me-context';
import { useEmployee } from './api';
import { golonganPangkat, sexLabel } from './labels';
import { ResetPasswordForm } from './ResetPasswordForm';

/** Back to the list as it was (search, unit, page) when the person came from it. */
function backTo(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/pegawai')) return state.from;
  }
  return '/pegawai';
}

export function EmployeeDetailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { id } = useParams();
  const employeeId = Number(id);
  const valid = Number.isInteger(employeeId) && employeeId > 0;
  const employee = useEmployee(valid ? employeeId : null);

  const back = (
    <p className="back-link">
      <Link to={backTo(location.state)}>{t('employee.back')}</Link>
    </p>
  );

  const notFound = !valid || (employee.error instanceof ApiError && employee.error.status === 404);
  if (notFound) {
    return (
      <>
        {back}
        <PageHeading title={t('employee.titleFallback')} />
        <p className="lead">{t('employee.notFound')}</p>
      </>
    );
  }
  if (employee.isPending) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  if (employee.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('employee.titleFallback')} />
        <LoadError error={employee.error} onRetry={() => void employee.refetch()} />
      </>
    );
  }
  return (
    <>
      {back}
      <EmployeeDetail employee={employee.data} />
    </>
  );
}

function EmployeeDetail({ employee: e }: { employee: EmployeeDetailDto }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useSignedInMe();
  const notSet = <span className="muted">{t('common.notSet')}</span>;
  const today = todayIso();
  // Most recent first; what holds today is shown as "current position" above the history.
  const history = [...e.assignments].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const current = history.filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo >= today));

  return (
    <>
      <PageHeading title={e.name} />
      <p className="lead nip">{formatNip(e.nip)}</p>

      <section aria-labelledby="identity" className="section">
        <h2 className="heading-m" id="identity">
          {t('employee.identity')}
        </h2>
        <SummaryList
          rows={[
            { key: 'name', label: t('person.name'), value: e.name },
            { key: 'nip', label: t('person.nip'), value: <span className="nip">{formatNip(e.nip)}</span> },
            { key: 'asn', label: t('person.jenisAsn'), value: e.jenisAsn },
            { key: 'gol', label: t('person.golonganPangkat'), value: golonganPangkat(e) ?? notSet },
            {
              key: 'birth',
              label: t('person.birthDate'),
              value: e.birthDate ? formatDate(e.birthDate, i18n.language) : notSet,
            },
            { key: 'sex', label: t('person.sex'), value: sexLabel(t, e.sex) ?? notSet },
            { key: 'email', label: t('person.email'), value: e.email ?? notSet },
            { key: 'status', label: t('person.status'), value: e.active ? t('person.active') : t('person.inactive') },
          ]}
        />
      </section>

      <section aria-labelledby="current-position" className="section">
        <h2 className="heading-m" id="current-position">
          {t('employee.currentPosition')}
        </h2>
        {current.length === 0 && !e.positionName ? <p>{t('employee.noPosition')}</p> : null}
        {current.length === 0 && e.positionName ? (
          <SummaryList
            rows={[
              { key: 'pos', label: t('person.position'), value: e.positionName },
              { key: 'unit', label: t('person.unit'), value: e.unitName ?? notSet },
            ]}
          />
        ) : null}
        {current.map((a) => (
          <SummaryList
            key={a.id}
            rows={[
              { key: 'pos', label: t('person.position'), value: <AssignmentTitle a={a} /> },
              { key: 'unit', label: t('person.unit'), value: a.unitName },
              {
                key: 'period',
                label: t('employee.period'),
                value: formatDateRange(a.validFrom, a.validTo, i18n.language, t('common.present')),
              },
            ]}
          />
        ))}
      </section>

      <section aria-labelledby="supervisor" className="section">
        <h2 className="heading-m" id="supervisor">
          {t('employee.supervisorTitle')}
        </h2>
        {e.supervisorId !== null && e.supervisorName ? (
          <p>
            <Link to={`/pegawai/${e.supervisorId}`} state={location.state}>
              {e.supervisorName}
            </Link>
          </p>
        ) : (
          <p>{t('employee.noSupervisor')}</p>
        )}
      </section>

      <section aria-labelledby="history" className="section">
        <h2 className="heading-m" id="history">
          {t('employee.history')}
        </h2>
        {history.length === 0 ? (
          <p>{t('employee.historyEmpty')}</p>
        ) : (
          <ol className="timeline" aria-label={t('employee.historyCaption')}>
            {history.map((a) => (
              <li className="timeline__item" key={a.id}>
                <p className="timeline__title">
                  <AssignmentTitle a={a} />
                </p>
                <p>{a.unitName}</p>
                <p className="muted">{formatDateRange(a.validFrom, a.validTo, i18n.language, t('common.present'))}</p>
                {a.decreeNumber ? (
                  <p className="small">
                    {t('employee.decree')}: {a.decreeNumber}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {canResetPasswords(me.roles) ? <ResetPasswordForm employee={e} /> : null}
    </>
  );
}

/** "Plt. Kepala Dinas Kesehatan" with the abbreviation expanded for screen readers. */
function AssignmentTitle({ a }: { a: AssignmentDto }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge badge--${a.kind.toLowerCase()}`}>
        <abbr title={t(`employee.assignmentKindLong.${a.kind}`)}>{t(`employee.assignmentKind.${a.kind}`)}</abbr>
      </span>{' '}
      {a.positionName}
    </>
  );
}
