import { DomainError } from '../errors.js';
import { CURRENT_SKP_RULE_SET } from './rule-set.js';
import type { DistributionConstraint, DistributionRounding, SkpRuleSet } from './rule-set.js';
import type { PredikatKinerja, PredikatOrganisasi } from './types.js';
import { PREDIKAT_KINERJA, PREDIKAT_KINERJA_LABELS, isPredikatOrganisasi } from './types.js';

/**
 * Pola distribusi predikat kinerja pegawai per predikat kinerja organisasi
 * (SE MenPANRB 3/2023, §1.7.5). The limits are data in the rule set; this module applies them.
 * The SE is guidance for the pimpinan, so callers should warn (and allow an override with a
 * reason) rather than silently block.
 */

/** Number of employees per predikat; missing keys count as 0. */
export type PredikatCounts = Partial<Readonly<Record<PredikatKinerja, number>>>;

/** Stable codes of distribution violations. */
export type DistributionViolationCode = 'MAX_PERCENT_EXCEEDED' | 'MIN_PERCENT_NOT_MET' | 'REQUIRED_PREDIKAT_MISSING';

/** One broken constraint, with numbers for the UI and an Indonesian message. */
export interface DistributionViolation {
  readonly code: DistributionViolationCode;
  /** The rule-set constraint id, e.g. 'BAIK_B_MAX'. */
  readonly ruleId: string;
  readonly predikat: readonly PredikatKinerja[];
  /** Employees that currently have any of `predikat`. */
  readonly actual: number;
  /** Allowed maximum or required minimum number of employees. */
  readonly limit: number;
  readonly total: number;
  /** Human-readable, Bahasa Indonesia. */
  readonly message: string;
}

/** A constraint turned into a headcount for a unit of `total` employees. */
export interface DistributionLimit {
  readonly ruleId: string;
  readonly kind: DistributionConstraint['kind'];
  readonly predikat: readonly PredikatKinerja[];
  /** The percentage from the rule set; `undefined` for AT_LEAST_ONE. */
  readonly percent: number | undefined;
  /** 'max': at most `count` employees; 'min': at least `count`. */
  readonly bound: 'max' | 'min';
  readonly count: number;
}

function limitCount(percent: number, total: number, bound: 'max' | 'min', rounding: DistributionRounding): number {
  const scaled = percent * total; // the limit is scaled / 100 employees
  if (rounding === 'HALF_UP') {
    const doubled = scaled * 2 + 100;
    return (doubled - (doubled % 200)) / 200;
  }
  const floor = (scaled - (scaled % 100)) / 100;
  return bound === 'max' || scaled % 100 === 0 ? floor : floor + 1;
}

function validatedCounts(counts: PredikatCounts): { readonly byPredikat: ReadonlyMap<PredikatKinerja, number>; readonly total: number } {
  const byPredikat = new Map<PredikatKinerja, number>();
  for (const key of Object.keys(counts)) {
    if (!(PREDIKAT_KINERJA as readonly string[]).includes(key)) {
      throw new DomainError('INVALID_COUNT', `Unknown predikat in counts: ${key}`);
    }
  }
  let total = 0;
  for (const p of PREDIKAT_KINERJA) {
    const n = counts[p] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new DomainError('INVALID_COUNT', `Count for ${p} must be a non-negative integer, got ${n}`);
    }
    byPredikat.set(p, n);
    total += n;
  }
  return { byPredikat, total };
}

function predikatList(predikat: readonly PredikatKinerja[]): string {
  return predikat.map((p) => `"${PREDIKAT_KINERJA_LABELS[p].id}"`).join(' dan/atau ');
}

