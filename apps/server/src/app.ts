import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '@pantau/contracts';
import type { Config } from './config.js';
import type { OpenDb } from './db/open-db.js';
import { installAuthentication } from './http/authenticate.js';
import { installErrorHandler } from './http/errors.js';
import { errorMessages } from './http/messages.js';
import { createRateStore } from './http/rate-store.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createOrgService } from './modules/org/org.service.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { createPeopleService } from './modules/people/people.service.js';
import { instansiRoutes } from './modules/instansi/instansi.routes.js';
import { apiTokenRoutes } from './modules/auth/api-tokens.routes.js';
import { createRealtimeHub } from './modules/realtime/hub.js';
import { eventsRoutes } from './modules/realtime/events.routes.js';
import { registerDailyReports } from './modules/daily-reports/index.js';
import { skpModule } from './modules/skp/index.js';
import { registerTraining } from './modules/training/index.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { DEFAULT_FEEDBACK_SETTINGS } from './modules/feedback/feedback.settings.js';
import './http/fastify-types.js';

export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppDeps {
  config: Config;
  db: OpenDb;
  clock?: Clock;
  /** false (tests), or pino options. */
  logger?: boolean | { level: string };
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: typeof deps.logger === 'object' ? deps.logger.level : config.logLevel,
            // Never log credentials, cookies or tokens.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  // Security headers (helmet), built once: @fastify/helmet rebuilt the middleware (and parsed
  // the CSP) on every request, ~2 % of a submission's time on the server (docs/benchmarks.md).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.session.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
  await app.register(multipart, { limits: { fileSize: config.bodyLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Pantau API',
        version,
        description:
          'Supervision of ASN work performance. Errors use one envelope `{ error: { code, message, fields } }`; ' +
          'messages follow Accept-Language (id, en). Cookie sessions must send X-CSRF-Token on state-changing requests; ' +
          'API tokens go in `Authorization: Bearer`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pantau_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installErrorHandler(app, { bodyLimitLabel: `${Math.round(config.bodyLimitBytes / 1024 / 1024)} MB` });
  const auth = createAuthService({ db: deps.db.db, clock, session: config.session, login: config.login });
  installAuthentication(app, auth);

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database driver', response: { 200: HealthResponse } } },
    async () => {
      await deps.db.query('select 1');
      return { status: 'ok' as const, db: deps.db.driver, version };
    },
  );

  authRoutes(app, auth, {
    secureCookies: config.session.secureCookies,
    sessionHours: config.session.hours,
    loginRatePerMinute: config.login.ratePerMinute,
    // Sign-in is counted per address like the public routes, in the same store (real time, not
    // the app clock: a window must pass even under a test's fixed clock).
    rateStore: createRateStore(config.feedback.rateStore, deps.db.db, config.feedback.clientHashSecret ?? DEFAULT_FEEDBACK_SETTINGS.clientHashSecret, Date.now),
  });
  apiTokenRoutes(app, { db: deps.db.db, clock });
  const org = createOrgService({ db: deps.db.db, clock });
  orgRoutes(app, org);
  peopleRoutes(app, createPeopleService({ db: deps.db.db, clock }));
  auditRoutes(app, { db: deps.db.db });
  const hub = createRealtimeHub({ db: deps.db.db, listener: deps.db.listener, clock });
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.stop());
  eventsRoutes(app, hub);
  instansiRoutes(app, { db: deps.db.db });
  registerDailyReports(app, { db: deps.db.db, clock, config });
  feedbackRoutes(app, {
    db: deps.db.db,
    clock,
    settings: {
      publicBaseUrl: config.publicUrl,
      ...(config.feedback.clientHashSecret ? { clientHashSecret: config.feedback.clientHashSecret } : {}),
      minGroupSize: config.feedback.minGroupSize,
      lowScoreThreshold: config.feedback.lowScoreThreshold,
      ikmWeightVariant: config.feedback.ikmWeightVariant,
      sla: { id: 'pantau-config', name: 'PANTAU_COMPLAINT_SLA_DAYS', workingDays: config.feedback.slaWorkingDays },
      reopenWindowWorkingDays: config.feedback.reopenWindowWorkingDays,
      complainantChannels: { email: config.mail !== null, phone: config.sms !== null },
      rateLimits: { windowMs: 10 * 60_000, ...config.feedback.rateLimits },
      rateStore: config.feedback.rateStore,
    },
  });
  skpModule(app, { db: deps.db.db, clock, publicUrl: config.publicUrl });
  registerTraining(app, { db: deps.db.db, clock, filesDir: config.filesDir, publicUrl: config.publicUrl, settings: config.training });

  const webDist = config.webDist ?? defaultWebDist;
  const serveWeb = existsSync(webDist);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: errorMessages.NOT_FOUND[request.locale], requestId: request.id },
    });
  });
  return app;
}
