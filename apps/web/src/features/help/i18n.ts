import { loadNamespace, registerNamespace } from '../../i18n/namespaces';

registerNamespace('help', { id: () => import('./locales/id.json'), en: () => import('./locales/en.json') });

/** Loads this feature's strings; the route's lazy() awaits it before showing the page. */
export const loadHelpNamespace = (): Promise<void> => loadNamespace('help');
