import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { memoryStore, type KeyedStore } from './idb';
import { backoffMs, createOutbox, isRetryable, isSessionError, type OutboxEntry } from './outbox';

interface Payload {
  date: string;
  text: string;
  reportId: number | null;
}

function setup(
  send: (entry: OutboxEntry<Payload>) => Promise<number>,
  store: KeyedStore<OutboxEntry<Payload>> = memoryStore<OutboxEntry<Payload>>(),
  prefix = 'id',
) {
  let n = 0;
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const sent: Array<{ key: string; payload: Payload }> = [];
  let online = true;
  let waiting = 0;
  const outbox = createOutbox<Payload, number>({
    store,
    send: async (entry) => {
      sent.push({ key: entry.key, payload: entry.payload });
      return send(entry);
    },
    same: (a, b) => a.text === b.text && a.reportId === b.reportId,
    afterSent: (_entry, reportId, later) => later.map((e) => ({ ...e, payload: { ...e.payload, reportId } })),
    newId: () => `${prefix}-${++n}`,
    isOnline: () => online,
    onWaiting: () => waiting++,
    schedule: (fn, ms) => {
      timers.push({ fn, ms });
      return () => undefined;
    },
    random: () => 0.5,
  });
  return { outbox, timers, sent, setOnline: (v: boolean) => (online = v), waiting: () => waiting };
}

const networkError = () => new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' });

describe('outbox', () => {
  it('sends an entry once and forgets it', async () => {
    const { outbox, sent } = setup(async () => 7);
    await outbox.setUser(1);
    await outbox.enqueue('day:2026-11-27', { date: '2026-11-27', text: 'a', reportId: null });
    await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(outbox.entries()).toEqual([]);
  });

  it('keeps the same key across retries after a network failure, and waits with backoff', async () => {
    let fail = true;
    const { outbox, sent, timers } = setup(async () => {
      if (fail) throw networkError();
      return 7;
    });
    await outbox.setUser(1);
    await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    await outbox.flush();
    expect(outbox.entries()).toHaveLength(1);
    expect(outbox.entries()[0]?.attempts).toBe(1);
    expect(timers[0]?.ms).toBe(2000);
    fail = false;
    await outbox.flush();
    expect(sent.map((s) => s.key)).toEqual(['id-2', 'id-2']);
    expect(outbox.entries()).toEqual([]);
  });

  it('ignores a double tap (same content while the first is still waiting)', async () => {
    const { outbox, setOnline } = setup(async () => 7);
    await outbox.setUser(1);
    setOnline(false);
    const a = await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    const b = await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    expect(b.id).toBe(a.id);
    expect(b.key).toBe(a.key);
    expect(outbox.entries()).toHaveLength(1);
  });

  it('replaces an entry never sent, but queues behind one that may have reached the server', async () => {
    let fail = true;
    const { outbox, setOnline, sent } = setup(async () => {
      if (fail) throw networkError();
      return 42;
    });
    await outbox.setUser(1);
    setOnline(false);
    await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    await outbox.enqueue('day:1', { date: '1', text: 'ab', reportId: null });
    expect(outbox.entries()).toHaveLength(1);
    expect(outbox.entries()[0]?.payload.text).toBe('ab');
    setOnline(true);
    await outbox.flush();
    expect(outbox.entries()[0]?.attempts).toBe(1);
    await outbox.enqueue('day:1', { date: '1', text: 'abc', reportId: null });
    expect(outbox.entries()).toHaveLength(2);
    fail = false;
    await outbox.flush();
    // The second one learnt the report id from the first answer.
    expect(sent.slice(-2).map((s) => [s.payload.text, s.payload.reportId])).toEqual([
      ['ab', null],
      ['abc', 42],
    ]);
    expect(outbox.entries()).toEqual([]);
  });

  it('marks a refused entry failed, keeps its group waiting and sends other groups', async () => {
    const { outbox, sent } = setup(async (entry) => {
      if (entry.payload.text === 'bad') {
        throw new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Periksa', fields: [{ path: 'body.date', code: 'X', message: 'm' }] });
      }
      return 1;
    });
    await outbox.setUser(1);
    await outbox.enqueue('day:1', { date: '1', text: 'bad', reportId: null });
    await outbox.enqueue('day:2', { date: '2', text: 'good', reportId: null });
    await outbox.flush();
    const left = outbox.entries();
    expect(left).toHaveLength(1);
    expect(left[0]?.state).toBe('failed');
    expect(left[0]?.error?.fields[0]?.path).toBe('body.date');
    expect(sent.map((s) => s.payload.text)).toEqual(['bad', 'good']);
    // Fixing it replaces the failed entry.
    await outbox.enqueue('day:1', { date: '1', text: 'fixed', reportId: null });
    await outbox.flush();
    expect(outbox.entries()).toEqual([]);
  });

  it('shows and sends only the signed-in person’s entries', async () => {
    const { outbox, sent, setOnline } = setup(async () => 1);
    await outbox.setUser(1);
    setOnline(false);
    await outbox.enqueue('day:1', { date: '1', text: 'mine', reportId: null });
    await outbox.setUser(2);
    expect(outbox.entries()).toEqual([]);
    setOnline(true);
    await outbox.flush();
    expect(sent).toEqual([]);
    await outbox.setUser(1);
    await outbox.flush();
    expect(sent.map((s) => s.payload.text)).toEqual(['mine']);
  });
});

