import { clampDate } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpRepository, type SkpRow } from './skp.repository.js';

/** The pejabat penilai of an employee on a date, and the atasan pejabat penilai above them. */
export interface PenilaiPair {
  penilaiId: number;
  /** Falls back to the penilai when nobody is above them (e.g. a JPT rated by the top post). */
  atasanId: number;
}

/** What the caller is to one SKP. */
export interface SkpFacts {
  isOwner: boolean;
  /** The caller is the pejabat penilai on the SKP's action date (Plt/Plh included). */
  isPenilai: boolean;
  penilai: PenilaiPair | null;
  /** The caller is above the employee in the chain today, or is a recorded penilai. */
  isAbove: boolean;
  /** This version is the newest approved one of its series. */
  isLatestApproved: boolean;
}

const key = (employeeId: number, date: string) => `${employeeId}|${date}`;

/**
 * Row scope for the SKP module: who may read an SKP, who its pejabat penilai is on a date.
 * Out-of-scope SKPs read as 404.
 */
export function skpAccess(db: DbOrTx, clock: Clock) {
  const access = accessRepository(db);
  const org = orgRepository(db);
  const repo = skpRepository(db);
  const today = () => wibDate(clock.now());

  /** The day that decides the penilai for an SKP action: today, moved into the SKP's span. */
  const actionDate = (skp: Pick<SkpRow, 'periodStart' | 'periodEnd'>) => clampDate(today(), skp.periodStart, skp.periodEnd);

  async function penilaiOf(pairs: readonly { employeeId: number; date: string }[]): Promise<Map<string, PenilaiPair>> {
    const out = new Map<string, PenilaiPair>();
    const byDate = new Map<string, number[]>();
    for (const p of pairs) {
      const list = byDate.get(p.date);
      if (list) list.push(p.employeeId);
      else byDate.set(p.date, [p.employeeId]);
    }
    for (const [date, ids] of byDate) {
      const sup = await org.supervisorsOn(ids, date);
      const penilaiIds = [...new Set([...sup.values()].map((s) => s.supervisorId))];
      const above = await org.supervisorsOn(penilaiIds, date);
      for (const [employeeId, s] of sup) {
        out.set(key(employeeId, date), { penilaiId: s.supervisorId, atasanId: above.get(s.supervisorId)?.supervisorId ?? s.supervisorId });
      }
    }
    return out;
  }

  async function factsFor(ctx: SkpCtx, list: readonly SkpRow[]): Promise<Map<number, SkpFacts>> {
    const me = ctx.actor.employeeId;
    const out = new Map<number, SkpFacts>();
    if (list.length === 0) return out;
    const below = me === null ? new Set<number>() : await skpPeopleRepository(db).belowHolder(me, list.map((s) => s.employeeId), today());
    const penilai = await penilaiOf(list.map((s) => ({ employeeId: s.employeeId, date: actionDate(s) })));
    const latest = await repo.latestApprovedIds(list.map((s) => s.seriesId ?? s.id));
    for (const s of list) {
      const p = penilai.get(key(s.employeeId, actionDate(s))) ?? null;
      const isPenilai = me !== null && p !== null && p.penilaiId === me && me !== s.employeeId;
      out.set(s.id, {
        isOwner: me !== null && me === s.employeeId,
        isPenilai,
        penilai: p,
        isAbove: me !== null && (below.has(s.employeeId) || isPenilai || s.penilaiEmployeeId === me),
        isLatestApproved: latest.get(s.seriesId ?? s.id) === s.id,
      });
    }
    return out;
  }

  return {
    today,
    actionDate,
    penilaiOf,
    penilaiKey: key,
    factsFor,

    /**
     * Loads a readable SKP and the newest approved version of its series (the one realised,
     * evaluated and printed), with the caller's relation to that version.
     */
    async loadApproved(ctx: SkpCtx, id: number): Promise<{ skp: SkpRow; facts: SkpFacts } | null> {
      const loaded = await this.load(ctx, id);
      const approved = loaded.skp.status === 'APPROVED' && loaded.facts.isLatestApproved
        ? loaded.skp
        : await repo.latestApproved(loaded.skp.seriesId ?? loaded.skp.id);
      if (!approved) return null;
      if (approved.id === loaded.skp.id) return loaded;
      const facts = (await factsFor(ctx, [approved])).get(approved.id);
      return facts ? { skp: approved, facts } : null;
    },

    /** Loads an SKP the caller may read, with the caller's relation to it; 404 otherwise. */
    async load(ctx: SkpCtx, id: number): Promise<{ skp: SkpRow; facts: SkpFacts }> {
      const skp = await repo.find(instansiOf(ctx), id);
      if (!skp) throw notFound();
      const facts = (await factsFor(ctx, [skp])).get(skp.id);
      if (!facts) throw notFound();
      const me = ctx.actor.employeeId;
      const recorded = me !== null && (skp.penilaiEmployeeId === me || skp.atasanPenilaiEmployeeId === me);
      if (!facts.isOwner && !facts.isAbove && !recorded) {
        const readable = await access.readableEmployeeIds(ctx.actor, [skp.employeeId], today());
        if (!readable.has(skp.employeeId)) throw notFound();
      }
      return { skp, facts };
    },
  };
}

export type SkpAccess = ReturnType<typeof skpAccess>;
