import type { DailyReportDto, Me } from '@pantau/contracts';
import { ApiError, apiRequest, configureApiClient, setCsrfToken } from '../api/client';
import { createDayOutbox, type DayEntry } from '../features/daily-reports/day-outbox';
import { withOutboxLock, type OutboxNews } from '../pwa/background-sync';
import { deviceStore, OUTBOX_STORE } from '../pwa/idb';
import type { FlushResult } from '../pwa/outbox';

/**
 * Background Sync: the service worker sends the daily-report outbox when the browser says the
 * connection is back, also when no Pantau tab is open. It is the page's own outbox code
 * (features/daily-reports/day-outbox.ts) over the same IndexedDB store and under the same Web
 * Lock, so entries are sent, refused and removed exactly as the page does it.
 */

export type BackgroundNews = OutboxNews<DayEntry, DailyReportDto>;

export interface BackgroundSendDeps {
  /** The entries on this device still waiting (any person's). */
  waiting: () => Promise<DayEntry[]>;
  /** The person whose session cookie this browser holds; null when signed out. Throws offline. */
  whoAmI: () => Promise<Me | null>;
  /** Sends that person's entries; `onSent` for each one the server took. */
  send: (me: Me, onSent: (entry: DayEntry, report: DailyReportDto) => void) => Promise<FlushResult>;
  /** News for open pages (BroadcastChannel). */
  tell: (news: BackgroundNews) => void;
}

export type BackgroundOutcome =
  | { kind: 'nothing' }
  /** Entries wait for a sign-in (expired session, another person signed in, password change): the page handles them. */
  | { kind: 'signed-out' }
  | { kind: 'done'; me: Me; result: FlushResult };

/** The error that makes the browser try the sync again later (network down, server failing). */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLater';
  }
}

/**
 * One background pass. Throws (so `waitUntil` rejects and the browser retries with its own
 * backoff) only while something is due and the network or the server is the reason.
 */
export async function sendInBackground(deps: BackgroundSendDeps): Promise<BackgroundOutcome> {
  const waiting = (await deps.waiting()).filter((e) => e.state === 'pending');
  if (waiting.length === 0) return { kind: 'nothing' };
  let me: Me | null;
  try {
    me = await deps.whoAmI();
  } catch (error) {
    throw new RetryLater(error instanceof Error ? error.message : String(error));
  }
  if (!me || me.employeeId === null || me.mustChangePassword || !me.csrfToken) return { kind: 'signed-out' };
  const userId = me.userId;
  if (!waiting.some((e) => e.userId === userId)) return { kind: 'signed-out' };
  const result = await deps.send(me, (entry, report) => deps.tell({ type: 'sent', entry, result: report }));
  if (result.sent > 0 || result.refused > 0) deps.tell({ type: 'changed' });
  if (result.retry) throw new RetryLater('outbox: the network or the server failed; the browser tries again later');
  return { kind: 'done', me, result };
}

/** The real dependencies inside the service worker. */
export function workerDeps(tell: (news: BackgroundNews) => void): BackgroundSendDeps {
  return {
    waiting: async () => {
      // A page that queued while online is usually sending it right now: let it finish first, so
      // the worker asks the server nothing when the queue is empty by then.
      await withOutboxLock(async () => undefined);
      return deviceStore<DayEntry>(OUTBOX_STORE).all();
    },
    whoAmI: async () => {
      try {
        const { me } = await apiRequest<{ me: Me }>('/api/me', { allowUnauthenticated: true });
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
        throw error;
      }
    },
    send: async (me, onSent) => {
      setCsrfToken(me.csrfToken);
      configureApiClient({ language: () => me.locale });
      const outbox = createDayOutbox({
        onSent,
        isOnline: () => navigator.onLine,
        // The browser schedules the next try (a rejected sync), not a timer in a worker that may be stopped.
        schedule: () => () => undefined,
      });
      await outbox.setUser(me.userId);
      return outbox.flush();
    },
    tell,
  };
}