describe('outbox shared by the page and the service worker', () => {
  it('tells what a flush did and why something still waits', async () => {
    let answer: 'ok' | 'offline' | 'refused' | 'signed-out' | 'busy' = 'offline';
    const { outbox, waiting } = setup(async () => {
      if (answer === 'offline') throw networkError();
      if (answer === 'refused') throw new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Di luar jendela' });
      if (answer === 'signed-out') throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' });
      if (answer === 'busy') throw new ApiError({ status: 503, code: 'INTERNAL_ERROR', message: '' });
      return 1;
    });
    await outbox.setUser(1);
    await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    // Queued, then a failed send: a background sync is asked for each time.
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0, retry: true, signIn: false });
    expect(waiting()).toBeGreaterThanOrEqual(2);
    answer = 'signed-out';
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0, retry: false, signIn: true });
    answer = 'busy';
    expect(await outbox.flush()).toMatchObject({ retry: true, signIn: false });
    answer = 'ok';
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 0, retry: false, signIn: false });
    await outbox.enqueue('day:2', { date: '2', text: 'b', reportId: null });
    answer = 'refused';
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 1, retry: false, signIn: false });
    expect(outbox.entries()[0]?.state).toBe('failed');
  });

  it('says offline-and-waiting without trying when the browser is offline', async () => {
    const { outbox, setOnline, sent } = setup(async () => 1);
    await outbox.setUser(1);
    setOnline(false);
    await outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    expect(await outbox.flush()).toMatchObject({ sent: 0, retry: true });
    expect(sent).toEqual([]);
  });

  it('lets the worker send what the page queued; the page then sees it gone', async () => {
    const store = memoryStore<OutboxEntry<Payload>>();
    const page = setup(async () => 1, store, 'page');
    const worker = setup(async () => 9, store, 'sw');
    await page.outbox.setUser(1);
    page.setOnline(false);
    await page.outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    await worker.outbox.setUser(1);
    expect(await worker.outbox.flush()).toMatchObject({ sent: 1 });
    expect(worker.sent.map((s) => s.key)).toEqual(['page-2']);
    expect(page.outbox.entries()).toHaveLength(1);
    await page.outbox.refresh();
    expect(page.outbox.entries()).toEqual([]);
  });

  it('queues a new save behind an entry the worker has started to send, instead of replacing it', async () => {
    const store = memoryStore<OutboxEntry<Payload>>();
    const page = setup(async () => 1, store, 'page');
    let release: (id: number) => void = () => undefined;
    let calls = 0;
    const worker = setup(() => (++calls === 1 ? new Promise<number>((resolve) => (release = resolve)) : Promise.resolve(42)), store, 'sw');
    await page.outbox.setUser(1);
    page.setOnline(false);
    await page.outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    await worker.outbox.setUser(1);
    const sending = worker.outbox.flush();
    await new Promise((r) => setTimeout(r, 0));
    // The page still holds attempts 0 in memory, but reads the store before deciding.
    await page.outbox.enqueue('day:1', { date: '1', text: 'ab', reportId: null });
    expect((await store.all()).map((e) => e.payload.text).sort()).toEqual(['a', 'ab']);
    release(42);
    await sending;
    expect(worker.sent.map((s) => [s.payload.text, s.payload.reportId])).toEqual([
      ['a', null],
      ['ab', 42],
    ]);
    expect(await store.all()).toEqual([]);
  });

  it('keeps an entry replaced (same id, new key) while it was being sent, with the new report id', async () => {
    const store = memoryStore<OutboxEntry<Payload>>();
    let replace = async (): Promise<void> => undefined;
    const worker = setup(
      async () => {
        await replace();
        return 42;
      },
      store,
      'sw',
    );
    await worker.outbox.setUser(1);
    worker.setOnline(false);
    const first = await worker.outbox.enqueue('day:1', { date: '1', text: 'a', reportId: null });
    await worker.outbox.flush();
    // Another tab replaces the entry in the instant between this sender's read and its send.
    replace = async () => {
      replace = async () => undefined;
      await store.put({ ...first, key: 'other-tab-key', payload: { ...first.payload, text: 'ab' } });
    };
    worker.setOnline(true);
    await worker.outbox.flush();
    expect(worker.sent.map((s) => [s.key, s.payload.text, s.payload.reportId])).toEqual([[first.key, 'a', null]]);
    expect((await store.all()).map((e) => [e.key, e.payload.text, e.payload.reportId])).toEqual([['other-tab-key', 'ab', 42]]);
    await worker.outbox.flush();
    expect(worker.sent.map((s) => [s.key, s.payload.reportId])).toEqual([
      [first.key, null],
      ['other-tab-key', 42],
    ]);
    expect(await store.all()).toEqual([]);
  });
});

describe('retry rules', () => {
  it('retries network, server, session and rate-limit failures, not refusals', () => {
    expect(isRetryable(networkError())).toBe(true);
    expect(isRetryable(new ApiError({ status: 503, code: 'INTERNAL_ERROR', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 403, code: 'CSRF_FAILED', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 409, code: 'CONFLICT', message: '' }))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
  });

  it('tells a session that ended from a refusal', () => {
    expect(isSessionError(new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' }))).toBe(true);
    expect(isSessionError(new ApiError({ status: 403, code: 'CSRF_FAILED', message: '' }))).toBe(true);
    expect(isSessionError(new ApiError({ status: 403, code: 'FORBIDDEN', message: '' }))).toBe(false);
    expect(isSessionError(networkError())).toBe(false);
  });

  it('doubles the wait up to five minutes', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, mid))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(20, mid)).toBe(300000);
  });
});
