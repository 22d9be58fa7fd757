import { COMPLAINT_LIMITS, CreateComplaintBody } from '@pantau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, lastSegment } from '../../api/client';
import { issuesByField } from '../public/form';
import { instansiFromParams } from '../public/instansi';
import { megabytes } from '../public/format';
import { usePublicServicePoint } from '../survey/api';
import { uploadAttachment, useCreateComplaint, usePublicDirectory, type ComplaintCreated } from './api';
import { CheckStep } from './CheckStep';
import { checkFiles, draftToBody, EMPTY_DRAFT, targetOf, type ComplaintDraft } from './draft';
import { NS } from './namespace';
import { SentStep, type UploadState } from './SentStep';
import { WhatStep, WhereStep, WhoStep, type FieldName, type FormErrors } from './FormSteps';

type StepName = 'where' | 'what' | 'who' | 'check' | 'sent';
const PARAM: Record<StepName, string> = { where: 'tentang', what: 'isi', who: 'identitas', check: 'periksa', sent: 'terkirim' };
const STEP_FIELDS: Record<'where' | 'what' | 'who', readonly FieldName[]> = {
  where: ['opd', 'target'],
  what: ['category', 'description', 'staff', 'files'],
  who: ['name', 'phone', 'email'],
};

/**
 * The public complaint form (/pengaduan, or /pengaduan?layanan=<slug> from a service's page): one
 * step per screen — what it is about, what happened (with photos), who may know the complainant,
 * a check — then the tracking code and secret. No account.
 */
