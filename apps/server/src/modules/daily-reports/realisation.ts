import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';

export interface IndicatorRealisation {
  /** null: verified activities not linked to an SKP indicator. */
  indicatorId: number | null;
  rhkId: number | null;
  outputUnit: string | null;
  outputQuantity: number;
  minutes: number;
  activities: number;
}

/**
 * Verified minutes and outputs of an employee's daily activities from `from` to `to` (inclusive),
 * per indicator (and output unit). Only activities the atasan verified count, whatever the state
 * of the rest of their day. For the SKP module's realisation per period; one indexed query.
 */
export async function realisationFromDailyReports(db: DbOrTx, employeeId: number, from: string, to: string): Promise<IndicatorRealisation[]> {
  return rows<IndicatorRealisation>(
    db,
    sql`select a.indicator_id as "indicatorId", a.rhk_id as "rhkId", a.output_unit as "outputUnit",
               coalesce(sum(a.output_quantity), 0)::float8 as "outputQuantity", sum(a.minutes)::int as minutes, count(*)::int as activities
        from daily_activities a
        where a.employee_id = ${employeeId} and a.date between ${from}::date and ${to}::date and a.status = 'VERIFIED'
        group by a.indicator_id, a.rhk_id, a.output_unit
        order by a.indicator_id nulls last, a.output_unit nulls first`,
  );
}
