import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpCreateBody, SkpReturnBody, SkpListQuery, SkpUpdateBody } from '@pantau/contracts';
import { BERAKHLAK, clampDate, skpSegments } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { forbidden } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { loadSkpDetail, skpProblems } from './skp-detail.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { createSkpNotices, type SkpNotice } from './skp-notices.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { ensurePeriods } from './skp-settings.service.js';
import { skpAbilities } from './skp.policy.js';
import { presentSummary, unknownPerson } from './skp.presenter.js';
import { skpRepository, type SkpRow } from './skp.repository.js';

export interface SkpDeps {
  db: Db;
  clock: Clock;
}

/** SKP lifecycle: create (per year and segment), read, list, submit, approve, return, revise. */
export function createSkpPlanService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);
  const repo = skpRepository(db);
  const notices = createSkpNotices({ db });
  const ownerName = async (skp: SkpRow) => (await skpPeopleRepository(db).personRefs([skp.employeeId], access.actionDate(skp))).get(skp.employeeId)?.name ?? '';
  const myName = async (ctx: SkpCtx, skp: SkpRow) =>
    ctx.actor.employeeId === null ? '' : ((await skpPeopleRepository(db).personRefs([ctx.actor.employeeId], access.actionDate(skp))).get(ctx.actor.employeeId)?.name ?? '');
  const notice = (skp: SkpRow, event: string, recipient: number | null, type: string, params: Record<string, unknown>): SkpNotice => ({
    instansiId: skp.instansiId,
    subjectEmployeeId: skp.employeeId,
    event,
    payload: { skpId: skp.id },
    notify: recipient === null ? [] : [{ recipientEmployeeId: recipient, type, params: { year: skp.year, ...params }, link: `/skp/${skp.id}` }],
  });

  const detail = async (ctx: SkpCtx, id: number) => {
    const { skp, facts } = await access.load(ctx, id);
    return loadSkpDetail(db, access, ctx.locale, skp, facts);
  };

  return {
    detail,

    async list(ctx: SkpCtx, q: z.infer<typeof SkpListQuery>) {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      const today = access.today();
      const conds: SQL[] = [sql`s.instansi_id = ${instansiId}`];
      if (q.year !== undefined) conds.push(sql`s.year = ${q.year}`);
      if (q.status !== undefined) conds.push(sql`s.status = ${q.status}`);
      if (q.scope === 'mine') {
        if (me === null) return [];
        conds.push(sql`s.employee_id = ${me}`);
      } else {
        conds.push(sql`s.is_current`);
        const scope = accessRepository(db).scopeCondition(ctx.actor, today);
        if (me !== null) conds.push(sql`(e.id <> ${me})`);
        if (q.scope === 'toApprove') {
          if (me === null) return [];
          conds.push(sql`s.status = 'SUBMITTED'`);
          // Narrowed to those I rate below; the chain (or a recorded penilai) is the candidate set.
          conds.push(sql`(${scope} or s.penilai_employee_id = ${me})`);
        } else {
          conds.push(scope);
        }
        if (q.unitId !== undefined) {
          conds.push(sql`s.unit_id in (select c.id from org_units c join org_units r on r.id = ${q.unitId}
                                       where c.instansi_id = ${instansiId} and c.path like r.path || '%')`);
        }
      }
      const rows = await repo.list(sql.join(conds, sql` and `), q.scope === 'toApprove' ? 1000 : q.limit);
      const facts = await access.factsFor(ctx, rows);
      const kept = q.scope === 'toApprove' ? rows.filter((r) => facts.get(r.id)?.isPenilai === true).slice(0, q.limit) : rows;
      const people = skpPeopleRepository(db);
      const refs = await people.personRefs(kept.map((r) => r.employeeId), today);
      // One query for the whole page: who leads a unit (may cascade) — the same rule as the detail.
      const leaders = await people.leaders(kept.map((r) => r.employeeId), today);
      return kept.flatMap((r) => {
        const f = facts.get(r.id);
        if (!f) return [];
        const abilities = skpAbilities(r, f, { isLeader: leaders.has(r.employeeId) });
        return [presentSummary(r, refs.get(r.employeeId) ?? unknownPerson(r.employeeId), r.rhkCount, abilities)];
      });
    },

    /**
     * The caller's SKP for a year, for the segment of the year containing `date` (default today,
     * moved into the year). A transfer mid-year splits the year into segments; the previous
     * segment's SKP is cut at the day before the new post.
     */
    async create(ctx: SkpCtx, body: z.infer<typeof SkpCreateBody>) {
      const instansiId = instansiOf(ctx);
      const me = ctx.actor.employeeId;
      if (me === null) throw forbidden();
      const yearStart = `${body.year}-01-01`;
      const yearEnd = `${body.year}-12-31`;
      const spans = await skpPeopleRepository(db).definitiveSpans(me, yearStart, yearEnd);
      const segments = skpSegments(body.year, spans);
      const day = clampDate(body.date ?? access.today(), yearStart, yearEnd);
      const segment = segments.find((s) => s.startDate <= day && day <= s.endDate) ?? segments[segments.length - 1];
      if (!segment) throw skpInvalid(ctx.locale, 'body.year', 'NO_POSITION');
      const post = spans.find((s) => s.positionId === segment.positionId);
      if (!post) throw skpInvalid(ctx.locale, 'body.year', 'NO_POSITION');

      const created = await db.transaction(async (tx) => {
        const r = skpRepository(tx);
        const current = await r.currentOf(me, body.year);
        if (current.some((s) => s.periodStart <= segment.endDate && s.periodEnd >= segment.startDate && s.positionId === segment.positionId)) {
          throw skpConflict(ctx.locale, 'body.year', 'SKP_EXISTS');
        }
        for (const s of current) {
          // Earlier segment SKP still running into the new post's time: end it the day before.
          if (s.periodStart < segment.startDate && s.periodEnd >= segment.startDate) {
            const periodEnd = segments.find((x) => x.startDate === s.periodStart)?.endDate ?? s.periodEnd;
            if (periodEnd < segment.startDate) {
              await r.update(s.id, { periodEnd });
              await recordAudit(tx, ctx.req, { action: 'skp.split', entityType: 'skp', entityId: s.id, oldValues: { periodEnd: s.periodEnd }, newValues: { periodEnd } });
            }
          }
        }
        await ensurePeriods(tx, ctx.req, instansiId, body.year);
        const skp = await r.insert({
          instansiId,
          employeeId: me,
          year: body.year,
          periodStart: segment.startDate,
          periodEnd: segment.endDate,
          positionId: segment.positionId,
          unitId: post.unitId,
          form: body.form ?? (post.type === 'JPT' ? 'JPT' : 'NON_JPT'),
          approach: body.approach ?? 'KUANTITATIF',
        });
        await r.initPerilaku([skp.id], BERAKHLAK);
        await recordAudit(tx, ctx.req, { action: 'skp.create', entityType: 'skp', entityId: skp.id, newValues: skp });
        return skp;
      });
      return detail(ctx, created.id);
    },

    async update(ctx: SkpCtx, id: number, body: z.infer<typeof SkpUpdateBody>) {
      const { skp, facts } = await access.load(ctx, id);
      if (!skpAbilities(skp, facts).edit) throw facts.isOwner ? skpConflict(ctx.locale, 'id', 'SKP_NOT_EDITABLE') : forbidden();
      await db.transaction(async (tx) => {
        const after = await skpRepository(tx).update(id, body);
        await recordAudit(tx, ctx.req, { action: 'skp.update', entityType: 'skp', entityId: id, oldValues: { form: skp.form, approach: skp.approach }, newValues: { form: after.form, approach: after.approach } });
      });
      return detail(ctx, id);
    },

    /** Owner → pejabat penilai. Captures the penilai and atasan penilai on the action date. */
    async submit(ctx: SkpCtx, id: number) {
      const { skp, facts } = await access.load(ctx, id);
      if (!facts.isOwner) throw forbidden();
      if (!skpAbilities(skp, facts).submit) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_EDITABLE');
      if (!facts.penilai) throw skpConflict(ctx.locale, 'id', 'NO_PENILAI');
      const rhk = await repo.rhkOf([id]);
      const problems = skpProblems(ctx.locale, skp, rhk, await repo.indicatorsOf(rhk.map((r) => r.id)), await repo.perilakuOf(id));
      const blocking = problems.filter((p) => p.blocking);
      if (blocking.length > 0) {
        throw skpConflict(ctx.locale, 'id', blocking[0]?.code === 'NO_UTAMA' ? 'NO_UTAMA' : 'RHK_NO_INDICATOR');
      }
      const penilai = facts.penilai;
      const name = await ownerName(skp);
      await transition(ctx, skp, 'skp.submit', {
        status: 'SUBMITTED',
        submittedAt: clock.now(),
        penilaiEmployeeId: penilai.penilaiId,
        atasanPenilaiEmployeeId: penilai.atasanId,
      }, [notice(skp, 'skp.submitted', penilai.penilaiId, 'skp.submitted', { name })]);
      return detail(ctx, id);
    },

    /** Only the pejabat penilai on the action date. Supersedes the previous approved version. */
    async approve(ctx: SkpCtx, id: number) {
      const { skp, facts } = await access.load(ctx, id);
      if (!facts.isPenilai || !facts.penilai) throw forbidden();
      if (!skpAbilities(skp, facts).approve) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_SUBMITTED');
      await transition(ctx, skp, 'skp.approve', {
        status: 'APPROVED',
        approvedAt: clock.now(),
        approvedByEmployeeId: facts.penilai.penilaiId,
        penilaiEmployeeId: facts.penilai.penilaiId,
        atasanPenilaiEmployeeId: facts.penilai.atasanId,
      }, [notice(skp, 'skp.approved', skp.employeeId, 'skp.approved', { name: await myName(ctx, skp) })]);
      return detail(ctx, id);
    },

    async returnForRevision(ctx: SkpCtx, id: number, body: z.infer<typeof SkpReturnBody>) {
      const { skp, facts } = await access.load(ctx, id);
      if (!facts.isPenilai) throw forbidden();
      if (!skpAbilities(skp, facts).return) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_SUBMITTED');
      await transition(ctx, skp, 'skp.return', { status: 'RETURNED', returnedAt: clock.now(), returnNote: body.note }, [
        notice(skp, 'skp.returned', skp.employeeId, 'skp.returned', { note: body.note }),
      ]);
      return detail(ctx, id);
    },

    /** A change after approval: a new DRAFT version copied from the approved one (kept as is). */
    async revise(ctx: SkpCtx, id: number) {
      const { skp, facts } = await access.load(ctx, id);
      if (!facts.isOwner) throw forbidden();
      if (!skp.isCurrent) throw skpConflict(ctx.locale, 'id', 'SKP_REVISION_OPEN');
      if (!skpAbilities(skp, facts).revise) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_APPROVED');
      const next = await db.transaction(async (tx) => {
        const r = skpRepository(tx);
        await r.update(skp.id, { isCurrent: false });
        const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = skp;
        const created = await r.insert({
          ...rest,
          version: skp.version + 1,
          isCurrent: true,
          status: 'DRAFT',
          submittedAt: null,
          approvedAt: null,
          approvedByEmployeeId: null,
          returnedAt: null,
          returnNote: null,
        });
        await r.copyContent(skp.id, created.id);
        await recordAudit(tx, ctx.req, { action: 'skp.revise', entityType: 'skp', entityId: created.id, newValues: { fromSkpId: skp.id, version: created.version } });
        return created;
      });
      return detail(ctx, next.id);
    },
  };

  async function transition(ctx: SkpCtx, skp: SkpRow, action: string, patch: Partial<SkpRow>, sideNotices: readonly SkpNotice[] = []) {
    await db.transaction(async (tx) => {
      const current = await skpRepository(tx).find(skp.instansiId, skp.id);
      if (!current || current.status !== skp.status) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_EDITABLE');
      const after = await skpRepository(tx).update(skp.id, patch);
      await recordAudit(tx, ctx.req, {
        action,
        entityType: 'skp',
        entityId: skp.id,
        oldValues: { status: skp.status },
        newValues: { status: after.status, penilaiEmployeeId: after.penilaiEmployeeId, atasanPenilaiEmployeeId: after.atasanPenilaiEmployeeId, returnNote: after.returnNote },
      });
      await notices.inTx(tx, sideNotices);
    });
  }
}

export type SkpPlanService = ReturnType<typeof createSkpPlanService>;
