import type { Role } from '@pantau/contracts';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/layout/RequireRole';

/** Atasan; and admins, who check the days of people with no atasan (top of the chain, decision 0005). */
export const canSuperviseTeam = (roles: readonly Role[]): boolean =>
  roles.includes('ATASAN') || roles.includes('ADMIN_BKPSDM') || roles.includes('ADMIN_OPD');

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