function percentText(count: number, total: number): string {
  const tenths = Math.round((count * 1000) / total);
  const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)},${tenths % 10}`;
  return `${text}%`;
}

function rulesFor(predikatOrganisasi: PredikatOrganisasi, ruleSet: SkpRuleSet): readonly DistributionConstraint[] {
  if (!isPredikatOrganisasi(predikatOrganisasi)) {
    throw new DomainError('INVALID_PREDIKAT', `Unknown predikat kinerja organisasi: ${String(predikatOrganisasi)}`);
  }
  return ruleSet.distribution.rules[predikatOrganisasi];
}

/**
 * The SE MenPANRB 3/2023 limits (§1.7.5) as headcounts for a unit of `total` employees, e.g. for
 * a "kalkulator distribusi predikat". Rounding follows `ruleSet.distribution.rounding`
 * (default STRICT: max = floor, min = ceil).
 */
export function distributionLimits(
  predikatOrganisasi: PredikatOrganisasi,
  total: number,
  ruleSet: SkpRuleSet = CURRENT_SKP_RULE_SET,
): DistributionLimit[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new DomainError('INVALID_COUNT', `total must be a non-negative integer, got ${total}`);
  }
  const rounding = ruleSet.distribution.rounding;
  return rulesFor(predikatOrganisasi, ruleSet).map((c): DistributionLimit => {
    if (c.kind === 'AT_LEAST_ONE') {
      return { ruleId: c.id, kind: c.kind, predikat: c.predikat, percent: undefined, bound: 'min', count: total === 0 ? 0 : 1 };
    }
    const bound = c.kind === 'MAX_PERCENT' ? 'max' : 'min';
    return { ruleId: c.id, kind: c.kind, predikat: c.predikat, percent: c.percent, bound, count: limitCount(c.percent, total, bound, rounding) };
  });
}

/**
 * Checks the employees' predikat counts against the pola distribusi of the organisation's predikat
 * (SE MenPANRB 3/2023, §1.7.5), returning every broken constraint with a stable code.
 *
 * - ISTIMEWA: Sangat Baik ≤ 70%.
 * - BAIK: Baik ≤ 70%; at least one Butuh Perbaikan and/or Kurang/Misconduct.
 * - BUTUH_PERBAIKAN: Sangat Baik ≤ 10%; Butuh Perbaikan ≥ 60%.
 * - KURANG: Sangat Baik ≤ 10%; Butuh Perbaikan ≥ 10%; Kurang/Misconduct ≥ 60%.
 * - SANGAT_KURANG: no Sangat Baik; Kurang/Misconduct + Butuh Perbaikan ≥ 10%; Sangat Kurang ≥ 60%.
 *
 * Percentages are of all counted employees. With the default STRICT rounding the exact share is
 * compared (max = floor(p% × n), min = ceil(p% × n)). An empty unit (total 0) is valid.
 *
 * A pool of 1 to `ruleSet.distribution.minPoolSize` − 1 counted employees is `advisory`: its
 * breaches are still listed, but it is `valid` (with 1 employee under "Baik" the pattern could
 * never be met; see decision 0008).
 * Throws `DomainError('INVALID_COUNT')` for a negative/non-integer count or an unknown key.
 */
export function checkDistributionDetailed(
  predikatOrganisasi: PredikatOrganisasi,
  counts: PredikatCounts,
  ruleSet: SkpRuleSet = CURRENT_SKP_RULE_SET,
): { valid: boolean; advisory: boolean; total: number; violations: DistributionViolation[] } {
  const { byPredikat, total } = validatedCounts(counts);
  const limits = distributionLimits(predikatOrganisasi, total, ruleSet);
  const violations: DistributionViolation[] = [];
  const advisory = total > 0 && total < ruleSet.distribution.minPoolSize;
  if (total === 0) return { valid: true, advisory, total, violations };

  for (const limit of limits) {
    const actual = limit.predikat.reduce((sum, p) => sum + (byPredikat.get(p) ?? 0), 0);
    const names = predikatList(limit.predikat);
    const now = `saat ini ${actual} dari ${total} pegawai (${percentText(actual, total)})`;
    const base = { ruleId: limit.ruleId, predikat: limit.predikat, actual, limit: limit.count, total };
    if (limit.kind === 'AT_LEAST_ONE') {
      if (actual < 1) {
        violations.push({
          ...base,
          code: 'REQUIRED_PREDIKAT_MISSING',
          message: `Harus ada paling sedikit 1 pegawai dengan predikat ${names}; saat ini tidak ada.`,
        });
      }
    } else if (limit.bound === 'max' && actual > limit.count) {
      const message =
        limit.percent === 0
          ? `Tidak boleh ada pegawai dengan predikat ${names}; ${now}.`
          : `Pegawai dengan predikat ${names} paling banyak ${limit.percent}% (maksimal ${limit.count} dari ${total} pegawai); ${now}.`;
      violations.push({ ...base, code: 'MAX_PERCENT_EXCEEDED', message });
    } else if (limit.bound === 'min' && actual < limit.count) {
      violations.push({
        ...base,
        code: 'MIN_PERCENT_NOT_MET',
        message: `Pegawai dengan predikat ${names} paling sedikit ${limit.percent ?? 0}% (minimal ${limit.count} dari ${total} pegawai); ${now}.`,
      });
    }
  }
  return { valid: violations.length === 0 || advisory, advisory, total, violations };
}

/**
 * Checks the pola distribusi of SE MenPANRB 3/2023 (§1.7.5); see `checkDistributionDetailed` for
 * the rules, the rounding and small (advisory) pools, which are `valid` even when `violations`
 * lists breaches. `violations` are human-readable messages in Bahasa Indonesia.
 */
export function checkDistribution(
  predikatOrganisasi: PredikatOrganisasi,
  counts: PredikatCounts,
  ruleSet: SkpRuleSet = CURRENT_SKP_RULE_SET,
): { valid: boolean; violations: string[] } {
  const result = checkDistributionDetailed(predikatOrganisasi, counts, ruleSet);
  return { valid: result.valid, violations: result.violations.map((v) => v.message) };
}
