import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/open-db.js';
import { events } from '../../db/schema/index.js';

export interface NewEvent {
  instansiId: number;
  /** Dotted name, e.g. 'daily_report.submitted', 'complaint.received'. */
  type: string;
  /** Whoever may read one of these employees receives the event. */
  subjectEmployeeIds: number[];
  /** What the page needs to update itself; never secrets or identities of anonymous people. */
  payload: Record<string, unknown>;
}

export type EventRow = typeof events.$inferSelect;

/**
 * Publishes a live event inside the transaction of the change it reports: if the change rolls
 * back, nobody hears of it; at commit the insert trigger notifies every server instance.
 */
export async function publishEvent(tx: Tx, event: NewEvent): Promise<void> {
  await tx.insert(events).values(event);
}

export function eventsRepository(db: DbOrTx) {
  return {
    byIds(ids: number[]): Promise<EventRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.select().from(events).where(inArray(events.id, ids)).orderBy(asc(events.id));
    },
    after(instansiId: number, afterId: number, limit: number): Promise<EventRow[]> {
      return db
        .select()
        .from(events)
        .where(and(eq(events.instansiId, instansiId), gt(events.id, afterId)))
        .orderBy(asc(events.id))
        .limit(limit);
    },
    async pruneBefore(cutoff: Date): Promise<void> {
      await db.delete(events).where(lt(events.at, cutoff));
    },
  };
}
