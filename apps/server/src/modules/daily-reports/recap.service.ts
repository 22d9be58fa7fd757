import { and, eq } from 'drizzle-orm';
import type { DailyRecapResponse } from '@pantau/contracts';
import { adoptionShare, compareIsoDate, daysInMonth, workingDaysBetween } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { orgUnits } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import type { HolidayCalendar } from './calendar.js';
import { recapRepository } from './recap.repository.js';

export interface RecapDeps {
  db: Db;
  clock: Clock;
  calendar: HolidayCalendar;
}

/**
 * Monthly recap of a unit: per employee the days reported, minutes, verified share and outputs
 * per indicator. Rows are limited to the people the caller may read (an atasan sees their chain,
 * admins their scope); members are those with a definitive post in the unit subtree at the end
 * of the month (or today for the current month).
 */
export function createRecapService(deps: RecapDeps) {
  const repo = recapRepository(deps.db);
  const access = accessRepository(deps.db);

  return {
    async recap(actor: Actor, month: string, unitId: number): Promise<DailyRecapResponse> {
      if (actor.instansiId === null) throw forbidden();
      const [unit] = await deps.db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.instansiId, actor.instansiId), eq(orgUnits.id, unitId)));
      if (!unit) throw notFound();
      const year = Number(month.slice(0, 4));
      const m = Number(month.slice(5, 7));
      const from = `${month}-01`;
      const end = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
      const today = wibDate(deps.clock.now());
      const ref = compareIsoDate(end, today) > 0 ? today : end;
      const holidays = await deps.calendar.holidays(actor.instansiId);
      const workingDays = compareIsoDate(from, ref) <= 0 ? workingDaysBetween(from, ref, holidays) : 0;
      const facts = await repo.facts({
        instansiId: actor.instansiId,
        unitPath: unit.path,
        ref: compareIsoDate(from, today) > 0 ? from : ref,
        from,
        to: end,
        scope: access.scopeCondition(actor, today),
      });
      const outputs = await repo.outputs(facts.map((f) => f.employeeId), from, end);
      const byEmployee = new Map<number, typeof outputs>();
      for (const o of outputs) byEmployee.set(o.employeeId, [...(byEmployee.get(o.employeeId) ?? []), o]);
      return {
        month,
        unit: { id: unit.id, name: unit.name },
        workingDays,
        rows: facts.map((f) => ({
          employeeId: f.employeeId,
          nip: f.nip,
          name: f.name,
          unitName: f.unitName,
          daysReported: f.daysReported,
          workingDays,
          minutes: f.minutes,
          verifiedMinutes: f.verifiedMinutes,
          verifiedShare: adoptionShare(f.daysVerified, f.daysReported),
          outputs: (byEmployee.get(f.employeeId) ?? []).map((o) => ({ indicator: o.indicator, unit: o.unit, quantity: o.quantity })),
        })),
      };
    },
  };
}

export type RecapService = ReturnType<typeof createRecapService>;
