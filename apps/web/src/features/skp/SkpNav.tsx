import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../auth/api';
import { useSkpLive } from './live';

/** Links between the SKP pages; supervisor and admin pages only for those roles (the server checks again). Keeps the page live. */
export function SkpNav() {
  const { t } = useTranslation('skp');
  useSkpLive();
  const me = useMe().data;
  const roles = me?.roles ?? [];
  const atasan = roles.includes('ATASAN') || roles.includes('PIMPINAN');
  const admin = roles.some((r) => r === 'ADMIN_BKPSDM' || r === 'SUPER_ADMIN' || r === 'ADMIN_OPD');
  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/skp', label: t('nav.mine'), show: me?.employeeId != null },
    { to: '/skp/evaluasi-saya', label: t('nav.myEvaluations'), show: me?.employeeId != null },
    { to: '/skp/persetujuan', label: t('nav.approvals'), show: atasan },
    { to: '/skp/turunkan', label: t('nav.cascade'), show: atasan },
    { to: '/skp/penilaian', label: t('nav.rating'), show: atasan },
    { to: '/skp/keberatan', label: t('nav.objections'), show: atasan },
    { to: '/skp/pohon', label: t('nav.tree'), show: atasan || admin },
    { to: '/skp/pengaturan', label: t('nav.admin'), show: admin || roles.includes('PIMPINAN') || atasan },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="link-list skp-flags">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end>
                {l.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
