import { randomUUID } from 'node:crypto';
import type { TestOrg } from '../../../test/factories.js';
import type { Session, TestApp } from '../../../test/http.js';
import type { Db } from '../../db/open-db.js';
import { skpIndicators, skpRhks, skps } from '../../db/schema/index.js';
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

/** An APPROVED 2025 SKP for someone in the seksi, with one RHK and one indicator to link activities to. */
export async function approvedIndicator(db: Db, org: TestOrg, employeeId: number, text = { rhk: 'Terlayaninya pasien', indicator: 'Jumlah pasien terlayani', unit: 'orang' }) {
  const [skp] = await db
    .insert(skps)
    .values({
      instansiId: org.instansiId,
      employeeId,
      year: 2025,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      positionId: org.positions.pStaff.id,
      unitId: org.units.seksi.id,
      form: 'NON_JPT',
      status: 'APPROVED',
    })
    .returning();
  if (!skp) throw new Error('no SKP inserted');
  const [rhk] = await db.insert(skpRhks).values({ instansiId: org.instansiId, skpId: skp.id, kind: 'UTAMA', seq: 1, text: text.rhk }).returning();
  if (!rhk) throw new Error('no RHK inserted');
  const [ind] = await db.insert(skpIndicators).values({ rhkId: rhk.id, seq: 1, text: text.indicator, targetValue: 1000, targetUnit: text.unit }).returning();
  if (!ind) throw new Error('no indicator inserted');
  return { skpId: skp.id, rhkId: rhk.id, indicatorId: ind.id };
}
