import 'i18next';
import type id from './locales/id.json';

// Keys are typed from the Indonesian source, so a misspelt key fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof id;
      public: typeof import('../features/public/locales/id.json');
      survey: typeof import('../features/survey/locales/id.json');
      complaints: typeof import('../features/complaints/locales/id.json');
      transparency: typeof import('../features/transparency/locales/id.json');
      servicePoints: typeof import('../features/service-points/locales/id.json');
      dailyReports: typeof import('../features/daily-reports/locales/id.json');
      team: typeof import('../features/team/locales/id.json');
      notifications: typeof import('../features/notifications/locales/id.json');
      adoption: typeof import('../features/adoption/locales/id.json');
      help: typeof import('../features/help/locales/id.json');
      skp: typeof import('../features/skp/locales/id.json');
      training: typeof import('../features/training/locales/id.json');
    };
  }
}
