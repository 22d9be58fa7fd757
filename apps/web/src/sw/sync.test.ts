import { describe, expect, it } from 'vitest';
import type { DailyReportDto, Me } from '@pantau/contracts';
import { ApiError } from '../api/client';
import type { DayEntry } from '../features/daily-reports/day-outbox';
import type { FlushResult } from '../pwa/outbox';
import { RetryLater, sendInBackground, type BackgroundNews, type BackgroundSendDeps } from './sync';

const me: Me = {
  userId: 7,
  employeeId: 70,
  instansiId: 1,
  instansiName: 'Dinas',
  nip: '198609262015051001',
  name: 'Pegawai',
  roles: ['PEGAWAI'],
  adminUnitIds: [],
  mustChangePassword: false,
  locale: 'id',
  csrfToken: 'csrf',
};

function entry(userId: number, state: DayEntry['state'] = 'pending'): DayEntry {
  return {
    id: `e${userId}`,
    seq: 1,
    userId,
    group: 'day:2026-11-27',
    key: 'k',
    payload: { date: '2026-11-27', reportId: null, activities: [], submit: true },
    state,
    attempts: 0,
    createdAt: '2026-11-27T08:00:00.000Z',
    lastAttemptAt: null,
    error: null,
  };
}

const none: FlushResult = { sent: 0, refused: 0, retry: false, signIn: false };

function fake(over: Partial<BackgroundSendDeps> & { result?: FlushResult }) {
  const news: BackgroundNews[] = [];
  const calls = { whoAmI: 0, send: 0 };
  const deps: BackgroundSendDeps = {
    waiting: async () => [entry(7)],
    whoAmI: async () => {
      calls.whoAmI++;
      return me;
    },
    send: async (_me, onSent) => {
      calls.send++;
      const result = over.result ?? none;
      for (let i = 0; i < result.sent; i++) onSent(entry(7), { id: 99 } as DailyReportDto);
      return result;
    },
    tell: (n) => news.push(n),
    ...over,
  };
  return { deps, news, calls };
}

describe('sending in the background (service worker)', () => {
  it('asks nothing of the server when nothing waits', async () => {
    const { deps, calls } = fake({ waiting: async () => [entry(7, 'failed')] });
    expect(await sendInBackground(deps)).toEqual({ kind: 'nothing' });
    expect(calls.whoAmI).toBe(0);
  });

  it('sends, and tells open pages what went out', async () => {
    const { deps, news } = fake({ result: { ...none, sent: 1 } });
    const outcome = await sendInBackground(deps);
    expect(outcome).toMatchObject({ kind: 'done', result: { sent: 1 } });
    expect(news.map((n) => n.type)).toEqual(['sent', 'changed']);
  });

  it('rejects (the browser tries again later) when the network is down', async () => {
    const { deps } = fake({
      whoAmI: async () => {
        throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' });
      },
    });
    await expect(sendInBackground(deps)).rejects.toBeInstanceOf(RetryLater);
  });

  it('rejects when a send failed for the network or the server, after telling what did go out', async () => {
    const { deps, news } = fake({ result: { ...none, sent: 1, retry: true } });
    await expect(sendInBackground(deps)).rejects.toBeInstanceOf(RetryLater);
    expect(news.map((n) => n.type)).toEqual(['sent', 'changed']);
  });

  it('tells pages about a refusal (the person fixes it there) and does not retry it', async () => {
    const { deps, news } = fake({ result: { ...none, refused: 1 } });
    expect(await sendInBackground(deps)).toMatchObject({ kind: 'done', result: { refused: 1 } });
    expect(news).toEqual([{ type: 'changed' }]);
  });

  it('leaves the queue to the page after a sign-in: signed out, session ended, someone else signed in', async () => {
    for (const over of [
      { whoAmI: async () => null },
      { whoAmI: async () => ({ ...me, mustChangePassword: true }) },
      { waiting: async () => [entry(8)] },
    ] satisfies Partial<BackgroundSendDeps>[]) {
      const { deps, calls } = fake(over);
      expect(await sendInBackground(deps)).toEqual({ kind: 'signed-out' });
      expect(calls.send).toBe(0);
    }
    const { deps } = fake({ result: { ...none, signIn: true } });
    expect(await sendInBackground(deps)).toMatchObject({ kind: 'done' });
  });
});
