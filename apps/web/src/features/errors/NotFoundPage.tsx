import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('errors.notFound.title')} />
      <p className="lead">{t('errors.notFound.body')}</p>
      <p>
        <Link to="/">{t('errors.notFound.home')}</Link>
      </p>
    </>
  );
}
