import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { formatDate } from '../../lib/format';
import { useCancelCourse, useCourses, useCreateCourse, useCreateSession, useExternal, useUpdateCourse, useVerifyExternal, type CourseDto, type ExternalDto } from './api';
import { CourseForm } from './CourseForm';
import { SessionForm } from './SessionForm';
import { formatJp, sessionWhen } from './format';
import { SessionStateTag } from './labels';
import { TrainingNav } from './TrainingNav';
import './training.css';

/** The admin's page: add, change and withdraw trainings, add sessions, and verify external training. */
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
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw'>('view');
  const update = useUpdateCourse();
  const withdraw = useCancelCourse();
  const upcoming = c.sessions.filter((s) => s.state === 'UPCOMING');
  if (mode === 'edit') {
    return (
      <li className="trn-item">
        <h3 className="heading-s trn-item__title">{t('manage.editHeading', { title: c.title })}</h3>
        <CourseForm
          prefix={`edit-${c.id}`}
          course={c}
          error={update.error}
          pending={update.isPending}
          submitLabel={t('manage.saveChanges')}
          onSubmit={(body) => update.mutate({ id: c.id, body }, { onSuccess: () => setMode('view') })}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }
  return (
    <li className={c.active ? 'trn-item' : 'trn-item trn-item--closed'}>
      <h3 className="heading-s trn-item__title">{c.title}</h3>
      <p className="trn-item__meta">
        {t(`kind.${c.kind}`)} · {t('jp.value', { jp: formatJp(c.jp, i18n.language) })} · {c.organiserUnits.map((u) => u.name).join(', ')}
        {c.active ? '' : ` · ${t('manage.inactive')}`}
      </p>
      {update.isSuccess ? <p role="status">{t('manage.changesSaved')}</p> : null}
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
      {mode === 'withdraw' ? (
        <div className="trn-confirm" role="group" aria-labelledby={`withdraw-${c.id}`}>
          <p id={`withdraw-${c.id}`}>
            <strong>{t('manage.withdrawQuestion', { title: c.title })}</strong>
          </p>
          <p>{upcoming.length > 0 ? t('manage.withdrawEffect', { count: upcoming.length }) : t('manage.withdrawNoSessions')}</p>
          {withdraw.error instanceof ApiError ? (
            <p className="field__error" role="alert">
              {withdraw.error.fields[0]?.message ?? withdraw.error.message}
            </p>
          ) : null}
          <div className="button-group">
            <button type="button" className="button button--warning" disabled={withdraw.isPending} onClick={() => withdraw.mutate(c.id, { onSuccess: () => setMode('view') })}>
              {t('manage.withdrawYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
              {t('manage.withdrawNo')}
            </button>
          </div>
        </div>
      ) : adding ? (
        <NewSession courseId={c.id} onDone={() => setAdding(false)} />
      ) : (
        <div className="button-group">
          {c.active ? (
            <button type="button" className="button button--secondary" aria-label={t('manage.addSessionLabel', { title: c.title })} onClick={() => setAdding(true)}>
              {t('manage.addSession')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" aria-label={t('manage.editLabel', { title: c.title })} onClick={() => setMode('edit')}>
            {t('manage.edit')}
          </button>
          {c.active ? (
            <button type="button" className="button button--warning" aria-label={t('manage.withdrawLabel', { title: c.title })} onClick={() => setMode('withdraw')}>
              {t('manage.withdraw')}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}

function NewSession({ courseId, onDone }: { courseId: number; onDone: () => void }) {
  const { t } = useTranslation('training');
  const create = useCreateSession();
  return (
    <SessionForm
      prefix={`s${courseId}`}
      error={create.error}
      pending={create.isPending}
      submitLabel={t('manage.saveSession')}
      onSubmit={(body) => create.mutate({ courseId, body }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function NewCourse() {
  const { t } = useTranslation('training');
  const create = useCreateCourse();
  return (
    <section className="section" aria-labelledby="new-course-heading">
      <h2 className="heading-m" id="new-course-heading">
        {t('manage.newCourse')}
      </h2>
      {create.isSuccess ? <Notice tone="success" title={t('manage.courseAdded', { title: create.data.course.title })} /> : null}
      <CourseForm
        prefix="course"
        error={create.error}
        pending={create.isPending}
        submitLabel={t('manage.saveCourse')}
        onSubmit={(body, reset) => create.mutate(body, { onSuccess: reset })}
      />
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
