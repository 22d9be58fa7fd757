import type { Role } from '@pantau/contracts';

/** What the training navigation shows; the server checks every request again. */
export const canManageTraining = (roles: readonly Role[]) => roles.includes('ADMIN_BKPSDM') || roles.includes('ADMIN_OPD');
export const canSeeTrainingFigures = (roles: readonly Role[]) =>
  roles.some((r) => r === 'ADMIN_BKPSDM' || r === 'ADMIN_OPD' || r === 'INSPEKTORAT' || r === 'PIMPINAN');
export const canLeadTeamTraining = (roles: readonly Role[]) => roles.includes('ATASAN');
