import type { DailyReportDto } from '@pantau/contracts';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastSegment } from '../../api/client';
import { formatDateTime, todayIso } from '../../lib/format';
import { backgroundSyncReady } from '../../pwa/background-sync';
import { useOnline } from '../../pwa/online';
import { ActivityCard } from './ActivityCard';
import { ActivityForm } from './ActivityForm';
import { useSkpOptions, useTemplates, type ActivityTemplate } from './api';
import { formatDuration } from './duration';
import { activityDuration, fromDto, minutesToTime, newLocalId, timeToMinutes, type LocalActivity } from './model';
import { dayGroup, dayOutbox, useOutboxEntries, useSendingId, type DayEntry } from './outbox';
import { loadFormDraft, saveFormDraft } from './form-draft';
import { nowTimeWib } from './time';
import type { ActivityFormValues, ActivityValue } from './validate';

type FormState = { mode: 'add' } | { mode: 'edit'; index: number } | null;

export interface DayEditorProps {
  date: string;
  /** The server's report of the day, when there is one. */
  report: DailyReportDto | null;
  /**
   * What the day list says about the report (null: none yet; undefined: not known). When a
   * report exists but its details could not be loaded (no connection), the day is read-only:
   * saving a partial list would replace the activities already on the server.
   */
  summary?: { status: DailyReportDto['status']; totalMinutes: number } | null | undefined;
  normMinutes: number | null;
}

/**
 * The day's report as the employee works on it. Every change is saved as a draft through the
 * outbox (so it is kept on the phone without a connection); "Kirim ke atasan" queues the
 * submission with its own idempotency key. What is shown is the newest of: the day's latest
 * outbox entry, else the server's report.
 */
