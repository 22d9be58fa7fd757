import type { ReactNode } from 'react';

import { FieldError } from '../../components/ui/Field';

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
  return (
    <fieldset className={error ? 'fieldset field field--error' : 'fieldset field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      <FieldError id={id} error={error} />
      {options.map((o, i) => (
        <div className="radio" key={o.value}>
          <input id={i === 0 ? id : `${id}-${o.value}`} type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
