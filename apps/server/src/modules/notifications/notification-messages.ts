import type { Locale } from '@pantau/contracts';
import { interpolate } from '../../http/messages.js';
import { skpNotificationTemplates } from '../skp/skp-notification-templates.js';
import { trainingNotificationTemplates } from '../training/training.notifications.js';

/**
 * Texts of notifications by type, rendered at read (or mail) time in the reader's language.
 * Bahasa Indonesia is the source.
 */
const templates: Record<string, { title: { id: string; en: string }; body: { id: string; en: string } }> = {
  'daily_report.returned': {
    title: { id: 'Laporan harian {date} dikembalikan', en: 'Daily report of {date} was returned' },
    body: { id: 'Catatan atasan: {note} Perbaiki lalu kirim ulang.', en: 'Supervisor\'s note: {note} Fix it and submit again.' },
  },
  'supervision.recorded': {
    title: { id: '{kindLabel} dari {authorName}', en: '{kindLabel} from {authorName}' },
    body: { id: '{excerpt}', en: '{excerpt}' },
  },
  'reminder.report_missing': {
    title: { id: 'Laporan harian {date} belum dikirim', en: 'Daily report of {date} not submitted yet' },
    body: {
      id: 'Catat kegiatan hari ini lalu kirim ke atasan sebelum pulang.',
      en: 'Record today\'s activities and submit them to your supervisor before you leave.',
    },
  },
  'reminder.pending_verifications': {
    title: { id: '{count} laporan harian menunggu verifikasi Anda', en: '{count} daily reports wait for your verification' },
    body: {
      id: 'Laporan tertua dari tanggal {oldestDate}. Verifikasi atau kembalikan dengan catatan.',
      en: 'The oldest is from {oldestDate}. Verify them or return them with a note.',
    },
  },
  ...trainingNotificationTemplates,
  ...skpNotificationTemplates,
};

const kindLabels: Record<string, { id: string; en: string }> = {
  NOTE: { id: 'Catatan', en: 'A note' },
  PEMBINAAN: { id: 'Catatan pembinaan', en: 'A coaching record' },
  DIALOG_KINERJA: { id: 'Catatan dialog kinerja', en: 'A performance dialogue record' },
};

function formatDate(date: unknown, locale: Locale): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return String(date ?? '');
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function renderNotification(type: string, params: Record<string, unknown>, locale: Locale): { title: string; body: string } {
  const t = templates[type];
  if (!t) return { title: type, body: '' };
  const values: Record<string, unknown> = {
    ...params,
    date: formatDate(params.date, locale),
    oldestDate: formatDate(params.oldestDate, locale),
    kindLabel: kindLabels[String(params.kind)]?.[locale] ?? '',
  };
  return { title: interpolate(t.title[locale], values), body: interpolate(t.body[locale], values) };
}
