import type { Role } from '@pantau/contracts';

/** Who sees the adoption dashboard (the server checks again: admin OPD only their OPD). */
export const ADOPTION_READERS: readonly Role[] = ['PIMPINAN', 'ADMIN_BKPSDM', 'INSPEKTORAT', 'ADMIN_OPD'];
export const canSeeAdoption = (roles: readonly Role[]): boolean => roles.some((r) => ADOPTION_READERS.includes(r));

/** The first and last day of a month "YYYY-MM", the last one capped at today. */
export function monthRange(month: string, today: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const year = y ?? 1970;
  const mon = m ?? 1;
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const from = `${month}-01`;
  const end = `${month}-${String(last).padStart(2, '0')}`;
  return { from, to: end < today ? end : today };
}

/** The current month and the `count - 1` before it, newest first, as "YYYY-MM". */
export function recentMonths(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Share as a whole percentage 0–100. */
export const percent = (share: number): number => Math.round(Math.max(0, Math.min(1, share)) * 100);
