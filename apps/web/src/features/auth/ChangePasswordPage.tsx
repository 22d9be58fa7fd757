import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/PageHeading';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSignedInMe } from './me-context';
import { useState } from 'react';

/** Where a temporary password leads before anything else; also reachable by link. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [done, setDone] = useState(false);
  return (
    <div className="narrow">
      <PageHeading title={t('auth.password.title')} />
      {me.mustChangePassword && !done ? <p className="lead">{t('auth.password.mustChangeIntro')}</p> : null}
      <ChangePasswordForm onDone={() => setDone(true)} />
      {done ? (
        <p>
          <Link to="/" className="button button--secondary">
            {t('auth.password.continue')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
