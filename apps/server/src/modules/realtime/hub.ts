import { sql } from 'drizzle-orm';
import type { Db, Listener } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { INSTANSI_WIDE_READ, hasAnyRole, type Actor } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { eventsRepository, type EventRow } from './events.repository.js';

export const EVENTS_CHANNEL = 'pantau_events';
const SCOPE_TTL_MS = 5 * 60_000;

export interface Subscriber {
  actor: Actor;
  send(event: EventRow): void;
}

interface Entry {
  sub: Subscriber;
  scope: { all: boolean; ids: Set<number>; computedAt: number };
  /** Ids already written to this connection: a replay and a live notification may overlap. */
  sent: Set<number>;
}

const SENT_MEMORY = 2000;

function deliver(entry: Entry, event: EventRow): void {
  if (entry.sent.has(event.id)) return;
  entry.sent.add(event.id);
  if (entry.sent.size > SENT_MEMORY) {
    const oldest = entry.sent.values().next();
    if (!oldest.done) entry.sent.delete(oldest.value);
  }
  entry.sub.send(event);
}

/**
 * Events about one person's own inbox (a new notification): only that person's connections get
 * them, not every supervisor or admin whose scope covers the person (their bell would refetch for
 * nothing).
 */
const PERSONAL_EVENT_TYPES: ReadonlySet<string> = new Set(['notification.created']);

/**
 * One per server process: LISTENs on the events channel, loads each announced event once and
 * hands it to the local SSE connections whose row scope covers one of its subject employees.
 */
export function createRealtimeHub(deps: { db: Db; listener: Listener; clock: Clock }) {
  const entries = new Set<Entry>();
  const access = accessRepository(deps.db);
  let unlisten: (() => Promise<void>) | null = null;
  let pending: number[] = [];
  let flushing: Promise<void> | null = null;

  async function computeScope(actor: Actor): Promise<Entry['scope']> {
    const now = Date.now();
    if (hasAnyRole(actor, INSTANSI_WIDE_READ)) return { all: true, ids: new Set(), computedAt: now };
    if (actor.instansiId === null) return { all: false, ids: new Set(), computedAt: now };
    const date = wibDate(deps.clock.now());
    const result = await rows<{ id: number }>(
      deps.db,
      sql`select e.id from employees e where e.instansi_id = ${actor.instansiId} and ${access.scopeCondition(actor, date)}`,
    );
    return { all: false, ids: new Set(result.map((r) => r.id)), computedAt: now };
  }

  function visible(entry: Entry, event: EventRow): boolean {
    if (event.instansiId !== entry.sub.actor.instansiId) return false;
    if (PERSONAL_EVENT_TYPES.has(event.type)) {
      const me = entry.sub.actor.employeeId;
      return me !== null && event.subjectEmployeeIds.includes(me);
    }
    if (entry.scope.all) return true;
    return event.subjectEmployeeIds.some((id) => entry.scope.ids.has(id));
  }

  async function refreshIfStale(entry: Entry) {
    if (Date.now() - entry.scope.computedAt > SCOPE_TTL_MS) entry.scope = await computeScope(entry.sub.actor);
  }

  async function flush() {
    while (pending.length > 0) {
      const ids = pending;
      pending = [];
      const loaded = await eventsRepository(deps.db).byIds(ids);
      for (const entry of entries) {
        await refreshIfStale(entry);
        for (const event of loaded) if (visible(entry, event)) deliver(entry, event);
      }
    }
  }

  function onNotify(payload: string) {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || entries.size === 0) return;
    pending.push(id);
    // Batch notifications that arrive together into one query.
    flushing ??= new Promise<void>((resolve) => setTimeout(resolve, 5))
      .then(flush)
      .catch(() => undefined)
      .finally(() => {
        flushing = null;
        if (pending.length > 0) onNotify(String(pending.pop()));
      });
  }

  return {
    async start() {
      unlisten = await deps.listener.listen(EVENTS_CHANNEL, onNotify);
    },
    async stop() {
      entries.clear();
      await unlisten?.();
      unlisten = null;
    },
    /** Registers a connection; replays what it missed after `lastEventId` first. */
    async subscribe(sub: Subscriber, lastEventId: number | null): Promise<() => void> {
      const entry: Entry = { sub, scope: await computeScope(sub.actor), sent: new Set() };
      // Listen first, then replay: an event committed meanwhile is caught by one or the other,
      // and `sent` keeps it from being written twice.
      entries.add(entry);
      if (lastEventId !== null && sub.actor.instansiId !== null) {
        const missed = await eventsRepository(deps.db).after(sub.actor.instansiId, lastEventId, 1000);
        for (const event of missed) if (visible(entry, event)) deliver(entry, event);
      }
      return () => entries.delete(entry);
    },
    get connections() {
      return entries.size;
    },
  };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;
