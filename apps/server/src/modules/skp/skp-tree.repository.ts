import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

const inForce = (d: string) => sql`a.valid_from <= ${d}::date and (a.valid_to is null or a.valid_to >= ${d}::date)`;

export interface TreeNodeRow {
  employeeId: number;
  skpId: number;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  form: 'JPT' | 'NON_JPT';
  periodStart: string;
  periodEnd: string;
  rhkId: number | null;
  key: string | null;
  kind: 'UTAMA' | 'TAMBAHAN' | null;
  text: string | null;
  parentKey: string | null;
}

/** Whole-year reads for the cascade tree, one statement each. */
export function skpTreeRepository(db: DbOrTx) {
  return {
    /** Every current SKP of the year with its RHK (one row per RHK; SKPs without RHK once). */
    async yearNodes(instansiId: number, year: number): Promise<TreeNodeRow[]> {
      return rows<TreeNodeRow>(
        db,
        sql`select s.employee_id as "employeeId", s.id as "skpId", s.status, s.form,
                   s.period_start::text as "periodStart", s.period_end::text as "periodEnd",
                   r.id as "rhkId", r.key::text as key, r.kind, r.text, p.key::text as "parentKey"
            from skps s
            left join skp_rhks r on r.skp_id = s.id
            left join skp_rhks p on p.id = r.parent_rhk_id
            where s.instansi_id = ${instansiId} and s.year = ${year} and s.is_current
            order by s.employee_id, s.period_start, r.kind, r.seq`,
      );
    },

    /** Definitive post unit on d of every employee matching `scope` (a condition on alias e). */
    async posts(instansiId: number, date: string, scope: SQL) {
      return rows<{ employeeId: number; unitId: number }>(
        db,
        sql`select distinct on (a.employee_id) a.employee_id as "employeeId", p.unit_id as "unitId"
            from assignments a join positions p on p.id = a.position_id join employees e on e.id = a.employee_id
            where a.instansi_id = ${instansiId} and a.kind = 'DEFINITIF' and ${inForce(date)} and ${scope}
            order by a.employee_id, a.valid_from desc`,
      );
    },

    /** Everyone in the instansi holding a post that has a definitive holder below it on d. */
    async leaders(instansiId: number, date: string): Promise<Set<number>> {
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct a.employee_id as id from assignments a
            where a.instansi_id = ${instansiId} and ${inForce(date)}
              and exists (select 1 from positions c join assignments s on s.position_id = c.id and s.kind = 'DEFINITIF'
                            and s.valid_from <= ${date}::date and (s.valid_to is null or s.valid_to >= ${date}::date)
                          where c.parent_position_id = a.position_id)`,
      );
      return new Set(result.map((r) => r.id));
    },

    async units(instansiId: number) {
      return rows<{ id: number; parentId: number | null; name: string; path: string }>(
        db,
        sql`select id, parent_id as "parentId", name, path from org_units where instansi_id = ${instansiId} and active order by path`,
      );
    },

    /** Existing SKPs (current) of many employees in a year. */
    async currentSkps(employeeIds: readonly number[], year: number) {
      if (employeeIds.length === 0) return [];
      return rows<{ id: number; employeeId: number; status: string; periodStart: string; periodEnd: string }>(
        db,
        sql`select id, employee_id as "employeeId", status, period_start::text as "periodStart", period_end::text as "periodEnd"
            from skps where employee_id = any(${sql.param([...employeeIds])}::int[]) and year = ${year} and is_current`,
      );
    },

    /** SKP ids (of the given) already holding an RHK that intervenes the lineage key. */
    async linkedTo(skpIds: readonly number[], parentKey: string): Promise<Set<number>> {
      if (skpIds.length === 0) return new Set();
      const result = await rows<{ id: number }>(
        db,
        sql`select distinct r.skp_id as id from skp_rhks r join skp_rhks p on p.id = r.parent_rhk_id
            where r.skp_id = any(${sql.param([...skpIds])}::int[]) and p.key = ${parentKey}::uuid`,
      );
      return new Set(result.map((r) => r.id));
    },

    async maxSeq(skpIds: readonly number[], kind: 'UTAMA' | 'TAMBAHAN'): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (skpIds.length === 0) return out;
      const result = await rows<{ skpId: number; n: number }>(
        db,
        sql`select skp_id as "skpId", max(seq)::int as n from skp_rhks
            where skp_id = any(${sql.param([...skpIds])}::int[]) and kind = ${kind} group by skp_id`,
      );
      for (const r of result) out.set(r.skpId, r.n);
      return out;
    },

    /** Definitive spans of many employees overlapping a year, with post type and unit. */
    async spans(employeeIds: readonly number[], yearStart: string, yearEnd: string) {
      if (employeeIds.length === 0) return [];
      return rows<{ employeeId: number; positionId: number; validFrom: string; validTo: string | null; type: string; unitId: number }>(
        db,
        sql`select a.employee_id as "employeeId", a.position_id as "positionId", a.valid_from::text as "validFrom",
                   a.valid_to::text as "validTo", p.type::text as type, p.unit_id as "unitId"
            from assignments a join positions p on p.id = a.position_id
            where a.employee_id = any(${sql.param([...employeeIds])}::int[]) and a.kind = 'DEFINITIF'
              and a.valid_from <= ${yearEnd}::date and (a.valid_to is null or a.valid_to >= ${yearStart}::date)
            order by a.employee_id, a.valid_from`,
      );
    },

    /** Sets series_id = id on freshly inserted version-1 rows. */
    async initSeries(skpIds: readonly number[]): Promise<void> {
      if (skpIds.length === 0) return;
      await db.execute(sql`update skps set series_id = id where id = any(${sql.param([...skpIds])}::int[]) and series_id is null`);
    },
  };
}
