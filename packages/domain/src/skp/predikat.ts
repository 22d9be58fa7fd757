import { DomainError } from '../errors.js';
import { CURRENT_SKP_RULE_SET } from './rule-set.js';
import type { SkpRuleSet } from './rule-set.js';
import type { PredikatKinerja, Rating } from './types.js';
import { isRating } from './types.js';

/**
 * Predikat kinerja pegawai from the two ratings, by the 3×3 "kuadran kinerja" of
 * PermenPANRB 6/2022 (§1.7.4): rows = rating hasil kerja, columns = rating perilaku kerja.
 *
 * | Hasil \ Perilaku | Di Bawah        | Sesuai          | Di Atas         |
 * |------------------|-----------------|-----------------|-----------------|
 * | Di Atas          | KURANG          | BAIK            | SANGAT_BAIK     |
 * | Sesuai           | KURANG          | BAIK            | BAIK            |
 * | Di Bawah         | SANGAT_KURANG   | BUTUH_PERBAIKAN | BUTUH_PERBAIKAN |
 *
 * KURANG is displayed "Kurang/Misconduct" (`PREDIKAT_KINERJA_LABELS`). Throws
 * `DomainError('INVALID_RATING')` for an unknown rating (e.g. bad data from an API).
 */
export function predikatKinerja(
  hasilKerja: Rating,
  perilakuKerja: Rating,
  ruleSet: SkpRuleSet = CURRENT_SKP_RULE_SET,
): PredikatKinerja {
  if (!isRating(hasilKerja) || !isRating(perilakuKerja)) {
    throw new DomainError(
      'INVALID_RATING',
      `Ratings must be DI_ATAS, SESUAI or DI_BAWAH, got ${String(hasilKerja)} / ${String(perilakuKerja)}`,
    );
  }
  return ruleSet.matrix[hasilKerja][perilakuKerja];
}
