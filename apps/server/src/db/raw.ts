import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from './open-db.js';

/**
 * Runs a raw SQL statement and returns its rows on either driver. Cast numeric aggregates
 * in SQL (::int) so both drivers return numbers (stack.md G9).
 */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * Date and time types (and their arrays) as text, as Drizzle's node-postgres session reads raw
 * results, so `preparedRows` and `rows` return the same values.
 */
const AS_TEXT = new Set<number>([pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INTERVAL, 1231, 1115, 1185, 1187, 1182]);
const sameTypesAsDrizzle = {
  getTypeParser: ((typeId: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(typeId) ? (value: string) => value : pg.types.getTypeParser(typeId, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * `rows` for a statement run on every request (the session check, the atasan of a date): on
 * PostgreSQL it is a named prepared statement, parsed and planned once per pooled connection
 * instead of on every call (planning the session check cost more than running it: ~1.9 ms of
 * 2.5 ms, docs/benchmarks.md). The SQL text for a `name` must never change with the values —
 * only parameters may. PGlite (one in-process connection) runs it as `rows` does. Not inside a
 * transaction: pass the database handle, never a `tx`.
 */
export async function preparedRows<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return rows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const res = await client.query<T & pg.QueryResultRow>({ name, text, values: params as unknown[], types: sameTypesAsDrizzle });
  return res.rows;
}
