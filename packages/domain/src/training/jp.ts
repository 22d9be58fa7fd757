import { DomainError } from '../errors.js';
import { roundHalfUp } from '../util/decimal.js';

/**
 * Pengembangan kompetensi: at least 20 jam pelajaran (JP) per PNS per year, PP 11/2017 jo
 * PP 17/2020 Pasal 203 ayat (4) (§8.3 of the reference). PPPK follow Peraturan LAN 15/2020; the
 * same 20 JP is used as the default for them (UNCONFIRMED), hence the `minimum` parameter.
 */
export const MIN_JP_PER_YEAR = 20;

/** Progress of a pegawai towards the yearly JP minimum. */
export interface JpStatus {
  /** True when `totalJp` ≥ `minimum`. */
  readonly met: boolean;
  readonly totalJp: number;
  readonly minimum: number;
  /** JP still missing (0 once met), rounded half up to 2 decimals. */
  readonly shortfall: number;
  /** totalJp / minimum, capped at 1 (1 when the minimum is 0), for progress bars. */
  readonly progress: number;
}

/**
 * Whether `totalJp` reaches the yearly minimum (default 20 JP, PP 11/2017 Pasal 203 ayat (4)).
 * Reaching exactly the minimum counts as met. JP may be fractional; both arguments must be finite
 * and ≥ 0, else `DomainError('INVALID_ARGUMENT')`.
 */
export function jpStatus(totalJp: number, minimum: number = MIN_JP_PER_YEAR): JpStatus {
  if (!Number.isFinite(totalJp) || totalJp < 0 || !Number.isFinite(minimum) || minimum < 0) {
    throw new DomainError('INVALID_ARGUMENT', `JP values must be finite and ≥ 0, got ${totalJp} / ${minimum}`);
  }
  const met = totalJp >= minimum;
  return {
    met,
    totalJp,
    minimum,
    shortfall: met ? 0 : roundHalfUp(minimum - totalJp, 2),
    progress: minimum === 0 ? 1 : Math.min(1, totalJp / minimum),
  };
}
