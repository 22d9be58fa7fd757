import { COMPLAINT_LIMITS, ComplaintCategory } from '@pantau/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatNumber } from '../../lib/format';
import { megabytes } from '../public/format';
import { StepHeading } from '../public/StepHeading';
import { ChoiceGroup, SelectField, StepProgress, TextAreaField } from '../public/ui';
import type { PublicServicePoint } from '../survey/api';
import type { PublicDirectory } from './api';
import type { ComplaintDraft, Privacy } from './draft';
import { NS } from './namespace';

export type FieldName = 'opd' | 'target' | 'category' | 'description' | 'staff' | 'files' | 'name' | 'phone' | 'email';
export type FormErrors = Partial<Record<FieldName, string>>;

export const FIELD_IDS: Record<FieldName, string> = {
  opd: 'complaint-opd',
  target: 'complaint-target',
  category: `complaint-category-${ComplaintCategory.options[0]}`,
  description: 'complaint-description',
  staff: 'complaint-staff',
  files: 'complaint-files',
  name: 'complaint-name',
  phone: 'complaint-phone',
  email: 'complaint-email',
};

interface StepProps {
  progress: { n: number; total: number };
  draft: ComplaintDraft;
  update: (patch: Partial<ComplaintDraft>) => void;
  errors: FormErrors;
}

function summaryFor(fields: readonly FieldName[], errors: FormErrors): SummaryError[] {
  return fields.flatMap((f) => {
    const message = errors[f];
    return message ? [{ fieldId: FIELD_IDS[f], message }] : [];
  });
}

function StepFrame({
  progress,
  title,
  stepKey,
  summary,
  children,
}: {
  progress: { n: number; total: number };
  title: string;
  stepKey: string;
  summary: SummaryError[];
  children: ReactNode;
}) {
  const { t } = useTranslation(NS);
  return (
    <div className="narrow">
      <ErrorSummary errors={summary} />
      <StepProgress label={t('form.stepOf', progress)} value={progress.n} max={progress.total + 1} />
      <p className="step-topic">{t('form.kicker')}</p>
      <StepHeading title={`${title} – ${t('form.title')}`} stepKey={stepKey}>
        {title}
      </StepHeading>
      {children}
    </div>
  );
}

function StepButtons({ onBack }: { onBack: (() => void) | null }) {
  const { t } = useTranslation(NS);
  return (
    <div className="step-nav">
      <button type="submit" className="button">
        {t('form.next')}
      </button>
      {onBack ? (
        <button type="button" className="link-button" onClick={onBack}>
          {t('form.back')}
        </button>
      ) : null}
    </div>
  );
}

const submitter = (fn: () => void) => (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  fn();
};

