import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { StepHeading } from '../public/StepHeading';
import { Honeypot, StepProgress } from '../public/ui';
import type { PublicServicePoint } from '../survey/api';
import type { PublicDirectory } from './api';
import { targetOf, type ComplaintDraft } from './draft';
import { NS } from './namespace';

type EditStep = 'where' | 'what' | 'who';

/** Step 4: everything on one screen with "Ubah" links, then Send. */
export function CheckStep({
  progress,
  draft,
  update,
  directory,
  service,
  serverError,
  pending,
  onEdit,
  onBack,
  onSubmit,
}: {
  progress: { n: number; total: number };
  draft: ComplaintDraft;
  update: (patch: Partial<ComplaintDraft>) => void;
  directory: PublicDirectory | null;
  service: PublicServicePoint | null;
  serverError: ApiError | null;
  pending: boolean;
  onEdit: (step: EditStep) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation(NS);
  const target = targetOf(draft);
  let about = service ? `${service.name} – ${service.unit.name}` : '';
  if (target?.kind === 'unit') {
    const unit = directory?.opds.flatMap((o) => o.units).find((u) => u.id === target.id);
    about = unit?.name ?? '';
  }
  const staff = service?.staff.find((s) => String(s.id) === draft.staffId);
  const contact = [draft.name, draft.phone, draft.email].map((v) => v.trim()).filter((v) => v !== '');
  const summary = serverError
    ? serverError.fields.length > 0
      ? serverError.fields.map((f) => ({ message: f.message || serverError.message }))
      : [{ message: serverError.message }]
    : [];

  const rows: { key: string; label: string; value: string; step: EditStep | null; preformatted?: boolean }[] = [
    { key: 'where', label: t('form.check.where'), value: about, step: directory ? 'where' : null },
    { key: 'category', label: t('form.check.category'), value: draft.category ? t(`category.${draft.category}`) : '', step: 'what' },
    { key: 'description', label: t('form.check.description'), value: draft.description.trim(), step: 'what', preformatted: true },
    ...(staff ? [{ key: 'staff', label: t('form.check.staff'), value: staff.name, step: 'what' as const }] : []),
    {
      key: 'files',
      label: t('form.check.files'),
      value: draft.files.length > 0 ? draft.files.map((f) => f.name).join(', ') : t('form.check.noFiles'),
      step: 'what',
    },
    { key: 'privacy', label: t('form.check.privacy'), value: draft.privacy === 'anonim' ? t('form.who.anonim') : t('form.who.rahasia'), step: 'who' },
    { key: 'contact', label: t('form.check.contact'), value: contact.length > 0 ? contact.join(', ') : t('form.check.noContact'), step: 'who' },
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <div className="narrow">
      <ErrorSummary errors={summary} />
      <StepProgress label={t('form.stepOf', progress)} value={progress.n} max={progress.total + 1} />
      <p className="step-topic">{t('form.kicker')}</p>
      <StepHeading title={`${t('form.check.title')} – ${t('form.title')}`} stepKey="check">
        {t('form.check.title')}
      </StepHeading>
      <p className="lead">{t('form.check.lead')}</p>
      <dl className="summary-list">
        {rows.map((r) => (
          <div className="summary-list__row" key={r.key}>
            <dt>{r.label}</dt>
            <dd>
              <span className={r.preformatted ? 'prewrap' : undefined}>{r.value}</span>
              {r.step ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('form.check.changeLabel', { what: r.label.toLowerCase() })}
                    onClick={() => r.step && onEdit(r.step)}
                  >
                    {t('form.check.change')}
                  </button>
                </>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <form noValidate onSubmit={submit}>
        <Honeypot id="complaint-website" label={t('form.check.honeypot')} value={draft.website} onChange={(v) => update({ website: v })} />
        <div className="step-nav">
          <button type="submit" className="button button--wide" disabled={pending}>
            {pending ? t('form.check.submitting') : t('form.check.submit')}
          </button>
          <button type="button" className="link-button" onClick={onBack}>
            {t('form.back')}
          </button>
        </div>
      </form>
    </div>
  );
}
