import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import type { NeedDto } from './api';
import { formatJp, sessionStart } from './format';
import { NeedTitle } from './labels';

/**
 * One development need: where it came from, its status and the trainings suggested for it. The
 * employee can ask for a place on a suggestion's next session (`onRequest`); the supervisor picks
 * the agreed course (`choice`).
 */
export function NeedCard({
  need,
  onRequest,
  requesting,
  choice,
  onWithdraw,
}: {
  need: NeedDto;
  onRequest?: (sessionId: number, needId: number) => void;
  requesting?: boolean;
  choice?: { value: number | null; onChange: (courseId: number | null) => void; options: { id: number; title: string }[] };
  onWithdraw?: (needId: number) => void;
}) {
  const { t, i18n } = useTranslation('training');
  const open = need.status === 'OPEN';
  const titleId = `need-${need.id}-title`;
  return (
    <li className={open ? 'trn-item' : 'trn-item trn-item--closed'} aria-labelledby={titleId}>
      <p className="trn-item__title" id={titleId}>
        <NeedTitle need={need} />
      </p>
      <p className="trn-item__meta">
        {need.sources.length > 0
          ? need.sources
              .map((s) =>
                s.kind === 'SKP'
                  ? t('need.fromSkp', { period: s.label })
                  : t('need.fromComplaint', { date: s.occurredOn ? formatDate(s.occurredOn, i18n.language) : '' }),
              )
              .join(' · ')
          : t(`needSource.${need.source}`)}
      </p>
      {need.status === 'CLOSED' ? (
        <p>{need.closedBy ? t('need.closedBy', { title: need.closedBy.title }) : t('need.closed')}</p>
      ) : null}
      {need.status === 'WITHDRAWN' ? <p>{t('need.withdrawn', { note: need.withdrawnNote ?? '' })}</p> : null}
      {open ? <p className="small">{need.agreedAt ? t('need.agreed') : t('need.awaitingAgreement')}</p> : null}
      {open && need.plannedCourse ? <p>{t('need.planned', { title: need.plannedCourse.title })}</p> : null}
      {open && need.suggestions.length > 0 ? (
        <>
          <p className="small">{t('need.suggestions')}</p>
          {need.suggestions.map((s) => (
            <div key={s.courseId} className="trn-suggest">
              <p>
                <strong>{s.title}</strong> · {t('jp.value', { jp: formatJp(s.jp, i18n.language) })}
              </p>
              {s.nextSession ? (
                <p>
                  <Link to={`/pelatihan/sesi/${s.nextSession.id}`}>
                    {sessionStart(s.nextSession.startDate, s.nextSession.startTime, i18n.language)}
                  </Link>{' '}
                  · {s.nextSession.place} · {t('session.seatsLeft', { count: s.nextSession.seatsLeft })}
                </p>
              ) : (
                <p className="muted">{t('need.noSession')}</p>
              )}
              {onRequest && s.nextSession ? (
                <button
                  type="button"
                  className="button"
                  disabled={requesting}
                  onClick={() => s.nextSession && onRequest(s.nextSession.id, need.id)}
                >
                  {t('need.request', { title: s.title })}
                </button>
              ) : null}
            </div>
          ))}
        </>
      ) : null}
      {open && need.suggestions.length === 0 ? <p className="muted">{t('need.noSuggestion')}</p> : null}
      {open && choice ? (
        <div className="field">
          <label className="field__label" htmlFor={`need-${need.id}-course`}>
            {t('plan.courseFor')}
          </label>
          <select
            className="select"
            id={`need-${need.id}-course`}
            value={choice.value ?? ''}
            onChange={(e) => choice.onChange(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('plan.noCourse')}</option>
            {choice.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {open && onWithdraw ? (
        <button type="button" className="button button--secondary" onClick={() => onWithdraw(need.id)}>
          {t('plan.withdraw')}
        </button>
      ) : null}
    </li>
  );
}
