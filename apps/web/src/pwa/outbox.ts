import type { FieldError } from '@pantau/contracts';
import { ApiError } from '../api/client';
import type { KeyedStore } from './idb';

/**
 * The outbox: work written on the phone that still has to reach the server. Each entry carries
 * an idempotency key made once when the person pressed the button, so a resend after a lost
 * answer, a second tab or a double tap is answered by the server with the first result and never
 * makes a duplicate. Entries of one group (one report day) go out in order; a refused entry stops
 * its group until the person fixes it. Network failures are retried with backoff and as soon as
 * the browser says it is online again.
 */

export type OutboxState = 'pending' | 'failed';

export interface OutboxError {
  status: number;
  code: string;
  message: string;
  fields: FieldError[];
}

export interface OutboxEntry<P> {
  id: string;
  seq: number;
  userId: number;
  /** Entries of a group are sent one after another, in order. */
  group: string;
  /** Idempotency key of this submission (made once, kept across retries). */
  key: string;
  payload: P;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  error: OutboxError | null;
}

export interface OutboxDeps<P, R> {
  store: KeyedStore<OutboxEntry<P>>;
  /** Sends one entry; `save` stores progress (e.g. files already uploaded) so a retry skips it. */
  send: (entry: OutboxEntry<P>, save: (payload: P) => Promise<void>) => Promise<R>;
  /** True when two payloads would make the same request (a double tap). */
  same: (a: P, b: P) => boolean;
  /** The later entries of the same group after `entry` went through (e.g. given the new report id). */
  afterSent?: (entry: OutboxEntry<P>, result: R, later: OutboxEntry<P>[]) => OutboxEntry<P>[];
  onSent?: (entry: OutboxEntry<P>, result: R) => void;
  newId: () => string;
  now?: () => number;
  isOnline?: () => boolean;
  schedule?: (fn: () => void, ms: number) => () => void;
  /** Runs `fn` while no other tab sends (Web Locks when the browser has them). */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
  random?: () => number;
}

export interface Outbox<P> {
  /** Only the signed-in person's entries are shown and sent; null stops sending. */
  setUser(userId: number | null): Promise<void>;
  enqueue(group: string, payload: P): Promise<OutboxEntry<P>>;
  flush(): Promise<void>;
  discard(id: string): Promise<void>;
  /** The current person's entries, oldest first (a stable array until something changes). */
  entries(): readonly OutboxEntry<P>[];
  sendingId(): string | null;
  subscribe(listener: () => void): () => void;
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Wait before retry number `attempts` (1, 2, …): 2 s, 4 s, 8 s … up to 5 minutes, ±25 %. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Network trouble, server trouble, an ended session or a busy server: worth trying again. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'CSRF_FAILED') return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function toOutboxError(error: unknown): OutboxError {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, fields: error.fields };
  }
  return { status: 0, code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error), fields: [] };
}

const bySeq = <P>(a: OutboxEntry<P>, b: OutboxEntry<P>) => a.seq - b.seq;

