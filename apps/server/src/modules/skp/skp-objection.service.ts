import type { z } from 'zod';
import type { SkpObjectionBody, SkpObjectionDecisionBody } from '@pantau/contracts';
import { addDays, predikatKinerja } from '@pantau/domain';
import { forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository } from '../org/access.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { loadEvalContext, presentObjection } from './skp-evaluation-context.js';
import { objectionDeadline } from './skp-evaluation.policy.js';
import { skpEvaluationRepository, type ObjectionRow } from './skp-evaluation.repository.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { createSkpNotices } from './skp-notices.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { effectiveSettings, ruleSetById } from './skp-settings.service.js';

/**
 * Keberatan (formal objection) against a final evaluation: filed by the employee within the
 * configured number of days after finalisation, decided by the atasan pejabat penilai recorded
 * on the evaluation within the configured decision time. An accepted objection is the only way
 * a locked evaluation changes; both steps are audited.
 */
export function createSkpObjectionService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);
  const notices = createSkpNotices({ db });

  async function present(ctx: SkpCtx, list: readonly ObjectionRow[]) {
    const refs = await skpPeopleRepository(db).personRefs(list.flatMap((o) => [o.employeeId, o.deciderEmployeeId]), access.today());
    return list.map((o) => presentObjection(o, refs, access.today(), ctx.actor.employeeId));
  }

  return {
    async file(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpObjectionBody>) {
      const ec = await loadEvalContext(db, access, ctx, skpId, periodId);
      if (!ec.facts.isOwner) throw forbidden();
      const e = ec.evaluation;
      if (!e?.locked) throw skpConflict(ctx.locale, 'id', 'EVALUATION_NOT_FINAL');
      const today = access.today();
      const deadline = objectionDeadline(e, ec.settings.objectionDays);
      if (deadline === null || today > deadline) throw skpConflict(ctx.locale, 'id', 'OBJECTION_WINDOW_CLOSED', { deadline });
      const decider = e.atasanPenilaiEmployeeId ?? e.penilaiEmployeeId;
      if (decider === null) throw skpConflict(ctx.locale, 'id', 'NO_PENILAI');
      const created = await db.transaction(async (tx) => {
        const repo = skpEvaluationRepository(tx);
        if ((await repo.objectionsOf([e.id])).length > 0) throw skpConflict(ctx.locale, 'id', 'OBJECTION_EXISTS');
        const row = await repo.insertObjection({
          instansiId: e.instansiId,
          evaluationId: e.id,
          employeeId: e.employeeId,
          reason: body.reason,
          filedAt: clock.now(),
          decisionDue: addDays(today, ec.settings.objectionDecisionDays),
          deciderEmployeeId: decider,
          previousPredikat: e.predikat,
        });
        await recordAudit(tx, ctx.req, { action: 'skp.objection.file', entityType: 'skp_objection', entityId: row.id, newValues: row });
        const name = (await skpPeopleRepository(tx).personRefs([e.employeeId], today)).get(e.employeeId)?.name ?? '';
        await notices.inTx(tx, [
          {
            instansiId: e.instansiId,
            subjectEmployeeId: e.employeeId,
            event: 'skp.objection.filed',
            payload: { skpId, periodId, objectionId: row.id },
            notify: [
              {
                recipientEmployeeId: decider,
                type: 'skp.objection.filed',
                params: { name, periodId: ec.period.labelId, periodEn: ec.period.labelEn, date: row.decisionDue },
                link: '/skp/keberatan',
              },
            ],
          },
        ]);
        return row;
      });
      const [dto] = await present(ctx, [created]);
      if (!dto) throw notFound();
      return dto;
    },

    async decide(ctx: SkpCtx, id: number, body: z.infer<typeof SkpObjectionDecisionBody>) {
      const instansiId = instansiOf(ctx);
      const o = await skpEvaluationRepository(db).findObjection(instansiId, id);
      if (!o) throw notFound();
      const me = ctx.actor.employeeId;
      if (me !== o.deciderEmployeeId) {
        const readable = me === o.employeeId || (await accessRepository(db).readableEmployeeIds(ctx.actor, [o.employeeId], access.today())).has(o.employeeId);
        throw readable ? forbidden() : notFound();
      }
      if (o.status !== 'PENDING') throw skpConflict(ctx.locale, 'id', 'OBJECTION_DECIDED');
      if (body.outcome === 'ACCEPTED' && body.hasilKerja === undefined && body.perilaku === undefined) {
        throw skpInvalid(ctx.locale, 'body.hasilKerja', 'OBJECTION_NEEDS_RATING');
      }
      const ruleSet = ruleSetById((await effectiveSettings(db, instansiId)).ruleSetId);
      const decided = await db.transaction(async (tx) => {
        const repo = skpEvaluationRepository(tx);
        const e = await repo.find(instansiId, o.evaluationId);
        if (!e?.hasilKerjaRating || !e.perilakuRating) throw notFound();
        let newPredikat = e.predikat;
        if (body.outcome === 'ACCEPTED') {
          const hasil = body.hasilKerja ?? e.hasilKerjaRating;
          const perilaku = body.perilaku ?? e.perilakuRating;
          newPredikat = predikatKinerja(hasil, perilaku, ruleSet);
          await repo.update(e.id, { hasilKerjaRating: hasil, perilakuRating: perilaku, predikat: newPredikat });
          await recordAudit(tx, ctx.req, {
            action: 'skp.evaluation.objection_change',
            entityType: 'skp_evaluation',
            entityId: e.id,
            oldValues: { hasilKerja: e.hasilKerjaRating, perilaku: e.perilakuRating, predikat: e.predikat },
            newValues: { hasilKerja: hasil, perilaku, predikat: newPredikat, objectionId: o.id },
          });
        }
        const row = await repo.updateObjection(o.id, { status: body.outcome, decisionNote: body.note, decidedAt: clock.now(), newPredikat });
        await recordAudit(tx, ctx.req, { action: 'skp.objection.decide', entityType: 'skp_objection', entityId: o.id, oldValues: { status: o.status }, newValues: { status: row.status, note: body.note, newPredikat } });
        const outcome = notices.outcome[body.outcome];
        await notices.inTx(tx, [
          {
            instansiId: e.instansiId,
            subjectEmployeeId: o.employeeId,
            event: 'skp.objection.decided',
            payload: { skpId: e.skpId, periodId: e.periodId, objectionId: o.id },
            notify: [
              {
                recipientEmployeeId: o.employeeId,
                type: 'skp.objection.decided',
                params: { outcomeId: outcome.id, outcomeEn: outcome.en, note: body.note, ...notices.predikatParams(newPredikat) },
                link: `/skp/${e.skpId}/evaluasi?periode=${e.periodId}`,
              },
            ],
          },
        ]);
        return row;
      });
      const [dto] = await present(ctx, [decided]);
      if (!dto) throw notFound();
      return dto;
    },

    async list(ctx: SkpCtx, role: 'decider' | 'mine') {
      const me = ctx.actor.employeeId;
      if (me === null) return [];
      const list = await skpEvaluationRepository(db).listObjections(instansiOf(ctx), role === 'decider' ? { deciderId: me } : { employeeId: me });
      return present(ctx, list);
    },
  };
}

export type SkpObjectionService = ReturnType<typeof createSkpObjectionService>;
