/** Injected time source; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Calendar date in WIB (UTC+7, no DST) for an instant. Stored times are UTC. */
export function wibDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function wibTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}
