import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './components/layout/RequireAuth';
import { RequireRole } from './components/layout/RequireRole';
import { Shell } from './components/layout/Shell';
import { Loading } from './components/ui/Status';
import { NotFoundPage } from './features/errors/NotFoundPage';
import { RouteError } from './features/errors/RouteError';
import { feedbackStaffRoutes, publicFeedbackRoute } from './features/public/routes';
import { dailyWorkRoutes } from './features/daily-reports/routes';
import { skpRoutes } from './features/skp/routes';
import { trainingRoutes } from './features/training/routes';
import { canImportEmployees, canListEmployees } from './lib/roles';

function RootError() {
  return (
    <main id="main-content" className="main">
      <RouteError />
    </main>
  );
}

function AppLoading() {
  return (
    <main id="main-content" className="main">
      <div className="container">
        <Loading />
      </div>
    </main>
  );
}

/**
 * Routes use Indonesian paths (they are what people see and share). Every page is its own lazy
 * chunk, so a clerk opening Beranda does not download the import screen.
 */
export function createRouter() {
  return createBrowserRouter([
    // Citizen pages (survey, complaint, tracking, transparency): own light layout, no sign-in.
    publicFeedbackRoute,
    {
      path: '/',
      Component: Shell,
      ErrorBoundary: RootError,
      HydrateFallback: AppLoading,
      children: [
        {
          // Errors inside a page keep the header and navigation on screen.
          ErrorBoundary: RouteError,
          children: [
            {
              path: 'masuk',
              lazy: () => import('./features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })),
            },
            {
              Component: RequireAuth,
              children: [
                {
                  index: true,
                  lazy: async () => {
                    // Beranda shows today's report card, whose strings live in the daily-reports namespace.
                    const [m] = await Promise.all([
                      import('./features/home/HomePage'),
                      import('./features/daily-reports/i18n').then((n) => n.loadDailyReportsNamespace()),
                    ]);
                    return { Component: m.HomePage };
                  },
                },
                {
                  path: 'profil',
                  lazy: () => import('./features/profile/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
                },
                {
                  path: 'ganti-kata-sandi',
                  lazy: () =>
                    import('./features/auth/ChangePasswordPage').then((m) => ({ Component: m.ChangePasswordPage })),
                },
                {
                  path: 'organisasi',
                  lazy: () => import('./features/org/OrgPage').then((m) => ({ Component: m.OrgPage })),
                },
                {
                  element: <RequireRole allow={canListEmployees} />,
                  children: [
                    {
                      path: 'pegawai',
                      lazy: () =>
                        import('./features/employees/EmployeesPage').then((m) => ({ Component: m.EmployeesPage })),
                    },
                    {
                      path: 'pegawai/:id',
                      lazy: () =>
                        import('./features/employees/EmployeeDetailPage').then((m) => ({
                          Component: m.EmployeeDetailPage,
                        })),
                    },
                  ],
                },
                {
                  element: <RequireRole allow={canImportEmployees} />,
                  children: [
                    {
                      path: 'impor-pegawai',
                      lazy: () => import('./features/imports/ImportPage').then((m) => ({ Component: m.ImportPage })),
                    },
                  ],
                },
                ...feedbackStaffRoutes,
                ...dailyWorkRoutes,
                ...skpRoutes,
                ...trainingRoutes,
              ],
            },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
