import { ComplaintReopenBody, ComplaintTrackingHeaders, ComplaintTrackingParams } from '@pantau/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate, formatDateTime } from '../../lib/format';
import { ungroupSecret } from '../public/format';
import { StepHeading } from '../public/StepHeading';
import { TextAreaField } from '../public/ui';
import { complaintKeys, fetchTracked, useReopenComplaint, type TrackedComplaint } from './api';
import { historyLabel } from './labels';
import { NS } from './namespace';

interface Credentials {
  code: string;
  token: string;
}

function credentialsFromState(state: unknown): Credentials | null {
  if (typeof state !== 'object' || state === null) return null;
  if (!('trackingCode' in state) || !('token' in state)) return null;
  const { trackingCode, token } = state;
  return typeof trackingCode === 'string' && typeof token === 'string' ? { code: trackingCode, token } : null;
}

/**
 * /pengaduan/lacak: the complainant enters the tracking code and secret (or arrives from the
 * confirmation page with both) and sees the status, deadlines and history; within the window
 * they can reopen. The secret is kept in memory only and sent in a header.
 */
export function TrackComplaintPage() {
  const { t } = useTranslation(NS);
  const location = useLocation();
  const navigate = useNavigate();
  const [credentials, setCredentials] = useState<Credentials | null>(() => credentialsFromState(location.state));

  // Arriving from the confirmation page: take the codes, then drop them from the history entry.
  useEffect(() => {
    if (credentialsFromState(location.state)) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const tracked = useQuery({
    queryKey: complaintKeys.tracked(credentials?.code ?? '', credentials?.token ?? ''),
    queryFn: ({ signal }) => fetchTracked(credentials?.code ?? '', credentials?.token ?? '', signal),
    enabled: credentials !== null,
    staleTime: 0,
  });

  if (credentials && tracked.data) {
    return (
      <TrackedView
        complaint={tracked.data}
        credentials={credentials}
        onAnother={() => {
          setCredentials(null);
        }}
      />
    );
  }
  return (
    <LookupForm
      initialCode={credentials?.code ?? ''}
      pending={credentials !== null && tracked.isFetching}
      error={credentials !== null && tracked.isError ? tracked.error : null}
      onLookup={setCredentials}
      title={t('track.title')}
    />
  );
}

function LookupForm({
  initialCode,
  pending,
  error,
  onLookup,
  title,
}: {
  initialCode: string;
  pending: boolean;
  error: unknown;
  onLookup: (c: Credentials) => void;
  title: string;
}) {
  const { t } = useTranslation(NS);
  const [code, setCode] = useState(initialCode);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalisedCode = code.trim().toUpperCase();
    const token = ungroupSecret(secret);
    const codeOk = normalisedCode !== '' && ComplaintTrackingParams.safeParse({ code: normalisedCode }).success;
    const tokenOk = token !== '' && ComplaintTrackingHeaders.safeParse({ 'x-tracking-token': token }).success;
    const next = { code: codeOk ? undefined : t('track.errors.code'), secret: tokenOk ? undefined : t('track.errors.secret') };
    setErrors(next);
    if (next.code || next.secret) return;
    onLookup({ code: normalisedCode, token });
  };

  const summary: SummaryError[] = [];
  if (errors.code) summary.push({ fieldId: 'track-code', message: errors.code });
  if (errors.secret) summary.push({ fieldId: 'track-secret', message: errors.secret });
  if (summary.length === 0 && error) {
    summary.push({
      message: error instanceof ApiError && error.status === 404 ? t('track.errors.notFound') : error instanceof ApiError ? error.message : t('track.errors.notFound'),
    });
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={summary} />
      <StepHeading title={title} stepKey="lookup" />
      <p className="lead">{t('track.lead')}</p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="track-code"
          name="code"
          label={t('track.code')}
          hint={t('track.codeHint')}
          error={errors.code}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="track-secret"
          name="secret"
          label={t('track.secret')}
          hint={t('track.secretHint')}
          error={errors.secret}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
        <button type="submit" className="button button--wide" disabled={pending}>
          {pending ? t('track.submitting') : t('track.submit')}
        </button>
      </form>
      <p>
        <Link to="/pengaduan">{t('track.complain')}</Link>
      </p>
    </div>
  );
}

function TrackedView({ complaint, credentials, onAnother }: { complaint: TrackedComplaint; credentials: Credentials; onAnother: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const status = complaint.status;
  const dueKey = status === 'DITOLAK' || status === 'SELESAI' ? null : status;
  // Owned here, not by the form: the form disappears once the complaint is reopened.
  const reopen = useReopenComplaint(credentials.code, credentials.token);

  return (
    <div className="narrow">
      <p className="step-topic">{t('track.title')}</p>
      <StepHeading title={t('track.resultTitle', { code: complaint.trackingCode })} stepKey="tracked" />
      {reopen.isSuccess ? <Notice tone="success" title={t('track.reopenDone')} /> : null}
      <div className="notice">
        <p className="notice__title">
          <span className={`status-tag status-tag--${status}`}>{t(`citizenStatus.${status}`)}</span>
        </p>
        <p>{t(`citizenStatusHelp.${status}`)}</p>
        {dueKey && complaint.dueOn ? (
          <p>
            <strong>{t(`due.${dueKey}`, { date: formatDate(complaint.dueOn, lang) })}</strong>
          </p>
        ) : null}
      </div>

      <dl className="summary-list">
        {complaint.servicePointName ? (
          <div className="summary-list__row">
            <dt>{t('track.service')}</dt>
            <dd>{complaint.servicePointName}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('track.unit')}</dt>
          <dd>{complaint.unitName}</dd>
        </div>
        {complaint.handlingUnitName && complaint.handlingUnitName !== complaint.unitName ? (
          <div className="summary-list__row">
            <dt>{t('track.handlingUnit')}</dt>
            <dd>{complaint.handlingUnitName}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('track.receivedOn')}</dt>
          <dd>{formatDate(complaint.receivedOn, lang)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('track.category')}</dt>
          <dd>{t(`category.${complaint.category}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('track.privacy')}</dt>
          <dd>{complaint.anonymous ? t('track.anonim') : t('track.rahasia')}</dd>
        </div>
        {complaint.attachments > 0 ? (
          <div className="summary-list__row">
            <dt>{t('track.attachments')}</dt>
            <dd>{t('track.attachmentsCount', { count: complaint.attachments })}</dd>
          </div>
        ) : null}
      </dl>

      <h2 className="heading-m">{t('track.description')}</h2>
      <p className="citizen-text" data-testid="complaint-description">
        {complaint.description}
      </p>

      {complaint.rejectionReason ? (
        <>
          <h2 className="heading-m">{t('track.rejection')}</h2>
          <p className="citizen-text">{complaint.rejectionReason}</p>
        </>
      ) : null}

      <h2 className="heading-m">{t('track.historyTitle')}</h2>
      <ol className="timeline">
        {complaint.history.map((h, i) => (
          <li className="timeline__item" key={`${h.at}-${i}`}>
            <p className="timeline__title">{historyLabel(t, h.kind)}</p>
            <p className="muted">{formatDateTime(h.at, lang)}</p>
            {h.unitName ? <p>{h.unitName}</p> : null}
            {h.note ? <p className="citizen-text">{h.note}</p> : null}
          </li>
        ))}
      </ol>

      {complaint.reopen.allowed ? (
        <ReopenForm complaint={complaint} reopen={reopen} />
      ) : null}

      <p>
        <button type="button" className="link-button" onClick={onAnother}>
          {t('track.another')}
        </button>
      </p>
    </div>
  );
}

function ReopenForm({ complaint, reopen }: { complaint: TrackedComplaint; reopen: ReturnType<typeof useReopenComplaint> }) {
  const { t, i18n } = useTranslation(NS);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ComplaintReopenBody.safeParse({ reason });
    if (!parsed.success) {
      setError(t('track.reopenErrors.reason'));
      return;
    }
    setError(undefined);
    reopen.mutate(parsed.data.reason, { onSuccess: () => window.scrollTo({ top: 0 }) });
  };

  const serverError = reopen.error instanceof ApiError ? reopen.error : null;
  const fieldError = error ?? serverError?.fieldMessage('reason');
  const summary: SummaryError[] = fieldError
    ? [{ fieldId: 'reopen-reason', message: fieldError }]
    : serverError
      ? serverError.fields.length > 0
        ? serverError.fields.map((f) => ({ message: f.message || serverError.message }))
        : [{ message: serverError.message }]
      : [];

  return (
    <section aria-labelledby="reopen-title" className="section section--admin">
      <h2 className="heading-m" id="reopen-title">
        {t('track.reopenTitle')}
      </h2>
      <p>{t('track.reopenLead', { date: complaint.reopen.until ? formatDate(complaint.reopen.until, i18n.language) : '' })}</p>
      <ErrorSummary errors={summary} />
      <form noValidate onSubmit={onSubmit}>
        <TextAreaField
          id="reopen-reason"
          name="reason"
          label={t('track.reopenReason')}
          error={fieldError}
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button" disabled={reopen.isPending}>
          {reopen.isPending ? t('track.reopenSubmitting') : t('track.reopenSubmit')}
        </button>
      </form>
    </section>
  );
}
