import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope } from '@pantau/contracts';
import { requireActor } from '../../http/authenticate.js';
import type { RealtimeHub } from './hub.js';
import type { EventRow } from './events.repository.js';

const HEARTBEAT_MS = 20_000;

function format(event: EventRow): string {
  const data = JSON.stringify({ id: event.id, type: event.type, at: event.at, payload: event.payload });
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

/**
 * Server-sent events for the signed-in user, filtered by their row scope. Reconnecting clients
 * send Last-Event-ID (browsers do it on their own) and get what they missed first.
 */
export function eventsRoutes(app: FastifyInstance, hub: RealtimeHub) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<() => void>();
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  r.get(
    '/api/events',
    {
      schema: {
        tags: ['realtime'],
        summary: 'Live events (text/event-stream) within the caller\'s row scope; resumes after Last-Event-ID',
        querystring: z.object({
          lastEventId: z.coerce.number().int().min(0).optional().describe('Alternative to the Last-Event-ID header'),
        }),
        response: { 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null;
      const lastEventId = fromHeader ?? request.query.lastEventId ?? null;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let closed = false;
      // Headers go out with the first write, after the hub has registered this connection: a
      // client that sees the stream open never misses an event committed after that moment.
      const unsubscribe = await hub.subscribe({ actor, send: (e) => !closed && raw.write(format(e)) }, lastEventId);
      raw.write('retry: 3000\n\n');
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}
