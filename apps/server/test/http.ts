import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { OpenDb } from '../src/db/open-db.js';
import type { Clock } from '../src/lib/clock.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  /** Requests as a signed-in person (cookie + CSRF header), or anonymously with `null`. */
  as(who: Session | null): {
    get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
    post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
    patch(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
    put(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
    delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  };
  signIn(person: { nip: string; password: string }): Promise<Session>;
  close(): Promise<void>;
}

export async function buildTestApp(
  db: OpenDb,
  opts: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestApp> {
  const config = loadConfig({ PANTAU_DEMO: 'false', PANTAU_WEB_DIST: '/nonexistent', ...opts.env });
  const app = await buildApp({ config, db, logger: false, clock: opts.clock });
  await app.ready();
  const send = (who: Session | null, o: InjectOptions) =>
    app.inject({
      ...o,
      headers: {
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
        ...(o.headers as Record<string, string> | undefined),
      },
    });
  return {
    app,
    as: (who) => ({
      get: (url, headers) => send(who, { method: 'GET', url, headers }),
      post: (url, payload, headers) => send(who, { method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
      patch: (url, payload, headers) => send(who, { method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers }),
      put: (url, payload, headers) => send(who, { method: 'PUT', url, payload: payload as InjectOptions['payload'], headers }),
      delete: (url, headers) => send(who, { method: 'DELETE', url, headers }),
    }),
    async signIn(person) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip: person.nip, password: person.password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      const cookie = (raw ?? '').split(';')[0] ?? '';
      const body = res.json() as { me: { csrfToken: string } };
      return { cookie, csrf: body.me.csrfToken };
    },
    close: () => app.close(),
  };
}
