import { useTranslation } from 'react-i18next';
import { changeUiLanguage, currentUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../i18n';
import { useMe, useUpdateLocale } from '../../features/auth/api';

const SHORT = { id: 'language.idShort', en: 'language.enShort' } as const;
const LONG = { id: 'language.id', en: 'language.en' } as const;

/** ID | EN switch. When signed in, the choice is also saved to the account (PATCH /api/me). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const updateLocale = useUpdateLocale();
  const current = currentUiLanguage();

  const choose = (lang: UiLanguage) => {
    if (lang === current) return;
    void changeUiLanguage(lang);
    if (me.data) updateLocale.mutate(lang);
  };

  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__button"
          lang={lang}
          aria-pressed={lang === current}
          onClick={() => choose(lang)}
        >
          {/* Visible "ID"/"EN"; screen readers hear "ID, Bahasa Indonesia" (name contains what is seen). */}
          {t(SHORT[lang])}
          <span className="visually-hidden">, {t(LONG[lang])}</span>
        </button>
      ))}
    </div>
  );
}
