import type { Role } from '@pantau/contracts';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/layout/RequireRole';

export const canSuperviseTeam = (roles: readonly Role[]): boolean => roles.includes('ATASAN');

export const teamRoutes: RouteObject[] = [
  {
    element: <RequireRole allow={canSuperviseTeam} />,
    children: [
      {
        path: 'tim',
        lazy: async () => {
          const [m] = await Promise.all([
            import('./TeamPage'),
            import('./i18n').then((n) => n.loadTeamNamespace()),
            import('../daily-reports/i18n').then((n) => n.loadDailyReportsNamespace()),
          ]);
          return { Component: m.TeamPage };
        },
      },
    ],
  },
];
