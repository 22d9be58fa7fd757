import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

/** Survey sums for one service point and month (OPD of the unit at the time of the answer). */
export interface SurveyCell {
  opdId: number;
  servicePointId: number;
  month: string;
  n: number;
  sums: number[];
}

/** Complaint figures for one (OPD, service point or none, month of receipt). */
export interface ComplaintCell {
  opdId: number;
  servicePointId: number | null;
  month: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  resolutionDays: number[];
}

const SUMS = sql.raw(Array.from({ length: 9 }, (_, i) => `sum(sr.u${i + 1})::int`).join(', '));

/**
 * Aggregates for the public pages: one grouped query per source over a year, nothing per person.
 * The (instansi_id, responded_on) and (instansi_id, received_on) indexes carry them.
 */
export function transparencyRepository(db: DbOrTx) {
  return {
    async instansiByCode(code: string) {
      const [row] = await rows<{ id: number; code: string; name: string }>(db, sql`select id, code, name from instansi where code = ${code}`);
      return row;
    },

    async opds(instansiId: number) {
      return rows<{ id: number; name: string }>(
        db,
        sql`select id, name from org_units where instansi_id = ${instansiId} and parent_id is null and active order by name, id`,
      );
    },

    async servicePoints(instansiId: number) {
      return rows<{ id: number; name: string; slug: string; active: boolean; unitId: number; opdId: number }>(
        db,
        sql`select sp.id, sp.name, sp.slug, sp.active, sp.unit_id as "unitId", coalesce(u.opd_id, u.id) as "opdId"
            from service_points sp join org_units u on u.id = sp.unit_id
            where sp.instansi_id = ${instansiId} order by sp.name, sp.id`,
      );
    },

    async units(instansiId: number) {
      return rows<{ id: number; name: string; parentId: number | null; opdId: number }>(
        db,
        sql`select id, name, parent_id as "parentId", coalesce(opd_id, id) as "opdId" from org_units
            where instansi_id = ${instansiId} and active order by path`,
      );
    },

    async surveyCells(instansiId: number, from: string, to: string): Promise<SurveyCell[]> {
      const result = await rows<{ opdId: number; servicePointId: number; month: string; n: number; sums: number[] }>(
        db,
        sql`select coalesce(u.opd_id, u.id) as "opdId", sr.service_point_id as "servicePointId",
                   to_char(sr.responded_on, 'YYYY-MM') as month, count(*)::int as n, array[${SUMS}] as sums
            from survey_responses sr join org_units u on u.id = sr.unit_id
            where sr.instansi_id = ${instansiId} and sr.responded_on between ${from}::date and ${to}::date
            group by 1, 2, 3`,
      );
      return result.map((r) => ({ ...r, sums: r.sums.map(Number) }));
    },

    async complaintCells(instansiId: number, from: string, to: string): Promise<ComplaintCell[]> {
      const result = await rows<Omit<ComplaintCell, 'resolutionDays'> & { resolutionDays: number[] | null }>(
        db,
        sql`select coalesce(u.opd_id, u.id) as "opdId", c.service_point_id as "servicePointId",
                   to_char(c.received_on, 'YYYY-MM') as month, count(*)::int as received,
                   (count(*) filter (where c.status = 'SELESAI'))::int as resolved,
                   (count(*) filter (where c.status = 'SELESAI' and c.sla_breaches = 0))::int as "resolvedOnTime",
                   array_agg(c.resolution_days) filter (where c.status = 'SELESAI' and c.resolution_days is not null) as "resolutionDays"
            from complaints c join org_units u on u.id = c.unit_id
            where c.instansi_id = ${instansiId} and c.received_on between ${from}::date and ${to}::date
            group by 1, 2, 3`,
      );
      return result.map((r) => ({ ...r, resolutionDays: (r.resolutionDays ?? []).map(Number) }));
    },

    /** Complaints still open today, whenever they were received. */
    async openBacklog(instansiId: number) {
      return rows<{ opdId: number; servicePointId: number | null; open: number }>(
        db,
        sql`select coalesce(u.opd_id, u.id) as "opdId", c.service_point_id as "servicePointId", count(*)::int as open
            from complaints c join org_units u on u.id = c.unit_id
            where c.instansi_id = ${instansiId} and c.status not in ('SELESAI', 'DITOLAK')
            group by 1, 2`,
      );
    },
  };
}
