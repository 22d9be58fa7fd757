import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { formatNumber } from '../../lib/format';
import { StepHeading } from '../public/StepHeading';
import { Honeypot, SelectField, TextAreaField } from '../public/ui';
import type { PublicServicePoint, SurveyQuestion } from './api';
import { NS } from './namespace';

const COMMENT_MAX = 1000;

export interface FinishErrors {
  comment?: string | undefined;
  servedBy?: string | undefined;
}

/** Comment, the optional staff member, a look back at the answers, and Send. */
export function FinishStep(props: {
  servicePoint: PublicServicePoint;
  questions: readonly SurveyQuestion[];
  answers: readonly (number | undefined)[];
  comment: string;
  onComment: (v: string) => void;
  servedBy: string;
  onServedBy: (v: string) => void;
  honeypot: string;
  onHoneypot: (v: string) => void;
  errors: FinishErrors;
  serverError: ApiError | null;
  pending: boolean;
  onEdit: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { servicePoint, errors, serverError } = props;
  const commentError = errors.comment ?? serverError?.fieldMessage('comment');
  const servedByError = errors.servedBy ?? serverError?.fieldMessage('servedByEmployeeId');
  const summary: SummaryError[] = [];
  if (commentError) summary.push({ fieldId: 'survey-comment', message: commentError });
  if (servedByError) summary.push({ fieldId: 'survey-served-by', message: servedByError });
  if (serverError && summary.length === 0) summary.push({ message: serverError.message });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <StepHeading title={t('public.finishTitle')} stepKey="finish" />
      <form noValidate onSubmit={onSubmit}>
        <TextAreaField
          id="survey-comment"
          name="comment"
          label={
            <>
              {t('public.comment')} <span className="optional-tag">{t('public.optional')}</span>
            </>
          }
          hint={t('public.commentHint')}
          error={commentError}
          rows={4}
          value={props.comment}
          onChange={(e) => props.onComment(e.target.value)}
          counter={t('public.commentCount', {
            count: formatNumber(props.comment.length, i18n.language),
            max: formatNumber(COMMENT_MAX, i18n.language),
          })}
        />
        {servicePoint.staff.length > 0 ? (
          <SelectField
            id="survey-served-by"
            label={
              <>
                {t('public.servedBy')} <span className="optional-tag">{t('public.optional')}</span>
              </>
            }
            hint={t('public.servedByHint')}
            error={servedByError}
            value={props.servedBy}
            onChange={(e) => props.onServedBy(e.target.value)}
          >
            <option value="">{t('public.servedByNone')}</option>
            {servicePoint.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.jabatan ? `${s.name} – ${s.jabatan}` : s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Honeypot id="survey-website" label={t('public.honeypot')} value={props.honeypot} onChange={props.onHoneypot} />
        <details className="details-plain">
          <summary>{t('public.review')}</summary>
          <dl className="summary-list">
            {props.questions.map((q, i) => {
              const answer = q.options.find((o) => o.nilai === props.answers[i]);
              return (
                <div className="summary-list__row" key={q.kode}>
                  <dt>{q.nama}</dt>
                  <dd>
                    {answer ? answer.label : t('public.notAnswered')}{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('public.changeAnswer', { unsur: q.nama })}
                      onClick={() => props.onEdit(i)}
                    >
                      {t('public.change')}
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </details>
        <div className="step-nav">
          <button type="submit" className="button button--wide" disabled={props.pending}>
            {props.pending ? t('public.submitting') : t('public.submit')}
          </button>
          <button type="button" className="link-button" onClick={props.onBack}>
            {t('public.back')}
          </button>
        </div>
      </form>
    </>
  );
}
