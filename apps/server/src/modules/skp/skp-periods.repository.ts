import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { skpPeriods, skpSettings } from '../../db/schema/index.js';

export type PeriodRow = typeof skpPeriods.$inferSelect;
export type SettingsRow = typeof skpSettings.$inferSelect;

/** SKP settings per instansi and the materialised evaluation periods. */
export function skpPeriodsRepository(db: DbOrTx) {
  return {
    async settings(instansiId: number): Promise<SettingsRow | undefined> {
      const [row] = await db.select().from(skpSettings).where(eq(skpSettings.instansiId, instansiId));
      return row;
    },

    async upsertSettings(values: typeof skpSettings.$inferInsert): Promise<SettingsRow> {
      const { instansiId: _id, ...set } = values;
      const [row] = await db
        .insert(skpSettings)
        .values(values)
        .onConflictDoUpdate({ target: skpSettings.instansiId, set: { ...set, updatedAt: new Date() } })
        .returning();
      if (!row) throw new Error('settings upsert returned nothing');
      return row;
    },

    async periodsOf(instansiId: number, year: number): Promise<PeriodRow[]> {
      return db
        .select()
        .from(skpPeriods)
        .where(and(eq(skpPeriods.instansiId, instansiId), eq(skpPeriods.year, year)))
        .orderBy(sql`${skpPeriods.kind} = 'ANNUAL'`, asc(skpPeriods.seq));
    },

    async find(instansiId: number, id: number): Promise<PeriodRow | undefined> {
      const [row] = await db.select().from(skpPeriods).where(and(eq(skpPeriods.instansiId, instansiId), eq(skpPeriods.id, id)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<PeriodRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(skpPeriods).where(inArray(skpPeriods.id, [...ids]));
    },

    /** Inserts the periods unless they exist (concurrent callers are harmless). */
    async insertPeriods(values: (typeof skpPeriods.$inferInsert)[]): Promise<number> {
      if (values.length === 0) return 0;
      const inserted = await db.insert(skpPeriods).values(values).onConflictDoNothing().returning({ id: skpPeriods.id });
      return inserted.length;
    },

    async deletePeriods(ids: readonly number[]): Promise<void> {
      if (ids.length > 0) await db.delete(skpPeriods).where(inArray(skpPeriods.id, [...ids]));
    },

    /** True when any realisation, evaluation, feedback, dialog or predikat uses one of the periods. */
    async periodsInUse(ids: readonly number[]): Promise<boolean> {
      if (ids.length === 0) return false;
      const p = sql.param([...ids]);
      const result = await rows<{ used: boolean }>(
        db,
        sql`select (exists (select 1 from skp_evaluations where period_id = any(${p}::int[]))
                 or exists (select 1 from skp_realisations where period_id = any(${p}::int[]))
                 or exists (select 1 from skp_feedback where period_id = any(${p}::int[]))
                 or exists (select 1 from skp_dialogs where period_id = any(${p}::int[]))
                 or exists (select 1 from skp_org_predikat where period_id = any(${p}::int[]))) as used`,
      );
      return result[0]?.used === true;
    },
  };
}
