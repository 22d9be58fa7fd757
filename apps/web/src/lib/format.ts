/**
 * Dates and numbers for people: Indonesian (id-ID) or British English (en-GB), always in WIB.
 * Pantau serves Lhokseumawe, so the calendar day is the day in Asia/Jakarta whatever the
 * device's own time zone says.
 */

export type UiLanguage = 'id' | 'en';

export const TIME_ZONE = 'Asia/Jakarta';

const INTL_LOCALE: Record<UiLanguage, string> = { id: 'id-ID', en: 'en-GB' };

export function intlLocale(lang: string): string {
  return lang === 'en' ? INTL_LOCALE.en : INTL_LOCALE.id;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" as that calendar day in WIB, or any ISO date-time as an instant. */
export function parseDate(value: string): Date | null {
  const dateOnly = DATE_ONLY.exec(value);
  const d = dateOnly ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "1 Maret 2024" (id) / "1 March 2024" (en). Unparseable input is returned as it came. */
export function formatDate(value: string, lang: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(d);
}

/** "1 Maret 2024 pukul 08.30 WIB"-style date and time, in WIB. */
export function formatDateTime(value: string, lang: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
    timeZoneName: 'short',
  }).format(d);
}

/**
 * "1 Maret 2024 – sekarang" when `to` is null (the caller passes the translated word for
 * "now"), otherwise "1 Maret 2024 – 31 Desember 2024".
 */
export function formatDateRange(
  from: string,
  to: string | null,
  lang: string,
  presentLabel: string,
): string {
  const start = formatDate(from, lang);
  const end = to === null ? presentLabel : formatDate(to, lang);
  return `${start} – ${end}`;
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}

export type DayPeriod = 'morning' | 'midday' | 'afternoon' | 'evening';

/**
 * The part of the day in WIB, for greetings the Indonesian way:
 * pagi (until 11.00), siang (11.00–15.00), sore (15.00–18.00), malam (from 18.00).
 */
export function dayPeriod(now: Date): DayPeriod {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: TIME_ZONE }).format(now),
  );
  if (hour >= 4 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 15) return 'midday';
  if (hour >= 15 && hour < 18) return 'afternoon';
  return 'evening';
}

/** Today's calendar date in WIB as "YYYY-MM-DD" (for comparing with assignment dates). */
export function todayIso(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}
