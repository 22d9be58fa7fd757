import type { Locale } from '@pantau/contracts';
import type { Actor } from '../modules/auth/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Response language: user setting, else Accept-Language, else Bahasa Indonesia. */
    locale: Locale;
    /** Signed-in caller, or null. Routes call requireActor() to insist. */
    actor: Actor | null;
  }
}
