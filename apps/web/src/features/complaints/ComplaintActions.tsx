import { ComplaintEvidenceBody, ComplaintTransitionBody } from '@pantau/contracts';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { Notice } from '../../components/ui/Status';
import { SummaryList } from '../../components/ui/SummaryList';
import { useUnits } from '../org/api';
import { buildUnitTree, flattenTree } from '../org/tree';
import { issuesByField } from '../public/form';
import { SelectField, TextAreaField } from '../public/ui';
import { useAttachEvidence, useComplaintTransition, useRevealComplainant, type ComplaintDetail } from './api';
import { NS } from './namespace';

type Action = 'verify' | 'reject' | 'dispose' | 'followUp' | 'close' | 'evidence';

/** The workflow steps the server allows this person (abilities), each as a small form. */
export function ComplaintActions({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation(NS);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<Action | null>(null);
  const a = complaint.abilities;
  const any = a.verify || a.reject || a.dispose || a.followUp || a.close || a.attachEvidence;
  const finish = (message: string) => {
    setDone(message);
    setOpen(null);
  };
  const panel = (action: Action, title: string, body: ReactNode) => (
    <details
      open={open === action}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen((current) => (isOpen ? action : current === action ? null : current));
      }}
    >
      <summary>{title}</summary>
      {body}
    </details>
  );

  return (
    <section className="action-panel" aria-labelledby="actions-title">
      <h2 className="heading-m" id="actions-title">
        {t('staff.detail.actions')}
      </h2>
      {done ? <Notice tone="success" title={done} /> : null}
      {!any ? <p>{t('staff.detail.noActions')}</p> : null}
      {a.verify ? panel('verify', t('staff.detail.verify'), <VerifyForm complaint={complaint} onDone={finish} />) : null}
      {a.dispose ? panel('dispose', t('staff.detail.dispose'), <DisposeForm complaint={complaint} onDone={finish} />) : null}
      {a.followUp ? panel('followUp', t('staff.detail.followUp'), <FollowUpForm complaint={complaint} onDone={finish} />) : null}
      {a.close ? panel('close', t('staff.detail.close'), <CloseForm complaint={complaint} onDone={finish} />) : null}
      {a.reject ? panel('reject', t('staff.detail.reject'), <RejectForm complaint={complaint} onDone={finish} />) : null}
      {a.attachEvidence ? panel('evidence', t('staff.detail.evidenceAttach'), <EvidenceForm complaint={complaint} onDone={finish} />) : null}
    </section>
  );
}

interface FormProps {
  complaint: ComplaintDetail;
  onDone: (message: string) => void;
}

/** Sends one transition after checking it with the shared schema; field problems come back by name. */
function useTransitionForm(complaint: ComplaintDetail, onDone: (message: string) => void) {
  const { t } = useTranslation(NS);
  const transition = useComplaintTransition(complaint.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = (body: unknown, messages: Record<string, string>) => {
    const parsed = ComplaintTransitionBody.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const [path, issue] of issuesByField(parsed.error.issues)) {
        next[path] = issue.code === 'too_big' ? t('staff.detail.errors.tooLong') : (messages[path] ?? t('staff.detail.errors.tooLong'));
      }
      setErrors(next);
      return;
    }
    setErrors({});
    transition.mutate(parsed.data, { onSuccess: () => onDone(t('staff.detail.done')) });
  };
  const serverError = transition.error instanceof ApiError ? transition.error : null;
  const errorFor = (name: string) => errors[name] ?? serverError?.fieldMessage(name);
  const summary = (ids: Record<string, string>): SummaryError[] => {
    const list: SummaryError[] = Object.entries(ids).flatMap(([name, fieldId]) => {
      const message = errorFor(name);
      return message ? [{ fieldId, message }] : [];
    });
    if (list.length === 0 && serverError) list.push({ message: serverError.fields[0]?.message || serverError.message });
    return list;
  };
  return { send, errorFor, summary, pending: transition.isPending };
}

function SubmitButton({ pending, label, warning = false }: { pending: boolean; label: string; warning?: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <button type="submit" className={warning ? 'button button--warning' : 'button'} disabled={pending}>
      {pending ? t('staff.detail.saving') : label}
    </button>
  );
}

const optional = (v: string) => (v.trim() === '' ? undefined : v);

function VerifyForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const form = useTransitionForm(complaint, onDone);
  const [note, setNote] = useState('');
  const [redacted, setRedacted] = useState('');
  const [anonim, setAnonim] = useState(false);
  const id = `verify-${complaint.id}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.send(
      { to: 'DIVERIFIKASI', note: optional(note), redactedDescription: optional(redacted), anonymous: anonim ? true : undefined },
      {},
    );
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.summary({ note: `${id}-note`, redactedDescription: `${id}-redacted` })} />
      <TextAreaField id={`${id}-note`} label={t('staff.detail.verifyNote')} error={form.errorFor('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <TextAreaField
        id={`${id}-redacted`}
        label={t('staff.detail.verifyRedacted')}
        hint={t('staff.detail.verifyRedactedHint')}
        error={form.errorFor('redactedDescription')}
        rows={4}
        value={redacted}
        onChange={(e) => setRedacted(e.target.value)}
      />
      {complaint.anonymous ? null : (
        <div className="checkbox">
          <input id={`${id}-anonim`} type="checkbox" checked={anonim} onChange={(e) => setAnonim(e.target.checked)} />
          <label htmlFor={`${id}-anonim`}>{t('staff.detail.makeAnonim')}</label>
        </div>
      )}
      <SubmitButton pending={form.pending} label={t('staff.detail.verifySubmit')} />
    </form>
  );
}

function RejectForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const form = useTransitionForm(complaint, onDone);
  const [reason, setReason] = useState('');
  const id = `reject-${complaint.id}-reason`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.send({ to: 'DITOLAK', reason }, { reason: t('staff.detail.errors.reason') });
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.summary({ reason: id })} />
      <TextAreaField id={id} label={t('staff.detail.rejectReason')} error={form.errorFor('reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      <SubmitButton pending={form.pending} label={t('staff.detail.rejectSubmit')} warning />
    </form>
  );
}

function DisposeForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const form = useTransitionForm(complaint, onDone);
  const units = useUnits();
  const options = useMemo(() => flattenTree(buildUnitTree(units.data ?? [])), [units.data]);
  const [unitId, setUnitId] = useState(complaint.handlingUnit ? '' : String(complaint.unit.id));
  const [note, setNote] = useState('');
  const id = `dispose-${complaint.id}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.send({ to: 'DIDISPOSISIKAN', unitId: unitId === '' ? undefined : Number(unitId), note: optional(note) }, { unitId: t('staff.detail.errors.unit') });
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.summary({ unitId: `${id}-unit`, note: `${id}-note` })} />
      <SelectField id={`${id}-unit`} label={t('staff.detail.disposeUnit')} error={form.errorFor('unitId')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        <option value="">{t('staff.detail.disposeUnitPlaceholder')}</option>
        {options.map((n) => (
          <option key={n.unit.id} value={n.unit.id}>
            {'\u00a0\u00a0'.repeat(n.depth)}
            {n.unit.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField id={`${id}-note`} label={t('staff.detail.disposeNote')} error={form.errorFor('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <SubmitButton pending={form.pending} label={t('staff.detail.disposeSubmit')} />
    </form>
  );
}

function FollowUpForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const form = useTransitionForm(complaint, onDone);
  const [note, setNote] = useState('');
  const id = `followup-${complaint.id}-note`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.send({ to: 'DITINDAKLANJUTI', note }, { note: t('staff.detail.errors.note') });
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.summary({ note: id })} />
      <TextAreaField
        id={id}
        label={t('staff.detail.followUpNote')}
        hint={t('staff.detail.followUpHint')}
        error={form.errorFor('note')}
        rows={4}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <SubmitButton pending={form.pending} label={t('staff.detail.followUpSubmit')} />
    </form>
  );
}

function CloseForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const form = useTransitionForm(complaint, onDone);
  const [note, setNote] = useState('');
  const id = `close-${complaint.id}-note`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.send({ to: 'SELESAI', note: optional(note) }, {});
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.summary({ note: id })} />
      <TextAreaField id={id} label={t('staff.detail.closeNote')} error={form.errorFor('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <SubmitButton pending={form.pending} label={t('staff.detail.closeSubmit')} />
    </form>
  );
}

function EvidenceForm({ complaint, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const attach = useAttachEvidence(complaint.id);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `evidence-${complaint.id}-note`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = ComplaintEvidenceBody.safeParse({ note: optional(note) });
    if (!parsed.success) {
      setError(t('staff.detail.errors.tooLong'));
      return;
    }
    setError(undefined);
    attach.mutate(parsed.data.note, { onSuccess: () => onDone(t('staff.detail.evidenceDone')) });
  };
  const serverError = attach.error instanceof ApiError ? attach.error : null;
  const message = error ?? serverError?.fieldMessage('note');
  const summary: SummaryError[] = message
    ? [{ fieldId: id, message }]
    : serverError
      ? [{ message: serverError.fields[0]?.message || serverError.message }]
      : [];
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={summary} />
      <TextAreaField id={id} label={t('staff.detail.evidenceNote')} error={message} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <SubmitButton pending={attach.isPending} label={t('staff.detail.evidenceSubmit')} />
    </form>
  );
}

/** Only for a non-anonymous complaint and complaint administrators; every read is audited. */
export function RevealComplainant({ id }: { id: number }) {
  const { t } = useTranslation(NS);
  const reveal = useRevealComplainant(id);
  const c = reveal.data;
  return (
    <section className="section" aria-labelledby="reveal-title">
      <h2 className="heading-m" id="reveal-title">
        {t('staff.detail.revealTitle')}
      </h2>
      {c ? (
        c.name || c.phone || c.email ? (
          <SummaryList
            rows={[
              ...(c.name ? [{ key: 'name', label: t('staff.detail.revealName'), value: c.name }] : []),
              ...(c.phone ? [{ key: 'phone', label: t('staff.detail.revealPhone'), value: c.phone }] : []),
              ...(c.email ? [{ key: 'email', label: t('staff.detail.revealEmail'), value: c.email }] : []),
            ]}
          />
        ) : (
          <p>{t('staff.detail.revealNone')}</p>
        )
      ) : (
        <>
          <p>{t('staff.detail.revealLead')}</p>
          {reveal.error instanceof ApiError ? <p className="field__error">{reveal.error.message}</p> : null}
          <button type="button" className="button button--secondary" disabled={reveal.isPending} onClick={() => reveal.mutate()}>
            {t('staff.detail.reveal')}
          </button>
        </>
      )}
    </section>
  );
}
