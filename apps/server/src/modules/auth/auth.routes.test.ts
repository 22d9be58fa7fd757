import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog, users } from '../../db/schema/index.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { env: { PANTAU_LOGIN_MAX_FAILURES: '3', PANTAU_LOGIN_RATE_PER_MINUTE: '1000' } });
  org = await makeOrg(db.db);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('POST /api/auth/login', () => {
  it('fails with 400 naming the field when the NIP is missing', async () => {
    const res = await t.as(null).post('/api/auth/login', { password: 'x' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields[0].path).toBe('body.nip');
    expect(body.error.fields[0].message).toBe('Wajib diisi.');
  });

  it('answers in English when asked', async () => {
    const res = await t.as(null).post('/api/auth/login', { password: 'x' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.json().error.fields[0].message).toBe('Required.');
  });

  it('fails with 400 (not 500) on malformed JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"nip":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('fails with 401 for a wrong password and records the failed sign-in', async () => {
    const before = await db.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    const res = await t.as(null).post('/api/auth/login', { nip: org.people.staff2.nip, password: 'salah-sekali' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('NIP atau kata sandi salah.');
    const after = await db.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(after.length).toBe(before.length + 1);
  });

  it('fails with the same 401 for an unknown NIP (no account enumeration)', async () => {
    const res = await t.as(null).post('/api/auth/login', { nip: '199001012015011999', password: 'whatever-123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const who = org.people.headB;
    for (let i = 0; i < 3; i++) {
      expect((await t.as(null).post('/api/auth/login', { nip: who.nip, password: 'salah-sekali' })).statusCode).toBe(401);
    }
    const res = await t.as(null).post('/api/auth/login', { nip: who.nip, password: who.password });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
    await db.db.update(users).set({ lockedUntil: null }).where(eq(users.id, who.userId));
  });

  it('signs in with NIP and password, sets an httpOnly cookie and returns roles', async () => {
    const res = await t.as(null).post('/api/auth/login', { nip: org.people.kasi.nip, password: org.people.kasi.password });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/pantau_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = res.json().me;
    expect(me.roles).toEqual(expect.arrayContaining(['PEGAWAI', 'ATASAN']));
    expect(me.csrfToken).toMatch(/.{20,}/);
  });

  it('accepts a NIP typed with spaces', async () => {
    const n = org.people.staff1.nip;
    const spaced = `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
    const res = await t.as(null).post('/api/auth/login', { nip: spaced, password: org.people.staff1.password });
    expect(res.statusCode).toBe(200);
  });
});

describe('rate limit on sign-in', () => {
  it('fails with 429 past the per-address limit', async () => {
    const db2 = await freshDb();
    const t2 = await buildTestApp(db2, { env: { PANTAU_LOGIN_RATE_PER_MINUTE: '2' } });
    try {
      const body = { nip: '199001012015011999', password: 'whatever-123' };
      await t2.as(null).post('/api/auth/login', body);
      await t2.as(null).post('/api/auth/login', body);
      const res = await t2.as(null).post('/api/auth/login', body);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await t2.close();
      await db2.close();
    }
  });
});

describe('GET /api/me and sessions', () => {
  it('fails with 401 without a session', async () => {
    const res = await t.as(null).get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('fails with 403 CSRF_FAILED on a state-changing request without the token', async () => {
    const s = await t.signIn(org.people.staff1);
    const res = await t.as({ cookie: s.cookie, csrf: 'wrong' }).patch('/api/me', { locale: 'en' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('returns the user, changes the language, and logs out', async () => {
    const s = await t.signIn(org.people.staff1);
    const me = await t.as(s).get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().me.nip).toBe(org.people.staff1.nip);
    expect(me.json().me.roles).toEqual(['PEGAWAI']);
    const patched = await t.as(s).patch('/api/me', { locale: 'en' });
    expect(patched.json().me.locale).toBe('en');
    const out = await t.as(s).post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await t.as(s).get('/api/me')).statusCode).toBe(401);
  });
});

describe('password change and admin reset', () => {
  it('refuses a wrong current password with a field error', async () => {
    const s = await t.signIn(org.people.staff2);
    const res = await t.as(s).post('/api/me/password', { currentPassword: 'salah-sekali', newPassword: 'kata-sandi-baru-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.currentPassword', code: 'WRONG_PASSWORD' });
  });

  it('refuses a short new password', async () => {
    const s = await t.signIn(org.people.staff2);
    const res = await t.as(s).post('/api/me/password', { currentPassword: org.people.staff2.password, newPassword: 'pendek' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.newPassword', message: 'Kata sandi minimal 10 karakter.' });
  });

  it('fails with 403 when a pegawai resets someone else\'s password', async () => {
    const s = await t.signIn(org.people.staff2);
    const res = await t.as(s).post(`/api/employees/${org.people.staff1.employeeId}/password-reset`, { newPassword: 'sementara-12345' });
    expect(res.statusCode).toBe(403);
  });

  it('fails with 404 when an admin OPD resets a password outside their unit', async () => {
    const s = await t.signIn(org.people.adminOpdB);
    const res = await t.as(s).post(`/api/employees/${org.people.staff1.employeeId}/password-reset`, { newPassword: 'sementara-12345' });
    expect(res.statusCode).toBe(404);
  });

  it('admin reset forces a change at next sign-in; other calls are refused until then', async () => {
    const admin = await t.signIn(org.people.adminBkpsdm);
    const target = org.people.staff2;
    const res = await t.as(admin).post(`/api/employees/${target.employeeId}/password-reset`, { newPassword: 'sementara-12345' });
    expect(res.statusCode).toBe(200);
    expect((await t.as(null).post('/api/auth/login', { nip: target.nip, password: target.password })).statusCode).toBe(401);
    const s = await t.signIn({ nip: target.nip, password: 'sementara-12345' });
    expect((await t.as(s).get('/api/me')).json().me.mustChangePassword).toBe(true);
    const blocked = await t.as(s).get('/api/employees');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.as(s).post('/api/me/password', { currentPassword: 'sementara-12345', newPassword: 'punya-saya-sendiri-1' });
    expect(changed.statusCode).toBe(200);
    expect((await t.as(s).get('/api/employees')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('fails with 403 when a pegawai creates a token', async () => {
    const s = await t.signIn(org.people.staff1);
    expect((await t.as(s).post('/api/api-tokens', { name: 'x' })).statusCode).toBe(403);
  });

  it('creates a token shown once, stored hashed, scoped like its owner, and revocable', async () => {
    const admin = await t.signIn(org.people.adminBkpsdm);
    const created = await t.as(admin).post('/api/api-tokens', { name: 'SIASN sync', userId: org.people.kasi.userId });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^pt_/);
    const rows = await db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [apiToken.id]);
    expect(rows[0]?.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    // No CSRF needed with a bearer token; the token acts as the kasi.
    const list = await t.app.inject({ method: 'GET', url: '/api/employees?pageSize=100', headers: bearer });
    expect(list.statusCode).toBe(200);
    const ids = list.json().employees.map((e: { id: number }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([org.people.staff1.employeeId]));
    expect(ids).not.toContain(org.people.kadis.employeeId);
    const revoked = await t.as(admin).delete(`/api/api-tokens/${apiToken.id}`);
    expect(revoked.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('ends a session after PANTAU_SESSION_HOURS of inactivity, and slides while in use', async () => {
    let now = new Date('2026-11-27T01:00:00Z');
    const clock = { now: () => now };
    const db2 = await freshDb();
    const t2 = await buildTestApp(db2, { clock, env: { PANTAU_SESSION_HOURS: '2' } });
    try {
      const org2 = await makeOrg(db2.db);
      const s = await t2.signIn(org2.people.staff1);
      now = new Date(now.getTime() + 90 * 60_000);
      expect((await t2.as(s).get('/api/me')).statusCode).toBe(200);
      // Used 90 minutes in: the two hours now count from then.
      now = new Date(now.getTime() + 100 * 60_000);
      expect((await t2.as(s).get('/api/me')).statusCode).toBe(200);
      now = new Date(now.getTime() + 121 * 60_000);
      expect((await t2.as(s).get('/api/me')).statusCode).toBe(401);
    } finally {
      await t2.close();
      await db2.close();
    }
  });
});

describe('employees who left', () => {
  it('can no longer sign in, and their open session ends', async () => {
    const who = org.people.staffB;
    const s = await t.signIn(who);
    await db.query('update employees set active = false where id = $1', [who.employeeId]);
    try {
      expect((await t.as(s).get('/api/me')).statusCode).toBe(401);
      expect((await t.as(null).post('/api/auth/login', { nip: who.nip, password: who.password })).statusCode).toBe(401);
    } finally {
      await db.query('update employees set active = true where id = $1', [who.employeeId]);
    }
    expect((await t.as(null).post('/api/auth/login', { nip: who.nip, password: who.password })).statusCode).toBe(200);
  });
});
