import { intlLocale } from '../../lib/format';

/** A file size in megabytes with at most one decimal ("0,4", "5"), never below 0,1, for "{{size}} MB". */
export function megabytes(bytes: number, lang: string): string {
  const mb = Math.max(0.1, bytes / 1024 / 1024);
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(mb);
}

/** IKM and NRR with the number of decimals the regulation's tables use ("88,31"). */
export function decimal(value: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a percentage ("87 %"), whole numbers. */
export function percent(share: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * The tracking secret in groups of four ("e93K 0cNO CLbQ …"), so a citizen can copy it by hand
 * without losing their place. Spaces are removed again when it is typed in.
 */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export function ungroupSecret(input: string): string {
  return input.replace(/\s+/g, '');
}

/** "2026-03" → "Mar" / "Maret 2026" (WIB calendar, id-ID or en-GB). */
export function monthLabel(yearMonth: string, lang: string, style: 'short' | 'long'): string {
  const d = new Date(`${yearMonth}-15T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return yearMonth;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'Asia/Jakarta',
  }).format(d);
}
