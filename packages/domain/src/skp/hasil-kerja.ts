import type { Rating } from './types.js';

/** A rated RHK, as used by `suggestHasilKerjaRating`. */
export interface RatedResult {
  readonly kind: 'UTAMA' | 'TAMBAHAN';
  readonly rating: Rating;
}

/**
 * A suggested rating hasil kerja from per-RHK ratings, following the definitions quoted from
 * PermenPANRB 6/2022 (§1.7.3); the pejabat penilai decides, this only pre-fills the choice:
 * - Di Atas: most (> half) or all results above expectation and no RHK utama below it;
 * - Di Bawah: most (> half) or all results below expectation;
 * - Sesuai: otherwise when most results meet or exceed expectation and at most a small part
 *   (less than half) of the RHK utama is below it;
 * - Di Bawah for the remaining mixes. Returns null when nothing is rated.
 * "Sebagian besar" is read as "more than half" (the regulation gives no number).
 */
export function suggestHasilKerjaRating(results: readonly RatedResult[]): Rating | null {
  const n = results.length;
  if (n === 0) return null;
  const above = results.filter((r) => r.rating === 'DI_ATAS').length;
  const below = results.filter((r) => r.rating === 'DI_BAWAH').length;
  const utama = results.filter((r) => r.kind === 'UTAMA');
  const utamaBelow = utama.filter((r) => r.rating === 'DI_BAWAH').length;
  if (below * 2 > n) return 'DI_BAWAH';
  if (above * 2 > n && utamaBelow === 0) return 'DI_ATAS';
  if ((n - below) * 2 > n && utamaBelow * 2 < Math.max(utama.length, 1)) return 'SESUAI';
  return 'DI_BAWAH';
}
