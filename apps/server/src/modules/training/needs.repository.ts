import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { trainingNeedSources, trainingNeeds, trainingPlans } from '../../db/schema/index.js';

export type NeedRow = typeof trainingNeeds.$inferSelect;
export type NeedSourceRow = typeof trainingNeedSources.$inferSelect;
export type PlanRow = typeof trainingPlans.$inferSelect;

/** Development needs, the sources they came from, and agreed plans. */
export function needsRepository(db: DbOrTx) {
  return {
    async find(instansiId: number, id: number): Promise<NeedRow | undefined> {
      const [row] = await db.select().from(trainingNeeds).where(and(eq(trainingNeeds.instansiId, instansiId), eq(trainingNeeds.id, id)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<NeedRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(trainingNeeds).where(inArray(trainingNeeds.id, [...ids]));
    },

    async forEmployees(employeeIds: readonly number[], year: number): Promise<NeedRow[]> {
      if (employeeIds.length === 0) return [];
      return db
        .select()
        .from(trainingNeeds)
        .where(and(inArray(trainingNeeds.employeeId, [...employeeIds]), eq(trainingNeeds.year, year)))
        .orderBy(asc(trainingNeeds.employeeId), sql`${trainingNeeds.status} <> 'OPEN'`, asc(trainingNeeds.id));
    },

    /** Open needs of an employee up to a year, locked (a completion closes them). */
    async openUpTo(employeeId: number, year: number): Promise<NeedRow[]> {
      return db
        .select()
        .from(trainingNeeds)
        .where(and(eq(trainingNeeds.employeeId, employeeId), eq(trainingNeeds.status, 'OPEN'), lte(trainingNeeds.year, year)))
        .for('update');
    },

    async insert(values: typeof trainingNeeds.$inferInsert): Promise<NeedRow> {
      const [row] = await db.insert(trainingNeeds).values(values).returning();
      if (!row) throw new Error('need insert returned nothing');
      return row;
    },

    /** Inserts unless an open need of that area exists; returns the open need either way. */
    async openNeed(values: typeof trainingNeeds.$inferInsert): Promise<{ need: NeedRow; created: boolean }> {
      const [inserted] = await db.insert(trainingNeeds).values(values).onConflictDoNothing().returning();
      if (inserted) return { need: inserted, created: true };
      const [existing] = await db
        .select()
        .from(trainingNeeds)
        .where(
          and(
            eq(trainingNeeds.employeeId, values.employeeId),
            eq(trainingNeeds.year, values.year),
            eq(trainingNeeds.areaKey, values.areaKey),
            eq(trainingNeeds.status, 'OPEN'),
          ),
        );
      if (!existing) throw new Error('open need vanished');
      return { need: existing, created: false };
    },

    async update(id: number, patch: Partial<typeof trainingNeeds.$inferInsert>): Promise<NeedRow> {
      const [row] = await db.update(trainingNeeds).set({ ...patch, updatedAt: new Date() }).where(eq(trainingNeeds.id, id)).returning();
      if (!row) throw new Error('need update returned nothing');
      return row;
    },

    async updateMany(ids: readonly number[], patch: Partial<typeof trainingNeeds.$inferInsert>): Promise<void> {
      if (ids.length === 0) return;
      await db.update(trainingNeeds).set({ ...patch, updatedAt: new Date() }).where(inArray(trainingNeeds.id, [...ids]));
    },

    /** Withdraws those of the needs that are still open; returns them. */
    async withdrawOpen(ids: readonly number[], note: string, at: Date): Promise<NeedRow[]> {
      if (ids.length === 0) return [];
      return db
        .update(trainingNeeds)
        .set({ status: 'WITHDRAWN', closedAt: at, withdrawnNote: note, updatedAt: at })
        .where(and(inArray(trainingNeeds.id, [...ids]), eq(trainingNeeds.status, 'OPEN')))
        .returning();
    },

    async sourcesOf(needIds: readonly number[]): Promise<NeedSourceRow[]> {
      if (needIds.length === 0) return [];
      return db.select().from(trainingNeedSources).where(inArray(trainingNeedSources.needId, [...needIds])).orderBy(asc(trainingNeedSources.id));
    },

    /** Source keys already turned into needs, with the need and its status. */
    async recordedSources(employeeIds: readonly number[] | null, instansiId: number) {
      return rows<{ employeeId: number; sourceKey: string; needId: number; status: NeedRow['status']; year: number }>(
        db,
        sql`select s.employee_id as "employeeId", s.source_key as "sourceKey", s.need_id as "needId", n.status, n.year
            from training_need_sources s join training_needs n on n.id = s.need_id
            where ${employeeIds === null ? sql`n.instansi_id = ${instansiId}` : sql`s.employee_id = any(${sql.param([...employeeIds])}::int[])`}`,
      );
    },

    async insertSources(values: (typeof trainingNeedSources.$inferInsert)[]): Promise<void> {
      if (values.length === 0) return;
      await db.insert(trainingNeedSources).values(values).onConflictDoNothing();
    },

    async plan(employeeId: number, year: number): Promise<PlanRow | undefined> {
      const [row] = await db.select().from(trainingPlans).where(and(eq(trainingPlans.employeeId, employeeId), eq(trainingPlans.year, year)));
      return row;
    },

    async upsertPlan(values: typeof trainingPlans.$inferInsert): Promise<PlanRow> {
      const [row] = await db
        .insert(trainingPlans)
        .values(values)
        .onConflictDoUpdate({
          target: [trainingPlans.employeeId, trainingPlans.year],
          set: { agreedAt: values.agreedAt, agreedByEmployeeId: values.agreedByEmployeeId, note: values.note ?? null },
        })
        .returning();
      if (!row) throw new Error('plan upsert returned nothing');
      return row;
    },

    /** Open and not-yet-agreed needs per employee in a year. */
    async counts(employeeIds: readonly number[], year: number): Promise<Map<number, { open: number; awaiting: number }>> {
      const out = new Map<number, { open: number; awaiting: number }>();
      if (employeeIds.length === 0) return out;
      const result = await rows<{ id: number; open: number; awaiting: number }>(
        db,
        sql`select employee_id as id, count(*)::int as open, (count(*) filter (where agreed_at is null))::int as awaiting
            from training_needs where employee_id = any(${sql.param([...employeeIds])}::int[]) and year = ${year} and status = 'OPEN'
            group by employee_id`,
      );
      for (const r of result) out.set(r.id, { open: r.open, awaiting: r.awaiting });
      return out;
    },
  };
}
