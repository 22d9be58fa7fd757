import { formatNip, normalizeNip } from '@pantau/domain';

/** Display form "19860926 201505 1 001" (BKN grouping); anything else is shown as it is. */
export { formatNip };

/**
 * People type NIPs with spaces, dots or dashes (as printed on an SK); the server wants the bare
 * digits. A login name (letters) is only trimmed.
 */
export function normalizeNipInput(value: string): string {
  const trimmed = value.trim();
  return /^[\d\s.-]+$/.test(trimmed) ? normalizeNip(trimmed).replace(/[.-]/g, '') : trimmed;
}
