import { useTranslation } from 'react-i18next';
import type { SkpEvaluationDto, SkpSummary } from '@pantau/contracts';

/** SKP status in words, with a colour that is never the only signal. */
export function SkpStatusTag({ status }: { status: SkpSummary['status'] }) {
  const { t } = useTranslation('skp');
  return <span className={`skp-tag skp-tag--${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}

export function EvaluationStatusTag({ status }: { status: SkpEvaluationDto['status'] }) {
  const { t } = useTranslation('skp');
  return <span className={`skp-tag skp-tag--${status.toLowerCase()}`}>{t(`evaluationStatus.${status}`)}</span>;
}

/** Text in the UI language from a server label pair. */
export function useLabel() {
  const { i18n } = useTranslation();
  return (label: { id: string; en: string } | null | undefined): string => (label ? (i18n.language === 'en' ? label.en : label.id) : '');
}
