import { useTranslation } from 'react-i18next';
import { changeUiLanguage, currentUiLanguage, UI_LANGUAGES } from '../../i18n';

const SHORT = { id: 'language.idShort', en: 'language.enShort' } as const;
const LONG = { id: 'language.id', en: 'language.en' } as const;

/**
 * ID | EN for citizens. Unlike the staff switch it never asks /api/me: a citizen has no account,
 * and the choice is only remembered on this device.
 */
export function PublicLanguageSwitch() {
  const { t } = useTranslation();
  const current = currentUiLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__button"
          lang={lang}
          aria-pressed={lang === current}
          onClick={() => {
            if (lang !== current) void changeUiLanguage(lang);
          }}
        >
          {t(SHORT[lang])}
          <span className="visually-hidden">, {t(LONG[lang])}</span>
        </button>
      ))}
    </div>
  );
}
