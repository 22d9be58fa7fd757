import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { trainingExternal } from '../../db/schema/index.js';

export type ExternalRow = typeof trainingExternal.$inferSelect;

/** Training outside the catalogue, added by employees. */
export function externalRepository(db: DbOrTx) {
  return {
    async find(instansiId: number, id: number): Promise<ExternalRow | undefined> {
      const [row] = await db.select().from(trainingExternal).where(and(eq(trainingExternal.instansiId, instansiId), eq(trainingExternal.id, id)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<ExternalRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(trainingExternal).where(inArray(trainingExternal.id, [...ids]));
    },

    async lock(id: number): Promise<ExternalRow | undefined> {
      const [row] = await db.select().from(trainingExternal).where(eq(trainingExternal.id, id)).for('update');
      return row;
    },

    async insert(values: typeof trainingExternal.$inferInsert): Promise<ExternalRow> {
      const [row] = await db.insert(trainingExternal).values(values).returning();
      if (!row) throw new Error('external insert returned nothing');
      return row;
    },

    async update(id: number, patch: Partial<typeof trainingExternal.$inferInsert>): Promise<ExternalRow> {
      const [row] = await db.update(trainingExternal).set({ ...patch, updatedAt: new Date() }).where(eq(trainingExternal.id, id)).returning();
      if (!row) throw new Error('external update returned nothing');
      return row;
    },

    async forEmployee(employeeId: number): Promise<ExternalRow[]> {
      return db.select().from(trainingExternal).where(eq(trainingExternal.employeeId, employeeId)).orderBy(desc(trainingExternal.endDate), desc(trainingExternal.id)).limit(200);
    },

    async pending(instansiId: number, employeeIds?: readonly number[]): Promise<ExternalRow[]> {
      const conds = [eq(trainingExternal.instansiId, instansiId), eq(trainingExternal.status, 'PENDING')];
      if (employeeIds) {
        if (employeeIds.length === 0) return [];
        conds.push(inArray(trainingExternal.employeeId, [...employeeIds]));
      }
      return db.select().from(trainingExternal).where(and(...conds)).orderBy(trainingExternal.createdAt).limit(500);
    },
  };
}
