import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BERAKHLAK, TRAINING_KINDS, TRAINING_MODES } from '@pantau/domain';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate } from '../../lib/format';
import { uploadCertificate, useCreateExternal, useExternal } from './api';
import { SelectField, fieldError, summaryFrom } from './fields';
import { formatJp } from './format';
import { TrainingNav } from './TrainingNav';
import './training.css';

type Behaviour = (typeof BERAKHLAK)[number];
const FIELDS = ['title', 'organiser', 'kind', 'mode', 'startDate', 'endDate', 'jp', 'certificateEvidenceId'];

/** External training (outside the catalogue) with its certificate; JP count once an admin verifies it. */
export function ExternalPage() {
  const { t, i18n } = useTranslation('training');
  const mine = useExternal('mine');
  const create = useCreateExternal();
  const [v, setV] = useState({ title: '', organiser: '', kind: 'TEKNIS', mode: 'DARING', startDate: '', endDate: '', jp: '' });
  const [behaviours, setBehaviours] = useState<Behaviour[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const err = (name: string) => fieldError(create.error, name);

  async function submit() {
    setLocal([]);
    if (!file) {
      setLocal([{ fieldId: 'ext-certificateEvidenceId', message: t('external.chooseCertificate') }]);
      return;
    }
    setBusy(true);
    try {
      const certificateEvidenceId = await uploadCertificate(file);
      create.mutate(
        {
          title: v.title,
          organiser: v.organiser,
          kind: TRAINING_KINDS.find((k) => k === v.kind) ?? 'TEKNIS',
          mode: TRAINING_MODES.find((k) => k === v.mode) ?? 'DARING',
          behaviours,
          startDate: v.startDate,
          endDate: v.endDate || v.startDate,
          jp: Number(v.jp.replace(',', '.')),
          certificateEvidenceId,
        },
        { onSuccess: () => setV({ title: '', organiser: '', kind: 'TEKNIS', mode: 'DARING', startDate: '', endDate: '', jp: '' }) },
      );
    } catch (e) {
      setLocal([{ fieldId: 'ext-certificateEvidenceId', message: e instanceof ApiError ? e.message : t('organiser.uploadFailed') }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t('external.title')} />
      <TrainingNav />
      <p>{t('external.intro')}</p>
      {create.isSuccess ? <Notice tone="success" title={t('external.sent')} /> : null}
      <ErrorSummary errors={[...local, ...summaryFrom(create.error, 'ext', FIELDS)]} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField id="ext-title" label={t('external.name')} required maxLength={200} value={v.title} error={err('title')} onChange={(e) => setV({ ...v, title: e.target.value })} />
        <TextField id="ext-organiser" label={t('external.organiser')} required maxLength={200} value={v.organiser} error={err('organiser')} onChange={(e) => setV({ ...v, organiser: e.target.value })} />
        <SelectField id="ext-kind" label={t('manage.kind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
          {TRAINING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="ext-mode" label={t('manage.mode')} value={v.mode} onChange={(e) => setV({ ...v, mode: e.target.value })}>
          {TRAINING_MODES.map((k) => (
            <option key={k} value={k}>
              {t(`mode.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="ext-startDate" label={t('manage.startDate')} type="date" required value={v.startDate} error={err('startDate')} onChange={(e) => setV({ ...v, startDate: e.target.value })} />
        <TextField id="ext-endDate" label={t('manage.endDate')} hint={t('manage.endDateHint')} type="date" value={v.endDate} error={err('endDate')} onChange={(e) => setV({ ...v, endDate: e.target.value })} />
        <TextField id="ext-jp" label={t('manage.jp')} hint={t('external.jpHint')} inputMode="decimal" required value={v.jp} error={err('jp')} onChange={(e) => setV({ ...v, jp: e.target.value })} />
        <fieldset className="fieldset field">
          <legend className="field__label">{t('manage.behaviours')}</legend>
          {BERAKHLAK.map((b) => (
            <div className="checkbox" key={b}>
              <input
                id={`ext-behaviour-${b}`}
                type="checkbox"
                checked={behaviours.includes(b)}
                onChange={(e) => setBehaviours((l) => (e.target.checked ? [...l, b] : l.filter((x) => x !== b)))}
              />
              <label htmlFor={`ext-behaviour-${b}`}>{t(`behaviour.${b}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={local.length > 0 || err('certificateEvidenceId') ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="ext-certificateEvidenceId">
            {t('external.certificate')}
          </label>
          <p className="field__hint">{t('external.certificateHint')}</p>
          <input className="file-input" id="ext-certificateEvidenceId" type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={busy || create.isPending}>
          {t('external.submit')}
        </button>
      </form>
      <section className="section" aria-labelledby="ext-list-heading">
        <h2 className="heading-m" id="ext-list-heading">
          {t('external.listHeading')}
        </h2>
        {mine.isPending ? <Loading /> : null}
        {mine.isError ? <LoadError error={mine.error} /> : null}
        {mine.data?.length === 0 ? <p className="muted">{t('external.none')}</p> : null}
        <ul className="trn-list">
          {mine.data?.map((x) => (
            <li key={x.id} className="trn-item">
              <p className="trn-item__title">{x.title}</p>
              <p className="trn-item__meta">
                {formatDate(x.endDate, i18n.language)} · {t('jp.value', { jp: formatJp(x.jp, i18n.language) })} · {t(`externalStatus.${x.status}`)}
              </p>
              {x.decisionNote ? <p className="small">{t('place.note', { note: x.decisionNote })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
