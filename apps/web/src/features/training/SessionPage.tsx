import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDate, todayIso } from '../../lib/format';
import { EnrolPeople } from './EnrolPeople';
import { SessionAdmin } from './SessionAdmin';
import { useComplete, useRequestPlace, useSession, useTick, uploadCertificate, type SessionDetailResponse } from './api';
import { TextArea } from './fields';
import { formatJp, sessionWhen } from './format';
import { BehaviourName, PlaceStatus, SessionStateTag } from './labels';
import { TrainingNav } from './TrainingNav';
import './training.css';

type Participant = NonNullable<SessionDetailResponse['participants']>[number];

/** One session: details and asking for a place; organisers also tick attendance and record completion. */
export function SessionPage() {
  const { t, i18n } = useTranslation('training');
  const id = Number(useParams().id);
  const detail = useSession(id);
  const s = detail.data?.session;

  return (
    <>
      <PageHeading title={s ? s.courseTitle : t('session.title')} />
      <TrainingNav />
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <LoadError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data && s ? (
        <>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('session.when')}</dt>
              <dd>
                {sessionWhen(s, i18n.language)} <SessionStateTag state={s.state} />
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('session.place')}</dt>
              <dd>{s.place}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('session.organiser')}</dt>
              <dd>{detail.data.course.organiser}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('session.jp')}</dt>
              <dd>{t('jp.value', { jp: formatJp(s.jp, i18n.language) })}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('session.seats')}</dt>
              <dd>{t('session.seatsOf', { left: s.seatsLeft, capacity: s.capacity })}</dd>
            </div>
            {detail.data.course.behaviours.length > 0 ? (
              <div className="summary-list__row">
                <dt>{t('session.develops')}</dt>
                <dd>
                  {detail.data.course.behaviours.map((b, i) => (
                    <span key={b}>
                      {i > 0 ? ', ' : ''}
                      <BehaviourName value={b} />
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          {s.myEnrolment ? (
            <p>
              {t('session.yourPlace')} <PlaceStatus status={s.myEnrolment.status} />
            </p>
          ) : null}
          {s.abilities.request ? <RequestForm sessionId={s.id} /> : null}
          {s.abilities.enrol ? <EnrolPeople session={s} /> : null}
          {s.abilities.manage ? <SessionAdmin session={s} /> : null}
          {detail.data.participants ? <Organiser detail={detail.data} /> : null}
        </>
      ) : null}
    </>
  );
}

function RequestForm({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('training');
  const request = useRequestPlace();
  const [note, setNote] = useState('');
  if (request.isSuccess) return <Notice tone="success" title={t('mine.requestSent')}>{t('session.requestSentBody')}</Notice>;
  return (
    <form
      className="section"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ sessionId, note: note.trim() || undefined });
      }}
    >
      <h2 className="heading-m">{t('session.requestHeading')}</h2>
      <TextArea id="request-note" label={t('session.requestNote')} hint={t('session.requestNoteHint')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      {request.error instanceof ApiError ? (
        <p className="field__error" role="alert">
          {request.error.fields[0]?.message ?? request.error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={request.isPending}>
        {t('session.request')}
      </button>
    </form>
  );
}

function Organiser({ detail }: { detail: SessionDetailResponse }) {
  const { t, i18n } = useTranslation('training');
  const s = detail.session;
  const today = todayIso();
  const pastDays = detail.days.filter((d) => d <= today);
  const [day, setDay] = useState(pastDays[pastDays.length - 1] ?? detail.days[0] ?? '');
  const participants = detail.participants ?? [];
  const tickable = participants.filter((p) => p.abilities.tick);
  const [ticks, setTicks] = useState<Record<number, boolean>>({});
  const tick = useTick();
  const present = (p: Participant) => ticks[p.enrolmentId] ?? p.attendedDates.includes(day);

  return (
    <section className="section" aria-labelledby="organiser-heading">
      <h2 className="heading-m" id="organiser-heading">
        {t('organiser.heading')}
      </h2>
      <div className="button-group">
        <Link className="button" to={`/pelatihan/sesi/${s.id}/qr`}>
          {t('organiser.showQr')}
        </Link>
        <a className="button button--secondary" href={`/api/training/sessions/${s.id}/attendance.xlsx`} download>
          {t('organiser.download')}
        </a>
      </div>
      <h3 className="heading-s">{t('organiser.tickHeading')}</h3>
      {participants.length === 0 ? <p className="muted">{t('organiser.noParticipants')}</p> : null}
      {pastDays.length === 0 && participants.length > 0 ? <p className="muted">{t('organiser.notStarted')}</p> : null}
      {pastDays.length > 0 && tickable.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            tick.mutate(
              { sessionId: s.id, date: day, entries: tickable.map((p) => ({ enrolmentId: p.enrolmentId, present: present(p) })) },
              { onSuccess: () => setTicks({}) },
            );
          }}
        >
          {pastDays.length > 1 ? (
            <div className="field">
              <label className="field__label" htmlFor="tick-day">
                {t('organiser.day')}
              </label>
              <select className="select" id="tick-day" value={day} onChange={(e) => {
                  setDay(e.target.value);
                  setTicks({});
                }}>
                {pastDays.map((d) => (
                  <option key={d} value={d}>
                    {formatDate(d, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p>{formatDate(day, i18n.language)}</p>
          )}
          <fieldset className="fieldset">
            <legend className="field__label">{t('organiser.present')}</legend>
            {tickable.map((p) => (
              <div className="checkbox" key={p.enrolmentId}>
                <input
                  type="checkbox"
                  id={`present-${p.enrolmentId}`}
                  checked={present(p)}
                  onChange={(e) => setTicks((v) => ({ ...v, [p.enrolmentId]: e.target.checked }))}
                />
                <label htmlFor={`present-${p.enrolmentId}`}>{p.employee.name}</label>
              </div>
            ))}
          </fieldset>
          {tick.error instanceof ApiError ? (
            <p className="field__error" role="alert">
              {tick.error.fields[0]?.message ?? tick.error.message}
            </p>
          ) : null}
          {tick.isSuccess && Object.keys(ticks).length === 0 ? <p role="status">{t('organiser.saved')}</p> : null}
          <button type="submit" className="button" disabled={tick.isPending}>
            {t('organiser.saveAttendance')}
          </button>
        </form>
      ) : null}
      <h3 className="heading-s">{t('organiser.participants')}</h3>
      <ul className="trn-list">
        {participants.map((p) => (
          <ParticipantRow key={p.enrolmentId} p={p} />
        ))}
      </ul>
    </section>
  );
}

function ParticipantRow({ p }: { p: Participant }) {
  const { t } = useTranslation('training');
  const complete = useComplete();
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `certificate-${p.enrolmentId}`;

  async function markCompleted() {
    setUploadError(null);
    if (!file) {
      setUploadError(t('organiser.chooseCertificate'));
      return;
    }
    setBusy(true);
    try {
      const certificateEvidenceId = await uploadCertificate(file);
      complete.mutate({ id: p.enrolmentId, outcome: 'COMPLETED', certificateEvidenceId });
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.message : t('organiser.uploadFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="trn-item">
      <p className="trn-item__title">
        {p.employee.name} <PlaceStatus status={p.status} />
      </p>
      <p className="trn-item__meta">
        {p.employee.unitName ?? ''} · {t('place.attended', { attended: p.attendedDates.length, needed: p.attendanceNeeded })}
      </p>
      {p.certificate ? (
        <p>
          <a href={p.certificate.url}>{t('place.certificate')}</a>
        </p>
      ) : null}
      {p.abilities.complete ? (
        <div>
          <div className={uploadError ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={inputId}>
              {t('organiser.certificate')}
            </label>
            {uploadError ? <p className="field__error">{uploadError}</p> : null}
            <input className="file-input" id={inputId} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          {complete.error instanceof ApiError ? (
            <p className="field__error" role="alert">
              {complete.error.fields[0]?.message ?? complete.error.message}
            </p>
          ) : null}
          <div className="button-group">
            <button type="button" className="button" disabled={busy || complete.isPending} onClick={() => void markCompleted()}>
              {t('organiser.complete')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={complete.isPending}
              onClick={() => complete.mutate({ id: p.enrolmentId, outcome: 'INCOMPLETE' })}
            >
              {t('organiser.incomplete')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
