import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKP_ASPEK, SKP_PERSPEKTIF } from '@pantau/domain';
import { SkpRhkBody, type SkpDetail, type SkpRhkDto } from '@pantau/contracts';
import { TextField } from '../../components/ui/TextField';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { useParentOptions, useSkpMutation } from './api';
import { RadioGroup, SelectField, TextArea } from './fields';
import { checkWith, fieldId, generalMessage, parseNumberInput, serverFieldMessages, summaryFrom, type ProblemKind } from './form';

interface IndicatorDraft {
  id?: number | undefined;
  aspek: string;
  text: string;
  targetValue: string;
  targetUnit: string;
  targetText: string;
}

const emptyIndicator = (): IndicatorDraft => ({ aspek: '', text: '', targetValue: '', targetUnit: '', targetText: '' });

/** Add or change one RHK with its indicators; the RHK atasan is chosen from the server's options. */
export function RhkForm({ skp, rhk, onDone }: { skp: SkpDetail; rhk: SkpRhkDto | null; onDone: () => void }) {
  const { t } = useTranslation('skp');
  const prefix = useId().replace(/:/g, '');
  const jpt = skp.form === 'JPT';
  const options = useParentOptions(skp.id, !jpt);
  const [kind, setKind] = useState<'UTAMA' | 'TAMBAHAN'>(rhk?.kind ?? 'UTAMA');
  const [text, setText] = useState(rhk?.text ?? '');
  const [parent, setParent] = useState(rhk?.parent ? String(rhk.parent.id) : '');
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(
    rhk
      ? rhk.indicators.map((i) => ({
          id: i.id,
          aspek: (jpt ? i.perspektif : i.aspek) ?? '',
          text: i.text,
          targetValue: i.targetValue === null ? '' : String(i.targetValue),
          targetUnit: i.targetUnit ?? '',
          targetText: i.targetText ?? '',
        }))
      : [emptyIndicator()],
  );
  const [problems, setProblems] = useState<Record<string, ProblemKind>>({});

  const save = useSkpMutation((body: unknown) =>
    rhk ? { path: `/api/skp/rhk/${rhk.id}`, method: 'PATCH', body } : { path: `/api/skp/${skp.id}/rhk`, method: 'POST', body },
  );

  const problemText = (path: string, kindOf: ProblemKind) => t(`form.${kindOf}`, { field: t(`form.fields.${fieldName(path)}`) });
  const fieldMessages: Record<string, string> = {
    ...Object.fromEntries(Object.entries(problems).map(([p, k]) => [p, problemText(p, k)])),
    ...serverFieldMessages(save.error),
  };
  const general = generalMessage(save.error, t('form.failed'));
  const err = (path: string) => fieldMessages[path];

  const setIndicator = (i: number, patch: Partial<IndicatorDraft>) => setIndicators((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      kind,
      text,
      parentRhkId: parent === '' ? null : Number(parent),
      indicators: indicators.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        ...(jpt ? { perspektif: i.aspek === '' ? null : i.aspek } : { aspek: i.aspek === '' ? null : i.aspek }),
        text: i.text,
        targetValue: parseNumberInput(i.targetValue),
        targetUnit: i.targetUnit.trim() === '' ? null : i.targetUnit,
        targetText: i.targetText.trim() === '' ? null : i.targetText,
      })),
    };
    const checked = checkWith(SkpRhkBody, body);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    save.mutate(checked.data, { onSuccess: onDone });
  };

  return (
    <form className="skp-box" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-title`}>
      <h3 className="heading-s" id={`${prefix}-title`}>
        {rhk ? t('rhk.editTitle') : t('rhk.addTitle')}
      </h3>
      <ErrorSummary errors={summaryFrom(fieldMessages, prefix, general)} />
      <RadioGroup
        id={fieldId(prefix, 'kind')}
        legend={t('rhk.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'UTAMA', label: t('rhk.UTAMA') },
          { value: 'TAMBAHAN', label: t('rhk.TAMBAHAN') },
        ]}
        error={err('kind')}
      />
      <TextArea id={fieldId(prefix, 'text')} label={t('rhk.text')} value={text} onChange={(e) => setText(e.target.value)} error={err('text')} />
      {jpt ? null : (
        <SelectField
          id={fieldId(prefix, 'parentRhkId')}
          label={t('rhk.parent')}
          hint={options.data?.atasan ? t('rhk.parentHint', { name: options.data.atasan.name }) : t('rhk.parentHintNone')}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
          error={err('parentRhkId')}
        >
          <option value="">{t('rhk.noParent')}</option>
          {(options.data?.options ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.text}
            </option>
          ))}
        </SelectField>
      )}
      <h4 className="heading-s">{t('rhk.indicators')}</h4>
      {indicators.map((ind, i) => (
        <fieldset className="fieldset skp-box" key={ind.id ?? `new-${i}`}>
          <legend className="field__label">{t('rhk.indicatorN', { n: i + 1 })}</legend>
          <SelectField
            id={fieldId(prefix, `indicators.${i}.${jpt ? 'perspektif' : 'aspek'}`)}
            label={jpt ? t('rhk.perspektif') : t('rhk.aspek')}
            value={ind.aspek}
            onChange={(e) => setIndicator(i, { aspek: e.target.value })}
            error={err(`indicators.${i}.${jpt ? 'perspektif' : 'aspek'}`)}
          >
            <option value="">{t('rhk.choose')}</option>
            {(jpt ? SKP_PERSPEKTIF : SKP_ASPEK).map((a) => (
              <option key={a} value={a}>
                {t(`aspek.${a}`)}
              </option>
            ))}
          </SelectField>
          <TextArea
            id={fieldId(prefix, `indicators.${i}.text`)}
            label={t('rhk.indicatorText')}
            value={ind.text}
            onChange={(e) => setIndicator(i, { text: e.target.value })}
            error={err(`indicators.${i}.text`)}
          />
          <TextField
            id={fieldId(prefix, `indicators.${i}.targetValue`)}
            label={t('rhk.targetValue')}
            inputMode="decimal"
            value={ind.targetValue}
            onChange={(e) => setIndicator(i, { targetValue: e.target.value })}
            error={err(`indicators.${i}.targetValue`)}
          />
          <TextField
            id={fieldId(prefix, `indicators.${i}.targetUnit`)}
            label={t('rhk.targetUnit')}
            hint={t('rhk.targetUnitHint')}
            value={ind.targetUnit}
            onChange={(e) => setIndicator(i, { targetUnit: e.target.value })}
            error={err(`indicators.${i}.targetUnit`)}
          />
          <TextField
            id={fieldId(prefix, `indicators.${i}.targetText`)}
            label={t('rhk.targetText')}
            value={ind.targetText}
            onChange={(e) => setIndicator(i, { targetText: e.target.value })}
            error={err(`indicators.${i}.targetText`)}
          />
          {indicators.length > 1 ? (
            <button type="button" className="button button--secondary" onClick={() => setIndicators((l) => l.filter((_, j) => j !== i))}>
              {t('rhk.removeIndicator', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => setIndicators((l) => [...l, emptyIndicator()])}>
          {t('rhk.addIndicator')}
        </button>
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('rhk.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "indicators.0.text" → "text" (the label used in messages). */
function fieldName(path: string): 'kind' | 'text' | 'parentRhkId' | 'indicators' | 'aspek' | 'perspektif' | 'targetValue' | 'targetUnit' | 'targetText' {
  const last = path.split('.').pop() ?? '';
  const known = ['kind', 'text', 'parentRhkId', 'indicators', 'aspek', 'perspektif', 'targetValue', 'targetUnit', 'targetText'] as const;
  const found = known.find((k) => k === last);
  if (path.startsWith('indicators.') && last === 'text') return 'indicators';
  return found ?? 'text';
}
