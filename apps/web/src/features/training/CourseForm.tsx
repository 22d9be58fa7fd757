import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BERAKHLAK, TRAINING_KINDS, TRAINING_MODES } from '@pantau/domain';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { TextField } from '../../components/ui/TextField';
import { useUnits } from '../org/api';
import type { CourseDto, CourseInput } from './api';
import { SelectField, TextArea, fieldError, summaryFrom } from './fields';

type Kind = (typeof TRAINING_KINDS)[number];
type Mode = (typeof TRAINING_MODES)[number];
type Behaviour = (typeof BERAKHLAK)[number];

const jpText = (jp: number, language: string) => (language.startsWith('id') ? String(jp).replace('.', ',') : String(jp));

/**
 * The form of one course, to add it (no `course`) or to change it. The caller sends the body;
 * the server's field problems show under the inputs (ids `${prefix}-<field>`).
 */
export function CourseForm({
  prefix,
  course,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  prefix: string;
  course?: CourseDto;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (body: CourseInput, reset: () => void) => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation('training');
  const units = useUnits();
  const opds = (units.data ?? []).filter((u) => u.parentId === null || course?.organiserUnits.some((o) => o.id === u.id));
  const initial = () => ({
    title: course?.title ?? '',
    description: course?.description ?? '',
    kind: (course?.kind ?? 'TEKNIS') as Kind,
    mode: (course?.mode ?? 'KLASIKAL') as Mode,
    jp: course ? jpText(course.jp, i18n.language) : '',
    organiser: course?.organiser ?? '',
    competencies: course?.competencies.join(', ') ?? '',
    active: course?.active ?? true,
  });
  const [v, setV] = useState(initial);
  const [unitIds, setUnitIds] = useState<number[]>(course?.organiserUnits.map((u) => u.id) ?? []);
  const [behaviours, setBehaviours] = useState<Behaviour[]>(course?.behaviours ?? []);
  const err = (name: string) => fieldError(error, name);
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const id = (name: string) => `${prefix}-${name}`;
  const reset = () => {
    setV(initial());
    setUnitIds([]);
    setBehaviours([]);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(
          {
            title: v.title,
            description: v.description.trim() || null,
            kind: v.kind,
            mode: v.mode,
            jp: Number(v.jp.replace(',', '.')),
            organiser: v.organiser,
            organiserUnitIds: unitIds,
            behaviours,
            competencies: v.competencies.split(',').map((c) => c.trim()).filter(Boolean),
            active: v.active,
          },
          reset,
        );
      }}
    >
      <ErrorSummary errors={summaryFrom(error, prefix, ['title', 'kind', 'mode', 'jp', 'organiser', 'organiserUnitIds'])} />
      <TextField id={id('title')} label={t('manage.courseTitle')} required maxLength={200} value={v.title} error={err('title')} onChange={(e) => setV({ ...v, title: e.target.value })} />
      <TextArea id={id('description')} label={t('manage.description')} maxLength={2000} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      <SelectField id={id('kind')} label={t('manage.kind')} value={v.kind} onChange={(e) => setV({ ...v, kind: TRAINING_KINDS.find((k) => k === e.target.value) ?? 'TEKNIS' })}>
        {TRAINING_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={id('mode')} label={t('manage.mode')} value={v.mode} onChange={(e) => setV({ ...v, mode: TRAINING_MODES.find((k) => k === e.target.value) ?? 'KLASIKAL' })}>
        {TRAINING_MODES.map((k) => (
          <option key={k} value={k}>
            {t(`mode.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={id('jp')} label={t('manage.jp')} hint={t('manage.jpHint')} inputMode="decimal" required value={v.jp} error={err('jp')} onChange={(e) => setV({ ...v, jp: e.target.value })} />
      <TextField id={id('organiser')} label={t('manage.organiser')} hint={t('manage.organiserHint')} required maxLength={200} value={v.organiser} error={err('organiser')} onChange={(e) => setV({ ...v, organiser: e.target.value })} />
      <fieldset className="fieldset field" id={id('organiserUnitIds')} tabIndex={-1}>
        <legend className="field__label">{t('manage.units')}</legend>
        <p className="field__hint">{t('manage.unitsHint')}</p>
        {err('organiserUnitIds') ? <p className="field__error">{err('organiserUnitIds')}</p> : null}
        {opds.map((u) => (
          <div className="checkbox" key={u.id}>
            <input id={`${prefix}-unit-${u.id}`} type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds((l) => toggle(l, u.id, e.target.checked))} />
            <label htmlFor={`${prefix}-unit-${u.id}`}>{u.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset field">
        <legend className="field__label">{t('manage.behaviours')}</legend>
        {BERAKHLAK.map((b) => (
          <div className="checkbox" key={b}>
            <input id={`${prefix}-behaviour-${b}`} type="checkbox" checked={behaviours.includes(b)} onChange={(e) => setBehaviours((l) => toggle(l, b, e.target.checked))} />
            <label htmlFor={`${prefix}-behaviour-${b}`}>{t(`behaviour.${b}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextField id={id('competencies')} label={t('manage.competencies')} hint={t('manage.competenciesHint')} maxLength={500} value={v.competencies} onChange={(e) => setV({ ...v, competencies: e.target.value })} />
      {course ? (
        <div className="checkbox field">
          <input id={id('active')} type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
          <label htmlFor={id('active')}>{t('manage.activeLabel')}</label>
        </div>
      ) : null}
      <div className="button-group">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('plan.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
