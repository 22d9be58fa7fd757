import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Notice } from '../../components/ui/Status';
import { useMe } from '../auth/api';
import { useEnrol, usePeopleSearch, type SessionDto } from './api';

interface Person {
  id: number;
  name: string;
  nip: string;
  unitName: string | null;
}

/**
 * Direct enrolment by an admin (their units) or an atasan (their chain): search a person by name
 * or NIP among those the caller may see, pick one or more, enrol them all at once. The server
 * refuses the whole list when one cannot be enrolled, and says who and why.
 */
export function EnrolPeople({ session: s }: { session: SessionDto }) {
  const { t } = useTranslation('training');
  const me = useMe().data;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Person[]>([]);
  const found = usePeopleSearch(search);
  const enrol = useEnrol();
  const results = (found.data ?? []).filter((p) => p.id !== me?.employeeId);
  const toggle = (p: Person, on: boolean) => setPicked((l) => (on ? [...l, p] : l.filter((x) => x.id !== p.id)));
  const problems = enrol.error instanceof ApiError ? (enrol.error.fields.length > 0 ? enrol.error.fields.map((f) => f.message) : [enrol.error.message]) : [];

  return (
    <section className="section" aria-labelledby="enrol-heading">
      <h2 className="heading-m" id="enrol-heading">
        {t('enrol.heading')}
      </h2>
      <p className="muted">{t('enrol.intro', { left: s.seatsLeft })}</p>
      {enrol.isSuccess ? <Notice tone="success" title={t('enrol.done', { count: enrol.data.enrolments.length })} /> : null}
      <form
        className="trn-inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="enrol-q">
            {t('enrol.search')}
          </label>
          <input className="input" id="enrol-q" type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('enrol.searchButton')}
        </button>
      </form>
      {search && found.data && results.length === 0 ? <p className="muted">{t('enrol.noneFound')}</p> : null}
      {results.length > 0 ? (
        <fieldset className="fieldset field">
          <legend className="field__label">{t('enrol.results')}</legend>
          {results.map((p) => (
            <div className="checkbox" key={p.id}>
              <input id={`enrol-${p.id}`} type="checkbox" checked={picked.some((x) => x.id === p.id)} onChange={(e) => toggle(p, e.target.checked)} />
              <label htmlFor={`enrol-${p.id}`}>
                {p.name}
                <span className="small muted"> · {p.unitName ?? p.nip}</span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {picked.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            enrol.mutate({ sessionId: s.id, employeeIds: picked.map((p) => p.id) }, { onSuccess: () => setPicked([]) });
          }}
        >
          <p>
            {t('enrol.picked')} {picked.map((p) => p.name).join(', ')}
          </p>
          {problems.length > 0 ? (
            <div className="field__error" role="alert">
              <p>{t('enrol.refused')}</p>
              <ul>
                {problems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <button type="submit" className="button" disabled={enrol.isPending}>
            {t('enrol.submit', { count: picked.length })}
          </button>
        </form>
      ) : null}
    </section>
  );
}
