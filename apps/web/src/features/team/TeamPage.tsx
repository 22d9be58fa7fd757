import type { DailyReportSummary, SupervisionAlert, TeamMember } from '@pantau/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../../lib/format';
import { useMe } from '../auth/api';
import { usePendingVerifications } from '../daily-reports/api';
import { formatDuration } from '../daily-reports/duration';
import { StatusTag } from '../daily-reports/StatusTag';
import { formatClock, formatDayLong, formatDayShort } from '../daily-reports/time';
import { useLiveEvents, useLiveStatus, type LiveEvent } from '../notifications/live-events';
import { useTeamToday } from './api';
import type { TeamScope } from './keys';
import { ReviewPanel } from './ReviewPanel';
import { SupervisionForm, type SupervisionKind } from './SupervisionForm';
import '../daily-reports/daily-reports.css';
import './team.css';

type Acting = { employeeId: number; kind: SupervisionKind; alertKind: SupervisionAlert['kind'] | undefined } | null;

/** "Tim saya": who needs me now, who has reported today, and what to do about alerts. Live. */
export function TeamPage() {
  const { t, i18n } = useTranslation('team');
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState<TeamScope>('direct');
  const me = useMe();
  // Admins without the ATASAN role come here only for the days of people at the top of the chain
  // (no atasan on the date, decision 0005): the pending list, no team.
  const supervisor = me.data?.roles.includes('ATASAN') ?? false;
  const team = useTeamToday(scope, supervisor);
  const pending = usePendingVerifications(true);
  const live = useLiveStatus();
  const opened = Number(params.get('periksa')) || null;
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [liveMessage, setLiveMessage] = useState('');
  const [doneMessage, setDoneMessage] = useState('');
  const [acting, setActing] = useState<Acting>(null);
  const pendingHeading = useRef<HTMLHeadingElement>(null);
  const names = useRef(new Map<number, string>());
  for (const m of team.data?.members ?? []) names.current.set(m.employeeId, m.name);
  for (const r of pending.data ?? []) names.current.set(r.employee.id, r.employee.name);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (!event.type.startsWith('daily_report.')) return;
      const employeeId = typeof event.payload.employeeId === 'number' ? event.payload.employeeId : null;
      const date = typeof event.payload.date === 'string' ? event.payload.date : null;
      const name = employeeId !== null ? names.current.get(employeeId) : undefined;
      const time = formatClock(new Date(), i18n.language);
      setUpdatedAt(time);
      if (event.type === 'daily_report.submitted' && name && date) {
        setLiveMessage(t('live.submitted', { name, date: formatDayShort(date, i18n.language), time }));
      } else {
        setLiveMessage(t('live.updated', { time }));
      }
      if (employeeId !== null) {
        setFresh((s) => new Set([...s, employeeId]));
        setTimeout(() => setFresh((s) => new Set([...s].filter((id) => id !== employeeId))), 8000);
      }
    },
    [i18n.language, t],
  );
  useLiveEvents(onEvent);

  const open = (id: number | null) => {
    setParams(id === null ? {} : { periksa: String(id) }, { replace: true });
  };
  const onReviewed = (message: string) => {
    setDoneMessage(message);
    open(null);
    requestAnimationFrame(() => pendingHeading.current?.focus());
  };

  const members = team.data?.members ?? [];
  const withAlerts = members.filter((m) => m.alerts.length > 0);
  const notReported = members.filter((m) => m.today === null || m.today.status === 'DRAFT');
  const reported = members.filter((m) => m.today !== null && m.today.status !== 'DRAFT');

  return (
    <>
      <PageHeading title={t('title')} />
      <p className="lead">{formatDayLong(todayIso(), i18n.language)}</p>
      <div className="live-bar">
        <span className={`live-dot live-dot--${live}`} aria-hidden="true" />
        <span>{t(`live.status.${live}`)}</span>
        {updatedAt ? <span className="live-bar__updated">{t('live.updatedShort', { time: updatedAt })}</span> : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {liveMessage}
      </p>
      {doneMessage ? <Notice tone="success" title={doneMessage} /> : null}

      {team.data ? (
        <dl className="stats team-stats">
          <div className="stats__item">
            <dt>{t('summary.pending')}</dt>
            <dd>{formatNumber(pending.data?.length ?? team.data.summary.pendingVerifications, i18n.language)}</dd>
          </div>
          <div className="stats__item">
            <dt>{t('summary.reportedToday')}</dt>
            <dd>
              {t('summary.ofMembers', {
                reported: formatNumber(team.data.summary.reportedToday, i18n.language),
                members: formatNumber(team.data.summary.members, i18n.language),
              })}
            </dd>
          </div>
          <div className="stats__item stats__item--leaving">
            <dt>{t('summary.withAlerts')}</dt>
            <dd>{formatNumber(team.data.summary.withAlerts, i18n.language)}</dd>
          </div>
        </dl>
      ) : null}

      {!supervisor && me.data ? <p className="lead">{t('topOfChain')}</p> : null}
      <section aria-labelledby="pending-title" className="section">
        <h2 className="heading-l" id="pending-title" ref={pendingHeading} tabIndex={-1}>
          {t('pending.title')}
        </h2>
        {pending.isPending ? <Loading /> : null}
        {pending.isError ? <LoadError error={pending.error} onRetry={() => void pending.refetch()} /> : null}
        {pending.data && pending.data.length === 0 ? <p>{t('pending.empty')}</p> : null}
        {pending.data && pending.data.length > 0 ? (
          <ul className="pending-list">
            {pending.data.map((r) => (
              <PendingItem
                key={r.id}
                r={r}
                isNew={fresh.has(r.employee.id)}
                expanded={opened === r.id}
                onToggle={() => open(opened === r.id ? null : r.id)}
                onDone={onReviewed}
              />
            ))}
          </ul>
        ) : null}
      </section>

      {supervisor ? (
        <>
      <p className="scope-label" aria-hidden="true">
        {t('scope.label')}
      </p>
      <div className="segmented scope-switch" role="group" aria-label={t('scope.label')}>
        <button type="button" aria-pressed={scope === 'direct'} onClick={() => setScope('direct')}>
          {t('scope.direct')}
        </button>
        <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
          {t('scope.all')}
        </button>
      </div>
      {team.isPending ? <Loading /> : null}
      {team.isError ? <LoadError error={team.error} onRetry={() => void team.refetch()} /> : null}

      {team.data && withAlerts.length > 0 ? (
        <section aria-labelledby="alerts-title" className="section">
          <h2 className="heading-l" id="alerts-title">
            {t('alerts.title')}
          </h2>
          <ul className="member-list">
            {withAlerts.map((m) => (
              <li key={m.employeeId} className="member member--alert">
                <MemberHead m={m} />
                <ul className="alert-list">
                  {m.alerts.map((a) => (
                    <li key={a.kind}>
                      <AlertText alert={a} />
                    </li>
                  ))}
                </ul>
                {acting?.employeeId === m.employeeId ? (
                  <SupervisionForm
                    employeeId={m.employeeId}
                    name={m.name}
                    initialKind={acting.kind}
                    alertKind={acting.alertKind}
                    onCancel={() => setActing(null)}
                    onDone={(message) => {
                      setActing(null);
                      setDoneMessage(message);
                    }}
                  />
                ) : (
                  <div className="member__actions">
                    {(['NOTE', 'PEMBINAAN', 'DIALOG_KINERJA'] as const).map((kind) => (
                      <button
                        key={kind}
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setActing({ employeeId: m.employeeId, kind, alertKind: m.alerts[0]?.kind })}
                      >
                        {t(`alerts.act.${kind}`)}
                        <span className="visually-hidden"> {t('alerts.for', { name: m.name })}</span>
                      </button>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {team.data ? (
        <section aria-labelledby="today-title" className="section">
          <h2 className="heading-l" id="today-title">
            {t('today.title')}
          </h2>
          {!team.data.isWorkingDay ? <p>{t('today.notWorkingDay')}</p> : null}
          {members.length === 0 ? <p>{t('today.noMembers')}</p> : null}
          {notReported.length > 0 ? (
            <>
              <h3 className="heading-s">{t('today.notReported', { count: notReported.length })}</h3>
              <ul className="member-list">
                {notReported.map((m) => (
                  <MemberRow key={m.employeeId} m={m} normMinutes={team.data.normMinutes} monthNorm={team.data.monthNormMinutes} isNew={fresh.has(m.employeeId)} />
                ))}
              </ul>
            </>
          ) : null}
          {reported.length > 0 ? (
            <>
              <h3 className="heading-s">{t('today.reported', { count: reported.length })}</h3>
              <ul className="member-list">
                {reported.map((m) => (
                  <MemberRow key={m.employeeId} m={m} normMinutes={team.data.normMinutes} monthNorm={team.data.monthNormMinutes} isNew={fresh.has(m.employeeId)} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
        </>
      ) : null}
    </>
  );
}

function PendingItem({
  r,
  isNew,
  expanded,
  onToggle,
  onDone,
}: {
  r: DailyReportSummary;
  isNew: boolean;
  expanded: boolean;
  onToggle: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  const panelId = `review-${r.id}`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (expanded) buttonRef.current?.scrollIntoView({ block: 'start' });
  }, [expanded]);
  return (
    <li className={isNew ? 'pending pending--new' : 'pending'}>
      <p className="pending__who">
        {r.employee.name}
        {isNew ? <span className="tag tag--new">{t('pending.new')}</span> : null}
      </p>
      <p className="pending__meta">
        {t('pending.meta', {
          date: formatDayShort(r.date, i18n.language),
          duration: formatDuration(tc, r.totalMinutes),
          count: r.activityCount,
        })}
      </p>
      {r.submittedAt ? <p className="small muted">{t('pending.sent', { time: formatDateTime(r.submittedAt, i18n.language) })}</p> : null}
      <button ref={buttonRef} type="button" className="button button--small" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
        {expanded ? t('pending.close') : t('pending.open')}
        <span className="visually-hidden"> {t('pending.openOf', { name: r.employee.name, date: formatDayShort(r.date, i18n.language) })}</span>
      </button>
      <div id={panelId} hidden={!expanded}>
        {expanded ? <ReviewPanel reportId={r.id} onDone={onDone} /> : null}
      </div>
    </li>
  );
}

function MemberHead({ m }: { m: TeamMember }) {
  return (
    <>
      <p className="member__name">{m.name}</p>
      {m.positionName ? <p className="member__position">{m.positionName}</p> : null}
    </>
  );
}

function MemberRow({ m, normMinutes, monthNorm, isNew }: { m: TeamMember; normMinutes: number; monthNorm: number; isNew: boolean }) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  const minutes = m.today?.totalMinutes ?? 0;
  const share = normMinutes > 0 ? Math.min(1, minutes / normMinutes) : 0;
  return (
    <li className={isNew ? 'member member--new' : 'member'}>
      <MemberHead m={m} />
      <p className="member__today">
        {m.today ? <StatusTag status={m.today.status} /> : <StatusTag status="NONE" />}{' '}
        {normMinutes > 0 ? t('today.minutes', { minutes: formatDuration(tc, minutes), norm: formatDuration(tc, normMinutes) }) : null}
      </p>
      {normMinutes > 0 ? (
        <div className="bar" aria-hidden="true">
          <div className="bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
      <p className="small muted">
        {monthNorm > 0
          ? t('today.month', { minutes: formatDuration(tc, m.monthMinutes), norm: formatDuration(tc, monthNorm) })
          : null}
        {m.lastReportedDate ? ` ${t('today.last', { date: formatDate(m.lastReportedDate, i18n.language) })}` : ''}
      </p>
    </li>
  );
}

function AlertText({ alert }: { alert: SupervisionAlert }) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  if (alert.kind === 'NO_REPORT') {
    return alert.since === null ? (
      <>{t('alerts.neverReported')}</>
    ) : (
      <>{t('alerts.noReport', { count: alert.workingDays, date: formatDate(alert.since, i18n.language) })}</>
    );
  }
  if (alert.kind === 'RETURNED_NOT_FIXED') {
    return <>{t('alerts.returnedNotFixed', { count: alert.workingDays, date: formatDate(alert.date, i18n.language) })}</>;
  }
  return (
    <>
      {t('alerts.behind', {
        percent: formatNumber(Math.round(alert.ratio * 100), i18n.language),
        minutes: formatDuration(tc, alert.minutes),
        norm: formatDuration(tc, alert.normMinutes),
      })}
    </>
  );
}
