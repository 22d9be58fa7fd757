import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeading } from '../../components/ui/PageHeading';
import { LoadError, Loading, Notice } from '../../components/ui/Status';
import { SummaryList } from '../../components/ui/SummaryList';
import { changeUiLanguage, currentUiLanguage, isUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatNip } from '../../lib/nip';
import { useUpdateLocale } from '../auth/api';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { useSignedInMe } from '../auth/me-context';
import { useEmployee } from '../employees/api';
import { golonganPangkat, sexLabel } from '../employees/labels';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const employee = useEmployee(me.employeeId);
  const notSet = <span className="muted">{t('common.notSet')}</span>;
  const e = employee.data;

  return (
    <>
      <PageHeading title={t('profile.title')} />

      <section aria-labelledby="my-data" className="section">
        <h2 className="heading-m" id="my-data">
          {t('profile.myData')}
        </h2>
        {me.employeeId === null ? <p>{t('profile.noEmployeeRecord')}</p> : null}
        {me.employeeId !== null && employee.isPending ? <Loading /> : null}
        {employee.isError ? <LoadError error={employee.error} onRetry={() => void employee.refetch()} /> : null}
        <SummaryList
          rows={[
            { key: 'name', label: t('person.name'), value: me.name },
            { key: 'nip', label: t('person.nip'), value: <span className="nip">{formatNip(me.nip)}</span> },
            ...(me.instansiName ? [{ key: 'instansi', label: t('person.instansi'), value: me.instansiName }] : []),
            ...(e
              ? [
                  { key: 'unit', label: t('person.unit'), value: e.unitName ?? notSet },
                  { key: 'position', label: t('person.position'), value: e.positionName ?? notSet },
                  { key: 'gol', label: t('person.golonganPangkat'), value: golonganPangkat(e) ?? notSet },
                  { key: 'asn', label: t('person.jenisAsn'), value: e.jenisAsn },
                  { key: 'supervisor', label: t('person.supervisor'), value: e.supervisorName ?? notSet },
                  {
                    key: 'birth',
                    label: t('person.birthDate'),
                    value: e.birthDate ? formatDate(e.birthDate, i18n.language) : notSet,
                  },
                  { key: 'sex', label: t('person.sex'), value: sexLabel(t, e.sex) ?? notSet },
                  { key: 'email', label: t('person.email'), value: e.email ?? notSet },
                ]
              : []),
            { key: 'roles', label: t('person.roles'), value: me.roles.map((r) => t(`roles.${r}`)).join(', ') },
          ]}
        />
      </section>

      <div className="section">
        <ChangePasswordForm headingLevel="h2" />
      </div>

      <LanguagePreference />
    </>
  );
}

function LanguagePreference() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const update = useUpdateLocale();
  const [choice, setChoice] = useState<UiLanguage>(isUiLanguage(me.locale) ? me.locale : currentUiLanguage());
  const labels = { id: t('language.id'), en: t('language.en') };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(choice, { onSuccess: () => void changeUiLanguage(choice) });
  };

  return (
    <section aria-labelledby="language-pref" className="section">
      <h2 className="heading-m" id="language-pref">
        {t('profile.language.title')}
      </h2>
      {update.isSuccess ? <Notice tone="success" title={t('profile.language.saved')} /> : null}
      {update.error instanceof ApiError ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('common.actionFailed')}</p>
          <p>{update.error.message}</p>
        </div>
      ) : null}
      <form onSubmit={onSubmit}>
        <fieldset className="fieldset" aria-describedby="language-pref-hint">
          <legend className="visually-hidden">{t('profile.language.title')}</legend>
          <p className="field__hint" id="language-pref-hint">
            {t('profile.language.hint')}
          </p>
          {UI_LANGUAGES.map((lang) => (
            <div className="radio" key={lang}>
              <input
                id={`locale-${lang}`}
                type="radio"
                name="locale"
                value={lang}
                checked={choice === lang}
                onChange={() => setChoice(lang)}
              />
              <label htmlFor={`locale-${lang}`} lang={lang}>
                {labels[lang]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={update.isPending}>
          {t('profile.language.submit')}
        </button>
      </form>
    </section>
  );
}
