import { createWriteStream, readFileSync } from 'node:fs';
import { createGzip, gunzipSync } from 'node:zlib';
import { once } from 'node:events';
import { getTableColumns, getTableName, is, sql, type Table } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Db } from '../open-db.js';
import * as schema from '../schema/index.js';
import { rows } from '../raw.js';

/**
 * Logical backup, driver-independent: one gzip'd JSON-lines file holding every table in
 * foreign-key order. A backup from the embedded database restores into PostgreSQL and back,
 * which is also the way to move a PGlite installation to PostgreSQL.
 */
/** Every table of the schema, parents before children (foreign keys), found at run time. */
export const TABLES_IN_ORDER: Table[] = tablesInDependencyOrder();

/** Columns that point to their own table (unit → parent unit): restored in a second pass. */
const SELF_REFERENCES: Record<string, string[]> = selfReferences();

function allTables(): PgTable[] {
  const values: unknown[] = Object.values(schema);
  return values.filter((v): v is PgTable => is(v, PgTable));
}

function tablesInDependencyOrder(): Table[] {
  const tables = allTables();
  const done = new Set<PgTable>();
  const ordered: PgTable[] = [];
  const visit = (t: PgTable, stack: Set<PgTable>) => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const fk of getTableConfig(t).foreignKeys) {
      const parent = fk.reference().foreignTable;
      if (parent !== t) visit(parent, stack);
    }
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

function selfReferences(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of allTables()) {
    const config = getTableConfig(t);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (ref.foreignTable !== t) continue;
      out[config.name] = [...(out[config.name] ?? []), ...ref.columns.map((c) => toSnake(c))];
    }
  }
  return out;
}

function toSnake(c: { name: string; keyAsName: boolean }): string {
  return c.keyAsName ? toSnakeCase(c.name) : c.name;
}

/** Tables with an identity `id`: restored with OVERRIDING SYSTEM VALUE, then the sequence moved on. */
const IDENTITY_TABLES = new Set(
  allTables()
    .filter((t) => Object.values(getTableColumns(t)).some((c) => c.name === 'id' && hasIdentity(c)))
    .map((t) => getTableName(t)),
);

function hasIdentity(c: object): boolean {
  return 'generatedIdentity' in c && c.generatedIdentity !== undefined;
}

/** Tables whose rows are transient and not worth restoring. */
const SKIPPED = new Set(['events']);

const BATCH = 500;

function columnNames(table: Table): string[] {
  // Columns are named in TypeScript and mapped to snake_case by the driver (casing option).
  return Object.values(getTableColumns(table)).map(toSnake);
}

export async function backupTo(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const counts: Record<string, number> = {};
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  await write(JSON.stringify({ format: 'pantau-backup', version: 1, createdAt: new Date().toISOString() }));
  await db.transaction(async (tx) => {
    // One snapshot for the whole backup.
    await tx.execute(sql`set transaction isolation level repeatable read`).catch(() => undefined);
    for (const table of TABLES_IN_ORDER) {
      const name = getTableName(table);
      if (SKIPPED.has(name)) continue;
      const cols = columnNames(table);
      const list = sql.raw(cols.map((c) => `"${c}"`).join(', '));
      let offset = 0;
      counts[name] = 0;
      await write(JSON.stringify({ table: name, columns: cols }));
      for (;;) {
        const batch = await rows<Record<string, unknown>>(
          tx,
          sql`select ${list} from ${sql.raw(`"${name}"`)} order by 1 limit ${BATCH} offset ${offset}`,
        );
        for (const r of batch) await write(JSON.stringify(cols.map((c) => r[c] ?? null)));
        counts[name] += batch.length;
        offset += batch.length;
        if (batch.length < BATCH) break;
      }
    }
  });
  gzip.end();
  await once(out, 'finish');
  return counts;
}

export async function restoreFrom(db: Db, file: string): Promise<Record<string, number>> {
  const existing = await rows<{ n: number }>(db, sql`select count(*)::int as n from instansi`);
  if ((existing[0]?.n ?? 0) > 0) {
    throw new Error('The target database is not empty. Restore only into a new, empty database.');
  }
  // Read and parse before the transaction opens: no file I/O while it is held (style §6).
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const counts: Record<string, number> = {};
  let header = true;
  let current: { table: string; columns: string[] } | null = null;
  let pending: unknown[][] = [];
  const selfRefs: Array<{ table: string; id: unknown; values: Record<string, unknown> }> = [];

  await db.transaction(async (tx) => {
    // The chain head gets its row from migration 0001; the backup carries the real one.
    await tx.execute(sql`delete from audit_chain_head`);
    const flush = async () => {
      if (!current || pending.length === 0) return;
      const { table, columns } = current;
      const deferred = SELF_REFERENCES[table] ?? [];
      const colList = sql.raw(columns.map((c) => `"${c}"`).join(', '));
      const values = pending.map((r) => {
        const cells = r.map((v, i) => {
          const col = columns[i] ?? '';
          if (deferred.includes(col)) return sql`null`;
          return v !== null && typeof v === 'object' ? sql`${JSON.stringify(v)}::jsonb` : sql`${v}`;
        });
        if (deferred.length > 0) {
          const idIndex = columns.indexOf('id');
          const values: Record<string, unknown> = {};
          for (const col of deferred) values[col] = r[columns.indexOf(col)];
          selfRefs.push({ table, id: r[idIndex], values });
        }
        return sql`(${sql.join(cells, sql`, `)})`;
      });
      const overriding = IDENTITY_TABLES.has(table) ? sql.raw('overriding system value') : sql``;
      await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${colList}) ${overriding} values ${sql.join(values, sql`, `)}`);
      counts[table] = (counts[table] ?? 0) + pending.length;
      pending = [];
    };
    for (const line of lines) {
      if (!line) continue;
      const parsed = JSON.parse(line) as unknown;
      if (header) {
        header = false;
        if ((parsed as { format?: string }).format !== 'pantau-backup') throw new Error('Not a Pantau backup file.');
        continue;
      }
      if (!Array.isArray(parsed)) {
        await flush();
        current = parsed as { table: string; columns: string[] };
        counts[current.table] = 0;
        continue;
      }
      pending.push(parsed);
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    for (const ref of selfRefs) {
      const sets = Object.entries(ref.values).map(([c, v]) => sql`${sql.raw(`"${c}"`)} = ${v}`);
      await tx.execute(sql`update ${sql.raw(`"${ref.table}"`)} set ${sql.join(sets, sql`, `)} where id = ${ref.id}`);
    }
    // Identity columns continue after the restored ids.
    for (const table of TABLES_IN_ORDER) {
      const name = getTableName(table);
      if (!IDENTITY_TABLES.has(name)) continue;
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`,
        ),
      );
    }
  });
  return counts;
}
