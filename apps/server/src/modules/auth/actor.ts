import type { Role } from '@pantau/contracts';

/** Who is calling: resolved once per request from the session cookie or the API token. */
export interface Actor {
  userId: number;
  employeeId: number | null;
  instansiId: number | null;
  login: string;
  name: string;
  roles: ReadonlySet<Role>;
  /** ADMIN_OPD grants: root unit ids of the administered subtrees. */
  adminUnitIds: readonly number[];
  authMethod: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  mustChangePassword: boolean;
  locale: 'id' | 'en';
}

/** Roles that read the whole instansi. */
export const INSTANSI_WIDE_READ: readonly Role[] = ['ADMIN_BKPSDM', 'INSPEKTORAT', 'PIMPINAN'];

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

/** Context every mutation passes to the audit log. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}
