import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentYear, useCancelPlace, usePlan, useRequestPlace, type EnrolmentDto } from './api';
import { formatJp, sessionWhen } from './format';
import { JpProgress } from './JpProgress';
import { PlaceStatus } from './labels';
import { NeedCard } from './NeedCard';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** The employee's page: JP this year against 20, the development plan, and their places. */
export function MyTrainingPage() {
  const { t, i18n } = useTranslation('training');
  const year = currentYear();
  const plan = usePlan(null, year);
  const request = useRequestPlace();
  const [requested, setRequested] = useState<string | null>(null);

  const open = plan.data?.needs.filter((n) => n.status === 'OPEN') ?? [];
  const closed = plan.data?.needs.filter((n) => n.status !== 'OPEN') ?? [];

  return (
    <>
      <PageHeading title={t('mine.title', { year })} />
      <TrainingNav />
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <LoadError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.data ? (
        <>
          <section className="section" aria-labelledby="jp-heading">
            <h2 className="heading-m" id="jp-heading">
              {t('mine.jpHeading')}
            </h2>
            <JpProgress jp={plan.data.jp} />
            {plan.data.jp.records.length > 0 ? (
              <ul className="trn-list">
                {plan.data.jp.records.map((r) => (
                  <li key={`${r.kind}-${r.id}`} className="trn-item">
                    <p className="trn-item__title">{r.title}</p>
                    <p className="trn-item__meta">
                      {formatDate(r.date, i18n.language)} · {t('jp.value', { jp: formatJp(r.jp, i18n.language) })} ·{' '}
                      {r.counted ? t('jp.counted') : t('jp.pending')}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('mine.noJp')}</p>
            )}
            <p>
              <Link to="/pelatihan/mandiri">{t('mine.addExternal')}</Link>
            </p>
          </section>

          <section className="section" aria-labelledby="plan-heading">
            <h2 className="heading-m" id="plan-heading">
              {t('mine.planHeading')}
            </h2>
            {plan.data.agreement ? (
              <p>
                {t('plan.agreedBy', {
                  name: plan.data.agreement.agreedBy.name,
                  date: formatDateTime(plan.data.agreement.agreedAt, i18n.language),
                })}
              </p>
            ) : null}
            {plan.data.needsAwaitingAgreement > 0 ? (
              <Notice tone="info">{t('plan.awaiting', { count: plan.data.needsAwaitingAgreement })}</Notice>
            ) : null}
            {requested ? (
              <Notice tone="success" title={t('mine.requestSent')}>
                <p>{requested}</p>
              </Notice>
            ) : null}
            {request.error instanceof ApiError ? (
              <div className="notice notice--error" role="alert">
                <p className="notice__title">{t('mine.requestFailed')}</p>
                <p>{request.error.fields[0]?.message ?? request.error.message}</p>
              </div>
            ) : null}
            {open.length === 0 ? <p className="muted">{t('mine.noNeeds')}</p> : null}
            <ul className="trn-list">
              {open.map((n) => (
                <NeedCard
                  key={n.id}
                  need={n}
                  requesting={request.isPending}
                  onRequest={
                    plan.data?.abilities.request
                      ? (sessionId, needId) =>
                          request.mutate(
                            { sessionId, needId },
                            { onSuccess: (r) => setRequested(t('mine.requestSentBody', { title: r.enrolment.session.courseTitle })) },
                          )
                      : undefined
                  }
                />
              ))}
            </ul>
            {closed.length > 0 ? (
              <details>
                <summary>{t('mine.closedNeeds', { count: closed.length })}</summary>
                <ul className="trn-list">
                  {closed.map((n) => (
                    <NeedCard key={n.id} need={n} />
                  ))}
                </ul>
              </details>
            ) : null}
            <p>
              <Link to="/pelatihan/katalog">{t('mine.toCatalogue')}</Link>
            </p>
          </section>

          <section className="section" aria-labelledby="places-heading">
            <h2 className="heading-m" id="places-heading">
              {t('mine.placesHeading')}
            </h2>
            {plan.data.enrolments.length === 0 ? <p className="muted">{t('mine.noPlaces')}</p> : null}
            <ul className="trn-list">
              {plan.data.enrolments.map((e) => (
                <Place key={e.id} enrolment={e} />
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

function Place({ enrolment: e }: { enrolment: EnrolmentDto }) {
  const { t, i18n } = useTranslation('training');
  const cancel = useCancelPlace();
  return (
    <li className="trn-item">
      <p className="trn-item__title">
        <Link to={`/pelatihan/sesi/${e.session.id}`}>{e.session.courseTitle}</Link> <PlaceStatus status={e.status} />
      </p>
      <p className="trn-item__meta">
        {sessionWhen(e.session, i18n.language)} · {e.session.place}
      </p>
      {e.status === 'REQUESTED' && e.approver ? <p className="small">{t('place.waitingFor', { name: e.approver.name })}</p> : null}
      {e.decisionNote ? <p className="small">{t('place.note', { note: e.decisionNote })}</p> : null}
      {e.status === 'ENROLLED' ? (
        <p className="small">{t('place.attended', { attended: e.attendedDates.length, needed: e.attendanceNeeded })}</p>
      ) : null}
      {e.status === 'ENROLLED' && e.session.state === 'ONGOING' ? <p>{t('place.scanHint')}</p> : null}
      {e.status === 'COMPLETED' && e.jp !== null ? <p>{t('place.completed', { jp: formatJp(e.jp, i18n.language) })}</p> : null}
      {e.certificate ? (
        <p>
          <a href={e.certificate.url}>{t('place.certificate')}</a>
        </p>
      ) : null}
      {e.abilities.cancel ? (
        <button type="button" className="button button--secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(e.id)}>
          {e.status === 'REQUESTED' ? t('place.withdrawRequest') : t('place.cancel')}
        </button>
      ) : null}
      {cancel.error instanceof ApiError ? <p className="field__error">{cancel.error.fields[0]?.message ?? cancel.error.message}</p> : null}
    </li>
  );
}
