import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/db/open-db.js';
import { runMigrations } from '../src/db/migrate.js';

/**
 * Migrates ONE template database for the whole run. PGlite (default): a dump of a migrated
 * data directory that each test file loads. PostgreSQL (TEST_DATABASE_URL): a template
 * database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `pantau_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const tplUrl = withDatabase(url, name);
    const handle = await openDb({ driver: 'postgresql', url: tplUrl });
    await runMigrations(handle);
    await handle.close();
    project.provide('pgTemplate', name);
    project.provide('pgUrl', url);
    project.provide('pgliteDump', '');
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pantau-tpl-'));
  const handle = await openDb({ driver: 'pglite', dataDir: 'memory://' });
  await runMigrations(handle);
  if (!handle.pglite) throw new Error('expected PGlite');
  const blob = await handle.pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  project.provide('pgUrl', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
    pgUrl: string;
  }
}
