import { parseIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import type { JenjangFungsional } from '../org/jabatan.js';
import type { PredikatKinerja, PredikatOrganisasi, Rating } from './types.js';

/**
 * Versioned SKP rule sets. A new regulation is a new `SkpRuleSet` object appended to
 * `SKP_RULE_SETS`; functions take an optional `ruleSet` argument defaulting to
 * `CURRENT_SKP_RULE_SET`, and `skpRuleSetFor(date)` picks the one in force on a date.
 */

/**
 * One distribution constraint of SE MenPANRB 3/2023 (§1.7.5). Percentages are whole numbers
 * (70 = 70%) so limits are computed with integer arithmetic.
 * - MAX_PERCENT: employees with any of `predikat` ≤ `percent`% of all employees (0 = none allowed).
 * - MIN_PERCENT: employees with any of `predikat` ≥ `percent`% of all employees.
 * - AT_LEAST_ONE: at least one employee with any of `predikat` ("harus ada").
 */
export type DistributionConstraint =
  | { readonly id: string; readonly kind: 'MAX_PERCENT'; readonly predikat: readonly PredikatKinerja[]; readonly percent: number }
  | { readonly id: string; readonly kind: 'MIN_PERCENT'; readonly predikat: readonly PredikatKinerja[]; readonly percent: number }
  | { readonly id: string; readonly kind: 'AT_LEAST_ONE'; readonly predikat: readonly PredikatKinerja[] };

/**
 * How a percentage of a headcount becomes a whole number of employees (the SE gives no rule):
 * - 'STRICT' (default): maximum = floor(p% × n), minimum = ceil(p% × n) — i.e. the exact share
 *   must not exceed / fall below the percentage (the reference's suggestion, §1.7.5).
 * - 'HALF_UP': both limits = p% × n rounded half up (more lenient for small units).
 */
export type DistributionRounding = 'STRICT' | 'HALF_UP';

/** A complete, versioned set of SKP evaluation rules. */
export interface SkpRuleSet {
  readonly id: string;
  readonly name: string;
  /** First day (`YYYY-MM-DD`) of the performance year the rules apply to. */
  readonly validFrom: string;
  readonly sources: readonly string[];
  /** 3×3 matrix: `matrix[hasilKerja][perilakuKerja]` → predikat kinerja pegawai (§1.7.4). */
  readonly matrix: Readonly<Record<Rating, Readonly<Record<Rating, PredikatKinerja>>>>;
  readonly distribution: {
    readonly rounding: DistributionRounding;
    /**
     * Pools with fewer rated employees than this are checked for guidance only: the limits and
     * any breaches are still reported, but the pool counts as valid (no justification needed to
     * finalise). See docs/decisions/0008-skp-distribution-rounding.md. 1 = always binding.
     */
    readonly minPoolSize: number;
    readonly rules: Readonly<Record<PredikatOrganisasi, readonly DistributionConstraint[]>>;
  };
  readonly angkaKredit: {
    /** Koefisien angka kredit per tahun per jenjang (§1.9 b). */
    readonly koefisien: Readonly<Record<JenjangFungsional, number>>;
    /** Whole-number percentage of the koefisien per predikat (§1.9 b). */
    readonly percentage: Readonly<Record<PredikatKinerja, number>>;
    /** Decimal places of the result, rounded half up (the reference table shows 2). */
    readonly decimals: number;
  };
}

/**
 * PermenPANRB 6/2022 (3×3 matrix) + SE MenPANRB 3/2023 (distribution, SECONDARY source) +
 * PermenPANRB 1/2023 (angka kredit, SECONDARY source), for performance years from 2023.
 *
 * Choices where the reference is silent: "sebagian besar (maksimal 70%)" is a cap only, no floor;
 * rounding is STRICT (see `DistributionRounding`) and binding from 10 rated employees in a pool,
 * advisory below (`minPoolSize`; decision 0008); angka kredit is rounded half up to 2 decimals,
 * matching the reference table (5,625 → 5,63).
 */
export const RULE_SET_PERMENPANRB_6_2022: SkpRuleSet = {
  id: 'permenpanrb-6-2022',
  name: 'PermenPANRB 6/2022 + SE MenPANRB 3/2023 + PermenPANRB 1/2023',
  validFrom: '2023-01-01',
  sources: [
    'PermenPANRB No. 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai ASN',
    'SE MenPANRB No. 3 Tahun 2023 (31 Januari 2023)',
    'PermenPANRB No. 1 Tahun 2023 tentang Jabatan Fungsional',
  ],
  matrix: {
    DI_ATAS: { DI_ATAS: 'SANGAT_BAIK', SESUAI: 'BAIK', DI_BAWAH: 'KURANG' },
    SESUAI: { DI_ATAS: 'BAIK', SESUAI: 'BAIK', DI_BAWAH: 'KURANG' },
    DI_BAWAH: { DI_ATAS: 'BUTUH_PERBAIKAN', SESUAI: 'BUTUH_PERBAIKAN', DI_BAWAH: 'SANGAT_KURANG' },
  },
  distribution: {
    rounding: 'STRICT',
    minPoolSize: 10,
    rules: {
      ISTIMEWA: [{ id: 'ISTIMEWA_SB_MAX', kind: 'MAX_PERCENT', predikat: ['SANGAT_BAIK'], percent: 70 }],
      BAIK: [
        { id: 'BAIK_B_MAX', kind: 'MAX_PERCENT', predikat: ['BAIK'], percent: 70 },
        { id: 'BAIK_BP_K_REQUIRED', kind: 'AT_LEAST_ONE', predikat: ['BUTUH_PERBAIKAN', 'KURANG'] },
      ],
      BUTUH_PERBAIKAN: [
        { id: 'BUTUH_PERBAIKAN_SB_MAX', kind: 'MAX_PERCENT', predikat: ['SANGAT_BAIK'], percent: 10 },
        { id: 'BUTUH_PERBAIKAN_BP_MIN', kind: 'MIN_PERCENT', predikat: ['BUTUH_PERBAIKAN'], percent: 60 },
      ],
      KURANG: [
        { id: 'KURANG_SB_MAX', kind: 'MAX_PERCENT', predikat: ['SANGAT_BAIK'], percent: 10 },
        { id: 'KURANG_BP_MIN', kind: 'MIN_PERCENT', predikat: ['BUTUH_PERBAIKAN'], percent: 10 },
        { id: 'KURANG_K_MIN', kind: 'MIN_PERCENT', predikat: ['KURANG'], percent: 60 },
      ],
      SANGAT_KURANG: [
        { id: 'SANGAT_KURANG_SB_NONE', kind: 'MAX_PERCENT', predikat: ['SANGAT_BAIK'], percent: 0 },
        { id: 'SANGAT_KURANG_K_BP_MIN', kind: 'MIN_PERCENT', predikat: ['KURANG', 'BUTUH_PERBAIKAN'], percent: 10 },
        { id: 'SANGAT_KURANG_SK_MIN', kind: 'MIN_PERCENT', predikat: ['SANGAT_KURANG'], percent: 60 },
      ],
    },
  },
  angkaKredit: {
    koefisien: {
      PEMULA: 3.75,
      TERAMPIL: 5,
      MAHIR: 12.5,
      PENYELIA: 25,
      AHLI_PERTAMA: 12.5,
      AHLI_MUDA: 25,
      AHLI_MADYA: 37.5,
      AHLI_UTAMA: 50,
    },
    percentage: { SANGAT_BAIK: 150, BAIK: 100, BUTUH_PERBAIKAN: 75, KURANG: 50, SANGAT_KURANG: 25 },
    decimals: 2,
  },
};

/** All known SKP rule sets, oldest first. */
export const SKP_RULE_SETS: readonly SkpRuleSet[] = [RULE_SET_PERMENPANRB_6_2022];

/** The rule set used when a function is called without one. */
export const CURRENT_SKP_RULE_SET: SkpRuleSet = RULE_SET_PERMENPANRB_6_2022;

/**
 * The rule set in force on `date` (`YYYY-MM-DD`): the latest one whose `validFrom` ≤ date.
 * Throws `DomainError('NO_RULE_SET')` for a date before every rule set.
 */
export function skpRuleSetFor(date: string, ruleSets: readonly SkpRuleSet[] = SKP_RULE_SETS): SkpRuleSet {
  parseIsoDate(date);
  let found: SkpRuleSet | undefined;
  for (const rs of ruleSets) {
    if (rs.validFrom <= date && (found === undefined || rs.validFrom > found.validFrom)) found = rs;
  }
  if (found === undefined) {
    throw new DomainError('NO_RULE_SET', `No SKP rule set is in force on ${date}`);
  }
  return found;
}
