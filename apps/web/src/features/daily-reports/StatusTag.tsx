import { useTranslation } from 'react-i18next';
import type { DailyReportDto } from '@pantau/contracts';

export type DayStatus = DailyReportDto['status'] | 'QUEUED' | 'FAILED' | 'NONE';

/** A small coloured label with the status in words (colour is never the only signal). */
export function StatusTag({ status }: { status: DayStatus }) {
  const { t } = useTranslation('dailyReports');
  return <span className={`tag tag--${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
