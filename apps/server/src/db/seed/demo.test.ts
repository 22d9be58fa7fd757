import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDb } from '../open-db.js';
import { freshDb } from '../../../test/db.js';
import { generateDemoOrg } from './demo-data.js';
import { formatDemoLogins, seedDemo, type SeedDemoResult } from './demo.js';

const TODAY = '2026-11-27';

describe('seedDemo(small)', () => {
  let handle: OpenDb;
  let result: SeedDemoResult;
  const lines: string[] = [];
  const expected = generateDemoOrg({ size: 'small', today: TODAY });

  beforeAll(async () => {
    handle = await freshDb();
    result = await seedDemo(handle.db, { size: 'small', today: TODAY, log: (l) => lines.push(l) });
  });
  afterAll(async () => {
    await handle.close();
  });

  const count = async (table: string) =>
    (await handle.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

  it('inserts everything the generator produced', async () => {
    expect(result.alreadySeeded).toBe(false);
    expect(await count('instansi')).toBe(1);
    expect(await count('org_units')).toBe(expected.units.length);
    expect(await count('positions')).toBe(expected.positions.length);
    expect(await count('employees')).toBe(700);
    expect(await count('assignments')).toBe(expected.assignments.length);
    expect(await count('users')).toBe(701);
    expect(await count('role_grants')).toBe(5);
    expect(lines.join('\n')).toMatch(/700 pegawai/);
  });

  it('sets materialised paths and opdId on every unit', async () => {
    const units = await handle.query<{ id: number; parent_id: number | null; opd_id: number | null; path: string }>(
      'select id, parent_id, opd_id, path from org_units',
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const parent = u.parent_id === null ? undefined : byId.get(u.parent_id);
      expect(u.path).toBe(`${parent?.path ?? '/'}${u.id}/`);
      expect(u.opd_id).toBe(Number(u.path.split('/')[1]));
    }
    const dinkes = await handle.query<{ n: number }>(
      `select count(*)::int as n from org_units u join org_units o on o.id = u.opd_id where o.name = 'Dinas Kesehatan'`,
    );
    expect(dinkes[0]?.n).toBeGreaterThan(10);
  });

  it('links the reporting line and assignments to real rows', async () => {
    const roots = await handle.query<{ name: string }>('select name from positions where parent_position_id is null');
    expect(roots.map((r) => r.name)).toEqual(['Sekretaris Daerah']);
    const plt = await handle.query<{ name: string }>(
      `select p.name from assignments a join positions p on p.id = a.position_id
       where a.kind = 'PLT' and a.valid_from <= $1 and a.valid_to >= $1 order by p.name`,
      [TODAY],
    );
    expect(plt.map((r) => r.name)).toContain('Kepala Dinas Kependudukan dan Pencatatan Sipil');
  });

  it('gives only the demo logins a password, hashed once and verifiable', async () => {
    const withHash = await handle.query<{ login: string; password_hash: string; must_change_password: boolean }>(
      'select login, password_hash, must_change_password from users where password_hash is not null',
    );
    expect(withHash.map((u) => u.login).sort()).toEqual(result.logins.map((l) => l.login).sort());
    expect(new Set(withHash.map((u) => u.password_hash)).size).toBe(1);
    expect(withHash.every((u) => !u.must_change_password)).toBe(true);
    expect(await verify(withHash[0]?.password_hash ?? '', 'pantau-demo-2026')).toBe(true);
    const grant = await handle.query<{ name: string }>(
      `select u.name from role_grants g join org_units u on u.id = g.unit_id where g.role = 'ADMIN_OPD'`,
    );
    expect(grant.map((g) => g.name)).toEqual(['Dinas Kesehatan']);
  });

  it('refuses to seed twice and still reports the logins', async () => {
    const again = await seedDemo(handle.db, { size: 'small', today: TODAY, log: (l) => lines.push(l) });
    expect(again.alreadySeeded).toBe(true);
    expect(again.instansiId).toBe(result.instansiId);
    expect(again.logins).toEqual(result.logins);
    expect(await count('employees')).toBe(700);
    expect(lines.at(-1)).toMatch(/sudah ada/);
  });

  it('formats the logins as a table', () => {
    const text = formatDemoLogins(result.logins);
    expect(text).toMatch(/Peran +\| Login \(NIP\) +\| Kata sandi/);
    expect(text).toContain('superadmin');
    expect(text.split('\n')).toHaveLength(3 + result.logins.length);
  });
});

describe('seedDemo(full)', () => {
  it('seeds 6,666 employees well under a minute', async () => {
    const handle = await freshDb();
    try {
      const started = performance.now();
      await seedDemo(handle.db, { size: 'full', today: TODAY });
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThan(30);
      const rows = await handle.query<{ n: number }>('select count(*)::int as n from employees');
      expect(rows[0]?.n).toBe(6666);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
