import type { RouteObject } from 'react-router';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => async () => {
  const [m] = await Promise.all([load(), import('./i18n').then((n) => n.loadSkpNamespace())]);
  return { Component: m[name] };
};

/**
 * Signed-in routes of issue 3 (SKP and evaluation). Each page is a lazy chunk and loads the
 * `skp` namespace first. The server decides what each person may see and do (abilities).
 */
export const skpRoutes: RouteObject[] = [
  { path: 'skp', lazy: page(() => import('./MySkpPage'), 'MySkpPage') },
  { path: 'skp/persetujuan', lazy: page(() => import('./ApprovalsPage'), 'ApprovalsPage') },
  { path: 'skp/turunkan', lazy: page(() => import('./CascadePage'), 'CascadePage') },
  { path: 'skp/pohon', lazy: page(() => import('./TreePage'), 'TreePage') },
  { path: 'skp/penilaian', lazy: page(() => import('./TeamRatingPage'), 'TeamRatingPage') },
  { path: 'skp/evaluasi-saya', lazy: page(() => import('./EvaluationPage'), 'MyEvaluationsPage') },
  { path: 'skp/:id/evaluasi', lazy: page(() => import('./EvaluationPage'), 'EvaluationPage') },
  { path: 'skp/keberatan', lazy: page(() => import('./ObjectionsPage'), 'ObjectionsPage') },
  { path: 'skp/pengaturan', lazy: page(() => import('./AdminPage'), 'AdminPage') },
  { path: 'skp/kekuatan/:employeeId/:periodId', lazy: page(() => import('./StrengthsPage'), 'StrengthsPage') },
  { path: 'skp/:id', lazy: page(() => import('./MySkpPage'), 'SkpPage') },
];