export function ComplaintFormPage() {
  const { t, i18n } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const fixedSlug = params.get('layanan')?.trim().toLowerCase() || null;
  const instansiCode = instansiFromParams(params);
  const fixedService = usePublicServicePoint(fixedSlug);
  const fixedMissing = fixedSlug !== null && fixedService.isError;
  const withWhere = fixedSlug === null || fixedMissing;
  const directory = usePublicDirectory(instansiCode, withWhere);

  const [draft, setDraft] = useState<ComplaintDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FormErrors>({});
  const [sent, setSent] = useState<{ created: ComplaintCreated; uploads: UploadState[]; contactGiven: boolean } | null>(null);
  const create = useCreateComplaint();

  const effectiveDraft: ComplaintDraft = withWhere ? draft : { ...draft, target: `sp:${fixedSlug ?? ''}` };
  const target = targetOf(effectiveDraft);
  const chosenSlug = target?.kind === 'service' ? target.slug : null;
  const chosenService = usePublicServicePoint(chosenSlug);

  const steps: StepName[] = withWhere ? ['where', 'what', 'who', 'check'] : ['what', 'who', 'check'];
  const requested = Object.entries(PARAM).find(([, v]) => v === params.get('langkah'))?.[0];
  let step: StepName = steps.find((s) => s === requested) ?? (requested === 'sent' && sent ? 'sent' : (steps[0] ?? 'what'));
  if (step === 'sent' && !sent) step = steps[0] ?? 'what';

  const go = (next: StepName, replace = false) => {
    const p = new URLSearchParams(params);
    if (next === steps[0]) p.delete('langkah');
    else p.set('langkah', PARAM[next]);
    setParams(p, { replace });
  };
  const update = (patch: Partial<ComplaintDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const validate = (d: ComplaintDraft): FormErrors => {
    const out: FormErrors = {};
    if (withWhere) {
      if (d.opdId === '') out.opd = t('form.errors.opd');
      if (!targetOf(d)) out.target = t('form.errors.target');
    }
    const parsed = CreateComplaintBody.safeParse(draftToBody(d, instansiCode));
    if (!parsed.success) {
      for (const [path, issue] of issuesByField(parsed.error.issues)) {
        if (path === 'category') out.category = t('form.errors.category');
        else if (path === 'description') {
          out.description =
            issue.code === 'too_big'
              ? t('form.errors.descriptionLong', { max: COMPLAINT_LIMITS.descriptionMax })
              : t('form.errors.descriptionShort', { min: COMPLAINT_LIMITS.descriptionMin });
        } else if (path === 'contact.name') out.name = t('form.errors.name');
        else if (path === 'contact.phone') out.phone = t('form.errors.phone');
        else if (path === 'contact.email') out.email = t('form.errors.email');
        else if (path === 'servicePointSlug' && withWhere) out.target ??= t('form.errors.target');
      }
    }
    const files = checkFiles(d.files);
    if (files) {
      const size = t('form.what.fileSize', { size: megabytes(COMPLAINT_LIMITS.attachmentBytesMax, i18n.language) });
      out.files =
        files.kind === 'count'
          ? t('form.errors.fileCount', { max: COMPLAINT_LIMITS.attachmentsMax })
          : files.kind === 'size'
            ? t('form.errors.fileTooBig', { name: files.name, size })
            : t('form.errors.fileType', { name: files.name });
    }
    return out;
  };

  const next = (current: 'where' | 'what' | 'who') => {
    const all = validate(effectiveDraft);
    const mine: FormErrors = {};
    for (const f of STEP_FIELDS[current]) if (all[f]) mine[f] = all[f];
    setErrors(mine);
    create.reset();
    if (Object.keys(mine).length > 0) return;
    const i = steps.indexOf(current);
    const following = steps[i + 1];
    if (following) go(following);
  };

  const back = (current: StepName) => {
    setErrors({});
    const i = steps.indexOf(current);
    const previous = steps[i - 1];
    if (previous) go(previous);
  };

  const submit = () => {
    const all = validate(effectiveDraft);
    const firstBad = (['where', 'what', 'who'] as const).find((s) => steps.includes(s) && STEP_FIELDS[s].some((f) => all[f]));
    if (firstBad) {
      const mine: FormErrors = {};
      for (const f of STEP_FIELDS[firstBad]) if (all[f]) mine[f] = all[f];
      setErrors(mine);
      go(firstBad);
      return;
    }
    const parsed = CreateComplaintBody.safeParse(draftToBody(effectiveDraft, instansiCode));
    if (!parsed.success) return;
    const files = effectiveDraft.files;
    create.mutate(parsed.data, {
      onSuccess: (created) => {
        const contactGiven = parsed.data.contact?.phone !== undefined || parsed.data.contact?.email !== undefined;
        setSent({ created, uploads: files.map((file) => ({ file, state: 'pending' })), contactGiven });
        setDraft(EMPTY_DRAFT);
        go('sent', true);
        void sendUploads(created, files.map((file) => ({ file, state: 'pending' })));
      },
    });
  };

  const sendUploads = async (created: ComplaintCreated, list: UploadState[]) => {
    const result = [...list];
    for (let i = 0; i < result.length; i++) {
      const item = result[i];
      if (!item || item.state === 'done') continue;
      result[i] = { file: item.file, state: 'sending' };
      setSent((prev) => (prev === null ? null : { ...prev, created, uploads: [...result] }));
      try {
        await uploadAttachment(created.trackingCode, created.token, item.file);
        result[i] = { file: item.file, state: 'done' };
      } catch (error) {
        result[i] = { file: item.file, state: 'failed', message: error instanceof ApiError ? error.message : t('form.sent.uploadFailed') };
      }
      setSent((prev) => (prev === null ? null : { ...prev, created, uploads: [...result] }));
    }
  };

  // Server answers: field messages beside the fields, in the step that has them.
  const serverError = create.error instanceof ApiError ? create.error : null;
  const serverFields: FormErrors = {};
  for (const f of serverError?.fields ?? []) {
    const name = lastSegment(f.path);
    const field: FieldName | undefined =
      name === 'servicePointSlug' || name === 'unitId' || name === 'instansiCode'
        ? 'target'
        : name === 'subjectEmployeeId'
          ? 'staff'
          : (['category', 'description', 'name', 'phone', 'email'] as const).find((n) => n === name);
    if (field && f.message) serverFields[field] ??= f.message;
  }

  const stepNumber = steps.indexOf(step) + 1;
  const progress = { n: stepNumber, total: steps.length };
  const serviceForStaff = chosenService.data ?? null;

  if (step === 'sent' && sent) {
    return (
      <SentStep
        created={sent.created}
        contactGiven={sent.contactGiven}
        uploads={sent.uploads}
        onRetry={() => void sendUploads(sent.created, sent.uploads)}
      />
    );
  }
  if (step === 'where') {
    return (
      <WhereStep
        progress={progress}
        draft={draft}
        update={update}
        errors={{ ...serverFields, ...errors }}
        directory={directory}
        notice={fixedMissing ? t('form.errors.serviceMissing') : null}
        onNext={() => next('where')}
      />
    );
  }
  if (step === 'what') {
    return (
      <WhatStep
        progress={progress}
        draft={effectiveDraft}
        update={update}
        errors={{ ...serverFields, ...errors }}
        fixedService={withWhere ? null : (fixedService.data ?? null)}
        onChooseOther={() => {
          const p = new URLSearchParams(params);
          p.delete('layanan');
          p.delete('langkah');
          setParams(p);
        }}
        staff={serviceForStaff?.staff ?? []}
        onBack={withWhere ? () => back('what') : null}
        onNext={() => next('what')}
      />
    );
  }
  if (step === 'who') {
    return (
      <WhoStep
        progress={progress}
        draft={effectiveDraft}
        update={update}
        errors={{ ...serverFields, ...errors }}
        onBack={() => back('who')}
        onNext={() => next('who')}
      />
    );
  }
  return (
    <CheckStep
      progress={progress}
      draft={effectiveDraft}
      update={update}
      directory={directory.data ?? null}
      service={serviceForStaff}
      serverError={serverError}
      pending={create.isPending}
      onEdit={(s) => go(s)}
      onBack={() => back('check')}
      onSubmit={submit}
    />
  );
}
