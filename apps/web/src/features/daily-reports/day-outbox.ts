import type { DailyReportDto } from '@pantau/contracts';
import { withOutboxLock } from '../../pwa/background-sync';
import { deviceStore, OUTBOX_STORE } from '../../pwa/idb';
import { createOutbox, type Outbox, type OutboxDeps, type OutboxEntry } from '../../pwa/outbox';
import { newLocalId, sameSubmission, type DaySubmission } from './model';
import { sendDaySubmission } from './sender';

/**
 * The outbox of daily reports as both senders make it: the page (outbox.ts) and the service
 * worker (sw/sync.ts). One IndexedDB store, one lock, one way to send: no React, no DOM here.
 */

export type DayEntry = OutboxEntry<DaySubmission>;

export type DayOutboxHooks = Pick<OutboxDeps<DaySubmission, DailyReportDto>, 'onSent' | 'isOnline' | 'schedule' | 'onWaiting'>;

export function createDayOutbox(hooks: DayOutboxHooks): Outbox<DaySubmission> {
  return createOutbox<DaySubmission, DailyReportDto>({
    store: deviceStore<DayEntry>(OUTBOX_STORE),
    send: sendDaySubmission,
    same: sameSubmission,
    // Later saves of the same day learn the report id the first one created.
    afterSent: (_entry, report, later) =>
      later.map((e) => (e.payload.reportId === null ? { ...e, payload: { ...e.payload, reportId: report.id } } : e)),
    newId: newLocalId,
    withLock: withOutboxLock,
    ...hooks,
  });
}
