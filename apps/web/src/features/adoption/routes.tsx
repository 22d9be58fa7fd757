import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/layout/RequireRole';
import { canSeeAdoption } from './range';

export const adoptionRoutes: RouteObject[] = [
  {
    element: <RequireRole allow={canSeeAdoption} />,
    children: [
      {
        path: 'adopsi',
        lazy: async () => {
          const [m] = await Promise.all([import('./AdoptionPage'), import('./i18n').then((n) => n.loadAdoptionNamespace())]);
          return { Component: m.AdoptionPage };
        },
      },
    ],
  },
];
