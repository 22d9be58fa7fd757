import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useWasSignedOut } from '../../features/auth/api';
import { MeContext } from '../../features/auth/me-context';
import { Loading, LoadError } from '../ui/Status';

export const CHANGE_PASSWORD_PATH = '/ganti-kata-sandi';
export const SIGN_IN_PATH = '/masuk';

/**
 * Guards the signed-in part of the app: no session → sign-in page (remembering where the person
 * was going); a temporary password → the change-password page first.
 */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  const signedOut = useWasSignedOut();

  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    if (signedOut) return <Navigate to={SIGN_IN_PATH} replace state={{ signedOut: true }} />;
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <MeContext value={me.data}>
      <Outlet />
    </MeContext>
  );
}
