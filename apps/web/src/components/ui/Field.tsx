import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids a control is described by: its hint and its error message, when shown (and any other id). */
export const describedBy = (id: string, hint: unknown, error: unknown, extra?: string): string | undefined =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(' ') || undefined;

/** The error message of a control (`${id}-error`), announced with its prefix; nothing without an error. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {error}
    </p>
  );
}

/** Label, hint and error message around one control, wired together for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
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
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** A textarea in a Field (like TextField). */
export function TextArea({ id, label, hint, error, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea className="input textarea" id={id} rows={3} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Field>
  );
}

/** A select in a Field. */
export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & FieldProps & { children: ReactNode }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select className="select" id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </select>
    </Field>
  );
}
