import { hash } from '@node-rs/argon2';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../open-db.js';
import { assignments, employees, instansi, orgUnits, positions, roleGrants, users } from '../schema/index.js';
import { generateDemoOrg } from './demo-data.js';
import { displayName } from './demo-names.js';
import type { DemoLogin, DemoOrg, DemoSize } from './demo-types.js';

/**
 * Inserts the demo organisation into an empty (or demo-free) database in one transaction, with
 * multi-row inserts of at most 1,000 rows.
 *
 * Users: every employee gets a user row (login = NIP) WITHOUT a password hash and with
 * mustChangePassword = true, so an admin can activate anyone with a password reset; only the
 * demo logins get the shared demo password (hashed once with argon2id) and
 * mustChangePassword = false. The super-admin has no employee row.
 */

export interface SeedDemoOptions {
  size: DemoSize;
  /** 'YYYY-MM-DD' (WIB). */
  today: string;
  log?: (line: string) => void;
}

export interface SeedDemoLogin {
  role: string;
  login: string;
  name: string;
  password: string;
  note: string;
}

export interface SeedDemoResult {
  instansiId: number;
  logins: SeedDemoLogin[];
  /** True when the instansi already existed and nothing was inserted. */
  alreadySeeded: boolean;
}

const BATCH = 1000;

export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const org = generateDemoOrg({ size: options.size, today: options.today });
  const toOutput = (l: DemoLogin): SeedDemoLogin => ({
    role: l.role,
    login: l.login,
    name: l.name,
    password: org.password,
    note: l.note,
  });

  const [existing] = await db.select({ id: instansi.id }).from(instansi).where(eq(instansi.code, org.instansi.code));
  if (existing !== undefined) {
    log(`Data demo tidak dibuat: instansi '${org.instansi.code}' sudah ada (id ${existing.id}).`);
    const present = await db
      .select({ login: users.login })
      .from(users)
      .where(inArray(users.login, org.logins.map((l) => l.login)));
    const logins = new Set(present.map((p) => p.login));
    return { instansiId: existing.id, logins: org.logins.filter((l) => logins.has(l.login)).map(toOutput), alreadySeeded: true };
  }

  const passwordHash = await hash(org.password);
  const instansiId = await db.transaction((tx) => insertOrg(tx, org, passwordHash));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `Data demo '${options.size}' dibuat dalam ${seconds} detik: ${org.units.length} unit, ${org.positions.length} jabatan, ` +
      `${org.employees.length} pegawai, ${org.assignments.length} penugasan.`,
  );
  return { instansiId, logins: org.logins.map(toOutput), alreadySeeded: false };
}

