/**
 * What the page and the service worker agree on to send the outbox in the background
 * (Background Sync, Chromium only): the sync tag, the lock both send under, and the channel on
 * which the worker tells open pages what it sent. Safe to import in the worker (no window, no DOM).
 */

/** The sync tag the page registers whenever something waits in the outbox. */
export const OUTBOX_SYNC_TAG = 'pantau-outbox';
/** One Web Lock for every sender of this origin: each tab and the service worker. */
export const OUTBOX_LOCK = 'pantau-outbox';
/** The worker's news for open pages: `OutboxNews` messages. */
export const OUTBOX_CHANNEL = 'pantau-outbox';

export type OutboxNews<E, R> = { type: 'sent'; entry: E; result: R } | { type: 'changed' };

/** Runs `fn` while no other sender of this origin holds the outbox lock (where Web Locks exist). */
export function withOutboxLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return new Promise<T>((resolve, reject) => {
    locks.request(OUTBOX_LOCK, () => fn().then(resolve, reject)).catch(reject);
  });
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

function isSyncManager(v: unknown): v is SyncManagerLike {
  return typeof v === 'object' && v !== null && 'register' in v && typeof v.register === 'function';
}

/** True where the service worker can send the outbox after the page is closed. */
export function supportsBackgroundSync(): boolean {
  return 'SyncManager' in globalThis && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/** Set when the browser refused a registration (the person turned background sync off for the site). */
let refused = false;

/** True when this page's service worker will send the outbox even after the tab is closed. */
export function backgroundSyncReady(): boolean {
  return !refused && supportsBackgroundSync() && navigator.serviceWorker.controller !== null;
}

/**
 * Asks the browser to wake the service worker once the connection is back (at once when it is
 * there). Where Background Sync is missing nothing happens: the open page sends as before.
 */
export function requestBackgroundSync(): void {
  if (!supportsBackgroundSync()) return;
  navigator.serviceWorker.ready
    .then((registration) => {
      const sync = 'sync' in registration ? registration.sync : null;
      return isSyncManager(sync) ? sync.register(OUTBOX_SYNC_TAG) : undefined;
    })
    .then(
      () => {
        refused = false;
      },
      () => {
        refused = true;
      },
    );
}
