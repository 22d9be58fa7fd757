import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { RhkOption } from './api';
import { formatDuration } from './duration';
import { EvidenceThumb } from './EvidenceInput';
import { activityDuration, type LocalActivity } from './model';
import { formatTime } from './time';

export interface ActivityCardProps {
  activity: LocalActivity;
  number: number;
  skp: RhkOption[] | null | undefined;
  /** Shown only when the person may change this activity. */
  onEdit?: (() => void) | undefined;
  onRemove?: (() => void) | undefined;
  /** A problem the server found with this activity. */
  problem?: string | undefined;
  /** The day's return note, already shown above: not repeated on every activity. */
  dayNote?: string | null | undefined;
}

/** One activity of the day as a card: time, what was done, result, SKP link, evidence, status. */
export function ActivityCard({ activity: a, number, skp, onEdit, onRemove, problem, dayNote }: ActivityCardProps) {
  const { t, i18n } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const duration = formatDuration(tc, activityDuration(a));
  const when = a.startTime && a.endTime ? `${formatTime(a.startTime, i18n.language)}–${formatTime(a.endTime, i18n.language)} · ${duration}` : duration;
  const indicator = skp?.flatMap((r) => r.indicators.map((i) => ({ ...i, rhk: r.text }))).find((i) => i.id === a.indicatorId);
  const rhk = skp?.find((r) => r.id === a.rhkId);
  const linkText = indicator ? indicator.text : rhk ? rhk.text : a.rhkId !== null || a.indicatorId !== null ? t('card.linked') : t('card.notLinked');
  const returned = a.status === 'RETURNED';

  return (
    <li className={returned || problem ? 'activity activity--returned' : 'activity'} id={`activity-${a.localId}`}>
      <p className="activity__when">
        <span className="activity__number">{t('card.number', { number })}</span> {when}
        {a.status === 'VERIFIED' ? <span className="tag tag--verified">{t('card.verified')}</span> : null}
        {returned ? <span className="tag tag--returned">{t('card.returned')}</span> : null}
      </p>
      <p className="activity__what">{a.description}</p>
      {a.outputQuantity !== null ? (
        <p className="activity__meta">
          {t('card.output', { quantity: formatNumber(a.outputQuantity, i18n.language), unit: a.outputUnit ?? '' })}
        </p>
      ) : null}
      <p className="activity__meta">{indicator || rhk ? `${t('card.skp')} ${linkText}` : linkText}</p>
      {a.evidence.length > 0 ? (
        <ul className="evidence__list evidence__list--compact" aria-label={t('card.evidence')}>
          {a.evidence.map((item) => (
            <li key={item.kind === 'uploaded' ? `u${item.file.id}` : item.localId} className="evidence__item">
              <EvidenceThumb item={item} />
              <span className="evidence__name">
                {item.kind === 'uploaded' ? (
                  <a href={item.file.url} target="_blank" rel="noreferrer">
                    {item.file.originalName}
                  </a>
                ) : (
                  <>
                    {item.name}
                    <span className="evidence__waiting">{t('evidence.waiting')}</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {returned && a.note && a.note !== dayNote ? (
        <div className="activity__note">
          <p className="activity__note-title">{t('card.note')}</p>
          <p>{a.note}</p>
        </div>
      ) : null}
      {problem ? <p className="field__error">{problem}</p> : null}
      {onEdit || onRemove ? (
        confirming ? (
          <div className="activity__confirm" role="group" aria-label={t('card.confirmRemove')}>
            <p>{t('card.confirmRemove')}</p>
            <div className="button-group">
              <button type="button" className="button button--warning" onClick={onRemove}>
                {t('card.removeYes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('card.removeNo')}
              </button>
            </div>
          </div>
        ) : (
          <div className="activity__actions">
            {onEdit ? (
              <button type="button" className="button button--secondary button--small" onClick={onEdit}>
                {returned ? t('card.fix') : t('card.edit')}
                <span className="visually-hidden"> {t('card.number', { number })}</span>
              </button>
            ) : null}
            {onRemove ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
                {t('card.remove')}
                <span className="visually-hidden"> {t('card.number', { number })}</span>
              </button>
            ) : null}
          </div>
        )
      ) : null}
    </li>
  );
}
