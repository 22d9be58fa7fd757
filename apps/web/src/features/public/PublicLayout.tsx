import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigation } from 'react-router';
import { NS } from './namespace';
import { PublicLanguageSwitch } from './PublicLanguageSwitch';
import './feedback.css';

/**
 * The frame of the citizen pages (survey, complaint, tracking, transparency): no sign-in, no staff
 * navigation, no call to /api/me. Only the skip link, the city's name, the language and a few
 * links at the bottom.
 */
export function PublicLayout() {
  const { t } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {tApp('app.skipLink')}
      </a>
      <header className="public-header">
        <div className="container public-header__bar">
          <p className="public-header__brand">
            <span className="public-header__name">{tApp('app.name')}</span>
            <span className="public-header__owner">{tApp('app.owner')}</span>
          </p>
          <PublicLanguageSwitch />
        </div>
      </header>
      {navigation.state === 'loading' ? (
        <div className="page-progress" role="status">
          <span className="visually-hidden">{tApp('app.pageLoading')}</span>
        </div>
      ) : null}
      <main id="main-content" className="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <nav aria-label={t('footer.label')}>
            <ul className="public-footer__links">
              <li>
                <Link to="/pengaduan">{t('footer.complain')}</Link>
              </li>
              <li>
                <Link to="/pengaduan/lacak">{t('footer.track')}</Link>
              </li>
              <li>
                <Link to="/transparansi">{t('footer.transparency')}</Link>
              </li>
              <li>
                <Link to="/masuk">{t('footer.staff')}</Link>
              </li>
            </ul>
          </nav>
          <p>{t('footer.owner')}</p>
        </div>
      </footer>
    </>
  );
}