export function createOutbox<P, R>(deps: OutboxDeps<P, R>): Outbox<P> {
  const now = deps.now ?? (() => Date.now());
  const isOnline = deps.isOnline ?? (() => true);
  const schedule =
    deps.schedule ??
    ((fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    });
  const withLock = deps.withLock ?? ((fn) => fn());
  const random = deps.random ?? Math.random;

  let userId: number | null = null;
  let all: OutboxEntry<P>[] = [];
  let snapshot: readonly OutboxEntry<P>[] = [];
  let sending: string | null = null;
  let flushing: Promise<void> | null = null;
  let again = false;
  let cancelTimer: (() => void) | null = null;
  const listeners = new Set<() => void>();

  function emit() {
    snapshot = userId === null ? [] : all.filter((e) => e.userId === userId).sort(bySeq);
    for (const l of listeners) l();
  }

  async function reload() {
    all = await deps.store.all();
    emit();
  }

  async function save(entry: OutboxEntry<P>) {
    await deps.store.put(entry);
    all = [...all.filter((e) => e.id !== entry.id), entry];
  }

  async function remove(id: string) {
    await deps.store.delete(id);
    all = all.filter((e) => e.id !== id);
  }

  function retryLater(attempts: number) {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      void outbox.flush();
    }, backoffMs(attempts, random));
  }

  /** One pass over the queue; true when it stopped because the network is down. */
  async function runOnce(): Promise<boolean> {
    await reload();
    if (userId === null || !isOnline()) return true;
    const blocked = new Set<string>();
    for (const { id } of snapshot) {
      // The latest version: an earlier answer may have updated it (afterSent).
      const queued = all.find((e) => e.id === id);
      if (!queued || blocked.has(queued.group)) continue;
      if (queued.state === 'failed') {
        blocked.add(queued.group);
        continue;
      }
      const entry: OutboxEntry<P> = { ...queued, attempts: queued.attempts + 1, lastAttemptAt: new Date(now()).toISOString() };
      await save(entry);
      sending = entry.id;
      emit();
      let current = entry;
      try {
        const result = await deps.send(entry, async (payload) => {
          current = { ...current, payload };
          await save(current);
        });
        await remove(entry.id);
        const later = all.filter((e) => e.group === entry.group && e.userId === entry.userId && e.seq > entry.seq).sort(bySeq);
        if (deps.afterSent && later.length > 0) {
          for (const updated of deps.afterSent(current, result, later)) await save(updated);
        }
        deps.onSent?.(current, result);
      } catch (error) {
        if (isRetryable(error)) {
          blocked.add(entry.group);
          retryLater(current.attempts);
          // Without a connection the rest would fail the same way.
          if (error instanceof ApiError && error.status === 0) return true;
        } else {
          await save({ ...current, state: 'failed', error: toOutboxError(error) });
          blocked.add(entry.group);
        }
      } finally {
        sending = null;
        emit();
      }
    }
    return false;
  }

  const outbox: Outbox<P> = {
    async setUser(next) {
      userId = next;
      if (next === null) {
        cancelTimer?.();
        cancelTimer = null;
        emit();
        return;
      }
      await reload();
      void outbox.flush();
    },

    async enqueue(group, payload) {
      if (userId === null) throw new Error('outbox: nobody is signed in');
      const me = userId;
      const mine = all.filter((e) => e.userId === me && e.group === group).sort(bySeq);
      const last = mine[mine.length - 1];
      if (last && last.state === 'pending' && deps.same(last.payload, payload)) return last;
      for (const e of mine) if (e.state === 'failed') await remove(e.id);
      let entry: OutboxEntry<P>;
      if (last && last.state === 'pending' && last.attempts === 0 && sending !== last.id) {
        // Never sent: this submission takes its place (and its own key).
        entry = { ...last, payload, key: deps.newId(), createdAt: new Date(now()).toISOString() };
      } else {
        const maxSeq = all.reduce((m, e) => Math.max(m, e.seq), 0);
        entry = {
          id: deps.newId(),
          seq: Math.max(maxSeq + 1, now()),
          userId: me,
          group,
          key: deps.newId(),
          payload,
          state: 'pending',
          attempts: 0,
          createdAt: new Date(now()).toISOString(),
          lastAttemptAt: null,
          error: null,
        };
      }
      await save(entry);
      emit();
      void outbox.flush();
      return entry;
    },

    flush() {
      if (flushing) {
        again = true;
        return flushing;
      }
      flushing = (async () => {
        try {
          let offline = false;
          do {
            again = false;
            offline = await withLock(runOnce);
          } while (again && !offline);
        } finally {
          flushing = null;
        }
      })();
      return flushing;
    },

    async discard(id) {
      if (sending === id) return;
      await remove(id);
      emit();
    },

    entries: () => snapshot,
    sendingId: () => sending,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return outbox;
}
