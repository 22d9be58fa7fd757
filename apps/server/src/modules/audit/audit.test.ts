import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { verifyAuditChain } from './audit.repository.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let inspektorat: Session;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db);
  org = await makeOrg(db.db);
  inspektorat = await t.signIn(org.people.inspektorat);
  // Some changes to audit: a failed sign-in, a language change, a unit.
  await t.as(null).post('/api/auth/login', { nip: org.people.staff1.nip, password: 'salah-sekali' });
  const admin = await t.signIn(org.people.adminBkpsdm);
  await t.as(admin).patch('/api/me', { locale: 'en' });
  await t.as(admin).post('/api/units', { parentId: org.units.dinasA.id, name: 'Bidang Baru', kind: 'BIDANG' });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('audit log API', () => {
  it('fails with 401 anonymously and 403 for a pegawai or an atasan', async () => {
    expect((await t.as(null).get('/api/audit')).statusCode).toBe(401);
    expect((await t.as(await t.signIn(org.people.staff1)).get('/api/audit')).statusCode).toBe(403);
    expect((await t.as(await t.signIn(org.people.kadis)).get('/api/audit/verification')).statusCode).toBe(403);
  });

  it('lets inspektorat read who changed what, with old and new values, request id and address', async () => {
    const res = await t.as(inspektorat).get('/api/audit?limit=50');
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as Array<Record<string, unknown>>;
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'user.locale', 'unit.create']));
    const locale = entries.find((e) => e.action === 'user.locale');
    expect(locale).toMatchObject({ oldValues: { locale: 'id' }, newValues: { locale: 'en' } });
    expect(locale?.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(locale?.actorLabel).toContain('Admin Bkpsdm');
    // Nothing secret is ever logged.
    expect(JSON.stringify(entries)).not.toMatch(/salah-sekali|rahasia-uji|argon2/);
  });

  it('records reads of another person\'s data, but not of one\'s own', async () => {
    const kasi = await t.signIn(org.people.kasi);
    await t.as(kasi).get(`/api/employees/${org.people.staff1.employeeId}`);
    await t.as(kasi).get(`/api/employees/${org.people.kasi.employeeId}`);
    const reads = (await t.as(inspektorat).get('/api/audit?entityType=employee')).json().entries;
    expect(reads.filter((e: { action: string }) => e.action === 'read.employee').map((e: { entityId: string }) => e.entityId)).toEqual([
      String(org.people.staff1.employeeId),
    ]);
  });

  it('reports an intact chain', async () => {
    const res = await t.as(inspektorat).get('/api/audit/verification');
    expect(res.json()).toMatchObject({ ok: true, firstBrokenId: null });
    expect(res.json().checked).toBeGreaterThan(5);
  });
});

describe('tamper evidence', () => {
  it('refuses UPDATE and DELETE on the audit log at the database level', async () => {
    await expect(db.query(`update audit_log set action = 'x' where id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_log where id = 1`)).rejects.toThrow(/append-only/);
  });

  it('finds the first altered row when someone with database rights bypasses the trigger', async () => {
    await db.query('alter table audit_log disable trigger audit_log_no_update');
    try {
      await db.query(`update audit_log set new_values = '{"locale":"id"}' where action = 'user.locale'`);
      const [row] = await db.query<{ id: number }>(`select id::int as id from audit_log where action = 'user.locale'`);
      const result = await verifyAuditChain(db.db);
      expect(result.ok).toBe(false);
      expect(result.firstBrokenId).toBe(row?.id);
      expect(result.reason).toMatch(/altered/);
      // Removing a row in the middle is found too.
      await db.query(`update audit_log set new_values = '{"locale":"en"}' where action = 'user.locale'`);
      expect((await verifyAuditChain(db.db)).ok).toBe(true);
      await db.query('delete from audit_log where id = 2');
      const removed = await verifyAuditChain(db.db);
      expect(removed).toMatchObject({ ok: false, firstBrokenId: 2 });
      expect(removed.reason).toMatch(/missing/);
    } finally {
      await db.query('alter table audit_log enable trigger audit_log_no_update');
    }
  });
});
