import { loadNamespace, registerNamespace } from '../../i18n/namespaces';

/** This feature's strings (locales/{id,en}.json), loaded with its routes. */
export const NS = 'complaints';
registerNamespace(NS, { id: () => import('./locales/id.json'), en: () => import('./locales/en.json') });

export function loadStrings(): Promise<void> {
  return loadNamespace(NS);
}
