import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { employees, skpIndicators, skpLampiran, skpPerilaku, skpRhks, skps } from '../../db/schema/index.js';

/** Aliases used by conditions written in SQL (`s.…`, `e.…`, as in access.repository). */
const s = alias(skps, 's');
const e = alias(employees, 'e');

export type SkpRow = typeof skps.$inferSelect;
export type RhkRow = typeof skpRhks.$inferSelect;
export type IndicatorRow = typeof skpIndicators.$inferSelect;
export type LampiranRow = typeof skpLampiran.$inferSelect;
export type PerilakuRow = typeof skpPerilaku.$inferSelect;

/** An RHK with what the detail page shows about its RHK atasan. */
export interface RhkWithParent extends RhkRow {
  parentKey: string | null;
  parentText: string | null;
  parentOwnerId: number | null;
}

/** SKP plan persistence: versions, RHK, indicators, lampiran and perilaku. */
export function skpRepository(db: DbOrTx) {
  return {
    async find(instansiId: number, id: number): Promise<SkpRow | undefined> {
      const [row] = await db.select().from(skps).where(and(eq(skps.instansiId, instansiId), eq(skps.id, id)));
      return row;
    },

    async findMany(ids: readonly number[]): Promise<SkpRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(skps).where(inArray(skps.id, [...ids]));
    },

    async versions(seriesId: number) {
      return db
        .select({ id: skps.id, version: skps.version, status: skps.status, approvedAt: skps.approvedAt, isCurrent: skps.isCurrent })
        .from(skps)
        .where(eq(skps.seriesId, seriesId))
        .orderBy(desc(skps.version));
    },

    /** Current versions of one employee's SKPs in a year (one per segment). */
    async currentOf(employeeId: number, year: number): Promise<SkpRow[]> {
      return db
        .select()
        .from(skps)
        .where(and(eq(skps.employeeId, employeeId), eq(skps.year, year), eq(skps.isCurrent, true)))
        .orderBy(asc(skps.periodStart));
    },

    /** The newest APPROVED version of a series (the one evaluated and printed). */
    async latestApproved(seriesId: number): Promise<SkpRow | undefined> {
      const [row] = await db
        .select()
        .from(skps)
        .where(and(eq(skps.seriesId, seriesId), eq(skps.status, 'APPROVED')))
        .orderBy(desc(skps.version))
        .limit(1);
      return row;
    },

    /** seriesId → id of its newest APPROVED version. */
    async latestApprovedIds(seriesIds: readonly number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (seriesIds.length === 0) return out;
      const result = await rows<{ seriesId: number; id: number }>(
        db,
        sql`select distinct on (series_id) series_id as "seriesId", id from skps
            where series_id = any(${sql.param([...new Set(seriesIds)])}::int[]) and status = 'APPROVED'
            order by series_id, version desc`,
      );
      for (const r of result) out.set(r.seriesId, r.id);
      return out;
    },

    /**
     * The newest approved version of every series overlapping [start, end], filtered by a
     * condition on alias `s` (skps) / `e` (employees).
     */
    async approvedOverlapping(instansiId: number, start: string, end: string, where: SQL): Promise<SkpRow[]> {
      return db
        .selectDistinctOn([s.seriesId], getTableColumns(s))
        .from(s)
        .innerJoin(e, eq(e.id, s.employeeId))
        .where(and(eq(s.instansiId, instansiId), eq(s.status, 'APPROVED'), lte(s.periodStart, end), gte(s.periodEnd, start), where))
        .orderBy(s.seriesId, desc(s.version));
    },

    async insert(values: typeof skps.$inferInsert): Promise<SkpRow> {
      const [row] = await db.insert(skps).values(values).returning();
      if (!row) throw new Error('skp insert returned nothing');
      if (row.seriesId !== null) return row;
      const [withSeries] = await db.update(skps).set({ seriesId: row.id }).where(eq(skps.id, row.id)).returning();
      if (!withSeries) throw new Error('skp update returned nothing');
      return withSeries;
    },

    async update(id: number, patch: Partial<typeof skps.$inferInsert>): Promise<SkpRow> {
      const [row] = await db.update(skps).set({ ...patch, updatedAt: new Date() }).where(eq(skps.id, id)).returning();
      if (!row) throw new Error('skp update returned nothing');
      return row;
    },

    /** SKP rows with their RHK count, filtered by a condition on aliases `s` (skps) and `e` (employees). */
    async list(where: SQL, limit: number) {
      return db
        .select({ ...getTableColumns(s), rhkCount: sql<number>`(select count(*)::int from skp_rhks r where r.skp_id = ${s.id})`.mapWith(Number) })
        .from(s)
        .innerJoin(e, eq(e.id, s.employeeId))
        .where(where)
        .orderBy(desc(s.year), asc(e.name), asc(s.periodStart))
        .limit(limit);
    },

    async rhkOf(skpIds: readonly number[]): Promise<RhkWithParent[]> {
      if (skpIds.length === 0) return [];
      const p = alias(skpRhks, 'p');
      const ps = alias(skps, 'ps');
      return db
        .select({ ...getTableColumns(skpRhks), parentKey: p.key, parentText: p.text, parentOwnerId: ps.employeeId })
        .from(skpRhks)
        .leftJoin(p, eq(p.id, skpRhks.parentRhkId))
        .leftJoin(ps, eq(ps.id, p.skpId))
        .where(inArray(skpRhks.skpId, [...skpIds]))
        .orderBy(asc(skpRhks.skpId), asc(skpRhks.kind), asc(skpRhks.seq), asc(skpRhks.id));
    },

    async findRhk(instansiId: number, id: number): Promise<RhkRow | undefined> {
      const [row] = await db.select().from(skpRhks).where(and(eq(skpRhks.instansiId, instansiId), eq(skpRhks.id, id)));
      return row;
    },

    async indicatorsOf(rhkIds: readonly number[]): Promise<IndicatorRow[]> {
      if (rhkIds.length === 0) return [];
      return db.select().from(skpIndicators).where(inArray(skpIndicators.rhkId, [...rhkIds])).orderBy(asc(skpIndicators.seq), asc(skpIndicators.id));
    },

    async lampiranOf(skpId: number): Promise<LampiranRow[]> {
      return db.select().from(skpLampiran).where(eq(skpLampiran.skpId, skpId)).orderBy(asc(skpLampiran.kind), asc(skpLampiran.seq));
    },

    async perilakuOf(skpId: number): Promise<PerilakuRow[]> {
      return db.select().from(skpPerilaku).where(eq(skpPerilaku.skpId, skpId));
    },

    /**
     * How many RHK in current SKP versions of the year intervene each lineage key. Links may
     * point to any version row of the leader's RHK, so the match is on the parent's key.
     */
    async supportCounts(keys: readonly string[], year: number): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (keys.length === 0) return out;
      const result = await rows<{ key: string; n: number }>(
        db,
        sql`select p.key::text as key, count(distinct c.key)::int as n
            from skp_rhks c join skps cs on cs.id = c.skp_id and cs.is_current and cs.year = ${year}
            join skp_rhks p on p.id = c.parent_rhk_id
            where p.key = any(${sql.param([...keys])}::uuid[])
            group by p.key`,
      );
      for (const r of result) out.set(r.key, r.n);
      return out;
    },

    /** Of the lineage keys, those present in a current SKP version of the year. */
    async currentKeys(keys: readonly string[], year: number): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const result = await rows<{ key: string }>(
        db,
        sql`select distinct r.key::text as key from skp_rhks r join skps s on s.id = r.skp_id and s.is_current and s.year = ${year}
            where r.key = any(${sql.param([...new Set(keys)])}::uuid[])`,
      );
      return new Set(result.map((r) => r.key));
    },

    async nextRhkSeq(skpId: number, kind: 'UTAMA' | 'TAMBAHAN'): Promise<number> {
      const result = await rows<{ n: number }>(
        db,
        sql`select coalesce(max(seq), 0)::int + 1 as n from skp_rhks where skp_id = ${skpId} and kind = ${kind}`,
      );
      return result[0]?.n ?? 1;
    },

    async insertRhks(values: (typeof skpRhks.$inferInsert)[]): Promise<RhkRow[]> {
      if (values.length === 0) return [];
      return db.insert(skpRhks).values(values).returning();
    },

    async updateRhk(id: number, patch: Partial<typeof skpRhks.$inferInsert>): Promise<RhkRow> {
      const [row] = await db.update(skpRhks).set({ ...patch, updatedAt: new Date() }).where(eq(skpRhks.id, id)).returning();
      if (!row) throw new Error('rhk update returned nothing');
      return row;
    },

    async deleteRhk(id: number): Promise<void> {
      await db.delete(skpRhks).where(eq(skpRhks.id, id));
    },

    /** Child RHK rows (any SKP) that name this row as their RHK atasan. */
    async childCount(rhkId: number): Promise<number> {
      const result = await rows<{ n: number }>(db, sql`select count(*)::int as n from skp_rhks where parent_rhk_id = ${rhkId}`);
      return result[0]?.n ?? 0;
    },

    async insertIndicators(values: (typeof skpIndicators.$inferInsert)[]): Promise<IndicatorRow[]> {
      if (values.length === 0) return [];
      return db.insert(skpIndicators).values(values).returning();
    },

    async updateIndicator(id: number, patch: Partial<typeof skpIndicators.$inferInsert>): Promise<void> {
      await db.update(skpIndicators).set(patch).where(eq(skpIndicators.id, id));
    },

    async deleteIndicators(ids: readonly number[]): Promise<void> {
      if (ids.length === 0) return;
      await db.delete(skpIndicators).where(inArray(skpIndicators.id, [...ids]));
    },

    async replaceLampiran(skpId: number, values: (typeof skpLampiran.$inferInsert)[]): Promise<void> {
      await db.delete(skpLampiran).where(eq(skpLampiran.skpId, skpId));
      if (values.length > 0) await db.insert(skpLampiran).values(values);
    },

    async initPerilaku(skpIds: readonly number[], behaviours: readonly (typeof skpPerilaku.$inferInsert)['behaviour'][]): Promise<void> {
      const values = skpIds.flatMap((skpId) => behaviours.map((behaviour) => ({ skpId, behaviour })));
      if (values.length > 0) await db.insert(skpPerilaku).values(values).onConflictDoNothing();
    },

    async setEkspektasi(skpId: number, behaviour: (typeof skpPerilaku.$inferInsert)['behaviour'], ekspektasi: string | null, by: number | null) {
      await db
        .update(skpPerilaku)
        .set({ ekspektasi, updatedByEmployeeId: by, updatedAt: new Date() })
        .where(and(eq(skpPerilaku.skpId, skpId), eq(skpPerilaku.behaviour, behaviour)));
    },

    /** Copies RHK (same keys and links), indicators, lampiran and perilaku into a new version. */
    async copyContent(fromSkpId: number, toSkpId: number): Promise<void> {
      await db.execute(sql`
        insert into skp_rhks (instansi_id, skp_id, key, kind, seq, text, parent_rhk_id, origin)
        select instansi_id, ${toSkpId}, key, kind, seq, text, parent_rhk_id, origin from skp_rhks where skp_id = ${fromSkpId}`);
      await db.execute(sql`
        insert into skp_indicators (rhk_id, key, seq, aspek, perspektif, text, target_value, target_unit, target_text)
        select nr.id, i.key, i.seq, i.aspek, i.perspektif, i.text, i.target_value, i.target_unit, i.target_text
        from skp_indicators i
        join skp_rhks r on r.id = i.rhk_id and r.skp_id = ${fromSkpId}
        join skp_rhks nr on nr.key = r.key and nr.skp_id = ${toSkpId}`);
      await db.execute(sql`
        insert into skp_lampiran (skp_id, kind, seq, text) select ${toSkpId}, kind, seq, text from skp_lampiran where skp_id = ${fromSkpId}`);
      await db.execute(sql`
        insert into skp_perilaku (skp_id, behaviour, ekspektasi, updated_by_employee_id, updated_at)
        select ${toSkpId}, behaviour, ekspektasi, updated_by_employee_id, updated_at from skp_perilaku where skp_id = ${fromSkpId}`);
    },
  };
}

export type SkpRepository = ReturnType<typeof skpRepository>;
