import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';

export type Schema = typeof schema;
/** One type for both drivers: all data code is written against the query builder. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository is built over the database or over an open transaction. */
export type DbOrTx = Db | Tx;

export type DbDriver = 'pglite' | 'postgresql';

/** Sends and receives NOTIFY messages; each driver listens differently (stack.md G12). */
export interface Listener {
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface OpenDb {
  db: Db;
  driver: DbDriver;
  listener: Listener;
  /** Raw SQL for tooling (backup, tests); returns rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PostgreSQL connection string (tools and tests open a second handle with it). */
  url?: string;
}

export type OpenDbOptions =
  | { driver: 'postgresql'; url: string; poolSize?: number }
  | { driver: 'pglite'; dataDir: string; lock?: boolean }
  | { driver: 'pglite'; pglite: PGlite };

// int8 and numeric come back as strings from node-postgres; we keep ids in int4 and cast
// aggregates in SQL, so the default parsers stay as they are (stack.md G9).

export async function openDb(options: OpenDbOptions): Promise<OpenDb> {
  if (options.driver === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema, casing: 'snake_case' });
    return {
      db,
      driver: 'postgresql',
      pool,
      url: options.url,
      listener: pgListener(options.url),
      async query<T>(text: string, params?: unknown[]) {
        const res = await pool.query(text, params as unknown[]);
        return res.rows as T[];
      },
      close: () => pool.end(),
    };
  }
  let lock: DirLock | undefined;
  let pglite: PGlite;
  if ('pglite' in options) {
    pglite = options.pglite;
  } else {
    if (!options.dataDir.startsWith('memory://')) {
      mkdirSync(options.dataDir, { recursive: true });
      if (options.lock !== false) lock = acquireDirLock(options.dataDir);
    }
    try {
      pglite = await PGlite.create({ dataDir: options.dataDir });
    } catch (err) {
      lock?.release();
      throw err;
    }
  }
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' });
  return {
    db,
    driver: 'pglite',
    pglite,
    listener: {
      async listen(channel, onMessage) {
        const unsub = await pglite.listen(channel, onMessage);
        return async () => unsub();
      },
    },
    async query<T>(text: string, params?: unknown[]) {
      const res = await pglite.query<T>(text, params);
      return res.rows;
    },
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}

function pgListener(url: string): Listener {
  return {
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      return async () => {
        await client.end();
      };
    },
  };
}
