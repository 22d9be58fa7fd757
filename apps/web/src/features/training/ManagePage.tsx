import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BERAKHLAK, TRAINING_KINDS, TRAINING_MODES } from '@pantau/domain';
import { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate } from '../../lib/format';
import { useUnits } from '../org/api';
import { useCourses, useCreateCourse, useCreateSession, useExternal, useVerifyExternal, type CourseDto, type ExternalDto } from './api';
import { SelectField, TextArea, fieldError, summaryFrom } from './fields';
import { formatJp, sessionWhen } from './format';
import { SessionStateTag } from './labels';
import { TrainingNav } from './TrainingNav';
import './training.css';

type Kind = (typeof TRAINING_KINDS)[number];
type Mode = (typeof TRAINING_MODES)[number];
type Behaviour = (typeof BERAKHLAK)[number];

/** The admin's page: add trainings and sessions, and verify external training. */
export function ManagePage() {
  const { t } = useTranslation('training');
  const courses = useCourses('', true);
  const external = useExternal('to-verify');
  const managed = courses.data?.courses.filter((c) => c.abilities.manage) ?? [];
  return (
    <>
      <PageHeading title={t('manage.title')} />
      <TrainingNav />
      <section className="section" aria-labelledby="verify-heading">
        <h2 className="heading-m" id="verify-heading">
          {t('manage.verifyHeading')}
        </h2>
        {external.isPending ? <Loading /> : null}
        {external.isError ? <LoadError error={external.error} /> : null}
        {external.data?.length === 0 ? <p className="muted">{t('manage.noneToVerify')}</p> : null}
        <ul className="trn-list">
          {external.data?.map((x) => (
            <VerifyItem key={x.id} x={x} />
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="courses-heading">
        <h2 className="heading-m" id="courses-heading">
          {t('manage.coursesHeading')}
        </h2>
        {courses.isPending ? <Loading /> : null}
        {courses.isError ? <LoadError error={courses.error} onRetry={() => void courses.refetch()} /> : null}
        {courses.data && managed.length === 0 ? <p className="muted">{t('manage.noCourses')}</p> : null}
        <ul className="trn-list">
          {managed.map((c) => (
            <ManagedCourse key={c.id} course={c} />
          ))}
        </ul>
      </section>
      <NewCourse />
    </>
  );
}

function ManagedCourse({ course: c }: { course: CourseDto }) {
  const { t, i18n } = useTranslation('training');
  const [adding, setAdding] = useState(false);
  return (
    <li className="trn-item">
      <h3 className="heading-s trn-item__title">{c.title}</h3>
      <p className="trn-item__meta">
        {t(`kind.${c.kind}`)} · {t('jp.value', { jp: formatJp(c.jp, i18n.language) })} · {c.organiserUnits.map((u) => u.name).join(', ')}
        {c.active ? '' : ` · ${t('manage.inactive')}`}
      </p>
      <ul className="trn-list">
        {c.sessions.map((s) => (
          <li key={s.id} className="trn-suggest">
            <p>
              <Link to={`/pelatihan/sesi/${s.id}`}>{sessionWhen(s, i18n.language)}</Link> <SessionStateTag state={s.state} />
            </p>
            <p className="small">
              {s.place} · {t('session.seatsOf', { left: s.seatsLeft, capacity: s.capacity })}
            </p>
          </li>
        ))}
      </ul>
      {adding ? (
        <NewSession courseId={c.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          {t('manage.addSession')}
        </button>
      )}
    </li>
  );
}

function NewSession({ courseId, onDone }: { courseId: number; onDone: () => void }) {
  const { t } = useTranslation('training');
  const create = useCreateSession();
  const prefix = `s${courseId}`;
  const [v, setV] = useState({ startDate: '', endDate: '', startTime: '08:00', endTime: '16:00', place: '', capacity: '30' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const err = (name: string) => fieldError(create.error, name);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { courseId, body: { ...v, endDate: v.endDate || v.startDate, capacity: Number(v.capacity) } },
          { onSuccess: onDone },
        );
      }}
    >
      <ErrorSummary errors={summaryFrom(create.error, prefix, ['startDate', 'endDate', 'startTime', 'endTime', 'place', 'capacity'])} />
      <TextField id={`${prefix}-startDate`} label={t('manage.startDate')} type="date" required value={v.startDate} error={err('startDate')} onChange={set('startDate')} />
      <TextField id={`${prefix}-endDate`} label={t('manage.endDate')} hint={t('manage.endDateHint')} type="date" value={v.endDate} error={err('endDate')} onChange={set('endDate')} />
      <TextField id={`${prefix}-startTime`} label={t('manage.startTime')} type="time" required value={v.startTime} error={err('startTime')} onChange={set('startTime')} />
      <TextField id={`${prefix}-endTime`} label={t('manage.endTime')} type="time" required value={v.endTime} error={err('endTime')} onChange={set('endTime')} />
      <TextField id={`${prefix}-place`} label={t('manage.place')} required maxLength={200} value={v.place} error={err('place')} onChange={set('place')} />
      <TextField id={`${prefix}-capacity`} label={t('manage.capacity')} type="number" min={1} max={10000} required value={v.capacity} error={err('capacity')} onChange={set('capacity')} />
      <div className="button-group">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('manage.saveSession')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewCourse() {
  const { t } = useTranslation('training');
  const units = useUnits();
  const create = useCreateCourse();
  const opds = (units.data ?? []).filter((u) => u.parentId === null);
  const [v, setV] = useState({ title: '', description: '', kind: 'TEKNIS' as Kind, mode: 'KLASIKAL' as Mode, jp: '', organiser: '', competencies: '' });
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [behaviours, setBehaviours] = useState<Behaviour[]>([]);
  const err = (name: string) => fieldError(create.error, name);
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  return (
    <section className="section" aria-labelledby="new-course-heading">
      <h2 className="heading-m" id="new-course-heading">
        {t('manage.newCourse')}
      </h2>
      {create.isSuccess ? <Notice tone="success" title={t('manage.courseAdded', { title: create.data.course.title })} /> : null}
      <ErrorSummary errors={summaryFrom(create.error, 'course', ['title', 'kind', 'mode', 'jp', 'organiser', 'organiserUnitIds'])} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              title: v.title,
              description: v.description.trim() || null,
              kind: v.kind,
              mode: v.mode,
              jp: Number(v.jp.replace(',', '.')),
              organiser: v.organiser,
              organiserUnitIds: unitIds,
              behaviours,
              competencies: v.competencies.split(',').map((c) => c.trim()).filter(Boolean),
            },
            {
              onSuccess: () => {
                setV({ title: '', description: '', kind: 'TEKNIS', mode: 'KLASIKAL', jp: '', organiser: '', competencies: '' });
                setUnitIds([]);
                setBehaviours([]);
              },
            },
          );
        }}
      >
        <TextField id="course-title" label={t('manage.courseTitle')} required maxLength={200} value={v.title} error={err('title')} onChange={(e) => setV({ ...v, title: e.target.value })} />
        <TextArea id="course-description" label={t('manage.description')} maxLength={2000} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
        <SelectField id="course-kind" label={t('manage.kind')} value={v.kind} onChange={(e) => setV({ ...v, kind: TRAINING_KINDS.find((k) => k === e.target.value) ?? 'TEKNIS' })}>
          {TRAINING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="course-mode" label={t('manage.mode')} value={v.mode} onChange={(e) => setV({ ...v, mode: TRAINING_MODES.find((k) => k === e.target.value) ?? 'KLASIKAL' })}>
          {TRAINING_MODES.map((k) => (
            <option key={k} value={k}>
              {t(`mode.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="course-jp" label={t('manage.jp')} hint={t('manage.jpHint')} inputMode="decimal" required value={v.jp} error={err('jp')} onChange={(e) => setV({ ...v, jp: e.target.value })} />
        <TextField id="course-organiser" label={t('manage.organiser')} hint={t('manage.organiserHint')} required maxLength={200} value={v.organiser} error={err('organiser')} onChange={(e) => setV({ ...v, organiser: e.target.value })} />
        <fieldset className="fieldset field" id="course-organiserUnitIds" tabIndex={-1}>
          <legend className="field__label">{t('manage.units')}</legend>
          <p className="field__hint">{t('manage.unitsHint')}</p>
          {err('organiserUnitIds') ? <p className="field__error">{err('organiserUnitIds')}</p> : null}
          {opds.map((u) => (
            <div className="checkbox" key={u.id}>
              <input id={`unit-${u.id}`} type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds((l) => toggle(l, u.id, e.target.checked))} />
              <label htmlFor={`unit-${u.id}`}>{u.name}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="fieldset field">
          <legend className="field__label">{t('manage.behaviours')}</legend>
          {BERAKHLAK.map((b) => (
            <div className="checkbox" key={b}>
              <input id={`behaviour-${b}`} type="checkbox" checked={behaviours.includes(b)} onChange={(e) => setBehaviours((l) => toggle(l, b, e.target.checked))} />
              <label htmlFor={`behaviour-${b}`}>{t(`behaviour.${b}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextField id="course-competencies" label={t('manage.competencies')} hint={t('manage.competenciesHint')} maxLength={500} value={v.competencies} onChange={(e) => setV({ ...v, competencies: e.target.value })} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('manage.saveCourse')}
        </button>
      </form>
    </section>
  );
}

function VerifyItem({ x }: { x: ExternalDto }) {
  const { t, i18n } = useTranslation('training');
  const verify = useVerifyExternal();
  const [note, setNote] = useState('');
  const noteId = `verify-note-${x.id}`;
  const error = verify.error instanceof ApiError ? (verify.error.fields[0]?.message ?? verify.error.message) : undefined;
  return (
    <li className="trn-item">
      <p className="trn-item__title">
        {x.employee.name} · {x.title}
      </p>
      <p className="trn-item__meta">
        {x.organiser} · {formatDate(x.startDate, i18n.language)}
        {x.endDate !== x.startDate ? ` – ${formatDate(x.endDate, i18n.language)}` : ''} · {t('jp.value', { jp: formatJp(x.jp, i18n.language) })}
      </p>
      <p>
        <a href={x.certificate.url}>{t('manage.openCertificate')}</a>
      </p>
      {x.abilities.verify ? (
        <>
          <TextField id={noteId} label={t('manage.verifyNote')} maxLength={500} value={note} error={error} onChange={(e) => setNote(e.target.value)} />
          <div className="button-group">
            <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate({ id: x.id, decision: 'VERIFIED', note: note.trim() || undefined })}>
              {t('manage.verify')}
            </button>
            <button type="button" className="button button--warning" disabled={verify.isPending} onClick={() => verify.mutate({ id: x.id, decision: 'REJECTED', note: note.trim() || undefined })}>
              {t('manage.reject')}
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}
