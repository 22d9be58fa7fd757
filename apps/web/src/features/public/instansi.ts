/**
 * The instansi whose public pages this deployment serves when the address does not say
 * (`?instansi=<code>` does). The API has no public "which instansi is this" endpoint yet, so the
 * default is the demo city's code; a survey page learns its instansi from the service itself.
 */
export const DEFAULT_INSTANSI_CODE = 'lhokseumawe';

export function instansiFromParams(params: URLSearchParams): string {
  const code = params.get('instansi')?.trim().toLowerCase() ?? '';
  return /^[a-z0-9-]{1,32}$/.test(code) ? code : DEFAULT_INSTANSI_CODE;
}
