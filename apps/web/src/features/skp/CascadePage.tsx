import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkpCascadeBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { currentYear, useSkp, useSkpList, useSkpMutation, useSubordinates, type CascadeResult } from './api';
import { RadioGroup, TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Supervisor: hand one of my RHK down to many subordinates at once (my unit, or chosen people). */
export function CascadePage() {
  const { t } = useTranslation('skp');
  const year = currentYear();
  const mine = useSkpList('mine', year);
  // The list's abilities do not say whether I lead anyone (the server computes `cascade` on the detail only).
  const current = mine.data?.filter((s) => s.isCurrent).sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
  const detail = useSkp(current?.id ?? null);
  const skp = detail.data?.abilities.cascade ? detail : null;
  const source = current && (detail.isPending || skp) ? current : undefined;
  const people = useSubordinates();
  const [rhkId, setRhkId] = useState('');
  const [mode, setMode] = useState<'unit' | 'people'>('people');
  const [chosen, setChosen] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CascadeResult | null>(null);
  const send = useSkpMutation<{ rhkId: number; body: unknown }, CascadeResult>(({ rhkId: id, body }) => ({ path: `/api/skp/rhk/${id}/cascades`, body }));

  if (mine.isPending || (current && detail.isPending)) return <Loading />;
  if (mine.isError) return <LoadError error={mine.error} />;

  const fields = { ...problems, ...serverFieldMessages(send.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (rhkId === '') next.rhk = t('cascade.chooseRhk');
    const body = {
      ...(mode === 'unit' && skp?.data ? { unitId: skp.data.unitId } : {}),
      ...(mode === 'people' ? { employeeIds: chosen } : {}),
      ...(text.trim() === '' ? {} : { text }),
    };
    const checked = checkWith(SkpCascadeBody, body);
    if (!checked.ok) {
      if (checked.problems.employeeIds) next.employeeIds = t('cascade.choosePeople');
      if (checked.problems.text) next.text = t('form.tooLong', { field: t('cascade.text') });
    }
    setProblems(next);
    if (Object.keys(next).length > 0 || !checked.ok) return;
    setResult(null);
    send.mutate({ rhkId: Number(rhkId), body: checked.data }, { onSuccess: setResult });
  };

  return (
    <>
      <PageHeading title={t('cascade.title')} />
      <SkpNav />
      <p>{t('cascade.intro')}</p>
      {!source ? <Notice tone="info" title={t('cascade.noSource')} /> : null}
      {detail.isError ? <LoadError error={detail.error} /> : null}
      {result ? (
        <Notice tone="success" title={t('cascade.done', { created: result.created.length, skipped: result.skipped.length })}>
          {result.created.length > 0 ? (
            <>
              <p>{t('cascade.createdFor')}</p>
              <ul>
                {result.created.map((c) => (
                  <li key={c.employeeId}>{c.employeeName}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result.skipped.length > 0 ? (
            <>
              <p>{t('cascade.skippedFor')}</p>
              <ul>
                {result.skipped.map((c) => (
                  <li key={c.employeeId}>
                    {c.employeeName}: {c.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
      {skp?.data ? (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={summaryFrom(fields, 'cascade', generalMessage(send.error, t('form.failed')))} />
          <RadioGroup
            id="cascade-rhk"
            legend={t('cascade.rhk')}
            value={rhkId}
            onChange={setRhkId}
            options={skp.data.rhk.map((r) => ({ value: String(r.id), label: r.text }))}
            error={fields.rhk}
          />
          <RadioGroup
            id="cascade-mode"
            legend={t('cascade.to')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'people', label: t('cascade.toPeople') },
              { value: 'unit', label: t('cascade.toUnit', { unit: skp.data.employee.unitName ?? '' }) },
            ]}
          />
          {mode === 'people' ? (
            <fieldset className={fields.employeeIds ? 'fieldset field field--error' : 'fieldset field'}>
              <legend className="field__label">{t('cascade.people')}</legend>
              {fields.employeeIds ? (
                <p className="field__error" id="cascade-employeeIds-error">
                  {fields.employeeIds}
                </p>
              ) : null}
              {people.isPending ? <Loading /> : null}
              {people.data?.map((p, i) => (
                <div className="checkbox" key={p.employeeId}>
                  <input
                    id={i === 0 ? 'cascade-employeeIds' : `cascade-person-${p.employeeId}`}
                    type="checkbox"
                    checked={chosen.includes(p.employeeId)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.employeeId] : c.filter((x) => x !== p.employeeId)))}
                  />
                  <label htmlFor={i === 0 ? 'cascade-employeeIds' : `cascade-person-${p.employeeId}`}>
                    {p.name} <span className="small">({p.positionName ?? '-'})</span>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <TextArea id="cascade-text" label={t('cascade.text')} hint={t('cascade.textHint')} value={text} onChange={(e) => setText(e.target.value)} error={fields.text} />
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending ? t('common.saving') : t('cascade.submit')}
          </button>
        </form>
      ) : null}
    </>
  );
}
