import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { useCourses } from './api';
import { formatJp, sessionWhen } from './format';
import { BehaviourName, PlaceStatus, SessionStateTag } from './labels';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** The catalogue: trainings with their sessions and seats; a session page takes the request. */
export function CataloguePage() {
  const { t, i18n } = useTranslation('training');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const courses = useCourses(search);
  return (
    <>
      <PageHeading title={t('catalogue.title')} />
      <TrainingNav />
      <form
        className="trn-inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="catalogue-q">
            {t('catalogue.search')}
          </label>
          <input className="input" id="catalogue-q" type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('catalogue.searchButton')}
        </button>
      </form>
      {courses.isPending ? <Loading /> : null}
      {courses.isError ? <LoadError error={courses.error} onRetry={() => void courses.refetch()} /> : null}
      {courses.data?.courses.length === 0 ? <p className="muted">{t('catalogue.empty')}</p> : null}
      <ul className="trn-list">
        {courses.data?.courses.map((c) => (
          <li key={c.id} className="trn-item">
            <h2 className="heading-s trn-item__title">{c.title}</h2>
            <p className="trn-item__meta">
              {t(`kind.${c.kind}`)} · {t(`mode.${c.mode}`)} · {t('jp.value', { jp: formatJp(c.jp, i18n.language) })} · {c.organiser}
            </p>
            {c.description ? <p>{c.description}</p> : null}
            {c.behaviours.length > 0 ? (
              <p className="small">
                {t('catalogue.develops')}{' '}
                {c.behaviours.map((b, i) => (
                  <span key={b}>
                    {i > 0 ? ', ' : ''}
                    <BehaviourName value={b} />
                  </span>
                ))}
              </p>
            ) : null}
            {c.sessions.length === 0 ? <p className="muted">{t('catalogue.noSessions')}</p> : null}
            <ul className="trn-list">
              {c.sessions.map((s) => (
                <li key={s.id} className="trn-suggest">
                  <p>
                    <Link to={`/pelatihan/sesi/${s.id}`}>{sessionWhen(s, i18n.language)}</Link> <SessionStateTag state={s.state} />
                  </p>
                  <p className="small">
                    {s.place} · {t('session.seatsOf', { left: s.seatsLeft, capacity: s.capacity })}
                    {s.myEnrolment ? ' · ' : ''}
                    {s.myEnrolment ? <PlaceStatus status={s.myEnrolment.status} /> : null}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
