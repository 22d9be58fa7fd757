import { SurveySubmitBody } from '@pantau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { LoadError, Loading } from '../../components/ui/Status';
import { hasFieldCode, issuesByField } from '../public/form';
import { StepHeading } from '../public/StepHeading';
import { StepProgress } from '../public/ui';
import { usePublicServicePoint, useSubmitSurvey, type PublicServicePoint } from './api';
import { NS } from './namespace';
import { localisedQuestion } from './questions';
import { FinishStep, type FinishErrors } from './FinishStep';
import { ProfileStep, type Profile } from './ProfileStep';

const QUESTIONS = 9;

type Step =
  | { kind: 'intro' }
  | { kind: 'question'; index: number }
  | { kind: 'profile' }
  | { kind: 'finish' }
  | { kind: 'thanks' };

/** The step lives in the address (?langkah=3), so the phone's Back button goes one step back. */
function parseStep(value: string | null): Step {
  if (value === 'profil') return { kind: 'profile' };
  if (value === 'saran') return { kind: 'finish' };
  if (value === 'selesai') return { kind: 'thanks' };
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= QUESTIONS) return { kind: 'question', index: n - 1 };
  return { kind: 'intro' };
}

function stepParam(step: Step): string | null {
  switch (step.kind) {
    case 'intro':
      return null;
    case 'question':
      return String(step.index + 1);
    case 'profile':
      return 'profil';
    case 'finish':
      return 'saran';
    case 'thanks':
      return 'selesai';
  }
}

/**
 * The public SKM questionnaire behind a service's QR poster (/survei/:slug): the 9 unsur one per
 * screen with the regulation's four answers as big buttons, an optional profile, a comment and
 * optionally the staff member who served, then thanks. No account, no name.
 */
export function SurveyPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(NS);
  const servicePoint = usePublicServicePoint(slug);

  if (servicePoint.isPending) return <Loading />;
  if (servicePoint.isError) {
    if (servicePoint.error instanceof ApiError && servicePoint.error.status === 404) {
      return (
        <div className="narrow">
          <StepHeading title={t('public.notFoundTitle')} stepKey="not-found" />
          <p>{t('public.notFoundBody')}</p>
        </div>
      );
    }
    return <LoadError error={servicePoint.error} onRetry={() => void servicePoint.refetch()} />;
  }
  return <Questionnaire slug={slug} servicePoint={servicePoint.data} />;
}

