import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

/**
 * Which RHK / indicators an activity may name: those of the employee's APPROVED SKP whose period
 * covers the date. Reads the SKP tables directly until the SKP module exports a service for it
 * (noted in docs/decisions/0005).
 */
export function skpLinksRepository(db: DbOrTx) {
  return {
    async approvedLinks(
      employeeId: number,
      date: string,
      rhkIds: readonly number[],
      indicatorIds: readonly number[],
    ): Promise<{ rhks: Set<number>; indicators: Map<number, number> }> {
      if (rhkIds.length === 0 && indicatorIds.length === 0) return { rhks: new Set(), indicators: new Map() };
      const result = await rows<{ rhkId: number; indicatorId: number | null }>(
        db,
        sql`select r.id as "rhkId", i.id as "indicatorId"
            from skps s join skp_rhks r on r.skp_id = s.id
            left join skp_indicators i on i.rhk_id = r.id and i.id = any(${sql.param([...indicatorIds])}::int[])
            where s.employee_id = ${employeeId} and s.status = 'APPROVED'
              and s.period_start <= ${date}::date and s.period_end >= ${date}::date
              and (r.id = any(${sql.param([...rhkIds])}::int[]) or i.id is not null)`,
      );
      const rhks = new Set<number>();
      const indicators = new Map<number, number>();
      for (const r of result) {
        rhks.add(r.rhkId);
        if (r.indicatorId !== null) indicators.set(r.indicatorId, r.rhkId);
      }
      return { rhks, indicators };
    },

    /** Of the given evidence ids, those this user uploaded in this instansi. */
    async ownEvidence(instansiId: number, userId: number, ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select id from evidence_files where instansi_id = ${instansiId} and uploaded_by_user_id = ${userId}
              and id = any(${sql.param([...ids])}::int[])`,
      );
      return new Set(result.map((r) => r.id));
    },
  };
}
