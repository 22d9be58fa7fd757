/**
 * Base error for every rule violation raised by `@pantau/domain`.
 *
 * `code` is stable and meant for programs (API error bodies, i18n lookups); `message` is English
 * and meant for logs. Modules with their own code lists narrow `C` (see `NipError`, `IkmError`).
 */
export class DomainError<C extends string = string> extends Error {
  readonly code: C;

  constructor(code: C, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}
