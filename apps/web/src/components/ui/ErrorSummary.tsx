import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** id of the input to focus; omit for an error that belongs to no field. */
  fieldId?: string | undefined;
  message: string;
}

/**
 * GOV.UK-style error summary: a box at the top of the form that takes focus when it appears and
 * links to each field with a problem.
 */
export function ErrorSummary({ errors, title }: { errors: readonly SummaryError[]; title?: string | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.fieldId ?? ''}:${e.message}`).join('|');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {title ?? t('common.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={`${e.fieldId ?? ''}${e.message}`}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const input = document.getElementById(e.fieldId ?? '');
                  input?.scrollIntoView({ block: 'center' });
                  input?.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
