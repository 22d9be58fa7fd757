import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import type { OpenDb } from '../../db/open-db.js';
import { seedDemo } from '../../db/seed/demo.js';
import { assignments, positions } from '../../db/schema/index.js';
import { orgRepository } from './org.repository.js';

// supervisorsOn chooses the atasan in one SQL statement. This checks it against the rule written
// plainly in TypeScript, for every employee of the demo city (with its Plt and Plh, vacant posts
// and people at the top) on several dates.
let db: OpenDb;
const TODAY = '2026-11-27';

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.db, { size: 'small', today: TODAY });
  // A post that has a Plt today also gets a Plh for a few days (the Plh must win), and a second,
  // later Plt on another acting post (the later one must win).
  const acting = (await db.db.select().from(assignments)).filter((a) => a.kind === 'PLT' && a.validFrom <= TODAY && (a.validTo === null || a.validTo >= TODAY));
  const [first, second] = acting;
  if (!first || !second) throw new Error('the demo city has fewer than two Plt today');
  const someone = (await db.db.select().from(assignments)).find((a) => a.kind === 'DEFINITIF' && a.positionId !== first.positionId && a.positionId !== second.positionId);
  if (!someone) throw new Error('nobody to appoint');
  await db.db.insert(assignments).values([
    { instansiId: first.instansiId, employeeId: someone.employeeId, positionId: first.positionId, kind: 'PLH', validFrom: '2026-11-25', validTo: '2026-11-30' },
    { instansiId: second.instansiId, employeeId: someone.employeeId, positionId: second.positionId, kind: 'PLT', validFrom: '2026-11-26', validTo: '2026-12-05' },
  ]);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

type Kind = 'DEFINITIF' | 'PLT' | 'PLH';
const PRIORITY: Record<Kind, number> = { PLH: 0, PLT: 1, DEFINITIF: 2 };

/** The rule: walk up from the definitive post; the first post with a holder other than the employee decides. */
async function reference(date: string): Promise<Map<number, { supervisorId: number; kind: Kind }>> {
  const inForce = <T extends { validFrom: string; validTo: string | null }>(a: T) => a.validFrom <= date && (a.validTo === null || a.validTo >= date);
  const all = (await db.db.select().from(assignments)).filter(inForce);
  const parent = new Map((await db.db.select().from(positions)).map((p) => [p.id, p.parentPositionId]));
  const out = new Map<number, { supervisorId: number; kind: Kind }>();
  const definitive = new Map<number, { positionId: number; validFrom: string }>();
  for (const a of all) {
    if (a.kind !== 'DEFINITIF') continue;
    const seen = definitive.get(a.employeeId);
    if (!seen || seen.validFrom < a.validFrom) definitive.set(a.employeeId, { positionId: a.positionId, validFrom: a.validFrom });
  }
  for (const [employeeId, post] of definitive) {
    let position = parent.get(post.positionId) ?? null;
    for (let depth = 0; position !== null && depth < 30; depth++) {
      const candidates = all
        .filter((a) => a.positionId === position && a.employeeId !== employeeId)
        .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.validFrom.localeCompare(a.validFrom) || a.employeeId - b.employeeId);
      const best = candidates[0];
      if (best) {
        out.set(employeeId, { supervisorId: best.employeeId, kind: best.kind });
        break;
      }
      position = parent.get(position) ?? null;
    }
  }
  return out;
}

describe('orgRepository.supervisorsOn', () => {
  it.each(['2026-11-27', '2026-10-15', '2026-09-01', '2027-01-20'])('chooses the atasan the rule chooses for everyone on %s', async (date) => {
    const ids = (await db.db.select({ id: assignments.employeeId }).from(assignments)).map((r) => r.id);
    const got = await orgRepository(db.db).supervisorsOn([...new Set(ids)], date);
    const want = await reference(date);
    expect(got.size).toBeGreaterThan(500);
    // The demo's acting posts (Plt, Plh) are in force around today: the comparison covers them.
    if (date === TODAY) {
      expect([...got.values()].filter((v) => v.kind === 'PLH').length).toBeGreaterThan(0);
      expect([...got.values()].filter((v) => v.kind === 'PLT').length).toBeGreaterThan(0);
    }
    expect(new Map([...got].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...want].sort((a, b) => a[0] - b[0])));
  });

  // One person at a time takes another statement (pantau_supervisor_of, migration 0013; the
  // new-day SQL function calls it too): the same answer for everyone, and none at the top.
  it.each(['2026-11-27', '2026-09-01'])('chooses the same atasan for one person at a time on %s', async (date) => {
    const ids = [...new Set((await db.db.select({ id: assignments.employeeId }).from(assignments)).map((r) => r.id))].sort((a, b) => a - b);
    const want = await reference(date);
    const repo = orgRepository(db.db);
    const got = new Map<number, { supervisorId: number; kind: Kind }>();
    for (const id of ids) {
      const one = (await repo.supervisorsOn([id], date)).get(id);
      if (one) got.set(id, one);
    }
    expect(ids.length - got.size).toBeGreaterThan(0);
    expect(got).toEqual(new Map([...want].sort((a, b) => a[0] - b[0])));
  }, 120_000);
});
