import { RespondentAgeGroup, RespondentEducation, RespondentJob, RespondentSex } from '@pantau/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StepHeading } from '../public/StepHeading';
import { ChoiceGroup, SelectField } from '../public/ui';
import { NS } from './namespace';

type AgeGroup = (typeof RespondentAgeGroup.options)[number];
type Education = (typeof RespondentEducation.options)[number];
type Job = (typeof RespondentJob.options)[number];
type Sex = (typeof RespondentSex.options)[number];

export interface Profile {
  ageGroup?: AgeGroup;
  sex?: Sex;
  education?: Education;
  job?: Job;
}

function pick<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((o) => o === value);
}

/** The optional respondent profile (PermenPANRB 14/2017 asks for it; nobody has to answer). */
export function ProfileStep({
  profile,
  onChange,
  onBack,
  onNext,
  onSkip,
}: {
  profile: Profile;
  onChange: (p: Profile) => void;
  onBack: () => void;
  onNext: () => void;
  onSkip: () => void;
}) {
  const { t } = useTranslation(NS);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onNext();
  };
  return (
    <>
      <StepHeading title={t('public.profileTitle')} stepKey="profile" />
      <p className="lead">{t('public.profileLead')}</p>
      <form noValidate onSubmit={onSubmit}>
        <ChoiceGroup
          id="profile-sex"
          legend={
            <>
              {t('public.sex')} <span className="optional-tag">{t('public.optional')}</span>
            </>
          }
        >
          {RespondentSex.options.map((value) => (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={`profile-sex-${value}`}
                name="sex"
                value={value}
                checked={profile.sex === value}
                onChange={() => onChange({ ...profile, sex: value })}
              />
              <label htmlFor={`profile-sex-${value}`}>{t(`profile.sex.${value}`)}</label>
            </div>
          ))}
          <div className="radio">
            <input
              type="radio"
              id="profile-sex-none"
              name="sex"
              value=""
              checked={profile.sex === undefined}
              onChange={() => onChange({ ...profile, sex: undefined })}
            />
            <label htmlFor="profile-sex-none">{t('public.noAnswer')}</label>
          </div>
        </ChoiceGroup>
        <SelectField
          id="profile-age"
          label={
            <>
              {t('public.ageGroup')} <span className="optional-tag">{t('public.optional')}</span>
            </>
          }
          value={profile.ageGroup ?? ''}
          onChange={(e) => onChange({ ...profile, ageGroup: pick(RespondentAgeGroup.options, e.target.value) })}
        >
          <option value="">{t('public.noAnswer')}</option>
          {RespondentAgeGroup.options.map((value) => (
            <option key={value} value={value}>
              {t(`profile.ageGroup.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="profile-education"
          label={
            <>
              {t('public.education')} <span className="optional-tag">{t('public.optional')}</span>
            </>
          }
          value={profile.education ?? ''}
          onChange={(e) => onChange({ ...profile, education: pick(RespondentEducation.options, e.target.value) })}
        >
          <option value="">{t('public.noAnswer')}</option>
          {RespondentEducation.options.map((value) => (
            <option key={value} value={value}>
              {t(`profile.education.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="profile-job"
          label={
            <>
              {t('public.job')} <span className="optional-tag">{t('public.optional')}</span>
            </>
          }
          value={profile.job ?? ''}
          onChange={(e) => onChange({ ...profile, job: pick(RespondentJob.options, e.target.value) })}
        >
          <option value="">{t('public.noAnswer')}</option>
          {RespondentJob.options.map((value) => (
            <option key={value} value={value}>
              {t(`profile.job.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="step-nav">
          <button type="submit" className="button">
            {t('public.next')}
          </button>
          <button type="button" className="button button--secondary" onClick={onSkip}>
            {t('public.skip')}
          </button>
          <button type="button" className="link-button" onClick={onBack}>
            {t('public.back')}
          </button>
        </div>
      </form>
    </>
  );
}
