import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkpCascadeBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { currentYear, useCascadePositions, useSkp, useSkpList, useSkpMutation, useSubordinates, type CascadePositions, type CascadeResult } from './api';
import { RadioGroup, SelectField, TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Supervisor: hand one of my RHK down to many subordinates at once (chosen people, a unit or a position in my chain). */
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
  const slots = useCascadePositions(skp?.data ? skp.data.id : null);
  const [rhkId, setRhkId] = useState('');
  const [mode, setMode] = useState<'unit' | 'position' | 'people'>('people');
  const [unitId, setUnitId] = useState('');
  const [positionId, setPositionId] = useState('');
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
    if (mode === 'unit' && unitId === '') next.unitId = t('cascade.chooseUnit');
    if (mode === 'position' && positionId === '') next.positionId = t('cascade.choosePosition');
    const body = {
      ...(mode === 'unit' && unitId !== '' ? { unitId: Number(unitId) } : {}),
      ...(mode === 'position' && positionId !== '' ? { positionId: Number(positionId) } : {}),
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
              <p>{t('cascade.adjustAfter')}</p>
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
            onChange={(m) => {
              setMode(m);
              setProblems({});
            }}
            options={[
              { value: 'people', label: t('cascade.toPeople') },
              { value: 'unit', label: t('cascade.toUnitChoose') },
              { value: 'position', label: t('cascade.toPosition') },
            ]}
          />
          {mode === 'unit' ? (
            <SelectField id="cascade-unitId" label={t('cascade.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)} error={fields.unitId}>
              <option value="">{t('cascade.chooseUnit')}</option>
              {unitsOf(skp.data.unitId, skp.data.employee.unitName ?? '', slots.data).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {mode === 'position' ? (
            slots.isPending ? (
              <Loading />
            ) : slots.data && slots.data.positions.length === 0 ? (
              <Notice tone="info" title={t('cascade.noPositions', { date: slots.data.date })} />
            ) : (
              <RadioGroup
                id="cascade-positionId"
                legend={t('cascade.position')}
                value={positionId}
                onChange={setPositionId}
                error={fields.positionId}
                options={(slots.data?.positions ?? []).map((p) => ({ value: String(p.id), label: <PositionLabel slot={p} /> }))}
              />
            )
          ) : null}
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

type Slot = CascadePositions['positions'][number];

/** My own unit first, then every unit of a position in my chain (each once). */
function unitsOf(myUnitId: number, myUnitName: string, slots: CascadePositions | undefined) {
  const out = new Map<number, string>([[myUnitId, myUnitName]]);
  for (const p of slots?.positions ?? []) if (!out.has(p.unitId)) out.set(p.unitId, p.unitName);
  return [...out].map(([id, name]) => ({ id, name }));
}

/** A position with its unit, level and holders; acting (Plt/Plh) holders are named but do not receive the RHK. */
function PositionLabel({ slot }: { slot: Slot }) {
  const { t } = useTranslation('skp');
  const receiving = slot.holders.filter((h) => h.receives);
  const acting = slot.holders.filter((h) => !h.receives);
  return (
    <>
      <strong>{slot.name}</strong> <span className="small">· {slot.unitName} · {t('cascade.level', { depth: slot.depth })}</span>
      <br />
      <span className="small">
        {receiving.length === 0 ? t('cascade.vacant') : `${t('cascade.holders', { count: receiving.length })}: ${receiving.map((h) => h.name).join(', ')}`}
      </span>
      {acting.map((h) => (
        <span className="small" key={h.employeeId}>
          <br />
          {h.name}: {t('cascade.acting', { kind: h.kind === 'PLT' ? 'Plt.' : 'Plh.' })}
        </span>
      ))}
    </>
  );
}
