import { useSyncExternalStore } from 'react';
import type { DailyReportDto } from '@pantau/contracts';
import { deviceStore, OUTBOX_STORE } from '../../pwa/idb';
import { isOnline } from '../../pwa/online';
import { createOutbox, type OutboxEntry } from '../../pwa/outbox';
import { newLocalId, sameSubmission, type DaySubmission } from './model';
import { sendDaySubmission } from './sender';

export type DayEntry = OutboxEntry<DaySubmission>;

type SentListener = (entry: DayEntry, report: DailyReportDto) => void;
const sentListeners = new Set<SentListener>();

/** Serialises sending across tabs of the same browser, where Web Locks exist. */
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return new Promise<T>((resolve, reject) => {
    locks.request('pantau-outbox', () => fn().then(resolve, reject)).catch(reject);
  });
}

/** The one outbox of daily reports on this device (shared by every page of the app). */
export const dayOutbox = createOutbox<DaySubmission, DailyReportDto>({
  store: deviceStore<DayEntry>(OUTBOX_STORE),
  send: sendDaySubmission,
  same: sameSubmission,
  // Later saves of the same day learn the report id the first one created.
  afterSent: (_entry, report, later) =>
    later.map((e) => (e.payload.reportId === null ? { ...e, payload: { ...e.payload, reportId: report.id } } : e)),
  onSent: (entry, report) => {
    for (const l of sentListeners) l(entry, report);
  },
  newId: newLocalId,
  isOnline,
  withLock,
});

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
