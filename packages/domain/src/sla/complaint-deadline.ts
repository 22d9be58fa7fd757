import { toWibDate, addWorkingDays } from '../calendar/working-days.js';
import type { Holidays } from '../calendar/working-days.js';
import { compareIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';

/**
 * Complaint (SP4N-LAPOR!) deadlines in hari kerja (§5.2 of the reference). The defaults are the
 * limits KemenPANRB published for LAPOR! under PermenPANRB 62/2018; PermenPANRB 5/2025 (which
 * replaced it) has UNCONFIRMED limits, so the numbers live in a config object that the Pemko can
 * replace without code changes.
 */

/**
 * Stages with a deadline:
 * - VERIFIKASI: the admin verifies the report and forwards (disposisi) it — ≤ 3 hari kerja after
 *   the report is received.
 * - TINDAK_LANJUT: the unit's internal coordination and formulation of the tindak lanjut —
 *   ≤ 5 hari kerja after the disposisi.
 * - PENUTUPAN: the report counts as selesai when 10 hari kerja have passed after the tindak
 *   lanjut without a reply from the reporter.
 */
export const COMPLAINT_STAGES = ['VERIFIKASI', 'TINDAK_LANJUT', 'PENUTUPAN'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/** A named set of complaint limits in hari kerja. */
export interface ComplaintSlaConfig {
  readonly id: string;
  readonly name: string;
  readonly workingDays: Readonly<Record<ComplaintStage, number>>;
}

/** LAPOR! limits of the PermenPANRB 62/2018 era: 3 / 5 / 10 hari kerja (§5.2). The default. */
export const COMPLAINT_SLA_LAPOR: ComplaintSlaConfig = {
  id: 'lapor-permenpanrb-62-2018',
  name: 'SP4N-LAPOR! (PermenPANRB 62/2018): verifikasi 3, tindak lanjut 5, penutupan 10 hari kerja',
  workingDays: { VERIFIKASI: 3, TINDAK_LANJUT: 5, PENUTUPAN: 10 },
};

/**
 * The last day (`YYYY-MM-DD`, inclusive, WIB) of a complaint stage: `fromDate` plus the stage's
 * hari kerja from `config` (default `COMPLAINT_SLA_LAPOR`, §5.2), by `addWorkingDays` — so the
 * start day is not counted, weekends and `holidays` are skipped, and a report received on a
 * Saturday starts counting on Monday. `fromDate` may be a `Date` instant (read in WIB).
 */
export function complaintDeadline(
  stage: ComplaintStage,
  fromDate: string | Date,
  holidays: Holidays,
  config: ComplaintSlaConfig = COMPLAINT_SLA_LAPOR,
): string {
  const days = (config.workingDays as Partial<Record<string, number>>)[stage];
  if (days === undefined) {
    throw new DomainError('INVALID_ARGUMENT', `Unknown complaint stage: ${String(stage)}`);
  }
  if (!Number.isInteger(days) || days < 0) {
    throw new DomainError('INVALID_ARGUMENT', `Working days for ${stage} must be a non-negative integer, got ${days}`);
  }
  const start = typeof fromDate === 'string' ? fromDate : toWibDate(fromDate);
  return addWorkingDays(start, days, holidays);
}

/** Where a stage stands relative to its deadline on `today` (both `YYYY-MM-DD`, WIB). */
export type SlaStatus = 'ON_TIME' | 'DUE_TODAY' | 'OVERDUE';

/**
 * 'OVERDUE' once `today` is after the deadline day, 'DUE_TODAY' on it, 'ON_TIME' before it;
 * the deadline day is inclusive (§5.2 "≤ n hari kerja").
 */
export function slaStatus(deadline: string, today: string): SlaStatus {
  const cmp = compareIsoDate(today, deadline);
  return cmp > 0 ? 'OVERDUE' : cmp === 0 ? 'DUE_TODAY' : 'ON_TIME';
}
