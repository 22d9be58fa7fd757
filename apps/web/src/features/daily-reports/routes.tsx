import type { RouteObject } from 'react-router';
import { adoptionRoutes } from '../adoption/routes';
import { helpRoutes } from '../help/routes';
import { notificationRoutes } from '../notifications/routes';
import { teamRoutes } from '../team/routes';

/**
 * Signed-in routes of issue 4: daily reports, the team view, notifications, adoption and help.
 * Each page is a lazy chunk and loads its own strings (namespace) before it is shown.
 */
export const dailyWorkRoutes: RouteObject[] = [
  {
    path: 'laporan-harian',
    lazy: async () => {
      const [m] = await Promise.all([import('./TodayPage'), import('./i18n').then((n) => n.loadDailyReportsNamespace())]);
      return { Component: m.TodayPage };
    },
  },
  {
    path: 'laporan-harian/riwayat',
    lazy: async () => {
      const [m] = await Promise.all([import('./HistoryPage'), import('./i18n').then((n) => n.loadDailyReportsNamespace())]);
      return { Component: m.HistoryPage };
    },
  },
  {
    path: 'laporan-harian/:id',
    lazy: async () => {
      const [m] = await Promise.all([import('./ReportPage'), import('./i18n').then((n) => n.loadDailyReportsNamespace())]);
      return { Component: m.ReportPage };
    },
  },
  {
    path: 'catatan-atasan',
    lazy: async () => {
      const [m] = await Promise.all([import('./SupervisorNotesPage'), import('./i18n').then((n) => n.loadDailyReportsNamespace())]);
      return { Component: m.SupervisorNotesPage };
    },
  },
  ...teamRoutes,
  ...notificationRoutes,
  ...adoptionRoutes,
  ...helpRoutes,
];
