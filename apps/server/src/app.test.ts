import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../test/db.js';
import { makeOrg, type TestOrg } from '../test/factories.js';
import { buildTestApp, type TestApp } from '../test/http.js';
import type { OpenDb } from './db/open-db.js';
import { roleGrants, users } from './db/schema/index.js';
import { ensureBootstrapAdmin } from './modules/instansi/bootstrap.js';
import { hashPassword } from './modules/auth/passwords.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db, { env: { PANTAU_BODY_LIMIT_MB: '1' } });
  org = await makeOrg(db.db);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('system routes', () => {
  it('GET /api/health reports the driver and version', async () => {
    const res = await t.as(null).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: db.driver, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves an OpenAPI 3 document generated from the route schemas, and browsable docs', async () => {
    const doc = (await t.as(null).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/employees', '/api/employees/{id}', '/api/audit']));
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['nip', 'password']);
    const docs = await t.as(null).get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await t.as(null).get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers unknown API paths with the 404 envelope in the caller\'s language', async () => {
    const res = await t.as(null).get('/api/tidak-ada', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
  });

  it('refuses a body over the limit with 413 and a clear message', async () => {
    const res = await t.as(null).post('/api/auth/login', { nip: 'x'.repeat(1_200_000), password: 'y' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('1 MB');
  });
});

describe('instansi (multi-tenant)', () => {
  it('fails with 403 when an admin BKPSDM adds an instansi', async () => {
    const s = await t.signIn(org.people.adminBkpsdm);
    const res = await t.as(s).post('/api/instansi', { code: 'kota-x', name: 'Pemerintah Kota X', adminNip: '198609262015051001', adminName: 'A', adminPassword: 'rahasia-sekali-1' });
    expect(res.statusCode).toBe(403);
  });

  it('lets the super-admin add an instansi whose admin sees nothing of the others', async () => {
    const hash = await hashPassword('super-rahasia-1');
    const [su] = await db.db.insert(users).values({ login: 'superadmin-t', displayName: 'Super', passwordHash: hash, mustChangePassword: false }).returning();
    await db.db.insert(roleGrants).values({ userId: su!.id, role: 'SUPER_ADMIN' });
    const s = await t.signIn({ nip: 'superadmin-t', password: 'super-rahasia-1' });
    const bad = await t.as(s).post('/api/instansi', { code: 'Kota X!', name: '', adminNip: '12', adminName: 'A', adminPassword: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.adminNip', 'body.adminPassword']),
    );
    const res = await t.as(s).post('/api/instansi', { code: 'kab-aceh-utara', name: 'Pemerintah Kabupaten Aceh Utara', adminNip: '198001012005011001', adminName: 'Admin Aceh Utara', adminPassword: 'rahasia-sekali-1' });
    expect(res.statusCode).toBe(201);
    const dup = await t.as(s).post('/api/instansi', { code: 'kab-aceh-utara', name: 'X', adminNip: '198001012005011002', adminName: 'A', adminPassword: 'rahasia-sekali-1' });
    expect(dup.statusCode).toBe(409);
    // The super-admin reads no personal data of any instansi.
    expect((await t.as(s).get('/api/employees')).statusCode).toBe(404);
    const newAdmin = await t.signIn({ nip: '198001012005011001', password: 'rahasia-sekali-1' });
    expect((await t.as(newAdmin).get('/api/me')).json().me).toMatchObject({ mustChangePassword: true, instansiName: 'Pemerintah Kabupaten Aceh Utara' });
    await t.as(newAdmin).post('/api/me/password', { currentPassword: 'rahasia-sekali-1', newPassword: 'baru-dan-rahasia-2' });
    const list = await t.as(newAdmin).get('/api/employees');
    expect(list.json().meta.total).toBe(0);
    expect((await t.as(newAdmin).get(`/api/employees/${org.people.staff1.employeeId}`)).statusCode).toBe(404);
    expect((await t.as(newAdmin).get('/api/units')).json().units.map((u: { name: string }) => u.name)).toEqual(['Pemerintah Kabupaten Aceh Utara']);
  });
});

describe('bootstrap admin from PANTAU_ADMIN_NIP', () => {
  it('creates the admin, and on the next start resets its password instead of duplicating it', async () => {
    const nip = '197501012000031001';
    expect(await ensureBootstrapAdmin(db.db, { nip, password: 'pertama-kali-1', instansiCode: 'lhokseumawe' })).toEqual({ created: true });
    const s = await t.signIn({ nip, password: 'pertama-kali-1' });
    expect((await t.as(s).get('/api/me')).json().me.roles).toContain('ADMIN_BKPSDM');
    expect(await ensureBootstrapAdmin(db.db, { nip, password: 'kedua-kalinya-2', instansiCode: 'lhokseumawe' })).toEqual({ created: false });
    expect(await db.db.select().from(users).where(eq(users.login, nip))).toHaveLength(1);
    await expect(t.signIn({ nip, password: 'pertama-kali-1' })).rejects.toThrow(/401/);
    await t.signIn({ nip, password: 'kedua-kalinya-2' });
  });
});
