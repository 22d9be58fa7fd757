import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CourseFiguresQuery, CourseFiguresResponse, UnitFiguresQuery, UnitFiguresResponse } from '@pantau/contracts';
import { BERAKHLAK, IKM_UNSUR_COUNT, computeIkmFromTotals, daysInMonth, roundHalfUp, type Berakhlak, type Rating } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { INSTANSI_WIDE_READ, hasAnyRole } from '../auth/actor.js';
import { transparencyRepository } from '../feedback/transparency.repository.js';
import { figuresRepository } from './figures.repository.js';
import { sourcesRepository } from './sources.repository.js';
import { instansiOf, trainingAccess } from './training.access.js';
import type { TrainingCtx } from './training.messages.js';
import type { TrainingSettings } from './training.settings.js';

/** Months compared before and after a training (unit IKM and complaints). */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
const monthEnd = (i: number) => {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
};
const monthKey = (i: number) => monthStart(i).slice(0, 7);

/**
 * Figures (issue 6 §4): JP and needs per unit and OPD, and for each training the plain
 * before/after figures of its participants' perilaku ratings and of their OPDs' IKM and
 * complaints. These are shown side by side; no effect of the training is claimed.
 */
export function createFiguresService(deps: { db: Db; clock: Clock; settings: Pick<TrainingSettings, 'compareMonths' | 'jpTarget'> }) {
  const { db, clock } = deps;
  const { compareMonths: COMPARE_MONTHS, jpTarget } = deps.settings;
  const access = trainingAccess(db, clock);
  const repo = figuresRepository(db);

  function requireReader(ctx: TrainingCtx) {
    const wide = hasAnyRole(ctx.actor, INSTANSI_WIDE_READ);
    const opd = ctx.actor.roles.has('ADMIN_OPD') && ctx.actor.adminUnitIds.length > 0;
    if (!wide && !opd) throw forbidden();
    return wide;
  }

  const service = {
    async units(ctx: TrainingCtx, query: z.infer<typeof UnitFiguresQuery>): Promise<UnitFiguresResponse> {
      const instansiId = instansiOf(ctx);
      const wide = requireReader(ctx);
      const today = access.today();
      const year = query.year ?? Number(today.slice(0, 4));
      const date = today < `${year}-12-31` ? today : `${year}-12-31`;
      let parent: { id: number; name: string } | null = null;
      let which;
      if (query.parentId !== undefined) {
        const unit = await repo.unit(instansiId, query.parentId);
        if (!unit) throw notFound();
        if (!wide) {
          const roots = await repo.paths(ctx.actor.adminUnitIds);
          if (!roots.some((r) => unit.path.startsWith(r.path))) throw notFound();
        }
        parent = { id: unit.id, name: unit.name };
        which = sql`u.parent_id = ${unit.id}`;
      } else {
        which = wide ? sql`u.parent_id is null` : sql`u.id = any(${sql.param([...ctx.actor.adminUnitIds])}::int[])`;
      }
      const raw = await repo.units({ instansiId, which, year, date, minimum: jpTarget });
      return {
        year,
        minimum: jpTarget,
        parent,
        rows: raw.map((r) => ({
          unitId: r.unitId,
          name: r.name,
          hasChildren: r.hasChildren,
          staff: r.staff,
          staffAtMinimum: r.staffAtMinimum,
          shareAtMinimum: r.staff === 0 ? 0 : roundHalfUp(r.staffAtMinimum / r.staff, 4),
          averageJp: r.staff === 0 ? 0 : roundHalfUp(r.jpSum / r.staff, 1),
          openNeeds: r.openNeeds,
          sessionsHeld: r.sessionsHeld,
        })),
      };
    },

    async courses(ctx: TrainingCtx, query: z.infer<typeof CourseFiguresQuery>): Promise<CourseFiguresResponse> {
      const instansiId = instansiOf(ctx);
      const wide = requireReader(ctx);
      if (!wide) throw forbidden();
      const today = access.today();
      const year = query.year ?? Number(today.slice(0, 4));
      const held = await repo.heldSessions(instansiId, year, today);
      const completed = held.filter((h) => h.status === 'COMPLETED' && h.employeeId !== null);
      const ratings = await sourcesRepository(db).ratingsAround(
        completed.flatMap((h) => (h.employeeId === null ? [] : [{ employeeId: h.employeeId, before: h.startDate, after: h.endDate }])),
      );
      const byBehaviour = await sourcesRepository(db).behaviourRatings(ratings.map((r) => r.evaluationId));
      const currentMonth = monthIndex(today);
      const firstMonth = monthIndex(`${year}-01-01`) - COMPARE_MONTHS;
      const lastMonth = Math.min(currentMonth - 1, monthIndex(`${year}-12-01`) + COMPARE_MONTHS);
      const fb = transparencyRepository(db);
      const [surveys, complaints] =
        lastMonth >= firstMonth
          ? await Promise.all([
              fb.surveyCells(instansiId, monthStart(firstMonth), monthEnd(lastMonth)),
              fb.complaintCells(instansiId, monthStart(firstMonth), monthEnd(lastMonth)),
            ])
          : [[], []];

      const byCourse = new Map<number, typeof held>();
      for (const h of held) byCourse.set(h.courseId, [...(byCourse.get(h.courseId) ?? []), h]);
      const rows = [...byCourse.entries()].map(([courseId, list]) => {
        const sessions = [...new Map(list.map((h) => [h.sessionId, h])).values()];
        const seats = list.filter((h) => h.employeeId !== null);
        const done = seats.filter((h) => h.status === 'COMPLETED');
        /** Per completed place, its participant's rating in the period before / after (the overall, or one behaviour). */
        const count = (side: 'BEFORE' | 'AFTER', behaviour?: Berakhlak) => {
          const c: Record<Rating, number> = { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 };
          for (const h of done) {
            const hit = ratings.find((r) => r.employeeId === h.employeeId && r.before === h.startDate && r.side === side);
            if (!hit) continue;
            const rating = behaviour === undefined ? hit.rating : byBehaviour.find((b) => b.evaluationId === hit.evaluationId && b.behaviour === behaviour)?.rating;
            if (rating) c[rating]++;
          }
          return c;
        };
        const developed = BERAKHLAK.filter((b) => list[0]?.behaviours.includes(b));
        const opds = new Set(seats.flatMap((h) => (h.opdId === null ? [] : [h.opdId])));
        const first = Math.min(...sessions.map((s) => monthIndex(s.startDate)));
        const last = Math.max(...sessions.map((s) => monthIndex(s.endDate)));
        const beforeMonths = new Set(Array.from({ length: COMPARE_MONTHS }, (_, i) => monthKey(first - COMPARE_MONTHS + i)));
        const afterCount = Math.max(0, Math.min(COMPARE_MONTHS, currentMonth - 1 - last));
        const afterMonths = new Set(Array.from({ length: afterCount }, (_, i) => monthKey(last + 1 + i)));
        const ikm = (months: Set<string>) => {
          const cells = surveys.filter((s) => opds.has(s.opdId) && months.has(s.month));
          const n = cells.reduce((a, c) => a + c.n, 0);
          if (n === 0) return { ikm: null, n };
          const sums = Array.from({ length: IKM_UNSUR_COUNT }, (_, i) => cells.reduce((a, c) => a + (c.sums[i] ?? 0), 0));
          return { ikm: computeIkmFromTotals({ sums, count: n }).ikm, n };
        };
        const received = (months: Set<string>) =>
          complaints.filter((c) => opds.has(c.opdId) && months.has(c.month)).reduce((a, c) => a + c.received, 0);
        const before = ikm(beforeMonths);
        const after = ikm(afterMonths);
        return {
          courseId,
          title: list[0]?.title ?? '',
          sessionsHeld: sessions.length,
          participants: new Set(seats.map((h) => h.employeeId)).size,
          completed: new Set(done.map((h) => h.employeeId)).size,
          ratingsBefore: count('BEFORE'),
          ratingsAfter: count('AFTER'),
          behaviours: developed.map((behaviour) => ({ behaviour, before: count('BEFORE', behaviour), after: count('AFTER', behaviour) })),
          units: {
            opdCount: opds.size,
            ikmBefore: before.ikm,
            ikmAfter: afterCount === 0 ? null : after.ikm,
            responsesBefore: before.n,
            responsesAfter: after.n,
            complaintsBefore: received(beforeMonths),
            complaintsAfter: received(afterMonths),
            months: COMPARE_MONTHS,
            monthsAfter: afterCount,
          },
        };
      });
      return { year, rows };
    },
  };
  return service;
}

export type FiguresService = ReturnType<typeof createFiguresService>;
