import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BERAKHLAK } from '@pantau/domain';
import { ApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { formatDateTime } from '../../lib/format';
import { currentYear, useAddNeed, useAgree, useCourses, usePlan, useWithdrawNeed, type NeedDto } from './api';
import { SelectField, TextArea, fieldError, summaryFrom } from './fields';
import { sessionWhen } from './format';
import { JpProgress } from './JpProgress';
import { PlaceStatus } from './labels';
import { NeedCard } from './NeedCard';
import { TrainingNav } from './TrainingNav';
import './training.css';

type Behaviour = NonNullable<NeedDto['behaviour']>;

/** A team member's plan for the supervisor: agree it (with a course per need), add or withdraw needs. */
export function PlanPage() {
  const { t, i18n } = useTranslation('training');
  const employeeId = Number(useParams().employeeId);
  const year = currentYear();
  const plan = usePlan(employeeId, year);
  const courses = useCourses();
  const agree = useAgree();
  const withdraw = useWithdrawNeed();
  const [chosen, setChosen] = useState<Record<number, number | null>>({});
  const [note, setNote] = useState('');
  const [withdrawing, setWithdrawing] = useState<{ id: number; note: string } | null>(null);

  const options = (courses.data?.courses ?? []).filter((c) => c.active).map((c) => ({ id: c.id, title: c.title }));
  const open = plan.data?.needs.filter((n) => n.status === 'OPEN') ?? [];
  const closed = plan.data?.needs.filter((n) => n.status !== 'OPEN') ?? [];
  const choiceOf = (n: NeedDto) => (n.id in chosen ? (chosen[n.id] ?? null) : (n.plannedCourse?.id ?? n.suggestions[0]?.courseId ?? null));

  return (
    <>
      <PageHeading title={plan.data ? t('plan.title', { name: plan.data.employee.name, year }) : t('plan.titleShort')} />
      <TrainingNav />
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <LoadError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.data ? (
        <>
          <JpProgress jp={plan.data.jp} />
          {plan.data.agreement ? (
            <p>
              {t('plan.agreedBy', { name: plan.data.agreement.agreedBy.name, date: formatDateTime(plan.data.agreement.agreedAt, i18n.language) })}
            </p>
          ) : null}
          {agree.isSuccess ? <Notice tone="success" title={t('plan.agreedNow')} /> : null}
          <ErrorSummary errors={summaryFrom(agree.error ?? withdraw.error, 'plan')} />
          <section className="section" aria-labelledby="needs-heading">
            <h2 className="heading-m" id="needs-heading">
              {t('plan.needs')}
            </h2>
            {open.length === 0 ? <p className="muted">{t('plan.noOpenNeeds')}</p> : null}
            <ul className="trn-list">
              {open.map((n) => (
                <NeedCard
                  key={n.id}
                  need={n}
                  choice={plan.data?.abilities.agree ? { value: choiceOf(n), options, onChange: (v) => setChosen((c) => ({ ...c, [n.id]: v })) } : undefined}
                  onWithdraw={plan.data?.abilities.addNeed ? (id) => setWithdrawing({ id, note: '' }) : undefined}
                />
              ))}
            </ul>
            {withdrawing ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  withdraw.mutate({ id: withdrawing.id, note: withdrawing.note.trim() }, { onSuccess: () => setWithdrawing(null) });
                }}
              >
                <TextArea
                  id="plan-note"
                  label={t('plan.withdrawReason')}
                  value={withdrawing.note}
                  maxLength={1000}
                  error={fieldError(withdraw.error, 'note')}
                  onChange={(e) => setWithdrawing({ ...withdrawing, note: e.target.value })}
                />
                <div className="button-group">
                  <button type="submit" className="button button--warning" disabled={withdraw.isPending}>
                    {t('plan.withdrawConfirm')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setWithdrawing(null)}>
                    {t('plan.cancel')}
                  </button>
                </div>
              </form>
            ) : null}
            {plan.data.abilities.agree && open.length > 0 ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  agree.mutate({
                    employeeId,
                    year,
                    needs: open.map((n) => ({ needId: n.id, plannedCourseId: choiceOf(n) })),
                    note: note.trim() || undefined,
                  });
                }}
              >
                <TextArea id="agree-note" label={t('plan.agreeNote')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
                <button type="submit" className="button" disabled={agree.isPending}>
                  {t('plan.agree')}
                </button>
              </form>
            ) : null}
            {closed.length > 0 ? (
              <details>
                <summary>{t('mine.closedNeeds', { count: closed.length })}</summary>
                <ul className="trn-list">
                  {closed.map((n) => (
                    <NeedCard key={n.id} need={n} />
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
          <section className="section" aria-labelledby="member-places-heading">
            <h2 className="heading-m" id="member-places-heading">
              {t('plan.places')}
            </h2>
            {plan.data.enrolments.length === 0 ? <p className="muted">{t('mine.noPlaces')}</p> : null}
            <ul className="trn-list">
              {plan.data.enrolments.map((e) => (
                <li key={e.id} className="trn-item">
                  <p className="trn-item__title">
                    <Link to={`/pelatihan/sesi/${e.session.id}`}>{e.session.courseTitle}</Link> <PlaceStatus status={e.status} />
                  </p>
                  <p className="trn-item__meta">{sessionWhen(e.session, i18n.language)}</p>
                </li>
              ))}
            </ul>
          </section>
          {plan.data.abilities.addNeed ? <AddNeed employeeId={employeeId} year={year} /> : null}
        </>
      ) : null}
    </>
  );
}

function AddNeed({ employeeId, year }: { employeeId: number; year: number }) {
  const { t } = useTranslation('training');
  const add = useAddNeed();
  const [behaviour, setBehaviour] = useState<Behaviour | ''>('');
  const [competency, setCompetency] = useState('');
  const [note, setNote] = useState('');
  return (
    <section className="section" aria-labelledby="add-need-heading">
      <h2 className="heading-m" id="add-need-heading">
        {t('addNeed.heading')}
      </h2>
      {add.isSuccess ? <Notice tone="success" title={t('addNeed.added')} /> : null}
      <ErrorSummary errors={summaryFrom(add.error, 'need', ['behaviour', 'competency', 'note'])} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { employeeId, year, behaviour: behaviour || null, competency: competency.trim() || null, note: note.trim() || undefined },
            {
              onSuccess: () => {
                setBehaviour('');
                setCompetency('');
                setNote('');
              },
            },
          );
        }}
      >
        <SelectField
          id="need-behaviour"
          label={t('addNeed.behaviour')}
          value={behaviour}
          error={fieldError(add.error, 'behaviour')}
          onChange={(e) => setBehaviour(BERAKHLAK.find((b) => b === e.target.value) ?? '')}
        >
          <option value="">{t('addNeed.noBehaviour')}</option>
          {BERAKHLAK.map((b) => (
            <option key={b} value={b}>
              {t(`behaviour.${b}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label className="field__label" htmlFor="need-competency">
            {t('addNeed.competency')}
          </label>
          <input className="input" id="need-competency" value={competency} maxLength={500} onChange={(e) => setCompetency(e.target.value)} />
        </div>
        <TextArea id="need-note" label={t('addNeed.note')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {t('addNeed.submit')}
        </button>
      </form>
      {add.error instanceof ApiError && add.error.fields.length === 0 ? <p className="field__error">{add.error.message}</p> : null}
    </section>
  );
}
