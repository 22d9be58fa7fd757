import i18n from 'i18next';
import type { UiLanguage } from './index';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

/**
 * Feature namespaces: each feature keeps its strings in features/<name>/locales/{id,en}.json
 * and loads them with its lazy route, so the base bundle stays small and features can be
 * worked on side by side. Keys stay typed (see i18next.d.ts).
 */
const registry = new Map<string, Record<UiLanguage, Loader>>();

export function registerNamespace(ns: string, loaders: Record<UiLanguage, Loader>): void {
  registry.set(ns, loaders);
}

async function loadOne(ns: string, lang: UiLanguage): Promise<void> {
  const loaders = registry.get(ns);
  if (!loaders || i18n.hasResourceBundle(lang, ns)) return;
  const mod = await loaders[lang]();
  i18n.addResourceBundle(lang, ns, mod.default, true, true);
}

/** Loads a registered namespace for the current language (and Indonesian as fallback). */
export async function loadNamespace(ns: string): Promise<void> {
  const lang: UiLanguage = i18n.language === 'en' ? 'en' : 'id';
  await Promise.all([loadOne(ns, 'id'), lang === 'en' ? loadOne(ns, 'en') : Promise.resolve()]);
}

/** Called on a language switch: every namespace loaded so far gets the new language too. */
export async function loadRegisteredNamespaces(lang: UiLanguage): Promise<void> {
  const loaded = [...registry.keys()].filter((ns) => i18n.hasResourceBundle('id', ns));
  await Promise.all(loaded.map((ns) => loadOne(ns, lang)));
}
