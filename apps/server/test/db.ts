import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type OpenDb } from '../src/db/open-db.js';
import { withDatabase } from './global-setup.js';

/**
 * A fresh, migrated database for one test file: a clone of the template made in global-setup.
 * Always `await handle.close()` in afterAll (a loaded PGlite keeps Node alive, stack.md G18).
 */
export async function freshDb(): Promise<OpenDb> {
  const template = inject('pgTemplate');
  if (template) {
    const url = inject('pgUrl');
    const name = `pantau_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const handle = await openDb({ driver: 'postgresql', url: withDatabase(url, name), poolSize: 5 });
    const close = handle.close;
    return {
      ...handle,
      async close() {
        await close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return openDb({ driver: 'pglite', pglite });
}

/** Whether this run is on real PostgreSQL (some tests need two connections). */
export const onPostgres = () => inject('pgTemplate') !== '';
