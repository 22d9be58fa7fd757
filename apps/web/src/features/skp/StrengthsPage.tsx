import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDateTime } from '../../lib/format';
import { useStrengths } from './api';
import { useLabel } from './labels';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Strengths and weaknesses of one employee in one period, in plain language. */
export function StrengthsPage() {
  const { t, i18n } = useTranslation('skp');
  const label = useLabel();
  const params = useParams();
  const q = useStrengths(Number(params.employeeId) || null, Number(params.periodId) || null);
  const list = (items: readonly string[]) => (items.length === 0 ? <p className="muted">{t('strengths.nothing')}</p> : <ul>{items.map((x) => <li key={x}>{x}</li>)}</ul>);
  return (
    <>
      <PageHeading title={t('strengths.title')} />
      <SkpNav />
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} /> : null}
      {q.data ? (
        <>
          <p className="lead">
            {q.data.employee.name} · {label(q.data.period.label)}
          </p>
          <p>{label(q.data.summary)}</p>
          <h2 className="heading-m">{t('strengths.above')}</h2>
          {list([...q.data.resultsAbove, ...q.data.behavioursAbove.map((b) => t(`behaviour.${b}`))])}
          <h2 className="heading-m">{t('strengths.below')}</h2>
          {list([...q.data.resultsBelow, ...q.data.behavioursBelow.map((b) => t(`behaviour.${b}`))])}
          <h2 className="heading-m">{t('strengths.develop')}</h2>
          {list(q.data.developmentAreas)}
          <h2 className="heading-m">{t('strengths.feedback')}</h2>
          {q.data.feedback.length === 0 ? (
            <p className="muted">{t('strengths.nothing')}</p>
          ) : (
            <ul>
              {q.data.feedback.map((f) => (
                <li key={f.id}>
                  <strong>{f.author.name}</strong> ({formatDateTime(f.createdAt, i18n.language)}): {f.body}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
