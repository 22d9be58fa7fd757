import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { skpDistributionOverrides, skpEvaluationItems, skpEvaluations, skpObjections, skpOrgPredikat } from '../../db/schema/index.js';

export type EvaluationRow = typeof skpEvaluations.$inferSelect;
export type EvaluationItemRow = typeof skpEvaluationItems.$inferSelect;
export type ObjectionRow = typeof skpObjections.$inferSelect;
export type OrgPredikatRow = typeof skpOrgPredikat.$inferSelect;

/** Evaluations, their item ratings, objections and organisation predikat. */
export function skpEvaluationRepository(db: DbOrTx) {
  return {
    async find(instansiId: number, id: number): Promise<EvaluationRow | undefined> {
      const [row] = await db.select().from(skpEvaluations).where(and(eq(skpEvaluations.instansiId, instansiId), eq(skpEvaluations.id, id)));
      return row;
    },

    async findBySeries(seriesId: number, periodId: number): Promise<EvaluationRow | undefined> {
      const [row] = await db.select().from(skpEvaluations).where(and(eq(skpEvaluations.seriesId, seriesId), eq(skpEvaluations.periodId, periodId)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<EvaluationRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(skpEvaluations).where(inArray(skpEvaluations.id, [...ids]));
    },

    async forSeries(seriesIds: readonly number[], periodId: number): Promise<EvaluationRow[]> {
      if (seriesIds.length === 0) return [];
      return db.select().from(skpEvaluations).where(and(inArray(skpEvaluations.seriesId, [...seriesIds]), eq(skpEvaluations.periodId, periodId)));
    },

    async forEmployee(employeeId: number, periodId: number): Promise<EvaluationRow[]> {
      return db.select().from(skpEvaluations).where(and(eq(skpEvaluations.employeeId, employeeId), eq(skpEvaluations.periodId, periodId)));
    },

    /**
     * Inserts or returns the evaluation of (series, period), row-locked for the rest of the
     * transaction, in one statement (safe against a concurrent insert); `created` tells which.
     */
    async ensure(values: typeof skpEvaluations.$inferInsert): Promise<EvaluationRow & { created: boolean }> {
      const [row] = await db
        .insert(skpEvaluations)
        .values(values)
        .onConflictDoUpdate({ target: [skpEvaluations.seriesId, skpEvaluations.periodId], set: { updatedAt: sql`${skpEvaluations.updatedAt}` } })
        .returning({ ...getTableColumns(skpEvaluations), created: sql<boolean>`(xmax = 0)` });
      if (!row) throw new Error('evaluation ensure returned nothing');
      return row;
    },

    async update(id: number, patch: Partial<typeof skpEvaluations.$inferInsert>): Promise<EvaluationRow> {
      const [row] = await db.update(skpEvaluations).set({ ...patch, updatedAt: new Date() }).where(eq(skpEvaluations.id, id)).returning();
      if (!row) throw new Error('evaluation update returned nothing');
      return row;
    },

    async finaliseMany(ids: readonly number[], patch: Partial<typeof skpEvaluations.$inferInsert>): Promise<void> {
      if (ids.length === 0) return;
      await db.update(skpEvaluations).set({ ...patch, updatedAt: new Date() }).where(inArray(skpEvaluations.id, [...ids]));
    },

    async itemsOf(evaluationIds: readonly number[]): Promise<EvaluationItemRow[]> {
      if (evaluationIds.length === 0) return [];
      return db.select().from(skpEvaluationItems).where(inArray(skpEvaluationItems.evaluationId, [...evaluationIds]));
    },

    /** Replaces the item ratings; `existing` false (a row just created) skips the delete. */
    async replaceItems(evaluationId: number, existing: boolean, values: Omit<typeof skpEvaluationItems.$inferInsert, 'evaluationId'>[]): Promise<void> {
      if (existing) await db.delete(skpEvaluationItems).where(eq(skpEvaluationItems.evaluationId, evaluationId));
      if (values.length > 0) await db.insert(skpEvaluationItems).values(values.map((v) => ({ ...v, evaluationId })));
    },

    async objectionsOf(evaluationIds: readonly number[]): Promise<ObjectionRow[]> {
      if (evaluationIds.length === 0) return [];
      return db.select().from(skpObjections).where(inArray(skpObjections.evaluationId, [...evaluationIds]));
    },

    async findObjection(instansiId: number, id: number): Promise<ObjectionRow | undefined> {
      const [row] = await db.select().from(skpObjections).where(and(eq(skpObjections.instansiId, instansiId), eq(skpObjections.id, id)));
      return row;
    },

    async listObjections(instansiId: number, by: { deciderId?: number; employeeId?: number }): Promise<ObjectionRow[]> {
      const conds = [eq(skpObjections.instansiId, instansiId)];
      if (by.deciderId !== undefined) conds.push(eq(skpObjections.deciderEmployeeId, by.deciderId));
      if (by.employeeId !== undefined) conds.push(eq(skpObjections.employeeId, by.employeeId));
      return db.select().from(skpObjections).where(and(...conds)).orderBy(sql`${skpObjections.status} <> 'PENDING'`, skpObjections.decisionDue);
    },

    async insertObjection(values: typeof skpObjections.$inferInsert): Promise<ObjectionRow> {
      const [row] = await db.insert(skpObjections).values(values).returning();
      if (!row) throw new Error('objection insert returned nothing');
      return row;
    },

    async updateObjection(id: number, patch: Partial<typeof skpObjections.$inferInsert>): Promise<ObjectionRow> {
      const [row] = await db.update(skpObjections).set(patch).where(eq(skpObjections.id, id)).returning();
      if (!row) throw new Error('objection update returned nothing');
      return row;
    },

    async orgPredikatOf(unitIds: readonly number[], periodId: number): Promise<OrgPredikatRow[]> {
      if (unitIds.length === 0) return [];
      return db.select().from(skpOrgPredikat).where(and(inArray(skpOrgPredikat.unitId, [...unitIds]), eq(skpOrgPredikat.periodId, periodId)));
    },

    async upsertOrgPredikat(values: typeof skpOrgPredikat.$inferInsert): Promise<OrgPredikatRow> {
      const [row] = await db
        .insert(skpOrgPredikat)
        .values(values)
        .onConflictDoUpdate({
          target: [skpOrgPredikat.unitId, skpOrgPredikat.periodId],
          set: { predikat: values.predikat, note: values.note ?? null, setByEmployeeId: values.setByEmployeeId ?? null, setByUserId: values.setByUserId, setAt: new Date() },
        })
        .returning();
      if (!row) throw new Error('org predikat upsert returned nothing');
      return row;
    },

    async insertOverrides(values: (typeof skpDistributionOverrides.$inferInsert)[]) {
      if (values.length === 0) return [];
      return db.insert(skpDistributionOverrides).values(values).returning();
    },

  };
}

export type SkpEvaluationRepository = ReturnType<typeof skpEvaluationRepository>;
