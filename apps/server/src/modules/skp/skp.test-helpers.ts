import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import type { Session, TestApp } from '../../../test/http.js';

/** 2026-05-15 10:00 WIB: inside Triwulan II 2026. */
export const MAY_15: Clock = { now: () => new Date('2026-05-15T03:00:00Z') };

/** A clock the test can move. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (v: string) => { now = new Date(v); } };
}

export function expectStatus(res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}

export const indicator = (text: string, aspek: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' = 'KUANTITAS', targetValue = 12, targetUnit = 'Dokumen') => ({
  aspek, text, targetValue, targetUnit,
});

interface SkpJson { id: number; status: string; rhk: { id: number; key: string; kind: string; text: string }[] }

/** Creates an SKP for 2026 as `who` and returns it. */
export async function createSkp(t: TestApp, who: Session): Promise<SkpJson> {
  const res = await t.as(who).post('/api/skp', { year: 2026 });
  expectStatus(res, 201);
  return (res.json() as { skp: SkpJson }).skp;
}

/** Adds an RHK (with one KUANTITAS indicator) and returns the new RHK. */
export async function addRhk(t: TestApp, who: Session, skpId: number, text: string, parentRhkId: number | null = null, kind: 'UTAMA' | 'TAMBAHAN' = 'UTAMA') {
  const res = await t.as(who).post(`/api/skp/${skpId}/rhk`, { kind, text, parentRhkId, indicators: [indicator(`Jumlah ${text}`)] });
  expectStatus(res, 201);
  const skp = (res.json() as { skp: SkpJson }).skp;
  const rhk = skp.rhk.find((r) => r.text === text);
  if (!rhk) throw new Error('rhk not found');
  return rhk;
}

/** Draft → submitted → approved, by the owner and the penilai. */
export async function approveSkp(t: TestApp, owner: Session, penilai: Session, skpId: number): Promise<void> {
  expectStatus(await t.as(owner).post(`/api/skp/${skpId}/submission`), 200);
  expectStatus(await t.as(penilai).post(`/api/skp/${skpId}/approval`), 200);
}
