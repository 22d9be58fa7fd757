import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, lastSegment } from '../../api/client';
import type { SummaryError } from '../../components/ui/ErrorSummary';

function Wrap({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export function TextArea({
  id,
  label,
  hint,
  error,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined }) {
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <textarea className="input textarea" id={id} rows={3} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Wrap>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <select className="select" id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </select>
    </Wrap>
  );
}

/**
 * The server's problems as error-summary entries: each field problem links to the input whose id
 * is `${prefix}-${last path segment}`, when the form has one; others are listed without a link.
 */
export function summaryFrom(error: unknown, prefix: string, fieldIds: readonly string[] = []): SummaryError[] {
  if (!(error instanceof ApiError)) return error ? [{ message: String(error) }] : [];
  if (error.fields.length === 0) return [{ message: error.message }];
  return error.fields.map((f) => {
    const name = lastSegment(f.path);
    return { fieldId: fieldIds.includes(name) ? `${prefix}-${name}` : undefined, message: f.message };
  });
}

/** The server message for one field of a failed mutation, for the message under the input. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(name) : undefined;
}
