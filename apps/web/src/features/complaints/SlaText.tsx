import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { ComplaintSummary } from './api';
import { NS } from './namespace';

/** "Paling lambat 2 Desember 2026", or late, in words and colour (officials' deadline of the current step). */
export function SlaText({ complaint }: { complaint: Pick<ComplaintSummary, 'sla' | 'dueOn'> }) {
  const { t, i18n } = useTranslation(NS);
  if (!complaint.sla || !complaint.dueOn) return null;
  const date = formatDate(complaint.dueOn, i18n.language);
  return <span className={`sla sla--${complaint.sla}`}>{t(`staff.sla.${complaint.sla}`, { date })}</span>;
}
