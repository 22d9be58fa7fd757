import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SkpObjectionBody, SkpRealisationBody, SkpSelfAssessmentBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { SummaryList } from '../../components/ui/SummaryList';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { currentYear, useEvaluation, usePeriods, useRealisations, useSkp, useSkpList, useSkpMutation, type EvaluationAnswer, type RealisationSheet } from './api';
import { Conversation } from './Conversation';
import { EvidenceList } from './EvidenceList';
import { useSkpLive } from './live';
import { SelectField, TextArea } from './fields';
import { checkWith, generalMessage, parseNumberInput, serverFieldMessages, summaryFrom } from './form';
import { EvaluationStatusTag, SkpStatusTag, useLabel } from './labels';
import { defaultPeriod } from './periods';
import { SkpNav } from './SkpNav';
import './skp.css';

/** "Evaluasi saya": my SKPs of the year, each leading to its evaluation page. */
export function MyEvaluationsPage() {
  const { t } = useTranslation('skp');
  const year = currentYear();
  const list = useSkpList('mine', year);
  const approved = list.data?.filter((s) => s.status === 'APPROVED') ?? [];
  return (
    <>
      <PageHeading title={t('evaluation.mineTitle')} />
      <SkpNav />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} /> : null}
      {list.data && approved.length === 0 ? <p>{t('evaluation.noApproved')}</p> : null}
      <ul className="link-list">
        {approved.map((s) => (
          <li key={s.id}>
            <Link to={`/skp/${s.id}/evaluasi`}>{t('evaluation.skpLink', { year: s.year, version: s.version })}</Link> <SkpStatusTag status={s.status} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** One SKP's period: realisation per indicator, self-assessment, the rating, acknowledgement, keberatan. */
export function EvaluationPage() {
  const { t } = useTranslation('skp');
  const label = useLabel();
  const skpId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const periods = usePeriods(currentYear());
  const periodId = Number(params.get('periode')) || defaultPeriod(periods.data ?? [], todayIso())?.id || null;
  const evaluation = useEvaluation(skpId, periodId);
  const sheet = useRealisations(skpId, periodId);
  const skp = useSkp(skpId);
  useSkpLive();
  return (
    <>
      <p>
        <Link className="back-link" to={`/skp/${skpId}`}>
          {t('evaluation.backToSkp')}
        </Link>
      </p>
      <PageHeading title={t('evaluation.title')} />
      {periods.data ? (
        <SelectField id="evaluation-period" label={t('rating.period')} value={periodId ?? ''} onChange={(e) => setParams({ periode: e.target.value })}>
          {periods.data.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p.label)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {evaluation.isPending && periodId ? <Loading /> : null}
      {evaluation.isError ? <LoadError error={evaluation.error} onRetry={() => void evaluation.refetch()} /> : null}
      {evaluation.data && periodId ? <EvaluationBody answer={evaluation.data} skpId={skpId} periodId={periodId} /> : null}
      {sheet.data ? <Realisations sheet={sheet.data} skpId={skpId} periodId={periodId ?? 0} /> : null}
      {skp.data ? <Conversation skp={skp.data} periodId={periodId} /> : null}
    </>
  );
}

function EvaluationBody({ answer, skpId, periodId }: { answer: EvaluationAnswer; skpId: number; periodId: number }) {
  const { t, i18n } = useTranslation('skp');
  const label = useLabel();
  const ev = answer.evaluation;
  const a = ev.abilities;
  const base = `/api/skp/${skpId}/evaluations/${periodId}`;
  const acknowledge = useSkpMutation(() => ({ path: `${base}/acknowledgement` }));
  return (
    <section className="section" aria-labelledby="evaluation-result">
      <h2 className="heading-m" id="evaluation-result">
        {t('evaluation.result')}
      </h2>
      <SummaryList
        rows={[
          { key: 'status', label: t('skp.status'), value: <EvaluationStatusTag status={ev.status} /> },
          { key: 'penilai', label: t('skp.penilai'), value: ev.penilai?.name ?? t('skp.none') },
          { key: 'hasil', label: t('rating.hasilKerja'), value: ev.hasilKerja ? `${t(`ratingValue.${ev.hasilKerja.rating}`)}: ${ev.hasilKerja.reason}` : t('evaluation.notRated') },
          { key: 'perilaku', label: t('rating.perilaku'), value: ev.perilaku ? `${t(`ratingValue.${ev.perilaku.rating}`)}: ${ev.perilaku.reason}` : t('evaluation.notRated') },
          { key: 'predikat', label: t('evaluation.predikat'), value: ev.predikatLabel ? <strong>{label(ev.predikatLabel)}</strong> : t('evaluation.notRated') },
          ...(ev.catatan ? [{ key: 'catatan', label: t('evaluation.catatan'), value: ev.catatan }] : []),
          ...(ev.objectionDeadline ? [{ key: 'deadline', label: t('evaluation.objectionDeadline'), value: formatDate(ev.objectionDeadline, i18n.language) }] : []),
        ]}
      />
      <div className="button-group">
        {a.acknowledge ? (
          <button type="button" className="button" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(undefined)}>
            {t('evaluation.acknowledge')}
          </button>
        ) : null}
        {a.downloadPdf ? (
          <a className="button button--secondary" href={`${base}/document.pdf`} download>
            {t('rating.downloadPdf')}
          </a>
        ) : null}
        {ev.status === 'FINAL' ? (
          <Link className="button button--secondary" to={`/skp/kekuatan/${ev.employee.id}/${periodId}`}>
            {t('evaluation.strengths')}
          </Link>
        ) : null}
      </div>
      {ev.acknowledgedAt ? <p className="small">{t('evaluation.acknowledged', { date: formatDate(ev.acknowledgedAt, i18n.language) })}</p> : null}
      {a.selfAssess ? <SelfAssessment base={base} initial={ev.selfAssessment ?? ''} /> : ev.selfAssessment ? <p>{t('evaluation.selfAssessment')}: {ev.selfAssessment}</p> : null}
      {ev.objection ? (
        <Notice tone="info" title={t('evaluation.objectionStatus', { status: t(`objection.${ev.objection.status}`) })}>
          <p className="skp-break">{ev.objection.reason}</p>
          {ev.objection.decisionNote ? <p className="skp-break">{ev.objection.decisionNote}</p> : null}
        </Notice>
      ) : null}
      {a.object ? <ObjectionForm base={base} /> : null}
    </section>
  );
}

function SelfAssessment({ base, initial }: { base: string; initial: string }) {
  const { t } = useTranslation('skp');
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();
  const save = useSkpMutation((body: unknown) => ({ path: `${base}/self-assessment`, method: 'PUT', body }));
  const fields: Record<string, string> = { ...(problem ? { selfAssessment: problem } : {}), ...serverFieldMessages(save.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpSelfAssessmentBody, { selfAssessment: text });
    if (!checked.ok) return setProblem(t('form.required', { field: t('evaluation.selfAssessment') }));
    setProblem(undefined);
    save.mutate(checked.data);
  };
  return (
    <form className="skp-box" onSubmit={onSubmit} noValidate>
      {save.isSuccess ? <Notice tone="success" title={t('evaluation.selfSaved')} /> : null}
      <ErrorSummary errors={summaryFrom(fields, 'self', generalMessage(save.error, t('form.failed')))} />
      <TextArea id="self-selfAssessment" label={t('evaluation.selfAssessment')} hint={t('evaluation.selfHint')} value={text} onChange={(e) => setText(e.target.value)} error={fields.selfAssessment} />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('evaluation.saveSelf')}
      </button>
    </form>
  );
}

function ObjectionForm({ base }: { base: string }) {
  const { t } = useTranslation('skp');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const send = useSkpMutation((body: unknown) => ({ path: `${base}/objection`, body }));
  const fields: Record<string, string> = { ...(problem ? { reason: problem } : {}), ...serverFieldMessages(send.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpObjectionBody, { reason });
    if (!checked.ok) return setProblem(t('form.required', { field: t('evaluation.objectionReason') }));
    setProblem(undefined);
    send.mutate(checked.data);
  };
  return (
    <form className="skp-box" onSubmit={onSubmit} noValidate>
      <h3 className="heading-s">{t('evaluation.objectionTitle')}</h3>
      <ErrorSummary errors={summaryFrom(fields, 'objection', generalMessage(send.error, t('form.failed')))} />
      <TextArea id="objection-reason" label={t('evaluation.objectionReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fields.reason} />
      <button type="submit" className="button button--warning" disabled={send.isPending}>
        {t('evaluation.fileObjection')}
      </button>
    </form>
  );
}

function Realisations({ sheet, skpId, periodId }: { sheet: RealisationSheet; skpId: number; periodId: number }) {
  const { t, i18n } = useTranslation('skp');
  return (
    <section className="section" aria-labelledby="realisation">
      <h2 className="heading-m" id="realisation">
        {t('evaluation.realisation')}
      </h2>
      {sheet.rhk.map((r) => (
        <div key={r.id} className="skp-rhk">
          <p className="skp-rhk__text skp-break">{r.text}</p>
          {r.indicators.map((i) => (
            <div key={i.id} className="skp-box">
              <p className="skp-break">{i.text}</p>
              <p className="small">
                {i.targetValue !== null ? t('rhk.target', { value: formatNumber(i.targetValue, i18n.language), unit: i.targetUnit ?? '' }) : i.targetText}
              </p>
              {sheet.canRecord ? (
                <RealisationForm skpId={skpId} periodId={periodId} indicator={i} />
              ) : (
                <p>
                  {t('evaluation.realised')}: {i.realisation?.value ?? '-'} {i.realisation?.text ?? ''}
                </p>
              )}
              {i.realisation ? <EvidenceList realisation={i.realisation} canEdit={sheet.canRecord} idPrefix={`evidence-${i.id}`} /> : null}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function RealisationForm({ skpId, periodId, indicator }: { skpId: number; periodId: number; indicator: RealisationSheet['rhk'][number]['indicators'][number] }) {
  const { t } = useTranslation('skp');
  const [value, setValue] = useState(indicator.realisation?.value === null || indicator.realisation === null ? '' : String(indicator.realisation.value));
  const [text, setText] = useState(indicator.realisation?.text ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const save = useSkpMutation((body: unknown) => ({ path: `/api/skp/${skpId}/periods/${periodId}/realisations/${indicator.id}`, method: 'PUT', body }));
  const id = `real-${indicator.id}`;
  const fields: Record<string, string> = { ...(problem ? { value: problem } : {}), ...serverFieldMessages(save.error) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpRealisationBody, { value: parseNumberInput(value), text: text.trim() === '' ? null : text });
    if (!checked.ok) return setProblem(t('form.invalid', { field: t('evaluation.realisedValue') }));
    setProblem(undefined);
    save.mutate(checked.data);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {save.isSuccess ? <p role="status">{t('evaluation.realisationSaved')}</p> : null}
      <ErrorSummary errors={summaryFrom(fields, id, generalMessage(save.error, t('form.failed')))} />
      <TextField id={`${id}-value`} label={t('evaluation.realisedValue')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={fields.value} />
      <TextArea id={`${id}-text`} label={t('evaluation.realisedText')} value={text} onChange={(e) => setText(e.target.value)} error={fields.text} />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('evaluation.saveRealisation')}
      </button>
    </form>
  );
}