export function DayEditor({ date, report, summary, normMinutes }: DayEditorProps) {
  const { t, i18n } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const online = useOnline();
  const entries = useOutboxEntries();
  const sendingId = useSendingId();
  const templates = useTemplates();
  const skp = useSkpOptions(date);
  // A form that was open when the phone reloaded the page opens again with what was typed.
  const [restored, setRestored] = useState(() => loadFormDraft(date));
  const [form, setForm] = useState<FormState>(() =>
    restored ? (restored.mode === 'edit' && restored.index !== null ? { mode: 'edit', index: restored.index } : { mode: 'add' }) : null,
  );
  const onDraft = useCallback(
    (values: ActivityFormValues) => {
      if (form) saveFormDraft(date, { mode: form.mode, index: form.mode === 'edit' ? form.index : null, values });
    },
    [date, form],
  );
  const closeForm = () => {
    saveFormDraft(date, null);
    setRestored(null);
    setForm(null);
  };
  const [announcement, setAnnouncement] = useState('');
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const mine = entries.filter((e) => e.group === dayGroup(date));
  const latest: DayEntry | null = mine[mine.length - 1] ?? null;
  const activities: LocalActivity[] = latest ? latest.payload.activities : report ? report.activities.map(fromDto) : [];
  const waitingSubmit = latest !== null && latest.state === 'pending' && latest.payload.submit;
  const detailsMissing = report === null && summary !== null && summary !== undefined && !latest;
  const editable = (report ? report.abilities.edit : true) && !waitingSubmit && !detailsMissing;
  const reportId = report?.id ?? latest?.payload.reportId ?? null;
  const total = activities.reduce((s, a) => s + activityDuration(a), 0);
  const norm = normMinutes ?? report?.normMinutes ?? null;
  const returnedDay = report?.status === 'RETURNED';

  const save = (list: LocalActivity[], submit: boolean) => {
    setSubmitProblem(null);
    void dayOutbox.enqueue(dayGroup(date), { date, reportId, activities: list, submit });
  };

  const lastEnd = activities.reduce<string | null>((end, a) => (a.endTime && (!end || a.endTime > end) ? a.endTime : end), null);
  const units = [...new Set([...activities.map((a) => a.outputUnit), ...(templates.data ?? []).map((x) => x.outputUnit)].filter((u): u is string => Boolean(u)))];

  const initialValues = (): ActivityFormValues => {
    if (restored && restored.mode === form?.mode) return restored.values;
    if (form?.mode === 'edit') {
      const a = activities[form.index];
      if (a) {
        return {
          description: a.description,
          timeMode: a.startTime ? 'range' : 'minutes',
          startTime: a.startTime ?? '',
          endTime: a.endTime ?? '',
          minutes: a.minutes === null ? '' : String(a.minutes),
          outputQuantity: a.outputQuantity === null ? '' : String(a.outputQuantity),
          outputUnit: a.outputUnit ?? '',
          link: a.rhkId === null ? '' : `${a.rhkId}:${a.indicatorId ?? ''}`,
          evidence: a.evidence,
        };
      }
    }
    // Sensible defaults: from where the last activity ended (or an hour ago) until now.
    const isToday = date === todayIso();
    const now = nowTimeWib();
    const start = lastEnd ?? (isToday ? minutesToTime(Math.max(0, timeToMinutes(now) - 60)) : '07:30');
    let end = isToday ? now : minutesToTime(timeToMinutes(start) + 60);
    if (timeToMinutes(end) <= timeToMinutes(start)) end = minutesToTime(timeToMinutes(start) + 60);
    const last = activities[activities.length - 1];
    return {
      description: '',
      timeMode: 'range',
      startTime: start,
      endTime: end,
      minutes: '',
      outputQuantity: '',
      outputUnit: last?.outputUnit ?? units[0] ?? '',
      link: last && last.rhkId !== null ? `${last.rhkId}:${last.indicatorId ?? ''}` : '',
      evidence: [],
    };
  };

  const onSave = (value: ActivityValue) => {
    if (form?.mode === 'edit') {
      const list = activities.map((a, i) => (i === form.index ? { ...a, ...value } : a));
      save(list, false);
      setAnnouncement(t('announce.changed', { description: value.description }));
    } else {
      const fresh: LocalActivity = { localId: newLocalId(), id: null, status: null, note: null, ...value };
      save([...activities, fresh], false);
      setAnnouncement(t('announce.added', { description: value.description }));
    }
    closeForm();
    requestAnimationFrame(() => addButtonRef.current?.focus());
  };

  const addFromTemplate = (tpl: ActivityTemplate) => {
    const fresh = fromTemplate(tpl, activities);
    save([...activities, fresh], false);
    setAnnouncement(t('announce.added', { description: tpl.description }));
  };

  const remove = (index: number) => {
    const removed = activities[index];
    save(
      activities.filter((_, i) => i !== index),
      false,
    );
    setAnnouncement(t('announce.removed', { description: removed?.description ?? '' }));
    requestAnimationFrame(() => addButtonRef.current?.focus());
  };

  const submitDay = () => {
    if (activities.length === 0) {
      setSubmitProblem(t('problem.NO_ACTIVITIES'));
      return;
    }
    save(activities, true);
    setAnnouncement(online ? t('announce.sending') : t('announce.queued'));
  };

  // Server problems of a refused entry, by activity number.
  const failed = latest?.state === 'failed' ? latest : null;
  const problemFor = (index: number): string | undefined => {
    const f = failed?.error?.fields.find((x) => x.path.split('.').includes('activities') && x.path.split('.')[x.path.split('.').indexOf('activities') + 1] === String(index));
    return f?.message;
  };
  const dayProblems = failed?.error?.fields.filter((f) => !/activities\.\d+/.test(f.path)) ?? [];

  const tplList = (templates.data ?? []).filter((tpl) => !activities.some((a) => a.description === tpl.description)).slice(0, 6);

  return (
    <>
      <div aria-live="polite" className="day-status">
        <DayStatus report={report} latest={latest} sending={latest !== null && sendingId === latest.id} online={online} />
        {detailsMissing ? (
          <div className="notice notice--info">
            <p className="notice__title">{t(`status.${summary.status}`)}</p>
            <p>{t('state.detailsOffline', { total: formatDuration(tc, summary.totalMinutes) })}</p>
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      {failed && failed.error ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('state.failedTitle')}</p>
          <p>{failed.error.message}</p>
          {dayProblems.length > 0 ? (
            <ul>
              {dayProblems.map((f) => (
                <li key={f.path + f.code}>{f.message || lastSegment(f.path)}</li>
              ))}
            </ul>
          ) : null}
          <p>{t('state.failedHelp')}</p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => save(failed.payload.activities, failed.payload.submit)}>
              {t('state.retry')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void dayOutbox.discard(failed.id)}>
              {t('state.discard')}
            </button>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="activities-title" className="section" hidden={detailsMissing}>
        <h2 className="heading-m" id="activities-title">
          {t('list.title')}
        </h2>
        <Progress total={total} norm={norm} />
        {activities.length === 0 ? <p className="muted">{t('list.empty')}</p> : null}
        {activities.length > 0 ? (
          <ol className="activities">
            {activities.map((a, i) => {
              const canChange = editable && a.status !== 'VERIFIED' && form === null;
              return (
                <ActivityCard
                  key={a.localId}
                  activity={a}
                  number={i + 1}
                  skp={skp.data}
                  dayNote={report?.returnNote ?? null}
                  problem={problemFor(i)}
                  onEdit={canChange ? () => setForm({ mode: 'edit', index: i }) : undefined}
                  onRemove={canChange ? () => remove(i) : undefined}
                />
              );
            })}
          </ol>
        ) : null}

        {editable && form === null ? (
          <>
            <button ref={addButtonRef} type="button" className="button button--big button--wide button--add" onClick={() => setForm({ mode: 'add' })}>
              {t('list.add')}
            </button>
            {tplList.length > 0 ? (
              <div className="templates">
                <h3 className="heading-s">{t('templates.title')}</h3>
                <p className="small muted">{t('templates.hint')}</p>
                <ul className="templates__list">
                  {tplList.map((tpl) => (
                    <li key={tpl.description}>
                      <button type="button" className="template" onClick={() => addFromTemplate(tpl)}>
                        <span className="template__plus" aria-hidden="true">
                          +
                        </span>
                        <span className="template__text">
                          {tpl.description}
                          <span className="template__meta">{formatDuration(tc, tpl.minutes)}</span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
        {editable && form !== null ? (
          <ActivityForm
            key={form.mode === 'edit' ? `edit-${form.index}` : 'add'}
            mode={form.mode}
            initial={initialValues()}
            others={activities.filter((_, i) => form.mode !== 'edit' || i !== form.index)}
            skp={skp}
            unitSuggestions={units}
            onSave={onSave}
            onDraft={onDraft}
            onCancel={() => {
              closeForm();
              requestAnimationFrame(() => addButtonRef.current?.focus());
            }}
          />
        ) : null}
      </section>

      {editable && form === null ? (
        <section aria-labelledby="send-title" className="section send-box">
          <h2 className="heading-m" id="send-title">
            {returnedDay ? t('send.titleAgain') : t('send.title')}
          </h2>
          <p>{t('send.body')}</p>
          {submitProblem ? (
            <p className="field__error" role="alert">
              {submitProblem}
            </p>
          ) : null}
          <button type="button" className="button button--big button--wide" onClick={submitDay} disabled={waitingSubmit}>
            {returnedDay ? t('send.submitAgain') : t('send.submit')}
          </button>
          <p className="small muted">{online ? t('send.autosave') : t('send.offlineNote')}</p>
        </section>
      ) : null}
      {report?.submittedAt && !latest ? (
        <p className="small muted">{t('state.submittedAt', { time: formatDateTime(report.submittedAt, i18n.language) })}</p>
      ) : null}
    </>
  );
}

function Progress({ total, norm }: { total: number; norm: number | null }) {
  const { t } = useTranslation('dailyReports');
  const { t: tc } = useTranslation();
  const share = norm && norm > 0 ? Math.min(1, total / norm) : null;
  return (
    <div className="progress">
      <p className="progress__text">
        {norm && norm > 0
          ? t('list.totalOfNorm', { total: formatDuration(tc, total), norm: formatDuration(tc, norm) })
          : t('list.total', { total: formatDuration(tc, total) })}
      </p>
      {share !== null ? (
        <div className="bar" aria-hidden="true">
          <div className="bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
    </div>
  );
}

function DayStatus({ report, latest, sending, online }: { report: DailyReportDto | null; latest: DayEntry | null; sending: boolean; online: boolean }) {
  const { t, i18n } = useTranslation('dailyReports');
  if (latest && latest.state === 'pending') {
    if (sending) {
      return (
        <div className="notice notice--info">
          <p className="notice__title">{t('state.sending')}</p>
        </div>
      );
    }
    return (
      <div className="notice notice--warning queued">
        <p className="notice__title">
          <span className="tag tag--queued">{t('status.QUEUED')}</span>
        </p>
        <p>{latest.payload.submit ? t('state.queuedSubmit') : t('state.queuedDraft')}</p>
        {online ? (
          <button type="button" className="button button--secondary" onClick={() => void dayOutbox.flush()}>
            {t('state.sendNow')}
          </button>
        ) : (
          <p className="small">{backgroundSyncReady() ? t('state.queuedOfflineBackground') : t('state.queuedOffline')}</p>
        )}
      </div>
    );
  }
  if (!report || latest) return null;
  const name = report.verifier?.name ?? report.decidedBy?.name ?? t('state.yourSupervisor');
  if (report.status === 'DRAFT') {
    return (
      <div className="notice notice--info">
        <p className="notice__title">{t('state.draftTitle')}</p>
        <p>{t('state.draftBody')}</p>
      </div>
    );
  }
  if (report.status === 'SUBMITTED') {
    return (
      <div className="notice notice--success">
        <p className="notice__title">{t('state.submittedTitle')}</p>
        <p>{t('state.submittedBody', { name })}</p>
      </div>
    );
  }
  if (report.status === 'VERIFIED') {
    return (
      <div className="notice notice--success">
        <p className="notice__title">{t('state.verifiedTitle')}</p>
        <p>
          {t('state.verifiedBody', {
            name: report.decidedBy?.name ?? name,
            time: report.decidedAt ? formatDateTime(report.decidedAt, i18n.language) : '',
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error returned">
      <p className="notice__title">{t('state.returnedTitle', { name: report.decidedBy?.name ?? name })}</p>
      {report.returnNote ? (
        <blockquote className="return-note">
          <p className="return-note__label">{t('state.returnNoteLabel')}</p>
          <p>{report.returnNote}</p>
        </blockquote>
      ) : null}
      <p>{t('state.returnedHelp')}</p>
    </div>
  );
}

/** A recent activity reused with one tap: its times when they still fit the day, else its length. */
function fromTemplate(tpl: ActivityTemplate, day: readonly LocalActivity[]): LocalActivity {
  const base = {
    localId: newLocalId(),
    id: null,
    status: null,
    note: null,
    description: tpl.description,
    rhkId: tpl.rhkId,
    indicatorId: tpl.indicatorId,
    outputQuantity: tpl.outputQuantity,
    outputUnit: tpl.outputUnit,
    evidence: [],
  };
  const spans = day.filter((a) => a.startTime && a.endTime).map((a) => [timeToMinutes(a.startTime ?? ''), timeToMinutes(a.endTime ?? '')] as const);
  const fits = (from: number, to: number) => to <= 24 * 60 - 1 && spans.every(([s, e]) => to <= s || from >= e);
  if (tpl.startTime && tpl.endTime) {
    const from = timeToMinutes(tpl.startTime);
    const to = timeToMinutes(tpl.endTime);
    if (fits(from, to)) return { ...base, startTime: tpl.startTime, endTime: tpl.endTime, minutes: null };
    const after = Math.max(...spans.map(([, e]) => e));
    if (fits(after, after + (to - from))) {
      return { ...base, startTime: minutesToTime(after), endTime: minutesToTime(after + (to - from)), minutes: null };
    }
  }
  return { ...base, startTime: null, endTime: null, minutes: tpl.minutes };
}
