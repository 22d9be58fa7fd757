import { VerificationBody, type ActivityDto, type DailyReportDto } from '@pantau/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useDailyReport } from '../daily-reports/api';
import { formatDuration } from '../daily-reports/duration';
import { newLocalId } from '../daily-reports/model';
import { formatDayLong, formatTime } from '../daily-reports/time';
import { useVerifyReport } from './api';

interface Marks {
  [activityId: number]: { returned: boolean; note: string };
}

/**
 * The atasan checks one submitted day: every activity with its evidence (photo time and place
 * from the photo itself), then approves the day or returns it, or only some activities, with a note.
 */
export function ReviewPanel({ reportId, onDone }: { reportId: number; onDone: (message: string) => void }) {
  const { t } = useTranslation('team');
  const report = useDailyReport(reportId);
  if (report.isPending) return <Loading />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data.abilities.verify) {
    return <p className="notice">{t('review.notYours')}</p>;
  }
  return <ReviewForm report={report.data} onDone={onDone} />;
}

function ReviewForm({ report, onDone }: { report: DailyReportDto; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  const verify = useVerifyReport();
  const [marks, setMarks] = useState<Marks>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  // One key per decision: pressing again after a lost answer repeats the same decision safely.
  const keyRef = useRef<{ signature: string; key: string } | null>(null);
  const noteId = `review-note-${report.id}`;

  const markedIds = Object.entries(marks)
    .filter(([, m]) => m.returned)
    .map(([id]) => Number(id));
  const decide = (decision: 'VERIFIED' | 'RETURNED') => (event?: FormEvent) => {
    event?.preventDefault();
    const activities = markedIds.map((id) => ({ id, decision: 'RETURNED' as const, note: marks[id]?.note.trim() || undefined }));
    const dayDecision = markedIds.length > 0 ? 'VERIFIED' : decision;
    const candidate = { decision: dayDecision, note: note.trim() || undefined, activities: activities.length > 0 ? activities : undefined };
    const problems: SummaryError[] = [];
    const returning = decision === 'RETURNED' || markedIds.length > 0;
    const uncovered = markedIds.filter((id) => !marks[id]?.note.trim());
    if (returning && !note.trim() && (markedIds.length === 0 || uncovered.length > 0)) {
      problems.push({ fieldId: noteId, message: t('review.noteRequired') });
    }
    const parsed = VerificationBody.safeParse(candidate);
    if (!parsed.success) problems.push({ fieldId: noteId, message: t('review.noteTooLong') });
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    const signature = JSON.stringify(parsed.data);
    if (keyRef.current?.signature !== signature) keyRef.current = { signature, key: newLocalId() };
    // mutateAsync: this form unmounts as soon as the report is decided (it is no longer pending),
    // and the page still has to say what happened.
    verify
      .mutateAsync({ reportId: report.id, body: parsed.data, key: keyRef.current.key })
      .then((r) =>
        onDone(
          r.status === 'VERIFIED'
            ? t('review.doneVerified', { name: r.employee.name, date: formatDayLong(r.date, i18n.language) })
            : t('review.doneReturned', { name: r.employee.name, date: formatDayLong(r.date, i18n.language) }),
        ),
      )
      .catch(() => undefined);
  };

  const serverError = verify.error instanceof ApiError ? verify.error : null;
  const summary = errors.length > 0 ? errors : serverError ? [{ message: serverError.message }] : [];

  return (
    <form className="review" noValidate onSubmit={decide('VERIFIED')} aria-label={t('review.label', { name: report.employee.name })}>
      <ErrorSummary errors={summary} />
      <p>
        {t('review.summary', {
          total: formatDuration(tc, report.totalMinutes),
          norm: formatDuration(tc, report.normMinutes),
          count: report.activityCount,
        })}
      </p>
      {report.submittedAt ? <p className="small muted">{t('review.submittedAt', { time: formatDateTime(report.submittedAt, i18n.language) })}</p> : null}
      <ol className="review__activities">
        {report.activities.map((a, i) => (
          <ReviewActivity
            key={a.id}
            a={a}
            number={i + 1}
            mark={marks[a.id] ?? { returned: false, note: '' }}
            onMark={(m) => setMarks((all) => ({ ...all, [a.id]: m }))}
          />
        ))}
      </ol>
      <div className={errors.length > 0 ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={noteId}>
          {t('review.note')}
        </label>
        <p className="field__hint" id={`${noteId}-hint`}>
          {t('review.noteHint')}
        </p>
        {errors[0] ? (
          <p className="field__error" id={`${noteId}-error`}>
            {errors[0].message}
          </p>
        ) : null}
        <textarea
          id={noteId}
          className="input textarea"
          rows={3}
          maxLength={1000}
          aria-describedby={`${noteId}-hint${errors[0] ? ` ${noteId}-error` : ''}`}
          aria-invalid={errors.length > 0 ? true : undefined}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="button-group">
        {markedIds.length === 0 ? (
          <>
            <button type="submit" className="button" disabled={verify.isPending}>
              {t('review.approve')}
            </button>
            <button type="button" className="button button--warning" disabled={verify.isPending} onClick={decide('RETURNED')}>
              {t('review.return')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--warning" disabled={verify.isPending} onClick={decide('RETURNED')}>
            {t('review.returnMarked', { count: markedIds.length })}
          </button>
        )}
      </div>
      {verify.isPending ? <p role="status">{t('review.saving')}</p> : null}
    </form>
  );
}

function ReviewActivity({
  a,
  number,
  mark,
  onMark,
}: {
  a: ActivityDto;
  number: number;
  mark: { returned: boolean; note: string };
  onMark: (m: { returned: boolean; note: string }) => void;
}) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  const when = a.startTime && a.endTime ? `${formatTime(a.startTime, i18n.language)}–${formatTime(a.endTime, i18n.language)} · ` : '';
  const checkId = `return-${a.id}`;
  return (
    <li className="review__activity">
      <p className="review__when">
        {t('review.activity', { number })} · {when}
        {formatDuration(tc, a.minutes)}
      </p>
      <p className="review__what">{a.description}</p>
      {a.outputQuantity !== null ? (
        <p className="small">{t('review.output', { quantity: formatNumber(a.outputQuantity, i18n.language), unit: a.outputUnit ?? '' })}</p>
      ) : null}
      <p className="small">{a.linked ? t('review.linked') : t('review.notLinked')}</p>
      {a.evidence.length > 0 ? (
        <ul className="review__evidence">
          {a.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.url} target="_blank" rel="noreferrer" className="review__file">
                {e.previewUrl ? <img src={e.previewUrl} alt={t('review.photoOf', { name: e.originalName })} width={96} height={96} loading="lazy" /> : null}
                <span>{e.originalName}</span>
              </a>
              {e.photoTakenAt ? <p className="small">{t('review.photoTime', { time: formatDateTime(e.photoTakenAt, i18n.language) })}</p> : null}
              {e.gps ? (
                <p className="small">
                  <a href={`https://www.openstreetmap.org/?mlat=${e.gps.latitude}&mlon=${e.gps.longitude}#map=17/${e.gps.latitude}/${e.gps.longitude}`} target="_blank" rel="noreferrer">
                    {t('review.photoPlace', { lat: e.gps.latitude.toFixed(5), lon: e.gps.longitude.toFixed(5) })}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('review.noEvidence')}</p>
      )}
      {a.status === 'VERIFIED' ? (
        <p className="small">
          <span className="tag tag--verified">{t('review.alreadyVerified')}</span>
        </p>
      ) : (
        <>
          <div className="checkbox">
            <input id={checkId} type="checkbox" checked={mark.returned} onChange={(e) => onMark({ ...mark, returned: e.target.checked })} />
            <label htmlFor={checkId}>{t('review.markReturn')}</label>
          </div>
          {mark.returned ? (
            <div className="field">
              <label className="field__label" htmlFor={`${checkId}-note`}>
                {t('review.activityNote')}
              </label>
              <textarea
                id={`${checkId}-note`}
                className="input textarea"
                rows={2}
                maxLength={1000}
                value={mark.note}
                onChange={(e) => onMark({ ...mark, note: e.target.value })}
              />
            </div>
          ) : null}
        </>
      )}
    </li>
  );
}
