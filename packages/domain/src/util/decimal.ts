import { DomainError } from '../errors.js';

/**
 * Rounds half away from zero ("pembulatan ke atas pada angka 5", the rounding used in Indonesian
 * government tables) to `decimals` places.
 *
 * The value is first read as its 15-significant-digit decimal form, so binary noise from earlier
 * arithmetic does not change the result: `roundHalfUp(1.005, 2) === 1.01` and
 * `roundHalfUp(88.305, 2) === 88.31`, where `Math.round(x * 100) / 100` would give 1 and 88.3.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) {
    throw new DomainError('INVALID_NUMBER', `Cannot round a non-finite number: ${value}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new DomainError('INVALID_NUMBER', `decimals must be an integer 0–15, got ${decimals}`);
  }
  if (value === 0) return 0;
  const sign = value < 0 ? -1 : 1;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(value).toPrecision(15));
  if (!match) {
    throw new DomainError('INVALID_NUMBER', `Cannot read ${value} as a decimal`);
  }
  const intPart = match[1] ?? '';
  const digits = intPart + (match[2] ?? '');
  const pointPos = intPart.length + Number(match[3] ?? '0');
  const keep = pointPos + decimals; // digits that stay before rounding
  if (keep >= digits.length) return value;
  if (keep < 0) return 0;
  const head = keep === 0 ? 0 : Number(digits.slice(0, keep));
  const next = digits.charAt(keep);
  const rounded = next >= '5' ? head + 1 : head;
  const result = sign * (rounded / 10 ** decimals);
  return result === 0 ? 0 : result;
}

/**
 * Integer division `numerator / denominator` rounded half up, exact for non-negative safe integers.
 * Used where the rules ask for decimal arithmetic (IKM, angka kredit) to avoid float drift.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    denominator <= 0
  ) {
    throw new DomainError(
      'INVALID_NUMBER',
      `divideRoundHalfUp needs a non-negative integer numerator and a positive integer denominator, got ${numerator}/${denominator}`,
    );
  }
  const doubled = numerator * 2 + denominator;
  const divisor = denominator * 2;
  return (doubled - (doubled % divisor)) / divisor;
}
