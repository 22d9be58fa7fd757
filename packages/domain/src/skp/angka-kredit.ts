import { DomainError } from '../errors.js';
import type { JenjangFungsional } from '../org/jabatan.js';
import { isJenjangFungsional } from '../org/jabatan.js';
import { divideRoundHalfUp } from '../util/decimal.js';
import { CURRENT_SKP_RULE_SET } from './rule-set.js';
import type { SkpRuleSet } from './rule-set.js';
import type { PredikatKinerja } from './types.js';
import { isPredikatKinerja } from './types.js';

/** Scale used to turn koefisien such as 3,75 into integers (4 decimal places). */
const KOEFISIEN_SCALE = 10_000;

/**
 * Angka kredit earned by a pejabat fungsional from a predikat kinerja (PermenPANRB 1/2023, §1.9 b):
 * koefisien per tahun of the jenjang × percentage of the predikat (SB 150%, B 100%, BP 75%,
 * K 50%, SK 25%) × months / 12.
 *
 * - `months` is a whole number 0–12 (default 12 = a full year). The proration months/12 is
 *   UNCONFIRMED in the reference and is the default choice.
 * - Computed with integers and rounded half up once, at the end, to `ruleSet.angkaKredit.decimals`
 *   (2 in the current rule set, which reproduces the reference table: Pemula × Sangat Baik =
 *   5,625 → 5.63). Callers adding periods should add the results as returned.
 *
 * @example angkaKredit('AHLI_PERTAMA', 'BAIK') // 12.5
 */
export function angkaKredit(
  jenjang: JenjangFungsional,
  predikat: PredikatKinerja,
  months = 12,
  ruleSet: SkpRuleSet = CURRENT_SKP_RULE_SET,
): number {
  if (!isJenjangFungsional(jenjang)) {
    throw new DomainError('INVALID_JENJANG', `Unknown jenjang fungsional: ${String(jenjang)}`);
  }
  if (!isPredikatKinerja(predikat)) {
    throw new DomainError('INVALID_PREDIKAT', `Unknown predikat kinerja: ${String(predikat)}`);
  }
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    throw new DomainError('INVALID_ARGUMENT', `months must be a whole number 0–12, got ${months}`);
  }
  const { koefisien, percentage, decimals } = ruleSet.angkaKredit;
  const koef = Math.round(koefisien[jenjang] * KOEFISIEN_SCALE);
  const pct = percentage[predikat];
  const scale = 10 ** decimals;
  // value = koef / KOEFISIEN_SCALE × pct / 100 × months / 12, expressed in units of 1/scale
  const units = divideRoundHalfUp(koef * pct * months * scale, KOEFISIEN_SCALE * 100 * 12);
  return units / scale;
}
