import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, Field } from './Field';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'>;

/** Label, hint, error message and input wired together for screen readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  after,
  ...input
}: InputProps & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Rendered after the input, inside the field group (e.g. a "show password" toggle). */
  after?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input className="input" id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
      {after}
    </Field>
  );
}
