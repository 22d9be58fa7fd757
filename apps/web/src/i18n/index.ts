import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from './locales/id.json';
import { loadRegisteredNamespaces } from './namespaces';

/**
 * Bahasa Indonesia is the source language and ships in the main bundle; English is fetched
 * only when someone switches to it, so most users never download it.
 */
export const UI_LANGUAGES = ['id', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'pantau.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'id' || value === 'en';
}

function storedLanguage(): UiLanguage {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

async function ensureLoaded(lang: UiLanguage): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  if (lang === 'en') {
    const en = await import('./locales/en.json');
    i18n.addResourceBundle('en', 'translation', en.default, true, true);
  }
}

function reflectLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage full: the choice simply is not remembered on this device.
  }
}

/** Switches the UI language, loading its strings first if needed. */
export async function changeUiLanguage(lang: UiLanguage): Promise<void> {
  await ensureLoaded(lang);
  await loadRegisteredNamespaces(lang);
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

export function currentUiLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'id';
}

export async function initI18n(): Promise<typeof i18n> {
  const lang = storedLanguage();
  i18n.on('languageChanged', reflectLanguage);
  await i18n.use(initReactI18next).init({
    resources: { id: { translation: id } },
    lng: 'id',
    fallbackLng: 'id',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  if (lang !== 'id') await changeUiLanguage(lang);
  else reflectLanguage('id');
  return i18n;
}

export { i18n };
