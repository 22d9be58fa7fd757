import type { Locale } from '@pantau/contracts';
import type { Actor, RequestContext } from '../auth/actor.js';
import { notFound } from '../../http/errors.js';

/** Who is calling, for the audit log, and in which language messages are wanted. */
export interface SkpCtx {
  actor: Actor;
  req: RequestContext;
  locale: Locale;
}

/** The caller's instansi; a super-admin without one sees nothing (404). */
export function instansiOf(ctx: SkpCtx): number {
  if (ctx.actor.instansiId === null) throw notFound();
  return ctx.actor.instansiId;
}

/** The caller's employee id, or null for accounts without an employee (super-admin, service). */
export const meOf = (ctx: SkpCtx): number | null => ctx.actor.employeeId;