/** Step 1 (without a service in the address): which OPD, then which service or unit. */
export function WhereStep({
  progress,
  draft,
  update,
  errors,
  directory,
  notice,
  onNext,
}: StepProps & { directory: UseQueryResult<PublicDirectory>; notice: string | null; onNext: () => void }) {
  const { t } = useTranslation(NS);
  const opds = directory.data?.opds ?? [];
  const opd = opds.find((o) => String(o.id) === draft.opdId);
  return (
    <StepFrame progress={progress} title={t('form.where.title')} stepKey="where" summary={summaryFor(['opd', 'target'], errors)}>
      {notice ? <Notice tone="warning">{notice}</Notice> : null}
      <p className="lead">{t('form.where.lead')}</p>
      {directory.isPending ? <Loading /> : null}
      {directory.isError ? <LoadError error={directory.error} onRetry={() => void directory.refetch()} /> : null}
      {directory.data ? (
        <form noValidate onSubmit={submitter(onNext)}>
          <SelectField
            id={FIELD_IDS.opd}
            label={t('form.where.opd')}
            hint={t('form.where.opdHint')}
            error={errors.opd}
            value={draft.opdId}
            onChange={(e) => update({ opdId: e.target.value, target: '', staffId: '' })}
          >
            <option value="">{t('form.where.opdPlaceholder')}</option>
            {opds.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          {opd ? (
            <SelectField
              id={FIELD_IDS.target}
              label={t('form.where.target')}
              error={errors.target}
              value={draft.target}
              onChange={(e) => update({ target: e.target.value, staffId: '' })}
            >
              <option value="">{t('form.where.targetPlaceholder')}</option>
              {opd.servicePoints.length > 0 ? (
                <optgroup label={t('form.where.services')}>
                  {opd.servicePoints.map((s) => (
                    <option key={s.slug} value={`sp:${s.slug}`}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={t('form.where.units')}>
                {opd.units.map((u) => (
                  <option key={u.id} value={`unit:${u.id}`}>
                    {u.name}
                  </option>
                ))}
              </optgroup>
            </SelectField>
          ) : null}
          <StepButtons onBack={null} />
        </form>
      ) : null}
    </StepFrame>
  );
}

/** Step 2: category, the story, optionally the staff member and photos. */
export function WhatStep({
  progress,
  draft,
  update,
  errors,
  fixedService,
  onChooseOther,
  staff,
  onBack,
  onNext,
}: StepProps & {
  fixedService: PublicServicePoint | null;
  onChooseOther: () => void;
  staff: PublicServicePoint['staff'];
  onBack: (() => void) | null;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const maxSize = t('form.what.fileSize', { size: megabytes(COMPLAINT_LIMITS.attachmentBytesMax, lang) });
  return (
    <StepFrame
      progress={progress}
      title={t('form.what.title')}
      stepKey="what"
      summary={summaryFor(['category', 'description', 'staff', 'files'], errors)}
    >
      {fixedService ? (
        <div className="notice">
          <p className="notice__title">{t('form.where.chosenService')}</p>
          <p>
            {fixedService.name}
            <br />
            <span className="muted">{fixedService.unit.name}</span>
          </p>
          <button type="button" className="link-button" onClick={onChooseOther}>
            {t('form.where.chooseOther')}
          </button>
        </div>
      ) : null}
      <form noValidate onSubmit={submitter(onNext)}>
        <ChoiceGroup id="complaint-category" legend={t('form.what.category')} error={errors.category}>
          {ComplaintCategory.options.map((c) => (
            <div className="radio" key={c}>
              <input
                type="radio"
                id={`complaint-category-${c}`}
                name="category"
                value={c}
                checked={draft.category === c}
                onChange={() => update({ category: c })}
              />
              <label htmlFor={`complaint-category-${c}`}>{t(`category.${c}`)}</label>
            </div>
          ))}
        </ChoiceGroup>
        <TextAreaField
          id={FIELD_IDS.description}
          name="description"
          label={t('form.what.description')}
          hint={t('form.what.descriptionHint')}
          error={errors.description}
          rows={7}
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
          counter={t('form.what.descriptionCount', {
            count: formatNumber(draft.description.trim().length, lang),
            min: formatNumber(COMPLAINT_LIMITS.descriptionMin, lang),
            max: formatNumber(COMPLAINT_LIMITS.descriptionMax, lang),
          })}
        />
        {staff.length > 0 ? (
          <SelectField
            id={FIELD_IDS.staff}
            label={
              <>
                {t('form.what.staff')} <span className="optional-tag">{t('form.optional')}</span>
              </>
            }
            hint={t('form.what.staffHint')}
            error={errors.staff}
            value={draft.staffId}
            onChange={(e) => update({ staffId: e.target.value })}
          >
            <option value="">{t('form.what.staffNone')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.jabatan ? `${s.name} – ${s.jabatan}` : s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className={errors.files ? 'field field--error' : 'field'}>
          <p className="field__label" id={`${FIELD_IDS.files}-title`}>
            {t('form.what.files')} <span className="optional-tag">{t('form.optional')}</span>
          </p>
          <p className="field__hint" id={`${FIELD_IDS.files}-hint`}>
            {t('form.what.filesHint', { max: COMPLAINT_LIMITS.attachmentsMax, size: maxSize })}
          </p>
          {errors.files ? (
            <p className="field__error" id={`${FIELD_IDS.files}-error`}>
              {errors.files}
            </p>
          ) : null}
          {/* The native picker's own text follows the phone's language; the label says what to do. */}
          <div className="file-pick">
            <input
              id={FIELD_IDS.files}
              type="file"
              multiple
              accept={COMPLAINT_LIMITS.attachmentTypes.join(',')}
              aria-labelledby={`${FIELD_IDS.files}-title ${FIELD_IDS.files}-pick`}
              aria-describedby={[`${FIELD_IDS.files}-hint`, errors.files ? `${FIELD_IDS.files}-error` : ''].join(' ').trim()}
              aria-invalid={errors.files ? true : undefined}
              onChange={(e) => {
                const picked = Array.from(e.target.files ?? []);
                update({ files: [...draft.files, ...picked] });
                // Lets the same photo be picked again after removing it.
                e.target.value = '';
              }}
            />
            <label htmlFor={FIELD_IDS.files} className="file-pick__button" id={`${FIELD_IDS.files}-pick`}>
              {draft.files.length > 0 ? t('form.what.pickMore') : t('form.what.pick')}
            </label>
          </div>
          {draft.files.length > 0 ? (
            <ul className="file-list">
              {draft.files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  <span>
                    {f.name} <span className="muted">({t('form.what.fileSize', { size: megabytes(f.size, lang) })})</span>
                  </span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('form.what.fileRemoveLabel', { name: f.name })}
                    onClick={() => update({ files: draft.files.filter((_, j) => j !== i) })}
                  >
                    {t('form.what.fileRemove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <StepButtons onBack={onBack} />
      </form>
    </StepFrame>
  );
}

/** Step 3: anonim or rahasia, explained plainly, and the optional contact. */
export function WhoStep({ progress, draft, update, errors, onBack, onNext }: StepProps & { onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation(NS);
  const options: { value: Privacy; label: string; hint: string }[] = [
    { value: 'rahasia', label: t('form.who.rahasia'), hint: t('form.who.rahasiaHint') },
    { value: 'anonim', label: t('form.who.anonim'), hint: t('form.who.anonimHint') },
  ];
  return (
    <StepFrame progress={progress} title={t('form.who.title')} stepKey="who" summary={summaryFor(['name', 'phone', 'email'], errors)}>
      <p className="lead">{t('form.who.lead')}</p>
      <form noValidate onSubmit={submitter(onNext)}>
        <ChoiceGroup id="complaint-privacy" legend={t('form.who.privacy')}>
          {options.map((o) => (
            <div className="choice" key={o.value}>
              <div className="radio">
                <input
                  type="radio"
                  id={`complaint-privacy-${o.value}`}
                  name="privacy"
                  value={o.value}
                  checked={draft.privacy === o.value}
                  aria-describedby={`complaint-privacy-${o.value}-hint`}
                  onChange={() => update({ privacy: o.value })}
                />
                <label htmlFor={`complaint-privacy-${o.value}`}>{o.label}</label>
              </div>
              <p className="choice__hint" id={`complaint-privacy-${o.value}-hint`}>
                {o.hint}
              </p>
            </div>
          ))}
        </ChoiceGroup>
        <h2 className="heading-m">
          {t('form.who.contactTitle')} <span className="optional-tag">{t('form.optional')}</span>
        </h2>
        <p>{draft.privacy === 'anonim' ? t('form.who.contactLeadAnonim') : t('form.who.contactLead')}</p>
        <TextField
          id={FIELD_IDS.name}
          name="name"
          label={t('form.who.name')}
          error={errors.name}
          autoComplete="name"
          value={draft.name}
          onChange={(e) => update({ name: e.target.value })}
        />
        <TextField
          id={FIELD_IDS.phone}
          name="phone"
          type="tel"
          label={t('form.who.phone')}
          hint={t('form.who.phoneHint')}
          error={errors.phone}
          autoComplete="tel"
          inputMode="tel"
          value={draft.phone}
          onChange={(e) => update({ phone: e.target.value })}
        />
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label={t('form.who.email')}
          error={errors.email}
          autoComplete="email"
          spellCheck={false}
          value={draft.email}
          onChange={(e) => update({ email: e.target.value })}
        />
        <StepButtons onBack={onBack} />
      </form>
    </StepFrame>
  );
}
