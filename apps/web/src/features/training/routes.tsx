import type { RouteObject } from 'react-router';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => async () => {
  const [m] = await Promise.all([load(), import('./i18n').then((n) => n.loadTrainingNamespace())]);
  return { Component: m[name] };
};

/**
 * Signed-in routes of issue 6 (training and competency development). Each page is a lazy chunk
 * and loads the `training` namespace first; the server decides what each person may see and do.
 * `/pelatihan/hadir/<code>` is what the attendance QR code opens on a participant's phone.
 */
export const trainingRoutes: RouteObject[] = [
  { path: 'pelatihan', lazy: page(() => import('./MyTrainingPage'), 'MyTrainingPage') },
  { path: 'pelatihan/katalog', lazy: page(() => import('./CataloguePage'), 'CataloguePage') },
  { path: 'pelatihan/sesi/:id', lazy: page(() => import('./SessionPage'), 'SessionPage') },
  { path: 'pelatihan/sesi/:id/qr', lazy: page(() => import('./QrPage'), 'QrPage') },
  { path: 'pelatihan/hadir/:token', lazy: page(() => import('./CheckInPage'), 'CheckInPage') },
  { path: 'pelatihan/tim', lazy: page(() => import('./TeamTrainingPage'), 'TeamTrainingPage') },
  { path: 'pelatihan/rencana/:employeeId', lazy: page(() => import('./PlanPage'), 'PlanPage') },
  { path: 'pelatihan/kelola', lazy: page(() => import('./ManagePage'), 'ManagePage') },
  { path: 'pelatihan/mandiri', lazy: page(() => import('./ExternalPage'), 'ExternalPage') },
  { path: 'pelatihan/angka', lazy: page(() => import('./FiguresPage'), 'FiguresPage') },
];
