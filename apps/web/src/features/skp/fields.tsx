import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

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

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** Label, hint, error and a textarea wired together (like TextField). */
export function TextArea({ id, label, hint, error, ...rest }: AreaProps & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined }) {
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <textarea className="input textarea" id={id} rows={3} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </Wrap>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...rest
}: SelectProps & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <Wrap id={id} label={label} hint={hint} error={error}>
      <select className="select" id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </select>
    </Wrap>
  );
}

/** A fieldset of radio buttons; the first radio carries the id the error summary links to. */
export function RadioGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: ReactNode;
  options: readonly { value: V; label: ReactNode }[];
  value: V | '';
  onChange: (v: V) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={error ? 'fieldset field field--error' : 'fieldset field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div className="radio" key={o.value}>
          <input id={i === 0 ? id : `${id}-${o.value}`} type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
