import type { z } from 'zod';
import type { SkpStrengthsDto } from '@pantau/contracts';
import { BERAKHLAK, summariseStrengths, type Berakhlak, type Rating } from '@pantau/domain';
import { notFound } from '../../http/errors.js';
import { accessRepository } from '../org/access.repository.js';
import { skpActivityRepository } from './skp-activity.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpEvaluationRepository } from './skp-evaluation.repository.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpPeriodsRepository } from './skp-periods.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { periodDto } from './skp-settings.service.js';
import { unknownPerson } from './skp.presenter.js';
import { skpRepository } from './skp.repository.js';

/**
 * Strengths and weaknesses of one employee in one period: results and behaviours rated above or
 * below expectation, the feedback they received and a plain-language summary. The training
 * module calls `strengthsFor` to turn `developmentAreas` into development needs.
 */
export function createSkpStrengthsService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);

  return {
    async strengthsFor(ctx: SkpCtx, employeeId: number, periodId: number): Promise<z.infer<typeof SkpStrengthsDto>> {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      if (me !== employeeId) {
        const readable = await accessRepository(db).readableEmployeeIds(ctx.actor, [employeeId], access.today());
        if (!readable.has(employeeId)) throw notFound();
      }
      const period = await skpPeriodsRepository(db).find(instansiId, periodId);
      if (!period) throw notFound();
      const evaluations = await skpEvaluationRepository(db).forEmployee(employeeId, periodId);
      const items = await skpEvaluationRepository(db).itemsOf(evaluations.map((e) => e.id));
      const rhk = await skpRepository(db).rhkOf([...new Set(evaluations.map((e) => e.skpId))]);
      const rhkText = new Map(rhk.map((r) => [r.id, r.text]));
      const results: { text: string; rating: Rating | null }[] = [];
      const behaviourRating = new Map<Berakhlak, Rating>();
      for (const i of items) {
        if (i.rhkId !== null) results.push({ text: rhkText.get(i.rhkId) ?? '', rating: i.rating });
        else if (i.behaviour !== null && behaviourRating.get(i.behaviour) !== 'DI_BAWAH') behaviourRating.set(i.behaviour, i.rating);
      }
      // The latest finalised (else rated) evaluation gives the period's predikat.
      const decisive = [...evaluations].sort((a, b) => Number(b.locked) - Number(a.locked) || (b.ratedAt?.getTime() ?? 0) - (a.ratedAt?.getTime() ?? 0))[0];
      const feedbackRows = await skpActivityRepository(db).feedbackForEmployee(employeeId, periodId);
      const refs = await skpPeopleRepository(db).personRefs([employeeId, ...feedbackRows.map((f) => f.authorEmployeeId)], period.endDate < access.today() ? period.endDate : access.today());
      const summary = summariseStrengths({
        results,
        behaviours: BERAKHLAK.map((b) => ({ behaviour: b, rating: behaviourRating.get(b) ?? null })),
        predikat: decisive?.predikat ?? null,
        feedbackCount: feedbackRows.length,
      });
      return {
        employee: refs.get(employeeId) ?? unknownPerson(employeeId),
        period: periodDto(period),
        predikat: decisive?.predikat ?? null,
        resultsAbove: [...summary.resultsAbove],
        resultsBelow: [...summary.resultsBelow],
        behavioursAbove: [...summary.behavioursAbove],
        behavioursBelow: [...summary.behavioursBelow],
        developmentAreas: [...summary.developmentAreas],
        feedback: feedbackRows.map((f) => ({
          id: f.id, periodId: f.periodId, rhkId: f.rhkId, behaviour: f.behaviour, parentId: f.parentId,
          author: { id: f.authorEmployeeId, name: refs.get(f.authorEmployeeId)?.name ?? '' },
          authorIsOwner: false, body: f.body, createdAt: f.createdAt.toISOString(),
        })),
        summary: summary.summary,
      };
    },
  };
}

export type SkpStrengthsService = ReturnType<typeof createSkpStrengthsService>;
