import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './open-db.js';

/**
 * Runs a raw SQL statement and returns its rows on either driver. Cast numeric aggregates
 * in SQL (::int) so both drivers return numbers (stack.md G9).
 */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
