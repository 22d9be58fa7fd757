import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import type { Me } from '../../api/types';
import { useMe, useSignOut, useWasSignedOut } from '../../features/auth/api';
import { canImportEmployees, canListEmployees, isAdmin } from '../../lib/roles';
import { canAdminServicePoints, canHandleFeedback } from '../../features/public/roles';
import { canSeeAdoption } from '../../features/adoption/range';
import { DailyReportSync } from '../../features/daily-reports/DailyReportSync';
import { LiveUpdates } from '../../features/notifications/LiveUpdates';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { canSuperviseTeam } from '../../features/team/routes';
import { OfflineSupport } from '../../pwa/OfflineSupport';
import { LanguageSwitch } from './LanguageSwitch';
import { SIGN_IN_PATH } from './RequireAuth';

/**
 * The frame of every page: skip link, top bar, navigation that follows the person's roles,
 * and the main landmark. On a phone the navigation folds into a Menu button.
 */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const navigation = useNavigation();
  const signedIn = me.data ?? null;
  const wasSignedOut = useWasSignedOut();
  const location = useLocation();
  const navigate = useNavigate();

  // Signing out from a page outside the guarded area (e.g. the 404 page) also ends on /masuk.
  useEffect(() => {
    if (wasSignedOut && me.data === null && location.pathname !== SIGN_IN_PATH) {
      void navigate(SIGN_IN_PATH, { replace: true, state: { signedOut: true } });
    }
  }, [wasSignedOut, me.data, location.pathname, navigate]);

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipLink')}
      </a>
      <SiteHeader me={signedIn} />
      <OfflineSupport />
      <LiveUpdates />
      <DailyReportSync />
      {navigation.state === 'loading' ? (
        <div className="page-progress" role="status">
          <span className="visually-hidden">{t('app.pageLoading')}</span>
        </div>
      ) : null}
      <main id="main-content" className="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}

function SiteHeader({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navId = useId();

  // A chosen link closes the menu; so does the Escape key.
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const showNav = me !== null && !me.mustChangePassword;

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link className="site-header__brand" to="/">
          <span className="site-header__name">{t('app.name')}</span>
          <span className="site-header__owner">{t('app.owner')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          {me && !me.mustChangePassword ? <NotificationBell /> : null}
          {me ? (
            <button
              type="button"
              className="menu-button"
              aria-expanded={open}
              aria-controls={navId}
              onClick={() => setOpen((v) => !v)}
            >
              <span className="menu-button__icon" aria-hidden="true" />
              {t('nav.menu')}
            </button>
          ) : null}
          {me ? <UserBox me={me} className="site-header__user--desktop" /> : null}
        </div>
      </div>
      {me ? (
        <nav id={navId} className={open ? 'site-nav site-nav--open' : 'site-nav'} aria-label={t('nav.label')}>
          <div className="container">
            {showNav ? <NavItems me={me} /> : null}
            <UserBox me={me} className="site-header__user--phone" />
          </div>
        </nav>
      ) : null}
    </header>
  );
}

function NavItems({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <ul className="site-nav__list">
      <li>
        <NavLink to="/" end className="site-nav__link">
          {t('nav.home')}
        </NavLink>
      </li>
      {me.employeeId !== null ? (
        <li>
          <NavLink to="/laporan-harian" className="site-nav__link">
            {t('nav.dailyReport')}
          </NavLink>
        </li>
      ) : null}
      {me.employeeId !== null ? (
        <li>
          <NavLink to="/skp" className="site-nav__link">
            {t('nav.skp')}
          </NavLink>
        </li>
      ) : null}
      {me.instansiId !== null ? (
        <li>
          <NavLink to="/pelatihan" className="site-nav__link">
            {t('nav.training')}
          </NavLink>
        </li>
      ) : null}
      {canSuperviseTeam(me.roles) ? (
        <li>
          <NavLink to="/tim" className="site-nav__link">
            {t('nav.team')}
          </NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/profil" className="site-nav__link">
          {t('nav.profile')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/organisasi" className="site-nav__link">
          {t('nav.organisation')}
        </NavLink>
      </li>
      {canListEmployees(me.roles) ? (
        <li>
          <NavLink to="/pegawai" className="site-nav__link">
            {t('nav.employees')}
          </NavLink>
        </li>
      ) : null}
      {canImportEmployees(me.roles) ? (
        <li>
          <NavLink to="/impor-pegawai" className="site-nav__link">
            {t('nav.import')}
          </NavLink>
        </li>
      ) : null}
      {canHandleFeedback(me.roles) ? (
        <li>
          <NavLink to="/umpan-balik" end className="site-nav__link">
            {t('nav.feedback')}
          </NavLink>
        </li>
      ) : null}
      {canHandleFeedback(me.roles) ? (
        <li>
          <NavLink to="/umpan-balik/ikm" className="site-nav__link">
            {t('nav.ikm')}
          </NavLink>
        </li>
      ) : null}
      {canAdminServicePoints(me.roles) ? (
        <li>
          <NavLink to="/layanan-publik" className="site-nav__link">
            {t('nav.servicePoints')}
          </NavLink>
        </li>
      ) : null}
      {canSeeAdoption(me.roles) ? (
        <li>
          <NavLink to="/adopsi" className="site-nav__link">
            {t('nav.adoption')}
          </NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/bantuan" className="site-nav__link">
          {t('nav.help')}
        </NavLink>
      </li>
      {isAdmin(me.roles) ? (
        <li>
          <a href="/api/docs" className="site-nav__link">
            {t('nav.apiDocs')}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function UserBox({ me, className }: { me: Me; className: string }) {
  const { t } = useTranslation();
  // RequireAuth moves to the sign-in page once the session is gone.
  const signOut = useSignOut();
  return (
    <div className={`site-header__user ${className}`}>
      <p className="site-header__who">
        <span className="visually-hidden">{t('nav.signedInAs')} </span>
        {me.name}
      </p>
      <button
        type="button"
        className="button button--header"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}
      </button>
    </div>
  );
}
