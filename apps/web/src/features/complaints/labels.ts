import { ComplaintCategory } from '@pantau/contracts';
import type { TFunction } from 'i18next';

const HISTORY_KINDS = [
  'DITERIMA',
  'DIVERIFIKASI',
  'DITOLAK',
  'DIDISPOSISIKAN',
  'DITINDAKLANJUTI',
  'SELESAI',
  'DIBUKA_KEMBALI',
  'ESKALASI',
] as const;
type HistoryKind = (typeof HISTORY_KINDS)[number];

function isHistoryKind(kind: string): kind is HistoryKind {
  return HISTORY_KINDS.some((k) => k === kind);
}

/** The label of a history step; a kind this version does not know reads as "Perubahan status". */
export function historyLabel(t: TFunction<'complaints'>, kind: string): string {
  return isHistoryKind(kind) ? t(`history.${kind}`) : t('history.other');
}

/** A category from a loosely typed payload (alerts, live events); unknown values are shown as they are. */
export function categoryLabelOf(t: TFunction<'complaints'>, value: string): string {
  const parsed = ComplaintCategory.safeParse(value);
  return parsed.success ? t(`category.${parsed.data}`) : value;
}
