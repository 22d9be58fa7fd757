import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { LoadError, Loading } from '../../components/ui/Status';
import { currentYear, useSkpList, useSkpMutation } from './api';
import { generalMessage } from './form';
import { useSkpLive } from './live';
import { SkpNav } from './SkpNav';
import { SkpView } from './SkpView';
import './skp.css';

/** "SKP saya": this year's newest SKP, or a button to start the draft. */
export function MySkpPage() {
  const { t } = useTranslation('skp');
  const year = currentYear();
  const list = useSkpList('mine', year);
  const create = useSkpMutation((y: number) => ({ path: '/api/skp', body: { year: y } }));
  const current = list.data?.filter((s) => s.isCurrent).sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
  return (
    <>
      <PageHeading title={t('mine.title', { year })} />
      <SkpNav />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && !current ? (
        <div>
          <p>{t('mine.none', { year })}</p>
          {create.error ? <ErrorSummary errors={[{ message: generalMessage(create.error, t('form.failed')) ?? t('form.failed') }]} /> : null}
          <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate(year)}>
            {t('mine.create')}
          </button>
        </div>
      ) : null}
      {current ? <SkpView id={current.id} /> : null}
    </>
  );
}

/** One SKP by id (a subordinate's, an older version, or one to approve). */
export function SkpPage() {
  const { t } = useTranslation('skp');
  const id = Number(useParams().id);
  useSkpLive();
  return (
    <>
      <p>
        <Link className="back-link" to="/skp">
          {t('nav.mine')}
        </Link>
      </p>
      <PageHeading title={t('detail.title')} />
      <SkpView id={id} />
    </>
  );
}
