import { formatDate, intlLocale } from '../../lib/format';

/** "20 Mei 2026, 08.00–16.00 WIB" or "20 Mei 2026 – 21 Mei 2026, 08.00–12.00 WIB". */
export function sessionWhen(s: { startDate: string; endDate: string; startTime: string; endTime: string }, lang: string): string {
  const days = s.startDate === s.endDate ? formatDate(s.startDate, lang) : `${formatDate(s.startDate, lang)} – ${formatDate(s.endDate, lang)}`;
  const time = (hhmm: string) => (lang === 'en' ? hhmm : hhmm.replace(':', '.'));
  return `${days}, ${time(s.startTime)}–${time(s.endTime)} WIB`;
}

export function formatJp(value: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(value);
}

/** "20 Mei 2026, 08.00 WIB". */
export function sessionStart(date: string, time: string, lang: string): string {
  return `${formatDate(date, lang)}, ${lang === 'en' ? time : time.replace(':', '.')} WIB`;
}
