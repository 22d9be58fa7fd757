import { sql } from 'drizzle-orm';
import type { Berakhlak, Rating } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

export interface RatedEvaluationRow {
  evaluationId: number;
  employeeId: number;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  hasilKerjaRating: Rating | null;
  perilakuRating: Rating | null;
}

export interface WeakItemRow {
  evaluationId: number;
  rhkKey: string | null;
  rhkText: string | null;
  behaviour: Berakhlak | null;
  rating: Rating;
}

export interface ComplaintEvidenceRow {
  complaintId: number;
  employeeId: number;
  aspect: string;
  receivedOn: string;
}

/**
 * Read-only adapter over the SKP evaluation and feedback tables. The SKP module exports
 * per-employee, per-period functions (`skpEvaluationRepository.forEmployee`, `itemsOf`) and the
 * feedback module a per-employee list (`complaintsRepository.evidenceOf`); the training module
 * needs the same facts for a whole team or instansi at once, in a year, so it reads them here in
 * two or three statements instead of one call per person and period (docs/decisions/0006).
 * Nothing here writes to those tables.
 */
export function sourcesRepository(db: DbOrTx) {
  /** `e` restricted to the employees (or the whole instansi when null). */
  const who = (alias: string, instansiId: number, employeeIds: readonly number[] | null) =>
    employeeIds === null
      ? sql`${sql.raw(alias)}.instansi_id = ${instansiId}`
      : sql`${sql.raw(alias)}.employee_id = any(${sql.param([...employeeIds])}::int[])`;

  return {
    /** Rated (or final) evaluations of the year with something below expectation. */
    async weakEvaluations(instansiId: number, employeeIds: readonly number[] | null, year: number): Promise<RatedEvaluationRow[]> {
      if (employeeIds !== null && employeeIds.length === 0) return [];
      return rows<RatedEvaluationRow>(
        db,
        sql`select ev.id as "evaluationId", ev.employee_id as "employeeId", p.label_id as "periodLabel",
                   p.start_date::text as "periodStart", p.end_date::text as "periodEnd",
                   ev.hasil_kerja_rating as "hasilKerjaRating", ev.perilaku_rating as "perilakuRating"
            from skp_evaluations ev join skp_periods p on p.id = ev.period_id
            where ${who('ev', instansiId, employeeIds)} and p.year = ${year}
              and ev.status in ('RATED', 'FINAL')
              and (ev.hasil_kerja_rating = 'DI_BAWAH' or ev.perilaku_rating = 'DI_BAWAH'
                   or exists (select 1 from skp_evaluation_items i where i.evaluation_id = ev.id and i.rating = 'DI_BAWAH'))
            order by ev.employee_id, p.start_date, ev.id`,
      );
    },

    /** Items rated below expectation of these evaluations, with the RHK's lineage key and text. */
    async weakItems(evaluationIds: readonly number[]): Promise<WeakItemRow[]> {
      if (evaluationIds.length === 0) return [];
      return rows<WeakItemRow>(
        db,
        sql`select i.evaluation_id as "evaluationId", r.key::text as "rhkKey", r.text as "rhkText", i.behaviour, i.rating
            from skp_evaluation_items i left join skp_rhks r on r.id = i.rhk_id
            where i.evaluation_id = any(${sql.param([...evaluationIds])}::int[]) and i.rating = 'DI_BAWAH'
            order by i.evaluation_id, i.id`,
      );
    },

    /** Verified complaints attached to named employees' evidence in the year (WIB). */
    async complaintEvidence(instansiId: number, employeeIds: readonly number[] | null, year: number): Promise<ComplaintEvidenceRow[]> {
      if (employeeIds !== null && employeeIds.length === 0) return [];
      return rows<ComplaintEvidenceRow>(
        db,
        sql`select fe.complaint_id as "complaintId", fe.employee_id as "employeeId", fe.aspect, c.received_on::text as "receivedOn"
            from feedback_evidence fe join complaints c on c.id = fe.complaint_id
            where ${who('fe', instansiId, employeeIds)}
              and fe.attached_at >= ${`${year}-01-01T00:00:00+07:00`}::timestamptz
              and fe.attached_at < ${`${year + 1}-01-01T00:00:00+07:00`}::timestamptz
            order by fe.employee_id, fe.id`,
      );
    },

    /**
     * Perilaku ratings of employees: for each, the latest rated period ending on or before
     * `before`, and the first rated period starting on or after `after` (figures per training).
     */
    async ratingsAround(pairs: readonly { employeeId: number; before: string; after: string }[]) {
      if (pairs.length === 0) return [];
      return rows<{ employeeId: number; before: string; side: 'BEFORE' | 'AFTER'; rating: Rating; evaluationId: number }>(
        db,
        sql`with q as (
              select * from unnest(${sql.param(pairs.map((p) => p.employeeId))}::int[],
                                   ${sql.param(pairs.map((p) => p.before))}::date[],
                                   ${sql.param(pairs.map((p) => p.after))}::date[]) as t(employee_id, before_date, after_date)
            )
            select q.employee_id as "employeeId", q.before_date::text as before, 'BEFORE' as side, b.rating, b.id as "evaluationId"
            from q join lateral (
              select ev.perilaku_rating as rating, ev.id from skp_evaluations ev join skp_periods p on p.id = ev.period_id
              where ev.employee_id = q.employee_id and ev.status in ('RATED', 'FINAL') and ev.perilaku_rating is not null
                and p.end_date <= q.before_date and p.kind = 'PERIODIC'
              order by p.end_date desc limit 1) b on true
            union all
            select q.employee_id, q.before_date::text, 'AFTER', a.rating, a.id
            from q join lateral (
              select ev.perilaku_rating as rating, ev.id from skp_evaluations ev join skp_periods p on p.id = ev.period_id
              where ev.employee_id = q.employee_id and ev.status in ('RATED', 'FINAL') and ev.perilaku_rating is not null
                and p.start_date >= q.after_date and p.kind = 'PERIODIC'
              order by p.start_date limit 1) a on true`,
      );
    },

    /** The ratings of single BerAKHLAK behaviours given in these evaluations (where the supervisor rated them). */
    async behaviourRatings(evaluationIds: readonly number[]) {
      if (evaluationIds.length === 0) return [];
      return rows<{ evaluationId: number; behaviour: Berakhlak; rating: Rating }>(
        db,
        sql`select evaluation_id as "evaluationId", behaviour, rating from skp_evaluation_items
            where evaluation_id = any(${sql.param([...new Set(evaluationIds)])}::int[]) and behaviour is not null`,
      );
    },
  };
}
