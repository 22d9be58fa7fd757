import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { describedBy as describedByIds, Field as UiField } from '../../components/ui/Field';
import type { RhkOption } from './api';
import { EvidenceInput } from './EvidenceInput';
import { minutesToTime, timeToMinutes, type LocalActivity } from './model';
import { validateActivity, type ActivityField, type ActivityFormValues, type ActivityProblem, type ActivityValue } from './validate';

const FIELD_IDS: Record<ActivityField, string> = {
  description: 'act-description',
  startTime: 'act-start',
  endTime: 'act-end',
  minutes: 'act-minutes',
  outputQuantity: 'act-qty',
  outputUnit: 'act-unit',
  evidence: 'act-evidence-camera',
};

const DURATIONS = [30, 60, 90, 120];
const MINUTE_CHOICES = [15, 30, 60, 120];

export interface ActivityFormProps {
  mode: 'add' | 'edit';
  initial: ActivityFormValues;
  /** The day's other activities (no overlap allowed). */
  others: readonly LocalActivity[];
  skp: UseQueryResult<RhkOption[] | null>;
  unitSuggestions: readonly string[];
  onSave: (value: ActivityValue) => void;
  onCancel: () => void;
  /** Every change, so the page can keep what is typed if the phone reloads it. */
  onDraft?: (values: ActivityFormValues) => void;
}

