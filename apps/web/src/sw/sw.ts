import { OUTBOX_CHANNEL, OUTBOX_SYNC_TAG } from '../pwa/background-sync';
import { installCaching } from './caching';
import { sendInBackground, workerDeps, type BackgroundNews } from './sync';

/**
 * Pantau's service worker, built from TypeScript by vite.config.ts (a second, separate build into
 * one classic script at /sw.js, no hash) so that Background Sync sends with the page's own
 * outbox code. No service-worker library: see docs/decisions/0009-background-sync.md.
 */

declare const self: ServiceWorkerGlobalScope;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

function isSyncEvent(event: Event): event is SyncEvent {
  return event instanceof ExtendableEvent && 'tag' in event && typeof event.tag === 'string';
}

installCaching(self);

const channel = new BroadcastChannel(OUTBOX_CHANNEL);
const tell = (news: BackgroundNews) => channel.postMessage(news);

self.addEventListener('sync', (event) => {
  if (!isSyncEvent(event) || event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    sendInBackground(workerDeps(tell)).then(async (outcome) => {
      // A note that cannot be shown must not make the browser retry a sync that did its work.
      if (outcome.kind === 'done' && outcome.result.sent > 0) await notifySent(outcome.result.sent, outcome.me.locale).catch(() => undefined);
    }),
  );
});

const SENT_MESSAGE = {
  id: (n: number) => ({ title: 'Laporan harian terkirim', body: `${n} laporan yang tersimpan di ponsel sudah dikirim.` }),
  en: (n: number) => ({
    title: 'Daily report sent',
    body: n === 1 ? 'The report kept on the phone has been sent.' : `${n} reports kept on the phone have been sent.`,
  }),
} as const;

/** A quiet note, only where the person already allowed notifications and no Pantau page is on screen. */
async function notifySent(count: number, locale: 'id' | 'en'): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const windows = await self.clients.matchAll({ type: 'window' });
  if (windows.some((w) => w.visibilityState === 'visible')) return;
  const { title, body } = SENT_MESSAGE[locale](count);
  await self.registration.showNotification(title, { body, tag: OUTBOX_SYNC_TAG, icon: '/icon-192.png' });
}

self.addEventListener('notificationclick', (event) => {
  if (event.notification.tag !== OUTBOX_SYNC_TAG) return;
  event.notification.close();
  event.waitUntil(self.clients.openWindow('/laporan-harian/riwayat').then(() => undefined));
});
