import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy, Field, FieldError } from '../../components/ui/Field';

export { SelectField } from '../../components/ui/Field';

/** Label, hint, error and a textarea, with an optional "n of max" counter under it. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  counter,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  counter?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        className="textarea"
        id={id}
        aria-describedby={describedBy(id, hint, error, counter ? `${id}-counter` : undefined)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
      {counter ? (
        <p className="counter" id={`${id}-counter`}>
          {counter}
        </p>
      ) : null}
    </Field>
  );
}


/** A group of radios (or checkboxes) under a legend, with hint and error. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <FieldError id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** "Langkah 2 dari 4" with a progress bar that says the same to screen readers. */
export function StepProgress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="step-progress">
      <span className="step-progress__label" aria-hidden="true">
        {label}
      </span>
      <progress value={value} max={max} aria-label={label} />
    </div>
  );
}

/**
 * The honeypot: a field people never see or hear (off screen, out of the tab order, hidden from
 * assistive technology) that form-filling robots do fill. The server discards such submissions.
 */
export function Honeypot({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
