import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg } from '../../../test/factories.js';
import { buildTestApp } from '../../../test/http.js';
import type { OpenDb } from '../open-db.js';
import { verifyAuditChain } from '../../modules/audit/audit.repository.js';
import { backupTo, restoreFrom } from './backup.js';

let source: OpenDb;
let target: OpenDb;
const dir = mkdtempSync(join(tmpdir(), 'pantau-backup-'));

beforeAll(async () => {
  source = await freshDb();
  target = await freshDb();
  const org = await makeOrg(source.db);
  const t = await buildTestApp(source);
  const admin = await t.signIn(org.people.adminBkpsdm);
  await t.as(admin).post('/api/units', { parentId: org.units.dinasA.id, name: 'Bidang Baru', kind: 'BIDANG' });
  await t.close();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (db: OpenDb, table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

describe('backup and restore', () => {
  it('round-trips every table, keeps the audit chain valid and ids continuing', async () => {
    const file = join(dir, 'b.jsonl.gz');
    const counts = await backupTo(source.db, file);
    expect(counts.employees).toBe(await count(source, 'employees'));
    const restored = await restoreFrom(target.db, file);
    for (const table of ['instansi', 'org_units', 'positions', 'employees', 'assignments', 'users', 'role_grants', 'audit_log']) {
      expect(await count(target, table), table).toBe(await count(source, table));
      expect(restored[table]).toBe(await count(source, table));
    }
    const parents = await target.query<{ n: number }>('select count(*)::int as n from org_units where parent_id is not null');
    expect(parents[0]?.n).toBeGreaterThan(0);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    // New rows get fresh ids after the restored ones.
    const before = await target.query<{ m: number }>('select max(id)::int as m from org_units');
    await target.query(`insert into org_units (instansi_id, name, kind, path) select id, 'Unit Baru', 'BIDANG', '/' from instansi limit 1`);
    const after = await target.query<{ m: number }>('select max(id)::int as m from org_units');
    expect(after[0]?.m).toBe((before[0]?.m ?? 0) + 1);
  });

  it('refuses to restore into a database that already has data, changing nothing', async () => {
    const file = join(dir, 'b2.jsonl.gz');
    await backupTo(source.db, file);
    const n = await count(source, 'employees');
    await expect(restoreFrom(source.db, file)).rejects.toThrow(/not empty/);
    expect(await count(source, 'employees')).toBe(n);
  });

  it('refuses a file that is not a Pantau backup', async () => {
    const file = join(dir, 'bad.gz');
    writeFileSync(file, gzipSync('{"hello":1}\n'));
    const empty = await freshDb();
    try {
      await expect(restoreFrom(empty.db, file)).rejects.toThrow(/Not a Pantau backup/);
      expect(await count(empty, 'instansi')).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