function Questionnaire({ slug, servicePoint }: { slug: string; servicePoint: PublicServicePoint }) {
  const { t, i18n } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const [answers, setAnswers] = useState<(number | undefined)[]>(() => Array.from({ length: QUESTIONS }, () => undefined));
  const [profile, setProfile] = useState<Profile>({});
  const [comment, setComment] = useState('');
  const [servedBy, setServedBy] = useState('');
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<FinishErrors>({});
  const [submitted, setSubmitted] = useState<{ duplicate: boolean } | null>(null);
  const submit = useSubmitSurvey(slug);

  const go = (step: Step, replace = false) => {
    const next = new URLSearchParams(params);
    const value = stepParam(step);
    if (value === null) next.delete('langkah');
    else next.set('langkah', value);
    setParams(next, { replace });
  };

  // A step needs the answers before it (e.g. after a reload): show the first unanswered question.
  const firstMissing = answers.findIndex((a) => a === undefined);
  let step = parseStep(params.get('langkah'));
  if (step.kind === 'thanks' && submitted === null) step = { kind: 'intro' };
  if (step.kind === 'question' && firstMissing !== -1 && step.index > firstMissing) step = { kind: 'question', index: firstMissing };
  if ((step.kind === 'profile' || step.kind === 'finish') && firstMissing !== -1) step = { kind: 'question', index: firstMissing };

  const questions = [...servicePoint.questions].sort((a, b) => a.urutan - b.urutan).map((q) => localisedQuestion(q, i18n.language));
  const total = QUESTIONS + 2;

  const onSubmit = () => {
    const parsed = SurveySubmitBody.safeParse({
      answers,
      ...profile,
      comment: comment.trim() === '' ? undefined : comment,
      servedByEmployeeId: servedBy === '' ? undefined : Number(servedBy),
      website: honeypot === '' ? undefined : honeypot,
    });
    if (!parsed.success) {
      const byField = issuesByField(parsed.error.issues);
      const missing = [...byField.keys()].find((k) => k.startsWith('answers'));
      if (missing !== undefined) {
        go({ kind: 'question', index: Math.max(0, firstMissing) });
        return;
      }
      setErrors({
        comment: byField.has('comment') ? t('public.errors.comment', { max: 1000 }) : undefined,
        servedBy: byField.has('servedByEmployeeId') ? t('public.errors.servedBy') : undefined,
      });
      return;
    }
    setErrors({});
    const done = (duplicate: boolean) => {
      setSubmitted({ duplicate });
      setAnswers(Array.from({ length: QUESTIONS }, () => undefined));
      setProfile({});
      setComment('');
      setServedBy('');
      go({ kind: 'thanks' }, true);
    };
    submit.mutate(parsed.data, {
      onSuccess: () => done(false),
      onError: (error) => {
        if (hasFieldCode(error, 'SURVEY_DUPLICATE')) done(true);
      },
    });
  };

  if (step.kind === 'thanks') {
    return (
      <div className="narrow">
        <div className="thanks">
          <StepHeading title={t('public.thanksTitle')} stepKey="thanks" />
          <p>{t('public.thanksBody', { service: servicePoint.name })}</p>
          {submitted?.duplicate ? <p>{t('public.thanksDuplicate')}</p> : null}
        </div>
        <h2 className="heading-m">{t('public.thanksNext')}</h2>
        <ul className="link-list">
          <li>
            <Link to={`/pengaduan?layanan=${encodeURIComponent(slug)}`}>{t('public.thanksComplain')}</Link>
          </li>
          <li>
            <Link to={`/transparansi?instansi=${encodeURIComponent(servicePoint.instansi.code)}`}>{t('public.thanksTransparency')}</Link>
          </li>
          <li>
            <Link
              to={`/survei/${encodeURIComponent(slug)}`}
              onClick={() => {
                submit.reset();
                setSubmitted(null);
              }}
            >
              {t('public.thanksAgain')}
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  if (step.kind === 'intro') {
    return (
      <div className="narrow">
        <p className="step-topic">{t('public.kicker')}</p>
        <StepHeading title={t('public.titleIntro', { service: servicePoint.name })} stepKey="intro">
          {servicePoint.name}
        </StepHeading>
        <p className="lead">{t('public.introLead', { unit: servicePoint.unit.name })}</p>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t('public.unit')}</dt>
            <dd>{servicePoint.unit.name}</dd>
          </div>
          {servicePoint.opd.id !== servicePoint.unit.id ? (
            <div className="summary-list__row">
              <dt>{t('public.opd')}</dt>
              <dd>{servicePoint.opd.name}</dd>
            </div>
          ) : null}
        </dl>
        <p>{t('public.introFacts')}</p>
        <button type="button" className="button button--wide" onClick={() => go({ kind: 'question', index: 0 })}>
          {t('public.start')}
        </button>
        <p>
          <Link to={`/pengaduan?layanan=${encodeURIComponent(slug)}`}>{t('public.complainInstead')}</Link>
        </p>
      </div>
    );
  }

  if (step.kind === 'question') {
    const question = questions[step.index];
    if (!question) return null;
    const n = step.index + 1;
    const chosen = answers[step.index];
    const headingId = `question-${question.kode}`;
    const choose = (nilai: number) => {
      setAnswers((prev) => prev.map((a, i) => (i === step.index ? nilai : a)));
      go(step.index + 1 < QUESTIONS ? { kind: 'question', index: step.index + 1 } : { kind: 'profile' });
    };
    return (
      <div className="narrow">
        <StepProgress label={t('public.questionOf', { n, total: QUESTIONS })} value={n} max={total} />
        <p className="step-topic">{question.nama}</p>
        <StepHeading
          id={headingId}
          title={t('public.questionTitle', { n, total: QUESTIONS, service: servicePoint.name })}
          stepKey={`q${n}`}
        >
          {question.pertanyaan}
        </StepHeading>
        <p className="field__hint">{t('public.answersLabel')}</p>
        <div role="group" aria-labelledby={headingId}>
          <ul className="answers">
          {question.options.map((o) => (
            <li key={o.nilai}>
              <button type="button" className="answer" aria-pressed={chosen === o.nilai} onClick={() => choose(o.nilai)}>
                <span className="answer__letter" aria-hidden="true">
                  {o.huruf}
                </span>
                {o.label}
              </button>
            </li>
          ))}
          </ul>
        </div>
        <div className="step-nav">
          <button
            type="button"
            className="link-button"
            onClick={() => go(step.index === 0 ? { kind: 'intro' } : { kind: 'question', index: step.index - 1 })}
          >
            {t('public.back')}
          </button>
          {chosen !== undefined ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => go(step.index + 1 < QUESTIONS ? { kind: 'question', index: step.index + 1 } : { kind: 'profile' })}
            >
              {t('public.next')}
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  if (step.kind === 'profile') {
    return (
      <div className="narrow">
        <StepProgress label={t('public.profileStep')} value={QUESTIONS + 1} max={total} />
        <ProfileStep
          profile={profile}
          onChange={setProfile}
          onBack={() => go({ kind: 'question', index: QUESTIONS - 1 })}
          onNext={() => go({ kind: 'finish' })}
          onSkip={() => {
            setProfile({});
            go({ kind: 'finish' });
          }}
        />
      </div>
    );
  }

  const serverError = submit.error instanceof ApiError && !hasFieldCode(submit.error, 'SURVEY_DUPLICATE') ? submit.error : null;
  return (
    <div className="narrow">
      <StepProgress label={t('public.finishStep')} value={total} max={total} />
      <FinishStep
        servicePoint={servicePoint}
        questions={questions}
        answers={answers}
        comment={comment}
        onComment={setComment}
        servedBy={servedBy}
        onServedBy={setServedBy}
        honeypot={honeypot}
        onHoneypot={setHoneypot}
        errors={errors}
        serverError={serverError}
        pending={submit.isPending}
        onEdit={(index) => go({ kind: 'question', index })}
        onBack={() => go({ kind: 'profile' })}
        onSubmit={onSubmit}
      />
    </div>
  );
}
