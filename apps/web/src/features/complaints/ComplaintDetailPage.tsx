import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading } from '../../components/ui/Status';
import { SummaryList } from '../../components/ui/SummaryList';
import { formatDate, formatDateTime } from '../../lib/format';
import '../public/feedback.css';
import { megabytes } from '../public/format';
import { attachmentHref, useComplaint, type ComplaintDetail } from './api';
import { ComplaintActions, RevealComplainant } from './ComplaintActions';
import { SlaText } from './SlaText';
import { categoryLabelOf, historyLabel } from './labels';
import { useFeedbackEvents } from './live';
import { NS } from './namespace';

/**
 * One complaint for an official: what the citizen wrote (as text), the deadlines, the history,
 * the attachments (always downloaded, never shown inline) and the workflow steps the server says
 * this person may take. An anonim complainant is only ever "Anonim".
 */
export function ComplaintDetailPage() {
  const { t } = useTranslation(NS);
  const params = useParams();
  const id = Number(params.id);
  const complaint = useComplaint(Number.isInteger(id) ? id : 0);
  useFeedbackEvents();

  return (
    <>
      <p className="back-link">
        <Link to="/umpan-balik">{t('staff.detail.back')}</Link>
      </p>
      {complaint.isPending ? <Loading /> : null}
      {complaint.isError ? <LoadError error={complaint.error} onRetry={() => void complaint.refetch()} /> : null}
      {complaint.data ? <Detail complaint={complaint.data} /> : null}
    </>
  );
}

function Detail({ complaint }: { complaint: ComplaintDetail }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const c = complaint;
  const rows = [
    { key: 'category', label: t('staff.detail.category'), value: categoryLabelOf(t, c.category) },
    {
      key: 'status',
      label: t('staff.detail.status'),
      value: (
        <>
          <span className={`status-tag status-tag--${c.status}`}>{t(`status.${c.status}`)}</span>
          {c.duplicateOfId !== null ? <span className="muted"> · {t('staff.duplicate')}</span> : null}
        </>
      ),
    },
    ...(c.anonymous ? [{ key: 'complainant', label: t('staff.detail.complainant'), value: t('staff.anonim') }] : []),
    { key: 'unit', label: t('staff.detail.unit'), value: c.unit.name },
    ...(c.servicePoint ? [{ key: 'sp', label: t('staff.detail.servicePoint'), value: c.servicePoint.name }] : []),
    ...(c.handlingUnit ? [{ key: 'hu', label: t('staff.detail.handlingUnit'), value: c.handlingUnit.name }] : []),
    ...(c.subjectEmployee ? [{ key: 'subject', label: t('staff.detail.subject'), value: c.subjectEmployee.name }] : []),
    { key: 'received', label: t('staff.detail.receivedAt'), value: formatDateTime(c.receivedAt, lang) },
    ...(c.sla ? [{ key: 'due', label: t('staff.detail.due'), value: <SlaText complaint={c} /> }] : []),
    ...(c.status === 'DITINDAKLANJUTI' && c.dueOn
      ? [{ key: 'autoClose', label: t('staff.detail.autoClose'), value: formatDate(c.dueOn, lang) }]
      : []),
    ...(c.escalatedTo ? [{ key: 'esc', label: t('staff.detail.escalation'), value: c.escalatedTo.name }] : []),
    ...(c.closedOn ? [{ key: 'closed', label: t('staff.detail.closedOn'), value: formatDate(c.closedOn, lang) }] : []),
    ...(c.reopenCount > 0 ? [{ key: 'reopen', label: t('staff.detail.reopenCount'), value: String(c.reopenCount) }] : []),
  ];

  return (
    <>
      <PageHeading title={t('staff.detail.title', { code: c.trackingCode })} />
      <SummaryList rows={rows} />

      <h2 className="heading-m">{t('staff.detail.description')}</h2>
      <p className="citizen-text" data-testid="complaint-description">
        {c.description}
      </p>
      {c.redactedDescription ? (
        <>
          <h3 className="heading-s">{t('staff.detail.redacted')}</h3>
          <p className="citizen-text">{c.redactedDescription}</p>
        </>
      ) : null}
      {c.rejectionReason ? (
        <>
          <h2 className="heading-m">{t('staff.detail.rejection')}</h2>
          <p className="citizen-text">{c.rejectionReason}</p>
        </>
      ) : null}

      <h2 className="heading-m">{t('staff.detail.attachments')}</h2>
      {c.attachmentList.length === 0 ? (
        <p>{t('staff.detail.noAttachments')}</p>
      ) : (
        <ul className="download-list">
          {c.attachmentList.map((a) => (
            <li key={a.id}>
              <a href={attachmentHref(c.id, a.id)} download={a.fileName}>
                {t('staff.detail.download', {
                  name: a.fileName,
                  size: t('form.what.fileSize', { size: megabytes(a.sizeBytes, lang) }),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}

      {c.abilities.revealComplainant && !c.anonymous ? <RevealComplainant id={c.id} /> : null}

      <ComplaintActions complaint={c} />

      {c.employeeResponse ? (
        <section className="section" aria-labelledby="response-title">
          <h2 className="heading-m" id="response-title">
            {t('staff.detail.employeeResponse')}
          </h2>
          <p className="muted">{t('staff.detail.acknowledged', { date: formatDateTime(c.employeeResponse.acknowledgedAt, lang) })}</p>
          <p className="citizen-text">{c.employeeResponse.response ?? t('staff.detail.noResponse')}</p>
        </section>
      ) : null}
      {c.evidence ? <p>{t('staff.detail.evidence', { date: formatDateTime(c.evidence.attachedAt, lang) })}</p> : null}

      <h2 className="heading-m">{t('staff.detail.history')}</h2>
      <ol className="timeline">
        {c.history.map((h) => (
          <li className="timeline__item" key={h.id}>
            <p className="timeline__title">{historyLabel(t, h.kind)}</p>
            <p className="muted">
              {formatDateTime(h.at, lang)}{' '}
              {h.actorKind === 'PETUGAS' && h.actorName
                ? t('staff.detail.byOfficer', { name: h.actorName })
                : h.actorKind === 'PELAPOR'
                  ? t('staff.detail.byComplainant')
                  : t('staff.detail.bySystem')}
            </p>
            {h.unit ? <p>{h.unit.name}</p> : null}
            {h.employee ? <p>{h.employee.name}</p> : null}
            {h.note ? (
              <p className="citizen-text">
                {h.note}
                {h.visibleToComplainant ? null : <span className="muted"> ({t('staff.detail.internal')})</span>}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
