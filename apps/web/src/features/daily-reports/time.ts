import { intlLocale, parseDate, TIME_ZONE } from '../../lib/format';

/** "08.00" in Indonesian, "08:00" in English (how each writes a time of day). */
export function formatTime(hhmm: string, lang: string): string {
  return lang === 'en' ? hhmm : hhmm.replace(':', '.');
}

/** "Jum, 27 Nov" / "Fri, 27 Nov": short enough for a date button on a phone. */
export function formatDayShort(date: string, lang: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone: TIME_ZONE }).format(d);
}

/** "Jumat, 27 November 2026". */
export function formatDayLong(date: string, lang: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(d);
}

/** The time now in WIB as "HH:mm", rounded down to 5 minutes (a sensible default). */
export function nowTimeWib(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).formatToParts(now);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const rounded = m - (m % 5);
  return `${String(h).padStart(2, '0')}:${String(rounded).padStart(2, '0')}`;
}

/** Hours and minutes of a duration, for "1 jam 30 menit". */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const safe = Math.max(0, Math.round(total));
  return { hours: Math.floor(safe / 60), minutes: safe % 60 };
}

/** The clock time of an instant in WIB: "10.32" (id) / "10:32" (en). */
export function formatClock(at: Date, lang: string): string {
  const hhmm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(at);
  return formatTime(hhmm, lang);
}

/** "Jumat, 27 November": the day a report is about, without the year. */
export function formatDayMedium(date: string, lang: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(d);
}

/** "Jumat" / "Friday". */
export function formatWeekday(date: string, lang: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: TIME_ZONE }).format(d);
}
