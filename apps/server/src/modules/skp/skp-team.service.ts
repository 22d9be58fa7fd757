import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpTeamEvaluationsQuery, SkpTeamEvaluationsResponse } from '@pantau/contracts';
import { notFound } from '../../http/errors.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { distributionsFor } from './skp-distribution.js';
import { skpDistributionRepository } from './skp-distribution.repository.js';
import { ratingDate } from './skp-evaluation-context.js';
import { evaluationAbilities } from './skp-evaluation.policy.js';
import { skpEvaluationRepository } from './skp-evaluation.repository.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpPeriodsRepository } from './skp-periods.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { effectiveSettings, periodDto, ruleSetById } from './skp-settings.service.js';
import { unknownPerson } from './skp.presenter.js';
import { skpRepository } from './skp.repository.js';

/**
 * The team-rating page: every approved SKP of the period the caller rates (or may read), with
 * its evaluation state and abilities, plus the live distribution of each pool touched. A fixed
 * number of queries whatever the team size.
 */
export function createSkpTeamService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);

  return {
    async team(ctx: SkpCtx, q: z.infer<typeof SkpTeamEvaluationsQuery>): Promise<z.infer<typeof SkpTeamEvaluationsResponse>> {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      const period = await skpPeriodsRepository(db).find(instansiId, q.periodId);
      if (!period) throw notFound();
      const today = access.today();
      const periodDate = today < period.endDate ? (today > period.startDate ? today : period.startDate) : period.endDate;
      const conds: SQL[] = [];
      const org = orgRepository(db);
      // Supervisor of each employee on each date; the page only needs the pejabat penilai (not the
      // atasan above them), and most SKPs are rated on the period's day, resolved once here.
      const supervisorOn = new Map<string, number>();
      const resolve = async (pairs: readonly { employeeId: number; date: string }[]) => {
        const byDate = new Map<string, number[]>();
        for (const p of pairs) {
          if (supervisorOn.has(access.penilaiKey(p.employeeId, p.date))) continue;
          byDate.set(p.date, [...(byDate.get(p.date) ?? []), p.employeeId]);
        }
        for (const [date, ids] of byDate) {
          const sup = await org.supervisorsOn(ids, date);
          for (const id of ids) supervisorOn.set(access.penilaiKey(id, date), sup.get(id)?.supervisorId ?? 0);
        }
      };
      if (q.as === 'penilai') {
        if (me === null) return { period: periodDto(period), rows: [], distributions: [] };
        // Candidates: those I supervise directly on the period's day (Plt/Plh included), and those
        // whose SKP records me; the exact penilai per SKP segment is checked below.
        const candidates = await skpPeopleRepository(db).directReportCandidates(me, periodDate);
        await resolve(candidates.map((employeeId) => ({ employeeId, date: periodDate })));
        const mine = candidates.filter((id) => supervisorOn.get(access.penilaiKey(id, periodDate)) === me);
        // A union of two index lookups (an OR of the two would read every SKP).
        conds.push(sql`s.id in (select id from skps where employee_id = any(${sql.param([...mine, 0])}::int[])
                                union all select id from skps where penilai_employee_id = ${me})`);
        conds.push(sql`s.employee_id <> ${me}`);
      } else {
        conds.push(accessRepository(db).scopeCondition(ctx.actor, today));
      }
      if (q.unitId !== undefined) {
        const unit = await org.findUnit(instansiId, q.unitId);
        if (!unit) throw notFound();
        conds.push(sql`s.unit_id in (select id from org_units where instansi_id = ${instansiId} and path like ${`${unit.path}%`})`);
      }
      let skps = await skpRepository(db).approvedOverlapping(instansiId, period.startDate, period.endDate, sql.join(conds, sql` and `));
      const dates = new Map(skps.map((s) => [s.id, ratingDate(s, period, today)]));
      const keyOf = (s: (typeof skps)[number]) => access.penilaiKey(s.employeeId, dates.get(s.id) ?? periodDate);
      await resolve(skps.map((s) => ({ employeeId: s.employeeId, date: dates.get(s.id) ?? periodDate })));
      const penilaiIdOf = (s: (typeof skps)[number]) => supervisorOn.get(keyOf(s));
      if (q.as === 'penilai') skps = skps.filter((s) => penilaiIdOf(s) === me);

      const evaluations = await skpEvaluationRepository(db).forSeries(skps.map((s) => s.seriesId ?? s.id), period.id);
      const bySeries = new Map(evaluations.map((e) => [e.seriesId, e]));
      // Objections exist only against final (locked) evaluations.
      const objections = await skpEvaluationRepository(db).objectionsOf(evaluations.filter((e) => e.locked).map((e) => e.id));
      const objectionOf = new Map(objections.map((o) => [o.evaluationId, o]));
      const refs = await skpPeopleRepository(db).personRefs(skps.map((s) => s.employeeId), periodDate);
      const settings = await effectiveSettings(db, instansiId);
      const rows = skps
        .map((s) => {
          const e = bySeries.get(s.seriesId ?? s.id);
          const from = s.periodStart > period.startDate ? s.periodStart : period.startDate;
          const abilities = evaluationAbilities(e, e ? objectionOf.get(e.id) : undefined, {
            isOwner: me === s.employeeId,
            isPenilai: me !== null && penilaiIdOf(s) === me && me !== s.employeeId,
            started: today >= from,
            today,
            objectionDays: settings.objectionDays,
          });
          return {
            employee: refs.get(s.employeeId) ?? unknownPerson(s.employeeId),
            skpId: s.id,
            seriesId: s.seriesId ?? s.id,
            skpStatus: s.status,
            evaluationId: e?.id ?? null,
            status: e ? e.status : ('NOT_STARTED' as const),
            selfAssessed: e?.selfAssessedAt != null,
            hasilKerja: e?.hasilKerjaRating ?? null,
            perilaku: e?.perilakuRating ?? null,
            predikat: e?.predikat ?? null,
            locked: e?.locked ?? false,
            abilities,
            unitId: s.unitId,
          };
        })
        .sort((a, b) => a.employee.name.localeCompare(b.employee.name));

      const units = await skpDistributionRepository(db).units(instansiId, [...new Set(rows.map((r) => r.unitId))]);
      const distributions = await distributionsFor(db, units, period.id, ruleSetById(settings.ruleSetId), ctx.locale);
      return { period: periodDto(period), rows: rows.map(({ unitId: _u, ...r }) => r), distributions };
    },
  };
}

export type SkpTeamService = ReturnType<typeof createSkpTeamService>;
