import { getTableColumns, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/**
 * A row that SQL returned as JSON (`to_jsonb(row)`: snake_case keys, timestamps as ISO text)
 * turned into the same object a Drizzle select of that table returns, through each column's own
 * driver mapping. For SQL functions that return what they wrote in one call.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[toSnakeCase(key)];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}
