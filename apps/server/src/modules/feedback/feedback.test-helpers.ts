import type { LightMyRequestResponse } from 'fastify';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';

/** A clock the test moves by hand. */
export function movableClock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    set(iso: string) {
      current = new Date(iso);
    },
  };
}

export interface FeedbackFixture {
  db: OpenDb;
  t: TestApp;
  org: TestOrg;
  s: Record<string, Session>;
  clock: ReturnType<typeof movableClock>;
  /** Moves the clock and signs everybody in again (sessions expire 12 hours after the last request). */
  travel(iso: string): Promise<void>;
  /** PUT as a signed-in person (TestApp has no put). */
  put(who: Session, url: string, body: unknown): Promise<LightMyRequestResponse>;
  /** A request without a session from a given client address. */
  pub(method: 'GET' | 'POST', url: string, opts?: { body?: unknown; ip?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

async function signInFrom(t: TestApp, person: { nip: string; password: string }, ip: string): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip: person.nip, password: person.password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { cookie: (raw ?? '').split(';')[0] ?? '', csrf: (res.json() as { me: { csrfToken: string } }).me.csrfToken };
}

let ipCounter = 0;
/** A fresh client address per call site, so per-address limits of one test do not leak into another. */
export const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

export async function feedbackFixture(start = '2026-03-02T02:00:00Z', opts: { env?: Record<string, string> } = {}): Promise<FeedbackFixture> {
  const db = await freshDb();
  const clock = movableClock(start);
  const t = await buildTestApp(db, { clock, env: opts.env });
  const org = await makeOrg(db.db);
  const s: Record<string, Session> = {};
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  return {
    db,
    t,
    org,
    s,
    clock,
    async travel(iso) {
      clock.set(iso);
      // From a fresh address each time: the sign-in limit counts per address.
      for (const [k, p] of Object.entries(org.people)) s[k] = await signInFrom(t, p, nextIp());
    },
    put: (who, url, body) =>
      t.app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } }),
    pub: (method, url, opts = {}) =>
      t.app.inject({
        method,
        url,
        payload: opts.body as string | object | undefined,
        remoteAddress: opts.ip ?? nextIp(),
        headers: { 'user-agent': 'vitest-phone', ...opts.headers },
      }),
    async close() {
      await t.close();
      await db.close();
    },
  };
}

/** Every string value in a JSON document (to look for leaked identities anywhere in a response). */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The signed-in session of one of makeOrg's people. */
export function session(f: FeedbackFixture, who: string): Session {
  const s = f.s[who];
  if (!s) throw new Error(`no session for ${who}`);
  return s;
}

/** A service point made by the BKPSDM admin; returns its id and slug. */
export async function makeServicePoint(f: FeedbackFixture, unitId: number, name: string, slug?: string): Promise<{ id: number; slug: string }> {
  const res = await f.t.as(session(f, 'adminBkpsdm')).post('/api/service-points', { unitId, name, ...(slug ? { slug } : {}) });
  if (res.statusCode !== 201) throw new Error(`service point: ${res.statusCode} ${res.body}`);
  return res.json().servicePoint;
}

export interface Submitted {
  trackingCode: string;
  token: string;
  id: number;
}

/** Sends a complaint from a fresh address and looks up its id (as the BKPSDM admin sees it). */
export async function submitComplaint(f: FeedbackFixture, body: Record<string, unknown>): Promise<Submitted> {
  const res = await f.pub('POST', '/api/public/complaints', { body: { category: 'PELAYANAN_LAMBAT', ...body } });
  if (res.statusCode !== 201) throw new Error(`complaint: ${res.statusCode} ${res.body}`);
  const { trackingCode, token } = res.json() as { trackingCode: string; token: string };
  const list = await f.t.as(session(f, 'adminBkpsdm')).get(`/api/complaints?q=${trackingCode}`);
  const id = (list.json() as { complaints: Array<{ id: number }> }).complaints[0]?.id;
  if (id === undefined) throw new Error(`complaint ${trackingCode} not listed for the admin: ${list.body}`);
  return { trackingCode, token, id };
}

/** The complainant's view. */
export const track = (f: FeedbackFixture, c: { trackingCode: string; token: string }) =>
  f.pub('GET', `/api/public/complaints/${c.trackingCode}`, { headers: { 'x-tracking-token': c.token } });
