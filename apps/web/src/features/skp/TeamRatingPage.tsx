import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { predikatKinerja, type Rating } from '@pantau/domain';
import { SkpFinaliseBody, SkpRatingBody, type SkpDistributionDto } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatNumber, todayIso } from '../../lib/format';
import { currentYear, usePeriods, useSkpMutation, useTeamEvaluations, type EvaluationAnswer, type TeamEvaluations } from './api';
import { RadioGroup, SelectField, TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';
import { FinaliseAll } from './FinaliseAll';
import { EvaluationStatusTag, useLabel } from './labels';
import { defaultPeriod } from './periods';
import { SkpNav } from './SkpNav';
import './skp.css';

const RATING_VALUES = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;

/** Pejabat penilai: rate the team for a period, with the live distribution check after each rating. */
export function TeamRatingPage() {
  const { t } = useTranslation('skp');
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const periods = usePeriods(currentYear());
  const chosen = Number(params.get('periode')) || defaultPeriod(periods.data ?? [], todayIso())?.id || null;
  const team = useTeamEvaluations(chosen);
  const [live, setLive] = useState<SkpDistributionDto | null>(null);

  return (
    <>
      <PageHeading title={t('rating.title')} />
      <SkpNav />
      {periods.isPending ? <Loading /> : null}
      {periods.isError ? <LoadError error={periods.error} /> : null}
      {periods.data ? (
        <SelectField id="rating-period" label={t('rating.period')} value={chosen ?? ''} onChange={(e) => setParams({ periode: e.target.value })}>
          {periods.data.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p.label)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {team.isPending && chosen ? <Loading /> : null}
      {team.isError ? <LoadError error={team.error} onRetry={() => void team.refetch()} /> : null}
      {team.data ? (
        <>
          <div aria-live="polite">
            {(live ? [live, ...team.data.distributions.filter((d) => d.poolUnit?.id !== live.poolUnit?.id)] : team.data.distributions).map((d) => (
              <Distribution key={`${d.unit.id}-${d.poolUnit?.id ?? 0}`} d={d} periodId={team.data.period.id} />
            ))}
          </div>
          <FinaliseAll rows={team.data.rows} periodId={team.data.period.id} />
          {team.data.rows.length === 0 ? <p className="muted">{t('rating.noRows')}</p> : null}
          {team.data.rows.map((row) => (
            <RatingCard key={row.skpId} row={row} period={team.data.period} onRated={(a) => a.distribution && setLive(a.distribution)} />
          ))}
        </>
      ) : null}
    </>
  );
}

function Distribution({ d, periodId }: { d: SkpDistributionDto; periodId: number }) {
  const { t, i18n } = useTranslation('skp');
  const pool = d.poolUnit ?? d.unit;
  return (
    <section className="skp-box" aria-label={t('rating.distributionOf', { unit: pool.name })}>
      <h2 className="heading-s">{t('rating.distributionOf', { unit: pool.name })}</h2>
      <p>
        {d.predikatOrganisasi ? t('rating.orgPredikat', { predikat: t(`predikatOrganisasi.${d.predikatOrganisasi}`) }) : t('rating.noOrgPredikat')}
      </p>
      <p className="small">
        {(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const)
          .map((p) => `${t(`predikat.${p}`)}: ${formatNumber(d.counts[p] ?? 0, i18n.language)}`)
          .join(' · ')}
        {' · '}
        {t('rating.unrated', { count: d.unrated })}
      </p>
      {d.violations.length > 0 ? (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">{t('rating.distributionWarning')}</p>
          {/* Decision 0008: below minPoolSize rated employees the pattern is guidance only; said before the breaches. */}
          {d.advisory ? (
            <p>{t('rating.advisoryOnly', { count: d.rated, min: d.minPoolSize })}</p>
          ) : d.override ? null : (
            <p>{t('rating.justificationNeeded', { count: d.rated, min: d.minPoolSize })}</p>
          )}
          <ul>
            {d.violations.map((v) => (
              <li key={v.code + v.ruleId}>{v.message}</li>
            ))}
          </ul>
        </div>
      ) : d.predikatOrganisasi ? (
        <p>{t('rating.distributionOk')}</p>
      ) : null}
      {d.override ? <p className="small">{t('rating.overrideRecorded', { text: d.override.justification })}</p> : null}
      <p>
        <a href={`/api/skp/recap.xlsx?unitId=${pool.id}&periodId=${periodId}`} download>
          {t('rating.recap')}
        </a>
      </p>
    </section>
  );
}

type Row = TeamEvaluations['rows'][number];

function RatingCard({ row, period, onRated }: { row: Row; period: TeamEvaluations['period']; onRated: (a: EvaluationAnswer) => void }) {
  const { t } = useTranslation('skp');
  const [open, setOpen] = useState(false);
  const [hasil, setHasil] = useState<Rating | ''>(row.hasilKerja ?? '');
  const [perilaku, setPerilaku] = useState<Rating | ''>(row.perilaku ?? '');
  const [hasilReason, setHasilReason] = useState('');
  const [perilakuReason, setPerilakuReason] = useState('');
  const [justification, setJustification] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const base = `/api/skp/${row.skpId}/evaluations/${period.id}`;
  const rate = useSkpMutation<unknown, EvaluationAnswer>((body) => ({ path: `${base}/rating`, method: 'PUT', body }));
  const finalise = useSkpMutation<unknown, EvaluationAnswer>((body) => ({ path: `${base}/finalisation`, body }));
  const id = `rate-${row.skpId}`;
  const ratingOptions = RATING_VALUES.map((v) => ({ value: v, label: t(`ratingValue.${v}`) }));
  const preview = hasil && perilaku ? predikatKinerja(hasil, perilaku) : null;
  const server = serverFieldMessages(rate.error);
  const fields: Record<string, string> = {
    ...problems,
    ...(server['hasilKerja.reason'] ? { 'hasilKerja-reason': server['hasilKerja.reason'] } : {}),
    ...(server['perilaku.reason'] ? { 'perilaku-reason': server['perilaku.reason'] } : {}),
  };
  const finaliseFields = serverFieldMessages(finalise.error);
  const needsJustification = finaliseFields.distributionJustification !== undefined;

  const onRate = (e: FormEvent) => {
    e.preventDefault();
    const body = { hasilKerja: { rating: hasil, reason: hasilReason }, perilaku: { rating: perilaku, reason: perilakuReason } };
    const checked = checkWith(SkpRatingBody, body);
    if (!checked.ok) {
      const next: Record<string, string> = {};
      if (checked.problems['hasilKerja.rating']) next['hasilKerja-rating'] = t('rating.chooseRating', { what: t('rating.hasilKerja') });
      if (checked.problems['hasilKerja.reason']) next['hasilKerja-reason'] = t('rating.reasonRequired', { what: t('rating.hasilKerja') });
      if (checked.problems['perilaku.rating']) next['perilaku-rating'] = t('rating.chooseRating', { what: t('rating.perilaku') });
      if (checked.problems['perilaku.reason']) next['perilaku-reason'] = t('rating.reasonRequired', { what: t('rating.perilaku') });
      setProblems(next);
      return;
    }
    setProblems({});
    rate.mutate(checked.data, { onSuccess: (a) => { onRated(a); setOpen(false); } });
  };
  const onFinalise = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpFinaliseBody, { distributionJustification: justification.trim() === '' ? null : justification });
    if (checked.ok) finalise.mutate(checked.data, { onSuccess: onRated });
  };

  return (
    <article className="skp-person" aria-labelledby={`${id}-name`}>
      <h2 className="heading-s" id={`${id}-name`}>
        {row.employee.name}
      </h2>
      <p className="small">
        {row.employee.positionName} · <EvaluationStatusTag status={row.status} />
        {row.selfAssessed ? ` · ${t('rating.selfAssessed')}` : ''}
      </p>
      {row.predikat ? (
        <p>
          {t('rating.current', {
            hasil: row.hasilKerja ? t(`ratingValue.${row.hasilKerja}`) : '-',
            perilaku: row.perilaku ? t(`ratingValue.${row.perilaku}`) : '-',
            predikat: t(`predikat.${row.predikat}`),
          })}
        </p>
      ) : null}
      <div className="button-group">
        {row.abilities.rate && !open ? (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {row.predikat ? t('rating.change') : t('rating.rate')}
            <span className="visually-hidden"> {row.employee.name}</span>
          </button>
        ) : null}
        {row.abilities.downloadPdf ? (
          <a className="button button--secondary" href={`${base}/document.pdf`} download>
            {t('rating.downloadPdf')}
            <span className="visually-hidden"> {row.employee.name}</span>
          </a>
        ) : null}
      </div>
      {open ? (
        <form className="skp-box" onSubmit={onRate} noValidate>
          <ErrorSummary errors={summaryFrom(fields, id, generalMessage(rate.error, t('form.failed')))} />
          <RadioGroup id={`${id}-hasilKerja-rating`} legend={t('rating.hasilKerja')} value={hasil} onChange={setHasil} options={ratingOptions} error={fields['hasilKerja-rating']} />
          <TextArea id={`${id}-hasilKerja-reason`} label={t('rating.reason', { what: t('rating.hasilKerja') })} value={hasilReason} onChange={(e) => setHasilReason(e.target.value)} error={fields['hasilKerja-reason']} />
          <RadioGroup id={`${id}-perilaku-rating`} legend={t('rating.perilaku')} value={perilaku} onChange={setPerilaku} options={ratingOptions} error={fields['perilaku-rating']} />
          <TextArea id={`${id}-perilaku-reason`} label={t('rating.reason', { what: t('rating.perilaku') })} value={perilakuReason} onChange={(e) => setPerilakuReason(e.target.value)} error={fields['perilaku-reason']} />
          <p aria-live="polite">
            {preview ? t('rating.preview', { predikat: t(`predikat.${preview}`) }) : t('rating.previewEmpty')}
          </p>
          <div className="button-group">
            <button type="submit" className="button" disabled={rate.isPending}>
              {rate.isPending ? t('common.saving') : t('rating.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {row.abilities.finalise && row.status === 'RATED' ? (
        <form onSubmit={onFinalise} noValidate>
          {finalise.error && !needsJustification ? <ErrorSummary errors={[{ message: generalMessage(finalise.error, t('form.failed')) ?? t('form.failed') }]} /> : null}
          {needsJustification ? (
            <ErrorSummary errors={[{ fieldId: `${id}-justification`, message: finaliseFields.distributionJustification ?? '' }]} />
          ) : null}
          {needsJustification || justification !== '' ? (
            <TextArea
              id={`${id}-justification`}
              label={t('rating.justification')}
              hint={t('rating.justificationHint')}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              error={needsJustification && justification === '' ? finaliseFields.distributionJustification : undefined}
            />
          ) : null}
          <button type="submit" className="button button--secondary" disabled={finalise.isPending}>
            {t('rating.finalise')}
            <span className="visually-hidden"> {row.employee.name}</span>
          </button>
        </form>
      ) : null}
      {row.locked ? <Notice tone="info" title={t('rating.locked')} /> : null}
    </article>
  );
}
