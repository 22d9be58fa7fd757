import type { z } from 'zod';
import type { OpenDataComplaints, OpenDataIkm } from '@pantau/contracts';
import { spreadsheetSafe } from './text.js';

/**
 * CSV forms of the open-data sets (docs/open-data.md): UTF-8 with BOM, comma separated, RFC 4180
 * quoting, dot decimals, empty cell = withheld or not applicable. Names are prefixed where a
 * spreadsheet would read them as a formula.
 */

const field = (v: string | number | null): string => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : spreadsheetSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: Array<Array<string | number | null>>) =>
  Buffer.from(`\uFEFF${[header.join(','), ...rows.map((r) => r.map(field).join(','))].join('\r\n')}\r\n`, 'utf8');

export const IKM_CSV_COLUMNS = ['month', 'opd', 'service', 'responses', 'ikm', 'mutu', ...Array.from({ length: 9 }, (_, i) => `nrr_u${i + 1}`)];
export const COMPLAINTS_CSV_COLUMNS = ['month', 'opd', 'service', 'received', 'resolved', 'resolved_on_time', 'median_resolution_days'];

export function ikmCsv(data: z.infer<typeof OpenDataIkm>): Buffer {
  return csv(
    IKM_CSV_COLUMNS,
    data.rows.map((r) => [r.month, r.opd, r.service, r.responses, r.ikm, r.mutu, ...(r.nrr ?? Array.from({ length: 9 }, () => null))]),
  );
}

export function complaintsCsv(data: z.infer<typeof OpenDataComplaints>): Buffer {
  return csv(
    COMPLAINTS_CSV_COLUMNS,
    data.rows.map((r) => [r.month, r.opd, r.service, r.received, r.resolved, r.resolvedOnTime, r.medianResolutionDays]),
  );
}
