import type { Role } from '@pantau/contracts';

/**
 * Which parts of the shell a role opens. These only decide what the navigation shows; the
 * server checks every request again and answers 403/404 when the row is out of reach.
 */
const EMPLOYEE_READERS: readonly Role[] = [
  'ATASAN',
  'ADMIN_OPD',
  'ADMIN_BKPSDM',
  'INSPEKTORAT',
  'PIMPINAN',
  'SUPER_ADMIN',
];
const IMPORTERS: readonly Role[] = ['ADMIN_OPD', 'ADMIN_BKPSDM', 'SUPER_ADMIN'];
const ADMINS: readonly Role[] = ['ADMIN_OPD', 'ADMIN_BKPSDM', 'SUPER_ADMIN'];

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));

export const canListEmployees = (roles: readonly Role[]) => hasAny(roles, EMPLOYEE_READERS);
export const canImportEmployees = (roles: readonly Role[]) => hasAny(roles, IMPORTERS);
export const isAdmin = (roles: readonly Role[]) => hasAny(roles, ADMINS);
export const canResetPasswords = (roles: readonly Role[]) => hasAny(roles, ADMINS);
