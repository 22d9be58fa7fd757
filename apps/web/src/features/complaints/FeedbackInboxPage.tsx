import { ComplaintStatus } from '@pantau/contracts';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { FilterActions, PagedResults } from '../../components/ui/Pager';
import { pageFromParams } from '../../components/ui/paging';
import { TableWrap } from '../../components/ui/TableWrap';
import { formatDate } from '../../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import '../public/feedback.css';
import { AlertList } from './AlertList';
import { useAlerts, useComplaints, type ComplaintSummary } from './api';
import { categoryLabelOf } from './labels';
import { SlaText } from './SlaText';
import { useFeedbackEvents, type FeedbackEvent } from './live';
import { NS } from './namespace';

const PAGE_SIZE = 20;

/**
 * The supervisor's page for citizen feedback: first what waits for their follow-up (live, through
 * /api/events), then every complaint they may see, with filters. Staff named in a complaint never
 * see it here, and nobody sees who complained.
 */
export function FeedbackInboxPage() {
  const { t } = useTranslation(NS);
  const [announcement, setAnnouncement] = useState('');
  const alerts = useAlerts();
  // Alerts present when the page opened; anything after that is marked as new.
  const [seen, setSeen] = useState<ReadonlySet<number> | null>(null);
  if (seen === null && alerts.data) setSeen(new Set(alerts.data.alerts.map((a) => a.id)));

  const onEvent = useCallback(
    (event: FeedbackEvent) => {
      const unit = typeof event.payload.unitName === 'string' ? event.payload.unitName : '';
      const category = typeof event.payload.category === 'string' ? categoryLabelOf(t, event.payload.category) : '';
      if (event.type === 'complaint.received') setAnnouncement(t('staff.live.newComplaint', { category, unit }));
      else if (event.type === 'survey.low_score') setAnnouncement(t('staff.live.lowScore', { unit }));
      else setAnnouncement(t('staff.live.other'));
    },
    [t],
  );
  const connected = useFeedbackEvents(onEvent);

  return (
    <>
      <PageHeading title={t('staff.title')} />
      <p className="lead">{t('staff.lead')}</p>
      <p className={connected ? 'live-status live-status--on' : 'live-status'}>
        <span className="live-status__dot" aria-hidden="true" />
        {connected ? t('staff.live.on') : t('staff.live.off')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <AlertList seen={seen} />
      <ComplaintList />
    </>
  );
}

function ComplaintList() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const statusParam = ComplaintStatus.safeParse(params.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const overdue = params.get('terlambat') === '1';
  const q = params.get('q')?.trim() ?? '';
  const page = pageFromParams(params);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const list = useComplaints({ status, overdue, q: q || undefined, page, pageSize: PAGE_SIZE });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const s = String(form.get('status') ?? '');
    const text = String(form.get('q') ?? '').trim();
    if (s) next.set('status', s);
    if (form.get('terlambat') === '1') next.set('terlambat', '1');
    if (text) next.set('q', text);
    setParams(next);
  };

  return (
    <section aria-labelledby="complaints-title" className="section">
      <h2 className="heading-l" id="complaints-title">
        {t('staff.list.title')}
      </h2>
      <form className="filters" role="search" aria-label={t('staff.list.filters')} onSubmit={onSubmit} key={params.toString()}>
        <div className="field">
          <label className="field__label" htmlFor="complaint-status">
            {t('staff.list.status')}
          </label>
          <select id="complaint-status" name="status" className="select" defaultValue={status ?? ''}>
            <option value="">{t('staff.list.allStatuses')}</option>
            {ComplaintStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="complaint-q">
            {t('staff.list.q')}
          </label>
          <input id="complaint-q" name="q" type="search" className="input" defaultValue={q} autoComplete="off" />
        </div>
        <div className="field">
          <div className="checkbox">
            <input id="complaint-overdue" name="terlambat" type="checkbox" value="1" defaultChecked={overdue} />
            <label htmlFor="complaint-overdue">{t('staff.list.overdue')}</label>
          </div>
        </div>
        <FilterActions submit={t('staff.list.submit')} reset={t('staff.list.reset')} resetTo="/umpan-balik" filtered={Boolean(status || overdue || q)} />
      </form>
      <PagedResults
        query={list}
        empty={t('staff.list.empty')}
        showing={(range) => t('staff.list.showing', range)}
        pagerLabel={t('staff.list.pagination')}
        hasRows={(data) => data.complaints.length > 0}
      >
        {(data) => (isDesktop ? <ComplaintTable complaints={data.complaints} /> : <ComplaintCards complaints={data.complaints} />)}
      </PagedResults>
    </section>
  );
}

function PrivacyBadges({ complaint }: { complaint: ComplaintSummary }) {
  const { t } = useTranslation(NS);
  return complaint.anonymous ? <span className="badge">{t('staff.anonim')}</span> : null;
}

function ComplaintCards({ complaints }: { complaints: readonly ComplaintSummary[] }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <ul className="cards" aria-label={t('staff.list.caption')}>
      {complaints.map((c) => (
        <li className="card card--link" key={c.id}>
          <Link className="card__title" to={`/umpan-balik/pengaduan/${c.id}`}>
            {categoryLabelOf(t, c.category)}
          </Link>
          <p>
            <span className={`status-tag status-tag--${c.status}`}>{t(`status.${c.status}`)}</span> <SlaText complaint={c} />{' '}
            <PrivacyBadges complaint={c} />
          </p>
          <p className="citizen-text">{c.excerpt}</p>
          <p className="card__meta">
            <span className="nip">{c.trackingCode}</span> · {c.servicePoint?.name ?? c.unit.name} · {formatDate(c.receivedAt, i18n.language)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ComplaintTable({ complaints }: { complaints: readonly ComplaintSummary[] }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <TableWrap label={t('staff.list.caption')}>
      <table className="table">
        <caption className="visually-hidden">{t('staff.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.list.columns.category')}</th>
            <th scope="col">{t('staff.list.columns.status')}</th>
            <th scope="col">{t('staff.list.columns.unit')}</th>
            <th scope="col">{t('staff.list.columns.received')}</th>
            <th scope="col">{t('staff.list.columns.due')}</th>
            <th scope="col">{t('staff.list.columns.code')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/umpan-balik/pengaduan/${c.id}`}>{categoryLabelOf(t, c.category)}</Link>
                <br />
                <span className="muted small">{c.excerpt}</span>
              </th>
              <td>
                <span className={`status-tag status-tag--${c.status}`}>{t(`status.${c.status}`)}</span> <PrivacyBadges complaint={c} />
              </td>
              <td>{c.servicePoint ? `${c.servicePoint.name} · ${c.unit.name}` : c.unit.name}</td>
              <td className="nowrap">{formatDate(c.receivedAt, i18n.language)}</td>
              <td>
                <SlaText complaint={c} />
              </td>
              <td className="nip">{c.trackingCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
