import type { Period } from './api';

/** The periodic period that contains `today` (YYYY-MM-DD), else the last one that has started. */
export function defaultPeriod(periods: readonly Period[], today: string): Period | undefined {
  const periodic = periods.filter((p) => p.kind === 'PERIODIC');
  return periodic.find((p) => p.startDate <= today && p.endDate >= today) ?? periodic.filter((p) => p.startDate <= today).pop() ?? periods[0];
}
