import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { buildTestApp, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { publicRateCounters } from '../../db/schema/index.js';

/**
 * Two server processes on one database (two app instances here): with
 * PANTAU_PUBLIC_RATE_STORE=postgresql they share one count per address — for the public routes
 * and for sign-in; in memory each counts apart.
 */
let db: OpenDb;
const apps: TestApp[] = [];
const env = (store: string) => ({
  PANTAU_PUBLIC_RATE_STORE: store,
  PANTAU_PUBLIC_RATE_LIMITS: '30,5,3,10',
  PANTAU_FEEDBACK_HASH_SECRET: 'the-same-secret-on-every-process',
  PANTAU_LOGIN_RATE_PER_MINUTE: '3',
});

beforeAll(async () => {
  db = await freshDb();
  for (const store of ['postgresql', 'postgresql', 'memory', 'memory']) apps.push(await buildTestApp(db, { env: env(store) }));
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await db?.close();
});

const lookup = (app: TestApp, ip: string) =>
  app.app.inject({ method: 'GET', url: '/api/public/complaints/ADU-0000-0000', remoteAddress: ip, headers: { 'x-tracking-token': 'X' } });

describe('public rate limits across server processes', () => {
  it('shares one count per address between processes when kept in PostgreSQL', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const codes = [];
    for (const app of [a, b, a, b]) codes.push((await lookup(app, '203.0.113.7')).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    expect((await lookup(a, '203.0.113.7')).json().error.code).toBe('RATE_LIMITED');
    // Another address has its own count.
    expect((await lookup(b, '203.0.113.8')).statusCode).toBe(404);
    // The address itself is never stored.
    const stored = JSON.stringify(await db.db.select().from(publicRateCounters));
    expect(stored).not.toContain('203.0.113');
    expect(stored).toContain('"count":5');
  });

  it('counts apart in memory (the default): each process allows the limit', async () => {
    const [, , c, d] = apps as [TestApp, TestApp, TestApp, TestApp];
    const codes = [];
    for (const app of [c, d, c, d, c, d, c, d]) codes.push((await lookup(app, '198.51.100.9')).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 404, 404, 429, 429]);
  });

  const signIn = (app: TestApp, ip: string) =>
    app.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { nip: '199001012015011999', password: 'bukan-sandi-ini' } });

  it('shares the sign-in count per address between processes when kept in PostgreSQL', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const codes = [];
    for (const app of [a, b, a, b]) codes.push((await signIn(app, '203.0.113.20')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await signIn(b, '203.0.113.20')).json().error.code).toBe('RATE_LIMITED');
    expect((await signIn(a, '203.0.113.21')).statusCode).toBe(401);
    expect(JSON.stringify(await db.db.select().from(publicRateCounters))).not.toContain('203.0.113');
  });

  it('counts sign-ins apart in memory: each process allows the limit', async () => {
    const [, , c, d] = apps as [TestApp, TestApp, TestApp, TestApp];
    const codes = [];
    for (const app of [c, d, c, d, c, d, c, d]) codes.push((await signIn(app, '198.51.100.20')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});
