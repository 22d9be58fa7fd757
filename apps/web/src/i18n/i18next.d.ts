import 'i18next';
import type id from './locales/id.json';

// Keys are typed from the Indonesian source, so a misspelt key fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}
