import { FeedbackAlertFollowUpBody } from '@pantau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDateTime } from '../../lib/format';
import { decimal } from '../public/format';
import { TextAreaField } from '../public/ui';
import { useAlerts, useFollowUpAlert, type FeedbackAlertDto } from './api';
import { categoryLabelOf } from './labels';
import { NS } from './namespace';
import { useSignedInMe } from '../auth/me-context';

/**
 * "Who needs me now?": complaints and low survey scores about the units and people the
 * supervisor answers for that still have no recorded follow-up. Refreshed live by the page.
 */
export function AlertList({ seen }: { seen: ReadonlySet<number> | null }) {
  const { t } = useTranslation(NS);
  const alerts = useAlerts();
  const [savedNote, setSavedNote] = useState(false);

  return (
    <section aria-labelledby="alerts-title" className="section">
      <h2 className="heading-l" id="alerts-title">
        {t('staff.alerts.title')}
      </h2>
      {savedNote ? <Notice tone="success" title={t('staff.alerts.saved')} /> : null}
      {alerts.isPending ? <Loading /> : null}
      {alerts.isError ? <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
      {alerts.data && alerts.data.alerts.length === 0 ? <p>{t('staff.alerts.empty')}</p> : null}
      {alerts.data && alerts.data.alerts.length > 0 ? (
        <ul className="cards" aria-labelledby="alerts-title">
          {alerts.data.alerts.map((a) => (
            <AlertCard key={a.id} alert={a} isNew={seen !== null && !seen.has(a.id)} onSaved={() => setSavedNote(true)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AlertCard({ alert, isNew, onSaved }: { alert: FeedbackAlertDto; isNew: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const titleId = `alert-${alert.id}-title`;
  const me = useSignedInMe();
  const categoryLabel = alert.complaint ? categoryLabelOf(t, alert.complaint.category) : '';
  return (
    <li className={isNew ? 'card card--new' : 'card'}>
      <h3 className="heading-s" id={titleId}>
        {isNew ? <span className="badge badge--new-alert">{t('staff.alerts.new')}</span> : null}{' '}
        {alert.kind === 'COMPLAINT' ? t('staff.alerts.complaint') : t('staff.alerts.lowSurvey')}
        {alert.complaint ? `: ${categoryLabel}` : alert.survey ? `: ${alert.survey.servicePointName}` : ''}
      </h3>
      <p className="card__meta">{t('staff.alerts.at', { date: formatDateTime(alert.createdAt, lang) })}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('staff.alerts.unit')}</dt>
          <dd>{alert.unit.name}</dd>
        </div>
        {alert.subjectEmployee ? (
          <div className="summary-list__row">
            <dt>{t('staff.alerts.subject')}</dt>
            <dd>{alert.subjectEmployee.name}</dd>
          </div>
        ) : null}
        {alert.responsibleEmployee ? (
          <div className="summary-list__row">
            <dt>{t('staff.alerts.responsible')}</dt>
            <dd>{alert.responsibleEmployee.id === me.employeeId ? t('staff.alerts.you') : alert.responsibleEmployee.name}</dd>
          </div>
        ) : null}
      </dl>
      {alert.survey ? (
        <>
          <p>
            <strong>{t('staff.alerts.surveyScore', { ikm: decimal(alert.survey.ikm, lang) })}</strong>
          </p>
          {alert.survey.comment ? (
            <>
              <p className="field__label">{t('staff.alerts.surveyComment')}</p>
              <p className="citizen-text">{alert.survey.comment}</p>
            </>
          ) : null}
        </>
      ) : null}
      {alert.complaint ? (
        <p>
          <Link to={`/umpan-balik/pengaduan/${alert.complaint.id}`}>{t('staff.alerts.openComplaint', { category: categoryLabel })}</Link>
        </p>
      ) : null}
      <FollowUpForm alert={alert} onSaved={onSaved} />
    </li>
  );
}

function FollowUpForm({ alert, onSaved }: { alert: FeedbackAlertDto; onSaved: () => void }) {
  const { t } = useTranslation(NS);
  const followUp = useFollowUpAlert();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `alert-${alert.id}-note`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = FeedbackAlertFollowUpBody.safeParse({ note });
    if (!parsed.success) {
      setError(t('staff.alerts.errors.note'));
      return;
    }
    setError(undefined);
    followUp.mutate({ id: alert.id, note: parsed.data.note }, { onSuccess: onSaved });
  };
  const serverError = followUp.error instanceof ApiError ? followUp.error : null;
  const fieldError = error ?? serverError?.fieldMessage('note') ?? serverError?.fields[0]?.message ?? serverError?.message;

  return (
    <details className="details-plain">
      <summary>{t('staff.alerts.followUp')}</summary>
      <form noValidate onSubmit={onSubmit}>
        <TextAreaField
          id={id}
          name="note"
          label={t('staff.alerts.note')}
          hint={t('staff.alerts.noteHint')}
          error={fieldError}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="button" disabled={followUp.isPending}>
          {followUp.isPending ? t('staff.alerts.saving') : t('staff.alerts.save')}
        </button>
      </form>
    </details>
  );
}
