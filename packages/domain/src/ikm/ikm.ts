import { DomainError } from '../errors.js';
import { divideRoundHalfUp, roundHalfUp } from '../util/decimal.js';

/**
 * Indeks Kepuasan Masyarakat per PermenPANRB 14/2017 (§4.3, §4.4 of the reference):
 *   NRR per unsur = Σ nilai unsur / jumlah kuesioner
 *   IKM (1–4)     = Σ (NRR × bobot), bobot 1/9 per unsur
 *   IKM unit      = IKM × 25 (25–100), rounded half up to 2 decimals, then classified.
 */

/** Mutu pelayanan A–D. */
export type MutuPelayanan = 'A' | 'B' | 'C' | 'D';

/** Kinerja unit pelayanan, exactly as the 2017 interval table. */
export type KinerjaUnitPelayanan = 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';

/** Stable codes of `IkmError`. */
export type IkmErrorCode = 'IKM_NO_RESPONSES' | 'IKM_RESPONSE_LENGTH' | 'IKM_ANSWER' | 'IKM_RANGE';

/** Thrown for invalid SKM input; `responseIndex` points at the offending kuesioner when known. */
export class IkmError extends DomainError<IkmErrorCode> {
  readonly responseIndex: number | undefined;

  constructor(code: IkmErrorCode, message: string, responseIndex?: number) {
    super(code, message);
    this.name = 'IkmError';
    this.responseIndex = responseIndex;
  }
}

/**
 * Weight per unsur: 'exact' = 1/9 (default; an all-4 survey gives 100,00) or '0.111' = the
 * rounded weight printed in the regulation (0,111 × 9 = 0,999, so an all-4 survey gives 99,90
 * and an all-1 survey 24,98, which `computeIkm` classifies as D).
 */
export type IkmWeightVariant = 'exact' | '0.111';

/** Options of `computeIkm`. */
export interface IkmOptions {
  readonly weightVariant?: IkmWeightVariant;
}

/** Result of `computeIkm`. `nrrPerUnsur` is unrounded (U1 … U9); `ikm` is on the 25–100 scale. */
export interface IkmResult {
  readonly nrrPerUnsur: number[];
  readonly ikm: number;
  readonly mutu: MutuPelayanan;
  readonly kinerja: KinerjaUnitPelayanan;
}

/** Number of unsur in PermenPANRB 14/2017. */
export const IKM_UNSUR_COUNT = 9;

/**
 * Interval table of PermenPANRB 14/2017 on the converted 25–100 scale (§4.4), best first; a value
 * belongs to the first row whose `min` it reaches (after rounding to 2 decimals).
 */
export const IKM_INTERVALS: readonly { readonly min: number; readonly max: number; readonly mutu: MutuPelayanan; readonly kinerja: KinerjaUnitPelayanan }[] = [
  { min: 88.31, max: 100, mutu: 'A', kinerja: 'Sangat Baik' },
  { min: 76.61, max: 88.3, mutu: 'B', kinerja: 'Baik' },
  { min: 65, max: 76.6, mutu: 'C', kinerja: 'Kurang Baik' },
  { min: 25, max: 64.99, mutu: 'D', kinerja: 'Tidak Baik' },
];

/**
 * Mutu and kinerja for an IKM on the 25–100 scale (PermenPANRB 14/2017 interval table, §4.4):
 * A "Sangat Baik" ≥ 88,31; B "Baik" 76,61–88,30; C "Kurang Baik" 65,00–76,60; D "Tidak Baik" < 65,00.
 * The value is first rounded half up to 2 decimals (so 88,305 → 88,31 → A); classification is
 * never done on the 1–4 NI column, which has gaps. Throws `IkmError('IKM_RANGE')` outside 25–100.
 */
export function ikmCategory(ikm: number): { mutu: MutuPelayanan; kinerja: KinerjaUnitPelayanan } {
  if (typeof ikm !== 'number' || !Number.isFinite(ikm)) {
    throw new IkmError('IKM_RANGE', `IKM must be a finite number, got ${String(ikm)}`);
  }
  const rounded = roundHalfUp(ikm, 2);
  if (rounded < 25 || rounded > 100) {
    throw new IkmError('IKM_RANGE', `IKM must be between 25 and 100, got ${ikm}`);
  }
  return classifyHundredths(Math.round(rounded * 100));
}

/** Classifies an IKM given in hundredths; anything below 65,00 is D (see the 0,111 note). */
function classifyHundredths(hundredths: number): { mutu: MutuPelayanan; kinerja: KinerjaUnitPelayanan } {
  // compare in hundredths to avoid float comparisons at the boundaries
  const row = IKM_INTERVALS.find((r) => hundredths >= Math.round(r.min * 100)) ?? IKM_INTERVALS[IKM_INTERVALS.length - 1];
  if (row === undefined) throw new IkmError('IKM_RANGE', `IKM out of range: ${hundredths / 100}`);
  return { mutu: row.mutu, kinerja: row.kinerja };
}

function validate(responses: readonly (readonly number[])[]): void {
  if (!Array.isArray(responses) || responses.length === 0) {
    throw new IkmError('IKM_NO_RESPONSES', 'At least one completed questionnaire is needed');
  }
  responses.forEach((response, index) => {
    if (!Array.isArray(response) || response.length !== IKM_UNSUR_COUNT) {
      throw new IkmError('IKM_RESPONSE_LENGTH', `Response ${index} must have exactly 9 answers`, index);
    }
    for (const answer of response) {
      if (!Number.isInteger(answer) || answer < 1 || answer > 4) {
        throw new IkmError('IKM_ANSWER', `Response ${index} has an answer that is not an integer 1–4: ${String(answer)}`, index);
      }
    }
  });
}

/**
 * Computes the IKM of a set of completed questionnaires (PermenPANRB 14/2017, §4.3): each response
 * is the nine answers U1 … U9, integers 1–4. Arithmetic is exact (integer sums): with the default
 * 'exact' weights IKM = 25 × Σ nilai / (9 × n); with '0.111' IKM = 2,775 × Σ nilai / n. The IKM is
 * rounded half up to 2 decimals BEFORE the category is read (`ikmCategory`).
 * Throws `IkmError` (IKM_NO_RESPONSES, IKM_RESPONSE_LENGTH, IKM_ANSWER) for invalid input.
 */
export function computeIkm(responses: readonly (readonly number[])[], options: IkmOptions = {}): IkmResult {
  validate(responses);
  const variant = options.weightVariant ?? 'exact';
  if (variant !== 'exact' && variant !== '0.111') {
    throw new DomainError('INVALID_ARGUMENT', `Unknown weightVariant: ${String(variant)}`);
  }
  const n = responses.length;
  const sums: number[] = Array.from({ length: IKM_UNSUR_COUNT }, () => 0);
  for (const response of responses) {
    response.forEach((answer, i) => {
      sums[i] = (sums[i] ?? 0) + answer;
    });
  }
  const total = sums.reduce((a, b) => a + b, 0);
  // IKM in hundredths, rounded half up:
  //   exact : 25 × total / (9n) × 100   = 2500 × total / (9n)
  //   0.111 : 0.111 × 25 × total / n × 100 = 2775 × total / (10n)
  const hundredths =
    variant === '0.111'
      ? divideRoundHalfUp(2775 * total, 10 * n)
      : divideRoundHalfUp(2500 * total, 9 * n);
  // Not via ikmCategory: with 0,111 an all-1 survey scores 24,98, just under the table's 25,00;
  // it is classified D rather than rejected.
  return { nrrPerUnsur: sums.map((s) => s / n), ikm: hundredths / 100, ...classifyHundredths(hundredths) };
}
