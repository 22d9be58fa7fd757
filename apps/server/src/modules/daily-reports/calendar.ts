import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-db.js';
import { holidays } from '../../db/schema/index.js';

const TTL_MS = 60_000;

/**
 * The instansi's days off (libur nasional, cuti bersama, local), maintained by admins in the
 * `holidays` table. A few dozen rows a year, so the whole list is cached briefly per process.
 */
export function createHolidayCalendar(db: Db) {
  const cache = new Map<number, { at: number; set: ReadonlySet<string> }>();
  return {
    async holidays(instansiId: number): Promise<ReadonlySet<string>> {
      const hit = cache.get(instansiId);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.set;
      const list = await db.select({ date: holidays.date }).from(holidays).where(eq(holidays.instansiId, instansiId));
      const set: ReadonlySet<string> = new Set(list.map((h) => h.date));
      cache.set(instansiId, { at: Date.now(), set });
      return set;
    },
  };
}

export type HolidayCalendar = ReturnType<typeof createHolidayCalendar>;
