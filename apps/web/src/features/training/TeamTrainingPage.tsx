import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { currentYear, useDecide, useEnrolments, useTeamPlans, type EnrolmentDto } from './api';
import { formatJp, sessionWhen } from './format';
import { NeedTitle } from './labels';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** The supervisor's page: requests to decide first, then everyone below with JP and open needs. */
export function TeamTrainingPage() {
  const { t, i18n } = useTranslation('training');
  const year = currentYear();
  const requests = useEnrolments('to-decide');
  const team = useTeamPlans(year);
  return (
    <>
      <PageHeading title={t('team.title', { year })} />
      <TrainingNav />
      <section className="section" aria-labelledby="requests-heading">
        <h2 className="heading-m" id="requests-heading">
          {t('team.requests')}
        </h2>
        {requests.isPending ? <Loading /> : null}
        {requests.isError ? <LoadError error={requests.error} onRetry={() => void requests.refetch()} /> : null}
        {requests.data?.length === 0 ? <p className="muted">{t('team.noRequests')}</p> : null}
        <ul className="trn-list">
          {requests.data?.map((e) => (
            <RequestItem key={e.id} e={e} />
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="members-heading">
        <h2 className="heading-m" id="members-heading">
          {t('team.members')}
        </h2>
        {team.isPending ? <Loading /> : null}
        {team.isError ? <LoadError error={team.error} onRetry={() => void team.refetch()} /> : null}
        {team.data?.members.length === 0 ? <p className="muted">{t('team.noMembers')}</p> : null}
        <ul className="trn-list">
          {team.data?.members.map((m) => (
            <li key={m.employee.id} className="trn-item">
              <p className="trn-item__title">
                <Link to={`/pelatihan/rencana/${m.employee.id}`}>{m.employee.name}</Link>
              </p>
              <p className="trn-item__meta">
                {t('team.jp', { jp: formatJp(m.jp, i18n.language), minimum: team.data?.minimum ?? 20 })}
                {m.met ? ` · ${t('team.met')}` : ''}
                {' · '}
                {t('team.openNeeds', { count: m.openNeeds })}
              </p>
              {m.needsAwaitingAgreement > 0 ? <p className="small">{t('team.toAgree', { count: m.needsAwaitingAgreement })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function RequestItem({ e }: { e: EnrolmentDto }) {
  const { t, i18n } = useTranslation('training');
  const decide = useDecide();
  const [note, setNote] = useState('');
  const noteId = `reject-note-${e.id}`;
  const error = decide.error instanceof ApiError ? (decide.error.fields[0]?.message ?? decide.error.message) : null;
  return (
    <li className="trn-item">
      <p className="trn-item__title">{e.employee.name}</p>
      <p>
        <Link to={`/pelatihan/sesi/${e.session.id}`}>{e.session.courseTitle}</Link>
        <br />
        <span className="small">
          {sessionWhen(e.session, i18n.language)} · {e.session.place} · {t('session.seatsOf', { left: e.session.seatsLeft, capacity: e.session.capacity })}
        </span>
      </p>
      {e.need ? (
        <p className="small">
          {t('team.forNeed')} <NeedTitle need={e.need} />
        </p>
      ) : null}
      {e.requestNote ? <p>{t('team.reason', { note: e.requestNote })}</p> : null}
      {e.abilities.decide ? (
        <>
          <div className={error ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={noteId}>
              {t('team.note')}
            </label>
            {error ? (
              <p className="field__error" id={`${noteId}-error`}>
                {error}
              </p>
            ) : null}
            <input className="input" id={noteId} value={note} maxLength={500} aria-describedby={error ? `${noteId}-error` : undefined} onChange={(ev) => setNote(ev.target.value)} />
          </div>
          <div className="button-group">
            <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate({ id: e.id, decision: 'APPROVED', note: note.trim() || undefined })}>
              {t('team.approve', { name: e.employee.name })}
            </button>
            <button
              type="button"
              className="button button--warning"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: e.id, decision: 'REJECTED', note: note.trim() || undefined })}
            >
              {t('team.reject')}
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}
