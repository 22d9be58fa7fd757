import { and, asc, desc, eq, getTableColumns, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { skpDialogs, skpEvidence, skpFeedback, skpIndicators, skpRealisations, skps } from '../../db/schema/index.js';

export type RealisationRow = typeof skpRealisations.$inferSelect;
export type EvidenceRow = typeof skpEvidence.$inferSelect;
export type FeedbackRow = typeof skpFeedback.$inferSelect;
export type DialogRow = typeof skpDialogs.$inferSelect;

/** Pelaksanaan: realisation with evidence, feedback threads and dialog kinerja notes. */
export function skpActivityRepository(db: DbOrTx) {
  return {
    /** Realisations of a series in a period, keyed by indicator lineage key. */
    async realisationsByKey(seriesId: number, periodId: number): Promise<Map<string, RealisationRow>> {
      const result = await db
        .select({ ...getTableColumns(skpRealisations), key: skpIndicators.key })
        .from(skpRealisations)
        .innerJoin(skpIndicators, eq(skpIndicators.id, skpRealisations.indicatorId))
        .innerJoin(skps, eq(skps.id, skpRealisations.skpId))
        .where(and(eq(skps.seriesId, seriesId), eq(skpRealisations.periodId, periodId)))
        .orderBy(asc(skpRealisations.updatedAt));
      return new Map(result.map(({ key, ...r }) => [key, r]));
    },

    async findRealisation(id: number): Promise<RealisationRow | undefined> {
      const [row] = await db.select().from(skpRealisations).where(eq(skpRealisations.id, id));
      return row;
    },

    async insertRealisation(values: typeof skpRealisations.$inferInsert): Promise<RealisationRow> {
      const [row] = await db.insert(skpRealisations).values(values).returning();
      if (!row) throw new Error('realisation insert returned nothing');
      return row;
    },

    async updateRealisation(id: number, patch: Partial<typeof skpRealisations.$inferInsert>): Promise<RealisationRow> {
      const [row] = await db.update(skpRealisations).set({ ...patch, updatedAt: new Date() }).where(eq(skpRealisations.id, id)).returning();
      if (!row) throw new Error('realisation update returned nothing');
      return row;
    },

    async evidenceOf(realisationIds: readonly number[]): Promise<EvidenceRow[]> {
      if (realisationIds.length === 0) return [];
      return db
        .select()
        .from(skpEvidence)
        .where(sql`${skpEvidence.realisationId} = any(${sql.param([...realisationIds])}::int[])`)
        .orderBy(asc(skpEvidence.id));
    },

    async findEvidence(id: number): Promise<EvidenceRow | undefined> {
      const [row] = await db.select().from(skpEvidence).where(eq(skpEvidence.id, id));
      return row;
    },

    async insertEvidence(values: typeof skpEvidence.$inferInsert): Promise<EvidenceRow> {
      const [row] = await db.insert(skpEvidence).values(values).returning();
      if (!row) throw new Error('evidence insert returned nothing');
      return row;
    },

    async deleteEvidence(id: number): Promise<void> {
      await db.delete(skpEvidence).where(eq(skpEvidence.id, id));
    },

    /** Feedback of every version of a series, optionally of one period (with replies), oldest first. */
    async feedbackOf(seriesId: number, periodId?: number): Promise<FeedbackRow[]> {
      const inPeriod =
        periodId === undefined
          ? undefined
          : or(eq(skpFeedback.periodId, periodId), sql`${skpFeedback.parentId} in (select id from skp_feedback where period_id = ${periodId})`);
      return db
        .select(getTableColumns(skpFeedback))
        .from(skpFeedback)
        .innerJoin(skps, eq(skps.id, skpFeedback.skpId))
        .where(and(eq(skps.seriesId, seriesId), inPeriod))
        .orderBy(asc(skpFeedback.createdAt), asc(skpFeedback.id));
    },

    /** Feedback on the SKPs of an employee written in a period by someone else. */
    async feedbackForEmployee(employeeId: number, periodId: number): Promise<FeedbackRow[]> {
      return db
        .select(getTableColumns(skpFeedback))
        .from(skpFeedback)
        .innerJoin(skps, eq(skps.id, skpFeedback.skpId))
        .where(and(eq(skps.employeeId, employeeId), eq(skpFeedback.periodId, periodId), ne(skpFeedback.authorEmployeeId, employeeId)))
        .orderBy(asc(skpFeedback.createdAt), asc(skpFeedback.id));
    },

    async findFeedback(id: number): Promise<FeedbackRow | undefined> {
      const [row] = await db.select().from(skpFeedback).where(eq(skpFeedback.id, id));
      return row;
    },

    async insertFeedback(values: typeof skpFeedback.$inferInsert): Promise<FeedbackRow> {
      const [row] = await db.insert(skpFeedback).values(values).returning();
      if (!row) throw new Error('feedback insert returned nothing');
      return row;
    },

    async dialogsOf(seriesId: number): Promise<DialogRow[]> {
      return db
        .select(getTableColumns(skpDialogs))
        .from(skpDialogs)
        .innerJoin(skps, eq(skps.id, skpDialogs.skpId))
        .where(eq(skps.seriesId, seriesId))
        .orderBy(desc(skpDialogs.heldOn), desc(skpDialogs.id));
    },

    async insertDialog(values: typeof skpDialogs.$inferInsert): Promise<DialogRow> {
      const [row] = await db.insert(skpDialogs).values(values).returning();
      if (!row) throw new Error('dialog insert returned nothing');
      return row;
    },

    async rhkInSeries(seriesId: number, rhkId: number): Promise<boolean> {
      const result = await rows<{ yes: boolean }>(
        db,
        sql`select exists (select 1 from skp_rhks r join skps s on s.id = r.skp_id where s.series_id = ${seriesId} and r.id = ${rhkId}) as yes`,
      );
      return result[0]?.yes === true;
    },
  };
}

