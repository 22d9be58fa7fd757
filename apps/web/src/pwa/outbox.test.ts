import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { memoryStore } from './idb';
import { backoffMs, createOutbox, isRetryable, type OutboxEntry } from './outbox';

interface Payload {
  date: string;
  text: string;
  reportId: number | null;
}

function setup(send: (entry: OutboxEntry<Payload>) => Promise<number>) {
  let n = 0;
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const sent: Array<{ key: string; payload: Payload }> = [];
  let online = true;
  const outbox = createOutbox<Payload, number>({
    store: memoryStore<OutboxEntry<Payload>>(),
    send: async (entry) => {
      sent.push({ key: entry.key, payload: entry.payload });
      return send(entry);
    },
    same: (a, b) => a.text === b.text && a.reportId === b.reportId,
    afterSent: (_entry, reportId, later) => later.map((e) => ({ ...e, payload: { ...e.payload, reportId } })),
    newId: () => `id-${++n}`,
    isOnline: () => online,
    schedule: (fn, ms) => {
      timers.push({ fn, ms });
      return () => undefined;
    },
    random: () => 0.5,
  });
  return { outbox, timers, sent, setOnline: (v: boolean) => (online = v) };
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

describe('retry rules', () => {
  it('retries network, server, session and rate-limit failures, not refusals', () => {
    expect(isRetryable(networkError())).toBe(true);
    expect(isRetryable(new ApiError({ status: 503, code: 'INTERNAL_ERROR', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 403, code: 'CSRF_FAILED', message: '' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 409, code: 'CONFLICT', message: '' }))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
  });

  it('doubles the wait up to five minutes', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, mid))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(20, mid)).toBe(300000);
  });
});
