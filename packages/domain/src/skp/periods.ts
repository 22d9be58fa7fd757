import { addDays, daysInMonth, formatIsoDate, parseIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import type { Label } from './types.js';

/**
 * Evaluation periods of a performance year (PermenPANRB 6/2022 Pasal 24: "periodik dan tahunan";
 * §1.7.1 of the reference). The periodic length is chosen by the instansi; the annual ("Akhir")
 * evaluation always exists and covers the whole year.
 */

/** Length of the periodic evaluation. QUARTERLY (triwulan) is the default (§1.7.1). */
export const PERIOD_LENGTHS = ['MONTHLY', 'QUARTERLY', 'SEMESTER'] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];
export const DEFAULT_PERIOD_LENGTH: PeriodLength = 'QUARTERLY';

export type EvaluationPeriodKind = 'PERIODIC' | 'ANNUAL';

/** One evaluation period: dates are inclusive `YYYY-MM-DD`. */
export interface EvaluationPeriod {
  readonly kind: EvaluationPeriodKind;
  /** 1-based order within the year; the annual period has seq 0. */
  readonly seq: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly label: Label;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const MONTHS_PER_PERIOD: Readonly<Record<PeriodLength, number>> = { MONTHLY: 1, QUARTERLY: 3, SEMESTER: 6 };

/** True when `value` is a known period length. */
export function isPeriodLength(value: unknown): value is PeriodLength {
  return typeof value === 'string' && (PERIOD_LENGTHS as readonly string[]).includes(value);
}

function periodLabel(length: PeriodLength, seq: number, year: number): Label {
  if (length === 'MONTHLY') {
    return { id: `${MONTHS_ID[seq - 1] ?? ''} ${year}`, en: `${MONTHS_EN[seq - 1] ?? ''} ${year}` };
  }
  const roman = ROMAN[seq - 1] ?? String(seq);
  return length === 'QUARTERLY'
    ? { id: `Triwulan ${roman} ${year}`, en: `Quarter ${roman} ${year}` }
    : { id: `Semester ${roman} ${year}`, en: `Semester ${roman} ${year}` };
}

/**
 * The periodic periods of `year` (12 months, 4 triwulan or 2 semester) followed by the annual
 * period (1 January – 31 December, labelled "Tahunan (Akhir)"). Throws
 * `DomainError('INVALID_ARGUMENT')` for a year outside 2000–2100 or an unknown length.
 */
export function evaluationPeriods(year: number, length: PeriodLength = DEFAULT_PERIOD_LENGTH): EvaluationPeriod[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new DomainError('INVALID_ARGUMENT', `year must be 2000–2100, got ${year}`);
  }
  if (!isPeriodLength(length)) throw new DomainError('INVALID_ARGUMENT', `Unknown period length ${String(length)}`);
  const step = MONTHS_PER_PERIOD[length];
  const out: EvaluationPeriod[] = [];
  for (let seq = 1; seq * step <= 12; seq++) {
    const firstMonth = (seq - 1) * step + 1;
    const lastMonth = seq * step;
    out.push({
      kind: 'PERIODIC',
      seq,
      startDate: formatIsoDate(year, firstMonth, 1),
      endDate: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)),
      label: periodLabel(length, seq, year),
    });
  }
  out.push({
    kind: 'ANNUAL',
    seq: 0,
    startDate: formatIsoDate(year, 1, 1),
    endDate: formatIsoDate(year, 12, 31),
    label: { id: `Tahunan (Akhir) ${year}`, en: `Annual (final) ${year}` },
  });
  return out;
}

/** True when the inclusive ranges [aStart, aEnd] and [bStart, bEnd] share at least one day. */
export function rangesOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  parseIsoDate(aStart);
  parseIsoDate(aEnd);
  parseIsoDate(bStart);
  parseIsoDate(bEnd);
  return aStart <= bEnd && bStart <= aEnd;
}

/** `date` moved into [start, end] (inclusive). */
export function clampDate(date: string, start: string, end: string): string {
  parseIsoDate(date);
  if (date < start) return start;
  if (date > end) return end;
  return date;
}

/** A definitive assignment as seen by `skpSegments`. `validTo` null = open-ended. */
export interface AssignmentSpan {
  readonly positionId: number;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** A part of the performance year held in one definitive position. */
export interface SkpSegment {
  readonly positionId: number;
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * Splits a performance year by definitive position: a transfer or promotion mid-year ends one SKP
 * segment and starts the next (PermenPANRB 6/2022: the SKP follows the jabatan; §1.3, issue 3
 * "a transfer mid-year splits the SKP"). Consecutive assignments to the same position merge;
 * days without any definitive assignment belong to no segment. Acting duties (Plt/Plh) do not
 * split: callers pass DEFINITIF assignments only.
 */
export function skpSegments(year: number, spans: readonly AssignmentSpan[]): SkpSegment[] {
  const yearStart = formatIsoDate(year, 1, 1);
  const yearEnd = formatIsoDate(year, 12, 31);
  const clipped = spans
    .filter((s) => s.validFrom <= yearEnd && (s.validTo === null || s.validTo >= yearStart))
    .map((s) => ({
      positionId: s.positionId,
      startDate: s.validFrom < yearStart ? yearStart : s.validFrom,
      endDate: s.validTo === null || s.validTo > yearEnd ? yearEnd : s.validTo,
    }))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const out: SkpSegment[] = [];
  for (const s of clipped) {
    const last = out[out.length - 1];
    if (last && last.positionId === s.positionId && addDays(last.endDate, 1) >= s.startDate) {
      out[out.length - 1] = { ...last, endDate: s.endDate > last.endDate ? s.endDate : last.endDate };
    } else if (last && s.startDate <= last.endDate) {
      // Overlapping definitive rows (bad data): the later one wins from its start.
      out[out.length - 1] = { ...last, endDate: addDays(s.startDate, -1) };
      out.push(s);
    } else {
      out.push(s);
    }
  }
  return out.filter((s) => s.startDate <= s.endDate);
}
