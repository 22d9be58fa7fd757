import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../auth/api';
import { canLeadTeamTraining, canManageTraining, canSeeTrainingFigures } from './roles';

/** Links between the training pages, by role (the server decides again on every request). */
export function TrainingNav() {
  const { t } = useTranslation('training');
  const me = useMe().data;
  const roles = me?.roles ?? [];
  const links = [
    { to: '/pelatihan', label: t('nav.mine'), show: me?.employeeId != null },
    { to: '/pelatihan/katalog', label: t('nav.catalogue'), show: true },
    { to: '/pelatihan/tim', label: t('nav.team'), show: canLeadTeamTraining(roles) },
    { to: '/pelatihan/kelola', label: t('nav.manage'), show: canManageTraining(roles) },
    { to: '/pelatihan/angka', label: t('nav.figures'), show: canSeeTrainingFigures(roles) },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="link-list trn-nav">
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
