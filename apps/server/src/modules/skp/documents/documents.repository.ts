import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db.js';
import { instansi, skpDocuments, skpRhks } from '../../../db/schema/index.js';

export type DocumentRow = typeof skpDocuments.$inferSelect;

/** Issued SKP documents (code + hash) and the few lookups the documents need. */
export function skpDocumentsRepository(db: DbOrTx) {
  return {
    async insert(values: typeof skpDocuments.$inferInsert): Promise<DocumentRow> {
      const [row] = await db.insert(skpDocuments).values(values).returning();
      if (!row) throw new Error('document insert returned nothing');
      return row;
    },

    async findByCode(code: string): Promise<DocumentRow | undefined> {
      const [row] = await db.select().from(skpDocuments).where(eq(skpDocuments.code, code));
      return row;
    },

    async instansiName(id: number): Promise<string> {
      const [row] = await db.select({ name: instansi.name }).from(instansi).where(eq(instansi.id, id));
      return row?.name ?? '';
    },

    /** Lineage key of RHK rows (feedback may point at any version's row). */
    async rhkKeys(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const result = await db.select({ id: skpRhks.id, key: skpRhks.key }).from(skpRhks).where(inArray(skpRhks.id, [...ids]));
      return new Map(result.map((r) => [r.id, r.key]));
    },
  };
}
