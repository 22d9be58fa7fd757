import { randomUUID } from 'node:crypto';
import type { Session, TestApp } from '../../../test/http.js';
import type { Clock } from '../../lib/clock.js';

/** Test helpers for the daily-report routes. */

/** A movable clock: starts at `iso`, tests may set it forward. */
export function testClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => now,
    set(next: string) {
      now = new Date(next);
    },
  };
}

export const key = () => `k-${randomUUID()}`;

export function reports(t: TestApp) {
  return {
    create: (who: Session | null, body: unknown, k: string | null = key()) =>
      t.as(who).post('/api/daily-reports', body, k ? { 'idempotency-key': k } : {}),
    replace: (who: Session, id: number, body: unknown, k: string | null = key()) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/daily-reports/${id}`,
        payload: body as Record<string, unknown>,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(k ? { 'idempotency-key': k } : {}) },
      }),
    submit: (who: Session, id: number, k: string | null = key()) =>
      t.as(who).post(`/api/daily-reports/${id}/submission`, {}, k ? { 'idempotency-key': k } : {}),
    verify: (who: Session, id: number, body: unknown, k: string | null = null) =>
      t.as(who).post(`/api/daily-reports/${id}/verification`, body, k ? { 'idempotency-key': k } : {}),
    get: (who: Session, id: number) => t.as(who).get(`/api/daily-reports/${id}`),
  };
}

export const activity = (over: Record<string, unknown> = {}) => ({
  startTime: '08:00',
  endTime: '09:30',
  description: 'Melayani pendaftaran pasien BPJS',
  outputQuantity: 12,
  outputUnit: 'orang',
  ...over,
});
