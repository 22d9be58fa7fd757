import type { Role } from '@pantau/contracts';
import { Outlet } from 'react-router';
import { useSignedInMe } from '../../features/auth/me-context';
import { ForbiddenPage } from '../../features/errors/ForbiddenPage';

/** Shows "Tidak punya akses" instead of the page when none of the person's roles fits. */
export function RequireRole({ allow }: { allow: (roles: readonly Role[]) => boolean }) {
  const me = useSignedInMe();
  return allow(me.roles) ? <Outlet /> : <ForbiddenPage />;
}
