import type { Role } from '@pantau/contracts';

/**
 * Who sees the citizen-feedback pages in the staff navigation. Only a hint for the menu: the
 * server scopes every list to the units and people the caller heads, administers or supervises.
 */
const FEEDBACK_READERS: readonly Role[] = ['ATASAN', 'ADMIN_OPD', 'ADMIN_BKPSDM', 'INSPEKTORAT', 'PIMPINAN'];
const SERVICE_POINT_ADMINS: readonly Role[] = ['ADMIN_OPD', 'ADMIN_BKPSDM'];

export const canHandleFeedback = (roles: readonly Role[]) => roles.some((r) => FEEDBACK_READERS.includes(r));
export const canAdminServicePoints = (roles: readonly Role[]) => roles.some((r) => SERVICE_POINT_ADMINS.includes(r));
