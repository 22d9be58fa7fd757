import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.forbidden.title')} />
      <p className="lead">{t('errors.forbidden.body')}</p>
      <p>
        <Link to="/">{t('errors.notFound.home')}</Link>
      </p>
    </>
  );
}
