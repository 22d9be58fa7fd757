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
 *
 * The same queue is read by the page and by the service worker (Background Sync, sw/sync.ts): both
 * send under one lock, and both read the stored entries again before deciding anything, because
 * the other may have sent, refused or replaced an entry meanwhile.
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
  /** Runs `fn` while no other tab (or the service worker) sends (Web Locks when the browser has them). */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** An entry waits to be sent (queued, or a send failed and will be tried again): e.g. ask for a background sync. */
  onWaiting?: () => void;
  random?: () => number;
}

/** What one `flush` did: counts over its passes, and why something is still waiting after the last one. */
export interface FlushResult {
  sent: number;
  /** Entries the server refused (now 'failed', shown to the person to fix). */
  refused: number;
  /** Something is still due but the network is down, or the server was busy or failing. */
  retry: boolean;
  /** Something waits for the person to sign in again (401, an outdated CSRF token). */
  signIn: boolean;
}

export interface Outbox<P> {
  /** Only the signed-in person's entries are shown and sent; null stops sending. */
  setUser(userId: number | null): Promise<void>;
  enqueue(group: string, payload: P): Promise<OutboxEntry<P>>;
  flush(): Promise<FlushResult>;
  discard(id: string): Promise<void>;
  /** Reads the stored entries again (another tab or the service worker changed them). */
  refresh(): Promise<void>;
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
  return isSessionError(error) || isTransient(error);
}

/** The session ended or changed: the entry waits until the person signs in again. */
export function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.code === 'CSRF_FAILED');
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
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
  const onWaiting = deps.onWaiting ?? (() => undefined);

  let userId: number | null = null;
  let all: OutboxEntry<P>[] = [];
  let snapshot: readonly OutboxEntry<P>[] = [];
  let sending: string | null = null;
  let flushing: Promise<FlushResult> | null = null;
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

  /** One pass over the queue (`offline`: it stopped because the network is down). */
  async function runOnce(): Promise<FlushResult & { offline: boolean }> {
    const result = { sent: 0, refused: 0, retry: false, signIn: false, offline: false };
    await reload();
    if (userId === null) return { ...result, offline: true };
    if (!isOnline()) return { ...result, offline: true, retry: snapshot.some((e) => e.state === 'pending') };
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
        const value = await deps.send(entry, async (payload) => {
          current = { ...current, payload };
          await save(current);
        });
        // Read again: another tab may have queued a later save of the day meanwhile (it must learn
        // the report id too), or replaced this entry (same id, new key): that one is kept.
        all = await deps.store.all();
        const stored = all.find((e) => e.id === entry.id);
        const replaced = stored && stored.key !== entry.key ? stored : null;
        if (!replaced) await remove(entry.id);
        const later = all
          .filter((e) => e.group === entry.group && e.userId === entry.userId && (e.seq > entry.seq || e === replaced))
          .sort(bySeq);
        if (deps.afterSent && later.length > 0) {
          for (const updated of deps.afterSent(current, value, later)) await save(updated);
        }
        result.sent++;
        deps.onSent?.(current, value);
      } catch (error) {
        blocked.add(entry.group);
        if (isRetryable(error)) {
          if (isSessionError(error)) result.signIn = true;
          else result.retry = true;
          retryLater(current.attempts);
          onWaiting();
          // Without a connection the rest would fail the same way.
          if (error instanceof ApiError && error.status === 0) return { ...result, offline: true };
        } else {
          await save({ ...current, state: 'failed', error: toOutboxError(error) });
          result.refused++;
        }
      } finally {
        sending = null;
        emit();
      }
    }
    return result;
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
      // What is stored now: the service worker or another tab may have started sending meanwhile.
      all = await deps.store.all();
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
      onWaiting();
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
          const total: FlushResult = { sent: 0, refused: 0, retry: false, signIn: false };
          let pass: Awaited<ReturnType<typeof runOnce>>;
          do {
            again = false;
            pass = await withLock(runOnce);
            total.sent += pass.sent;
            total.refused += pass.refused;
          } while (again && !pass.offline);
          // Why something still waits is what the last pass found.
          return { ...total, retry: pass.retry, signIn: pass.signIn };
        } finally {
          flushing = null;
        }
      })();
      return flushing;
    },

    refresh: reload,

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
