import type { RouteObject } from 'react-router';

export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifikasi',
    lazy: async () => {
      const [m] = await Promise.all([import('./NotificationsPage'), import('./i18n').then((n) => n.loadNotificationsNamespace())]);
      return { Component: m.NotificationsPage };
    },
  },
];
