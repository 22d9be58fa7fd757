import type { z } from 'zod';
import type { NotificationDto, NotificationListQuery } from '@pantau/contracts';
import type { Db, Tx } from '../../db/open-db.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Actor } from '../auth/actor.js';
import { publishEvent } from '../realtime/events.repository.js';
import type { Mailer } from './mailer.js';
import { renderNotification } from './notification-messages.js';
import { notificationsRepository, type NewNotification, type NotificationRow } from './notifications.repository.js';

export interface NotificationDeps {
  db: Db;
  /** null when SMTP is not configured: notifications stay in-app only. */
  mailer: Mailer | null;
  /** Absolute base URL for links in e-mails, e.g. https://pantau.lhokseumawekota.go.id */
  publicUrl?: string;
}

const MAX_EMAIL_ATTEMPTS = 5;

function present(row: NotificationRow, locale: 'id' | 'en'): NotificationDto {
  const { title, body } = renderNotification(row.type, row.params as Record<string, unknown>, locale);
  return {
    id: row.id,
    type: row.type,
    title,
    body,
    link: row.link,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createNotificationService(deps: NotificationDeps) {
  const repo = notificationsRepository(deps.db);
  const requireEmployee = (actor: Actor) => {
    if (actor.employeeId === null) throw forbidden();
    return actor.employeeId;
  };

  return {
    /**
     * Adds notifications inside the caller's transaction (so they exist exactly when the change
     * does) and tells the recipients' open pages to refresh their unread count.
     */
    async notifyInTx(tx: Tx, list: readonly NewNotification[]): Promise<void> {
      if (list.length === 0) return;
      await notificationsRepository(tx).insertMany(list, deps.mailer !== null);
      const byInstansi = new Map<number, number[]>();
      for (const n of list) byInstansi.set(n.instansiId, [...(byInstansi.get(n.instansiId) ?? []), n.recipientEmployeeId]);
      for (const [instansiId, recipients] of byInstansi) {
        // The payload names no one: others in the chain also receive it and simply ignore it.
        await publishEvent(tx, { instansiId, type: 'notification.created', subjectEmployeeIds: [...new Set(recipients)], payload: {} });
      }
    },

    async list(actor: Actor, locale: 'id' | 'en', query: z.infer<typeof NotificationListQuery>) {
      const me = requireEmployee(actor);
      const [list, unreadCount] = await Promise.all([
        repo.list(me, { unreadOnly: query.unreadOnly, beforeId: query.beforeId, limit: query.limit }),
        repo.unreadCount(me),
      ]);
      return { notifications: list.map((n) => present(n, locale)), unreadCount };
    },

    async markRead(actor: Actor, locale: 'id' | 'en', id: number) {
      const row = await repo.markRead(requireEmployee(actor), id);
      if (!row) throw notFound();
      return present(row, locale);
    },

    async readAll(actor: Actor) {
      return { updated: await repo.markAllRead(requireEmployee(actor)) };
    },

    /**
     * Sends e-mail for waiting notifications, one batch. Rows are claimed (marked SENT) in a short
     * transaction and mailed after it, never inside it; a failed send goes back to PENDING until
     * the last attempt, then FAILED. Returns how many were sent.
     */
    async sendPendingEmails(limit = 100): Promise<number> {
      const mailer = deps.mailer;
      if (!mailer) return 0;
      const batch = await deps.db.transaction(async (tx) => {
        const r = notificationsRepository(tx);
        const claimed = await r.claimEmailBatch(limit);
        await r.setEmailStatus(claimed.map((c) => c.id), 'SENT');
        return claimed;
      });
      const failedRetry: number[] = [];
      const failedFinal: number[] = [];
      let sent = 0;
      for (const n of batch) {
        const locale = n.locale === 'en' ? 'en' : 'id';
        const { title, body } = renderNotification(n.type, n.params, locale);
        const link = n.link && deps.publicUrl ? `\n\n${deps.publicUrl.replace(/\/$/, '')}${n.link}` : '';
        try {
          await mailer.send({ to: n.email, subject: `[Pantau] ${title}`, text: `${body}${link}\n` });
          sent++;
        } catch {
          (n.attempts + 1 >= MAX_EMAIL_ATTEMPTS ? failedFinal : failedRetry).push(n.id);
        }
      }
      await repo.setEmailStatus(failedRetry, 'PENDING');
      await repo.setEmailStatus(failedFinal, 'FAILED');
      return sent;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
