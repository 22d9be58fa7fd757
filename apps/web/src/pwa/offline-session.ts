import type { Me } from '../api/types';

/**
 * The signed-in person, remembered on this phone WITHOUT the CSRF token, so that the app can
 * open while offline (a phone often reloads a tab it had put to sleep) and the day's report can
 * still be written into the outbox. It is removed on sign-out. The server decides again about
 * everything as soon as the connection is back.
 */
const KEY = 'pantau.offlineMe';

type Remembered = Omit<Me, 'csrfToken'>;

function isRemembered(v: unknown): v is Remembered {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.userId === 'number' && typeof r.name === 'string' && Array.isArray(r.roles) && typeof r.nip === 'string';
}

export function rememberMe(me: Me): void {
  const { csrfToken: _token, ...rest } = me;
  try {
    localStorage.setItem(KEY, JSON.stringify(rest));
  } catch {
    // Storage full or blocked: the app simply needs a connection to open.
  }
}

export function forgetMe(): void {
  try {
    localStorage.removeItem(KEY);
    // The kept day list of daily reports (features/daily-reports/api.ts) goes with it.
    localStorage.removeItem('pantau.reportWindow');
  } catch {
    // Nothing to forget.
  }
}

export function rememberedMe(): Me | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isRemembered(parsed) ? { ...parsed, csrfToken: null } : null;
  } catch {
    return null;
  }
}