async function insertOrg(tx: Tx, org: DemoOrg, passwordHash: string): Promise<number> {
  const [inst] = await tx.insert(instansi).values(org.instansi).returning({ id: instansi.id });
  if (inst === undefined) throw new Error('seedDemo: instansi insert returned nothing');
  const instansiId = inst.id;

  // Units, level by level so parents have ids; rows are matched back by (parent, name), which
  // is unique (org_units_instansi_parent_name_uq).
  const unitIds = new Map<string, number>();
  for (const level of byDepth(org.units, (u) => u.key, (u) => u.parentKey)) {
    const rows = level.map((u) => ({
      instansiId,
      parentId: u.parentKey === null ? null : idOf(unitIds, u.parentKey),
      path: '/',
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      kind: u.kind,
    }));
    const keyOf = new Map(level.map((u, i) => [`${rows[i]?.parentId ?? 0}|${u.name}`, u.key]));
    for (const chunk of chunks(rows)) {
      const inserted = await tx
        .insert(orgUnits)
        .values(chunk)
        .returning({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name });
      for (const r of inserted) unitIds.set(idOf(keyOf, `${r.parentId ?? 0}|${r.name}`), r.id);
    }
  }
  await tx.execute(sql`
    with recursive tree(id, path, opd_id) as (
      select id, '/' || id || '/', id from org_units where instansi_id = ${instansiId} and parent_id is null
      union all
      select c.id, t.path || c.id || '/', t.opd_id from org_units c join tree t on c.parent_id = t.id
    )
    update org_units u set path = tree.path, opd_id = tree.opd_id from tree where u.id = tree.id`);

  // Positions, level by level along the reporting line; matched back by (unit, name).
  const positionIds = new Map<string, number>();
  for (const level of byDepth(org.positions, (p) => p.key, (p) => p.parentKey)) {
    const rows = level.map((p) => ({
      instansiId,
      unitId: idOf(unitIds, p.unitKey),
      parentPositionId: p.parentKey === null ? null : idOf(positionIds, p.parentKey),
      name: p.name,
      type: p.type,
      jenjang: p.jenjang,
      isHead: p.isHead,
    }));
    const keyOf = new Map(level.map((p, i) => [`${rows[i]?.unitId ?? 0}|${p.name}`, p.key]));
    for (const chunk of chunks(rows)) {
      const inserted = await tx
        .insert(positions)
        .values(chunk)
        .returning({ id: positions.id, unitId: positions.unitId, name: positions.name });
      for (const r of inserted) positionIds.set(idOf(keyOf, `${r.unitId}|${r.name}`), r.id);
    }
  }

  const employeeIds = new Map<string, number>();
  const keyByNip = new Map(org.employees.map((e) => [e.nip, e.key]));
  for (const chunk of chunks(org.employees)) {
    const inserted = await tx
      .insert(employees)
      .values(chunk.map(({ key: _key, ...e }) => ({ instansiId, ...e })))
      .returning({ id: employees.id, nip: employees.nip });
    for (const r of inserted) employeeIds.set(idOf(keyByNip, r.nip), r.id);
  }

  for (const chunk of chunks(org.assignments)) {
    await tx.insert(assignments).values(
      chunk.map((a) => ({
        instansiId,
        employeeId: idOf(employeeIds, a.employeeKey),
        positionId: idOf(positionIds, a.positionKey),
        kind: a.kind,
        validFrom: a.validFrom,
        validTo: a.validTo,
        decreeNumber: a.decreeNumber,
      })),
    );
  }

  const demoByEmployee = new Map(org.logins.flatMap((l) => (l.employeeKey === null ? [] : [[l.employeeKey, l]])));
  const userRows: Array<typeof users.$inferInsert> = org.employees.map((e) => ({
    instansiId,
    employeeId: idOf(employeeIds, e.key),
    login: e.nip,
    displayName: displayName(e.name, e),
    passwordHash: demoByEmployee.has(e.key) ? passwordHash : null,
    mustChangePassword: !demoByEmployee.has(e.key),
  }));
  for (const l of org.logins) {
    if (l.employeeKey !== null) continue;
    // Accounts without an employee (the super-admin) belong to the deployment, not to an instansi.
    userRows.push({ instansiId: null, employeeId: null, login: l.login, displayName: l.name, passwordHash, mustChangePassword: false });
  }
  const userIds = new Map<string, number>();
  for (const chunk of chunks(userRows)) {
    const inserted = await tx.insert(users).values(chunk).returning({ id: users.id, login: users.login });
    for (const r of inserted) userIds.set(r.login, r.id);
  }

  const grants = org.logins.flatMap((l) =>
    l.grant === null
      ? []
      : [
          {
            userId: idOf(userIds, l.login),
            role: l.grant.role,
            instansiId: l.grant.role === 'SUPER_ADMIN' ? null : instansiId,
            unitId: l.grant.unitKey === null ? null : idOf(unitIds, l.grant.unitKey),
          },
        ],
  );
  if (grants.length > 0) await tx.insert(roleGrants).values(grants);
  return instansiId;
}

/** Groups items by their depth along `parentOf` (roots first). */
function byDepth<T>(items: readonly T[], keyOf: (t: T) => string, parentOf: (t: T) => string | null): T[][] {
  const byKey = new Map(items.map((t) => [keyOf(t), t]));
  const depth = new Map<string, number>();
  const depthOf = (t: T): number => {
    const key = keyOf(t);
    const known = depth.get(key);
    if (known !== undefined) return known;
    const parentKey = parentOf(t);
    const parent = parentKey === null ? undefined : byKey.get(parentKey);
    if (parentKey !== null && parent === undefined) throw new Error(`seedDemo: unknown parent ${parentKey}`);
    const d = parent === undefined ? 0 : depthOf(parent) + 1;
    depth.set(key, d);
    return d;
  };
  const levels: T[][] = [];
  for (const t of items) {
    const d = depthOf(t);
    (levels[d] ??= []).push(t);
  }
  return levels.filter((l) => l.length > 0);
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

function idOf<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seedDemo: unresolved reference ${String(key)}`);
  return v;
}

/** Printable table of the demo logins for start-up output (Bahasa Indonesia headings). */
export function formatDemoLogins(logins: readonly SeedDemoLogin[]): string {
  const header = ['Peran', 'Login (NIP)', 'Kata sandi', 'Nama', 'Keterangan'];
  const rows = logins.map((l) => [l.role, l.login, l.password, l.name, l.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, 40) : w)).join('-+-');
  return ['Akun demo:', line(header), rule, ...rows.map(line)].join('\n');
}
