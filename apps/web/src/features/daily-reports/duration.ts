import type { TFunction } from 'i18next';
import { splitMinutes } from './time';

/** "45 menit", "2 jam", "1 jam 30 menit" (keys in the base translation: duration.*). */
export function formatDuration(t: TFunction, total: number): string {
  const { hours, minutes } = splitMinutes(total);
  if (hours === 0) return t('duration.minutes', { count: minutes });
  if (minutes === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursMinutes', { hours, minutes });
}