/** One activity: what, when, result, SKP link and evidence. Checked before it joins the day. */
export function ActivityForm({ mode, initial, others, skp, unitSuggestions, onSave, onCancel, onDraft }: ActivityFormProps) {
  const { t } = useTranslation('dailyReports');
  const [values, setValues] = useState<ActivityFormValues>(initial);
  const [problems, setProblems] = useState<ActivityProblem[]>([]);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  const unitsId = useId();

  useEffect(() => {
    firstRef.current?.focus();
  }, []);
  useEffect(() => {
    onDraft?.(values);
  }, [values, onDraft]);

  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const message = (p: ActivityProblem) => t(`problem.${p.code}`, { other: p.other ?? 0 });
  const errorOf = (field: ActivityField) => {
    const p = problems.find((x) => x.field === field);
    return p ? message(p) : undefined;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateActivity(values, others);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    onSave(result.value);
  };

  const setDuration = (minutes: number) => {
    const start = values.startTime || '08:00';
    setValues((v) => ({ ...v, startTime: start, endTime: minutesToTime(timeToMinutes(start) + minutes) }));
  };

  const onLink = (link: string) => {
    const indicatorId = Number(link.split(':')[1]);
    const unit = skp.data?.flatMap((r) => r.indicators).find((i) => i.id === indicatorId)?.unit;
    setValues((v) => ({ ...v, link, outputUnit: v.outputUnit === '' && unit ? unit : v.outputUnit }));
  };

  return (
    <form className="activity-form" noValidate onSubmit={submit} aria-labelledby="activity-form-title">
      <h2 className="heading-m" id="activity-form-title">
        {mode === 'add' ? t('form.addTitle') : t('form.editTitle')}
      </h2>
      <ErrorSummary errors={problems.map((p) => ({ fieldId: FIELD_IDS[p.field], message: message(p) }))} />

      <Field id={FIELD_IDS.description} label={t('form.description')} hint={t('form.descriptionHint')} error={errorOf('description')}>
        {(describedBy) => (
          <textarea
            ref={firstRef}
            id={FIELD_IDS.description}
            className="input textarea"
            rows={3}
            maxLength={1000}
            aria-describedby={describedBy}
            aria-invalid={errorOf('description') ? true : undefined}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>

      <fieldset className="fieldset">
        <legend className="field__label">{t('form.when')}</legend>
        <div className="segmented" role="group" aria-label={t('form.timeModeLabel')}>
          <button type="button" aria-pressed={values.timeMode === 'range'} onClick={() => set('timeMode', 'range')}>
            {t('form.byTime')}
          </button>
          <button type="button" aria-pressed={values.timeMode === 'minutes'} onClick={() => set('timeMode', 'minutes')}>
            {t('form.byMinutes')}
          </button>
        </div>
        {values.timeMode === 'range' ? (
          <>
            <div className="field-row">
              <Field id={FIELD_IDS.startTime} label={t('form.start')} error={errorOf('startTime')}>
                {(describedBy) => (
                  <input
                    id={FIELD_IDS.startTime}
                    className="input input--time"
                    type="time"
                    step={300}
                    aria-describedby={describedBy}
                    aria-invalid={errorOf('startTime') ? true : undefined}
                    value={values.startTime}
                    onChange={(e) => set('startTime', e.target.value)}
                  />
                )}
              </Field>
              <Field id={FIELD_IDS.endTime} label={t('form.end')} error={errorOf('endTime')}>
                {(describedBy) => (
                  <input
                    id={FIELD_IDS.endTime}
                    className="input input--time"
                    type="time"
                    step={300}
                    aria-describedby={describedBy}
                    aria-invalid={errorOf('endTime') ? true : undefined}
                    value={values.endTime}
                    onChange={(e) => set('endTime', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div className="chips" role="group" aria-label={t('form.quickDuration')}>
              <span className="chips__label" aria-hidden="true">
                {t('form.quickDuration')}
              </span>
              {DURATIONS.map((m) => (
                <button key={m} type="button" className="chip" onClick={() => setDuration(m)}>
                  {t('form.durationChip', { count: m })}
                </button>
              ))}
            </div>
          </>
        ) : (
          <>
            <Field id={FIELD_IDS.minutes} label={t('form.minutes')} error={errorOf('minutes')}>
              {(describedBy) => (
                <input
                  id={FIELD_IDS.minutes}
                  className="input input--short"
                  inputMode="numeric"
                  autoComplete="off"
                  aria-describedby={describedBy}
                  aria-invalid={errorOf('minutes') ? true : undefined}
                  value={values.minutes}
                  onChange={(e) => set('minutes', e.target.value)}
                />
              )}
            </Field>
            <div className="chips" role="group" aria-label={t('form.quickMinutes')}>
              {MINUTE_CHOICES.map((m) => (
                <button key={m} type="button" className="chip" aria-pressed={values.minutes === String(m)} onClick={() => set('minutes', String(m))}>
                  {t('form.minutesChip', { count: m })}
                </button>
              ))}
            </div>
          </>
        )}
        {errorOf('minutes') && values.timeMode === 'range' ? <p className="field__error">{errorOf('minutes')}</p> : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">{t('form.output')}</legend>
        <p className="field__hint">{t('form.outputHint')}</p>
        <div className="field-row">
          <Field id={FIELD_IDS.outputQuantity} label={t('form.quantity')} error={errorOf('outputQuantity')}>
            {(describedBy) => (
              <input
                id={FIELD_IDS.outputQuantity}
                className="input"
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={errorOf('outputQuantity') ? true : undefined}
                value={values.outputQuantity}
                onChange={(e) => set('outputQuantity', e.target.value)}
              />
            )}
          </Field>
          <Field id={FIELD_IDS.outputUnit} label={t('form.unit')} error={errorOf('outputUnit')}>
            {(describedBy) => (
              <input
                id={FIELD_IDS.outputUnit}
                className="input"
                list={unitsId}
                maxLength={60}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={errorOf('outputUnit') ? true : undefined}
                value={values.outputUnit}
                onChange={(e) => set('outputUnit', e.target.value)}
              />
            )}
          </Field>
          <datalist id={unitsId}>
            {unitSuggestions.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <SkpLink value={values.link} onChange={onLink} skp={skp} />

      <EvidenceInput
        id="act-evidence"
        items={values.evidence}
        error={errorOf('evidence')}
        onChange={(update) => setValues((v) => ({ ...v, evidence: update(v.evidence) }))}
      />

      <div className="button-group">
        <button type="submit" className="button button--big">
          {mode === 'add' ? t('form.saveNew') : t('form.saveEdit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

function SkpLink({ value, onChange, skp }: { value: string; onChange: (link: string) => void; skp: UseQueryResult<RhkOption[] | null> }) {
  const { t } = useTranslation('dailyReports');
  if (skp.isPending && skp.fetchStatus === 'fetching') {
    return <p className="field muted">{t('skp.loading')}</p>;
  }
  if (skp.isError || skp.isPending) {
    return (
      <div className="field">
        <p className="field__label">{t('skp.label')}</p>
        <p className="muted">{t('skp.unavailable')}</p>
      </div>
    );
  }
  if (skp.data === null || skp.data.length === 0) {
    return (
      <div className="field">
        <p className="field__label">{t('skp.label')}</p>
        <p className="skp-none">{t('skp.notLinked')}</p>
      </div>
    );
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor="act-link">
        {t('skp.label')}
      </label>
      <p className="field__hint" id="act-link-hint">
        {t('skp.hint')}
      </p>
      <select id="act-link" className="select" aria-describedby="act-link-hint" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('skp.none')}</option>
        {skp.data.map((rhk) => (
          <optgroup key={rhk.id} label={rhk.text}>
            {rhk.indicators.length === 0 ? <option value={`${rhk.id}:`}>{rhk.text}</option> : null}
            {rhk.indicators.map((i) => (
              <option key={i.id} value={`${rhk.id}:${i.id}`}>
                {i.text}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The shared Field, with the control rendered by the caller from its aria-describedby ids. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  return (
    <UiField id={id} label={label} hint={hint} error={error}>
      {children(describedByIds(id, hint, error))}
    </UiField>
  );
}
