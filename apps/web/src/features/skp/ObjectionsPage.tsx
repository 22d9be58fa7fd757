import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating } from '@pantau/domain';
import { SkpObjectionDecisionBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { formatDate } from '../../lib/format';
import { useObjections, useSkpMutation, type Objection } from './api';
import { RadioGroup, TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { SkpNav } from './SkpNav';
import './skp.css';

/** Atasan pejabat penilai: objections to decide, with the decision recorded. */
export function ObjectionsPage() {
  const { t } = useTranslation('skp');
  const list = useObjections('decider');
  return (
    <>
      <PageHeading title={t('objections.title')} />
      <SkpNav />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} /> : null}
      {list.data?.length === 0 ? <p className="muted">{t('objections.none')}</p> : null}
      {list.data?.map((o) => (
        <ObjectionCard key={o.id} o={o} />
      ))}
    </>
  );
}

function ObjectionCard({ o }: { o: Objection }) {
  const { t, i18n } = useTranslation('skp');
  const [outcome, setOutcome] = useState<'ACCEPTED' | 'REJECTED' | ''>('');
  const [note, setNote] = useState('');
  const [hasil, setHasil] = useState<Rating | ''>('');
  const [perilaku, setPerilaku] = useState<Rating | ''>('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const decide = useSkpMutation((body: unknown) => ({ path: `/api/skp/objections/${o.id}/decision`, body }));
  const id = `obj-${o.id}`;
  const ratingOptions = (['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const).map((v) => ({ value: v, label: t(`ratingValue.${v}`) }));
  const fields = { ...problems, ...serverFieldMessages(decide.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpObjectionDecisionBody, {
      outcome,
      note,
      ...(outcome === 'ACCEPTED' && hasil ? { hasilKerja: hasil } : {}),
      ...(outcome === 'ACCEPTED' && perilaku ? { perilaku } : {}),
    });
    if (!checked.ok) {
      setProblems({
        ...(checked.problems.outcome ? { outcome: t('objections.chooseOutcome') } : {}),
        ...(checked.problems.note ? { note: t('form.required', { field: t('objections.note') }) } : {}),
      });
      return;
    }
    setProblems({});
    decide.mutate(checked.data);
  };
  return (
    <article className="skp-person" aria-labelledby={`${id}-name`}>
      <h2 className="heading-s" id={`${id}-name`}>
        {o.employee.name}
      </h2>
      <p className="small">
        {t('objections.filed', { date: formatDate(o.filedAt, i18n.language), due: formatDate(o.decisionDue, i18n.language) })}
        {o.overdue ? ` · ${t('objections.overdue')}` : ''}
      </p>
      <p className="skp-break">{o.reason}</p>
      <p>{t('evaluation.objectionStatus', { status: t(`objection.${o.status}`) })}</p>
      {o.canDecide && o.status === 'PENDING' ? (
        <form className="skp-box" onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={summaryFrom(fields, id, generalMessage(decide.error, t('form.failed')))} />
          <RadioGroup
            id={`${id}-outcome`}
            legend={t('objections.outcome')}
            value={outcome}
            onChange={setOutcome}
            options={[
              { value: 'ACCEPTED', label: t('objection.ACCEPTED') },
              { value: 'REJECTED', label: t('objection.REJECTED') },
            ]}
            error={fields.outcome}
          />
          {outcome === 'ACCEPTED' ? (
            <>
              <RadioGroup id={`${id}-hasil`} legend={t('rating.hasilKerja')} value={hasil} onChange={setHasil} options={ratingOptions} />
              <RadioGroup id={`${id}-perilaku`} legend={t('rating.perilaku')} value={perilaku} onChange={setPerilaku} options={ratingOptions} />
            </>
          ) : null}
          <TextArea id={`${id}-note`} label={t('objections.note')} value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} />
          <button type="submit" className="button" disabled={decide.isPending}>
            {t('objections.decide')}
          </button>
        </form>
      ) : null}
    </article>
  );
}
