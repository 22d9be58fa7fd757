import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { notifications } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  instansiId: number;
  recipientEmployeeId: number;
  type: string;
  params: Record<string, unknown>;
  link: string | null;
}

export function notificationsRepository(db: DbOrTx) {
  return {
    /**
     * Inserts many notifications in one statement. With e-mail on, those whose recipient has an
     * address are marked PENDING for the mail job.
     */
    async insertMany(list: readonly NewNotification[], emailEnabled: boolean): Promise<number> {
      if (list.length === 0) return 0;
      const result = await rows<{ id: number }>(
        db,
        sql`insert into notifications (instansi_id, recipient_employee_id, type, params, link, email_status)
            select v.instansi_id, v.recipient, v.type, v.params, v.link,
                   (case when ${emailEnabled} and coalesce(e.email, '') <> '' then 'PENDING' else 'NONE' end)::email_status
            from unnest(${sql.param(list.map((n) => n.instansiId))}::int[], ${sql.param(list.map((n) => n.recipientEmployeeId))}::int[],
                        ${sql.param(list.map((n) => n.type))}::text[], ${sql.param(list.map((n) => JSON.stringify(n.params)))}::jsonb[],
                        ${sql.param(list.map((n) => n.link))}::text[])
                 as v(instansi_id, recipient, type, params, link)
            join employees e on e.id = v.recipient
            returning id`,
      );
      return result.length;
    },

    list(recipientEmployeeId: number, opts: { unreadOnly: boolean; beforeId?: number; limit: number }): Promise<NotificationRow[]> {
      const conds = [eq(notifications.recipientEmployeeId, recipientEmployeeId)];
      if (opts.unreadOnly) conds.push(isNull(notifications.readAt));
      if (opts.beforeId) conds.push(lt(notifications.id, opts.beforeId));
      return db
        .select()
        .from(notifications)
        .where(and(...conds))
        .orderBy(desc(notifications.id))
        .limit(opts.limit);
    },

    async unreadCount(recipientEmployeeId: number): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.recipientEmployeeId, recipientEmployeeId), isNull(notifications.readAt)));
      return r?.n ?? 0;
    },

    async markRead(recipientEmployeeId: number, id: number): Promise<NotificationRow | undefined> {
      const [r] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.recipientEmployeeId, recipientEmployeeId)))
        .returning();
      return r;
    },

    async markAllRead(recipientEmployeeId: number): Promise<number> {
      const r = await db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.recipientEmployeeId, recipientEmployeeId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return r.length;
    },

    /** Claims a batch of notifications waiting for e-mail (other workers skip them). */
    async claimEmailBatch(limit: number) {
      return rows<{ id: number; type: string; params: Record<string, unknown>; link: string | null; email: string; locale: string; attempts: number }>(
        db,
        sql`select n.id, n.type, n.params, n.link, e.email, coalesce(u.locale, 'id') as locale, n.email_attempts as attempts
            from notifications n join employees e on e.id = n.recipient_employee_id
            left join users u on u.employee_id = e.id
            where n.email_status = 'PENDING'
            order by n.id limit ${limit}
            for update of n skip locked`,
      );
    },

    async setEmailStatus(ids: readonly number[], status: 'SENT' | 'FAILED' | 'PENDING'): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(
        sql`update notifications set email_status = ${status}::email_status, email_attempts = email_attempts + 1
            where id = any(${sql.param([...ids])}::int[])`,
      );
    },
  };
}
