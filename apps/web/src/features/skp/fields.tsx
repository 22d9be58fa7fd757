import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export { SelectField, TextArea } from '../../components/ui/Field';

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
