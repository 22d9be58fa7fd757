import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** Per table: each property, the snake_case key SQL uses for it, and its column (computed once). */
const layouts = new WeakMap<Table, ReadonlyArray<readonly [string, string, Column]>>();

function layoutOf(table: Table): ReadonlyArray<readonly [string, string, Column]> {
  let layout = layouts.get(table);
  if (!layout) {
    layout = Object.entries(getTableColumns(table)).map(([key, column]) => [key, toSnakeCase(key), column] as const);
    layouts.set(table, layout);
  }
  return layout;
}

/**
 * A row that SQL returned as JSON (`to_jsonb(row)`: snake_case keys, timestamps as ISO text)
 * turned into the same object a Drizzle select of that table returns, through each column's own
 * driver mapping. For SQL functions that return what they wrote in one call.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, snake, column] of layoutOf(table)) {
    const value = json[snake];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}
