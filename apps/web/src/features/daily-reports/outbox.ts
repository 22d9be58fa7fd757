import { useSyncExternalStore } from 'react';
import type { DailyReportDto } from '@pantau/contracts';
import { OUTBOX_CHANNEL, requestBackgroundSync, type OutboxNews } from '../../pwa/background-sync';
import { isOnline } from '../../pwa/online';
import { createDayOutbox, type DayEntry } from './day-outbox';

export type { DayEntry } from './day-outbox';

type SentListener = (entry: DayEntry, report: DailyReportDto) => void;
const sentListeners = new Set<SentListener>();

function tellSent(entry: DayEntry, report: DailyReportDto): void {
  for (const l of sentListeners) l(entry, report);
}

/** The one outbox of daily reports on this device (shared by every page of the app). */
export const dayOutbox = createDayOutbox({
  onSent: tellSent,
  isOnline,
  // Where the browser has Background Sync, the service worker sends it even after the tab is closed.
  onWaiting: requestBackgroundSync,
});

/**
 * Listens to what the service worker sends while a page is open (or asleep): the queue and the
 * day pages refresh as if this page had sent it. Returns the way to stop listening.
 */
export function listenToBackgroundSends(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.onmessage = (event: MessageEvent<OutboxNews<DayEntry, DailyReportDto>>) => {
    const news = event.data;
    if (news.type === 'sent') tellSent(news.entry, news.result);
    void dayOutbox.refresh();
  };
  return () => channel.close();
}

export function onDaySent(listener: SentListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export const dayGroup = (date: string): string => `day:${date}`;

export function useOutboxEntries(): readonly DayEntry[] {
  return useSyncExternalStore(dayOutbox.subscribe, dayOutbox.entries, dayOutbox.entries);
}

export function useSendingId(): string | null {
  return useSyncExternalStore(dayOutbox.subscribe, dayOutbox.sendingId, dayOutbox.sendingId);
}
