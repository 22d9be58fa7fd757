import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { evidenceFiles } from '../../db/schema/index.js';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** Namespace of the advisory locks on stored bytes (the second key is the hash of the sha256). */
const BYTES_LOCK = 20261128;

export function evidenceRepository(db: DbOrTx) {
  return {
    /**
     * Serialises, until the end of the transaction, everything that decides whether the stored
     * bytes `sha256` stay on disk: an upload that puts them there and records a row, and the
     * orphan clean-up that removes them when no row holds them. Without it a clean-up could remove
     * the file in the instant between an identical upload finding it present and recording its row.
     */
    async lockBytes(sha256: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(${BYTES_LOCK}, hashtext(${sha256}))`);
    },

    async bytesInUse(sha256: string): Promise<boolean> {
      const found = await rows<{ one: number }>(db, sql`select 1 as one from evidence_files where sha256 = ${sha256} limit 1`);
      return found.length > 0;
    },

    async findById(instansiId: number, id: number): Promise<EvidenceRow | undefined> {
      const [r] = await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.instansiId, instansiId), eq(evidenceFiles.id, id)));
      return r;
    },

    async findByUploader(userId: number, sha256: string): Promise<EvidenceRow | undefined> {
      const [r] = await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.uploadedByUserId, userId), eq(evidenceFiles.sha256, sha256)));
      return r;
    },

    /** Inserts the upload; a concurrent identical upload by the same user returns the existing row. */
    async insertOrGet(values: typeof evidenceFiles.$inferInsert): Promise<{ row: EvidenceRow; created: boolean }> {
      const [inserted] = await db.insert(evidenceFiles).values(values).onConflictDoNothing().returning();
      if (inserted) return { row: inserted, created: true };
      const [existing] = await db
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.uploadedByUserId, values.uploadedByUserId), eq(evidenceFiles.sha256, values.sha256)));
      if (!existing) throw new Error('evidence row vanished');
      return { row: existing, created: false };
    },

    /** Employees whose daily activities or SKP realisations use this file (their readers may see it). */
    async usedBy(evidenceId: number): Promise<number[]> {
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct a.employee_id as id from daily_activity_evidence l join daily_activities a on a.id = l.activity_id
            where l.evidence_id = ${evidenceId}
            union
            select distinct s.employee_id as id from skp_evidence x join skp_realisations r on r.id = x.realisation_id join skps s on s.id = r.skp_id
            where x.evidence_file_id = ${evidenceId}`,
      );
      return result.map((r) => r.id);
    },
  };
}
