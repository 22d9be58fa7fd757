import { CreateSupervisionRecordBody, type SupervisionAlert } from '@pantau/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { todayIso } from '../../lib/format';
import { newLocalId } from '../daily-reports/model';
import { useCreateSupervisionRecord } from './api';

export type SupervisionKind = 'NOTE' | 'PEMBINAAN' | 'DIALOG_KINERJA';
const KINDS: SupervisionKind[] = ['NOTE', 'PEMBINAAN', 'DIALOG_KINERJA'];

/**
 * Acting on an alert without leaving the page: a note to the employee, a coaching (pembinaan)
 * record or a dialog kinerja. Kept, shown to the employee and used later in their evaluation.
 */
export function SupervisionForm({
  employeeId,
  name,
  initialKind,
  alertKind,
  onDone,
  onCancel,
}: {
  employeeId: number;
  name: string;
  initialKind: SupervisionKind;
  alertKind: SupervisionAlert['kind'] | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('team');
  const create = useCreateSupervisionRecord(employeeId);
  const [kind, setKind] = useState<SupervisionKind>(initialKind);
  const [body, setBody] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const keyRef = useRef<{ signature: string; key: string } | null>(null);
  const base = `sup-${employeeId}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateSupervisionRecordBody.safeParse({ kind, body, followUp: followUp.trim() || undefined, heldOn, alertKind });
    if (!parsed.success) {
      const problems: SummaryError[] = [];
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'body') problems.push({ fieldId: `${base}-body`, message: issue.code === 'too_big' ? t('record.bodyTooLong') : t('record.bodyRequired') });
        else if (field === 'followUp') problems.push({ fieldId: `${base}-follow`, message: t('record.followUpTooLong') });
        else if (field === 'heldOn') problems.push({ fieldId: `${base}-date`, message: t('record.dateInvalid') });
      }
      setErrors(problems);
      return;
    }
    setErrors([]);
    const signature = JSON.stringify(parsed.data);
    if (keyRef.current?.signature !== signature) keyRef.current = { signature, key: newLocalId() };
    create
      .mutateAsync({ body: parsed.data, key: keyRef.current.key })
      .then(() => onDone(t('record.saved', { kind: t(`record.kind.${kind}`), name })))
      .catch(() => undefined);
  };

  const serverError = create.error instanceof ApiError ? create.error : null;
  const summary = errors.length > 0 ? errors : serverError ? [{ message: serverError.message }] : [];
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form className="supervision-form" noValidate onSubmit={submit} aria-label={t('record.label', { name })}>
      <ErrorSummary errors={summary} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('record.kindLabel')}</legend>
        {KINDS.map((k) => (
          <div className="radio" key={k}>
            <input id={`${base}-${k}`} type="radio" name={`${base}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            <label htmlFor={`${base}-${k}`}>
              {t(`record.kind.${k}`)} <span className="muted small">{t(`record.kindHint.${k}`)}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className={errorFor(`${base}-body`) ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={`${base}-body`}>
          {t('record.body')}
        </label>
        {errorFor(`${base}-body`) ? <p className="field__error">{errorFor(`${base}-body`)}</p> : null}
        <textarea id={`${base}-body`} className="input textarea" rows={4} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      {kind !== 'NOTE' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${base}-follow`}>
            {t('record.followUp')}
          </label>
          <textarea id={`${base}-follow`} className="input textarea" rows={2} maxLength={2000} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
        </div>
      ) : null}
      {kind !== 'NOTE' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${base}-date`}>
            {t('record.heldOn')}
          </label>
          <input id={`${base}-date`} className="input input--date" type="date" value={heldOn} max={todayIso()} onChange={(e) => setHeldOn(e.target.value)} />
        </div>
      ) : null}
      <div className="button-group">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('record.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('record.cancel')}
        </button>
      </div>
    </form>
  );
}
