import { loadNamespace, registerNamespace } from '../../i18n/namespaces';

registerNamespace('training', { id: () => import('./locales/id.json'), en: () => import('./locales/en.json') });

/** Loads this feature's strings; the route's lazy() awaits it before showing the page. */
export const loadTrainingNamespace = (): Promise<void> => loadNamespace('training');
