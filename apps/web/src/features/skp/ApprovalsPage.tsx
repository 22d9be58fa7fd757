import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDateTime } from '../../lib/format';
import { currentYear, useSkpList } from './api';
import { SkpStatusTag } from './labels';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Supervisor: submitted SKPs waiting for my approval, and my team's SKPs. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation('skp');
  const year = currentYear();
  const toApprove = useSkpList('toApprove', year);
  const team = useSkpList('team', year);
  return (
    <>
      <PageHeading title={t('approvals.title')} />
      <SkpNav />
      <section className="section" aria-labelledby="to-approve">
        <h2 className="heading-m" id="to-approve">
          {t('approvals.waiting')}
        </h2>
        {toApprove.isPending ? <Loading /> : null}
        {toApprove.isError ? <LoadError error={toApprove.error} onRetry={() => void toApprove.refetch()} /> : null}
        {toApprove.data?.length === 0 ? <p className="muted">{t('approvals.noneWaiting')}</p> : null}
        <ul className="skp-tree-list">
          {toApprove.data?.map((s) => (
            <li key={s.id} className="skp-box">
              <Link to={`/skp/${s.id}`}>{s.employee.name}</Link>
              <br />
              <span className="small">
                {s.employee.positionName} · {t('approvals.rhkCount', { count: s.rhkCount })}
                {s.submittedAt ? ` · ${formatDateTime(s.submittedAt, i18n.language)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="team-skp">
        <h2 className="heading-m" id="team-skp">
          {t('approvals.team')}
        </h2>
        {team.isPending ? <Loading /> : null}
        {team.isError ? <LoadError error={team.error} /> : null}
        {team.data?.length === 0 ? <p className="muted">{t('approvals.noTeam')}</p> : null}
        <ul className="skp-tree-list">
          {team.data?.map((s) => (
            <li key={s.id}>
              <Link to={`/skp/${s.id}`}>{s.employee.name}</Link> <SkpStatusTag status={s.status} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
