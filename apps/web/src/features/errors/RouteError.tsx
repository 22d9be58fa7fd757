import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { NotFoundPage } from './NotFoundPage';

/**
 * Shown when a page's code cannot be loaded (weak signal, or a new version was deployed while
 * the tab was open) or a page crashed. A reload fixes both.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="container">
      <PageHeading title={t('errors.route.title')} />
      <p className="lead">{t('errors.route.body')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('errors.route.reload')}
      </button>
    </div>
  );
}
