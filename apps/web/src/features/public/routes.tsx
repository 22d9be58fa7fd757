import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/layout/RequireRole';
import { Loading } from '../../components/ui/Status';
import { RouteError } from '../errors/RouteError';
import { loadStrings as loadComplaintStrings } from '../complaints/namespace';
import { loadStrings as loadServicePointStrings } from '../service-points/namespace';
import { loadStrings as loadSurveyStrings } from '../survey/namespace';
import { loadStrings as loadTransparencyStrings } from '../transparency/namespace';
import { loadStrings as loadPublicStrings } from './namespace';
import { canAdminServicePoints, canHandleFeedback } from './roles';

/**
 * Routes of citizen feedback (issue 5). Each page is a lazy chunk that loads its feature's
 * strings before it renders. The citizen pages sit under their own light layout, outside the
 * sign-in guard; the staff pages go under RequireAuth in router.tsx.
 */

function withStrings<T>(load: () => Promise<T>, ...strings: Array<() => Promise<void>>): () => Promise<T> {
  return async () => {
    const [module] = await Promise.all([load(), ...strings.map((s) => s())]);
    return module;
  };
}

function PublicLoading() {
  return (
    <main id="main-content" className="main">
      <div className="container">
        <Loading />
      </div>
    </main>
  );
}

function PublicError() {
  return (
    <main id="main-content" className="main">
      <div className="container">
        <RouteError />
      </div>
    </main>
  );
}

/** /survei/:slug, /pengaduan, /pengaduan/lacak, /transparansi: no sign-in, no staff navigation. */
export const publicFeedbackRoute: RouteObject = {
  lazy: withStrings(() => import('./PublicLayout').then((m) => ({ Component: m.PublicLayout })), loadPublicStrings),
  HydrateFallback: PublicLoading,
  ErrorBoundary: PublicError,
  children: [
    {
      ErrorBoundary: RouteError,
      children: [
        {
          path: 'survei/:slug',
          lazy: withStrings(() => import('../survey/SurveyPage').then((m) => ({ Component: m.SurveyPage })), loadSurveyStrings),
        },
        {
          path: 'pengaduan',
          lazy: withStrings(
            () => import('../complaints/ComplaintFormPage').then((m) => ({ Component: m.ComplaintFormPage })),
            loadComplaintStrings,
          ),
        },
        {
          path: 'pengaduan/lacak',
          lazy: withStrings(
            () => import('../complaints/TrackComplaintPage').then((m) => ({ Component: m.TrackComplaintPage })),
            loadComplaintStrings,
          ),
        },
        {
          path: 'transparansi',
          lazy: withStrings(
            () => import('../transparency/TransparencyPage').then((m) => ({ Component: m.TransparencyPage })),
            loadTransparencyStrings,
          ),
        },
        {
          path: 'transparansi/data',
          lazy: withStrings(
            () => import('../transparency/OpenDataSchemaPage').then((m) => ({ Component: m.OpenDataSchemaPage })),
            loadTransparencyStrings,
          ),
        },
      ],
    },
  ],
};

/** Staff pages: complaints and low scores for supervisors, the IKM report, service points for admins. */
export const feedbackStaffRoutes: RouteObject[] = [
  {
    element: <RequireRole allow={canHandleFeedback} />,
    children: [
      {
        path: 'umpan-balik',
        lazy: withStrings(
          () => import('../complaints/FeedbackInboxPage').then((m) => ({ Component: m.FeedbackInboxPage })),
          loadComplaintStrings,
          loadPublicStrings,
        ),
      },
      {
        path: 'umpan-balik/pengaduan/:id',
        lazy: withStrings(
          () => import('../complaints/ComplaintDetailPage').then((m) => ({ Component: m.ComplaintDetailPage })),
          loadComplaintStrings,
        ),
      },
      {
        path: 'umpan-balik/ikm',
        lazy: withStrings(() => import('../survey/IkmReportPage').then((m) => ({ Component: m.IkmReportPage })), loadSurveyStrings),
      },
    ],
  },
  {
    element: <RequireRole allow={canAdminServicePoints} />,
    children: [
      {
        path: 'layanan-publik',
        lazy: withStrings(
          () => import('../service-points/ServicePointsPage').then((m) => ({ Component: m.ServicePointsPage })),
          loadServicePointStrings,
        ),
      },
      {
        path: 'layanan-publik/baru',
        lazy: withStrings(
          () => import('../service-points/ServicePointFormPage').then((m) => ({ Component: m.ServicePointFormPage })),
          loadServicePointStrings,
        ),
      },
      {
        path: 'layanan-publik/:id',
        lazy: withStrings(
          () => import('../service-points/ServicePointFormPage').then((m) => ({ Component: m.ServicePointFormPage })),
          loadServicePointStrings,
        ),
      },
    ],
  },
];
