import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SkpBulkFinaliseBody, SkpBulkRatingBody, SkpEvaluationDto, SkpFinaliseBody, SkpRatingBody } from '@pantau/contracts';
import { PREDIKAT_KINERJA_LABELS, type PredikatKinerja } from '@pantau/domain';
import type { Db, Tx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { events } from '../../db/schema/index.js';
import { createNotificationService } from '../notifications/notifications.service.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import type { SkpCtx } from './skp-context.js';
import type { SkpEvaluationService } from './skp-evaluation.service.js';

/**
 * Who hears of an SKP step (PermenPANRB 6/2022 workflow):
 *   submitted → pejabat penilai; approved / returned → pegawai; rated / finalised → pegawai;
 *   objection filed → atasan pejabat penilai (the decider); objection decided → pegawai.
 * Each step also publishes a live event about the pegawai, so every open page that may read that
 * pegawai (the pegawai, their chain, admins — the realtime hub filters by scope) refreshes. The
 * payload carries ids only, never names or notes.
 */
const OUTCOME = { ACCEPTED: { id: 'diterima', en: 'accepted' }, REJECTED: { id: 'ditolak', en: 'rejected' } } as const;

const predikatParams = (p: string | null) => {
  const label = p ? PREDIKAT_KINERJA_LABELS[p as PredikatKinerja] : null;
  return { predikatId: label?.id ?? '-', predikatEn: label?.en ?? '-' };
};

export interface SkpNotice {
  instansiId: number;
  /** The pegawai the step is about: the live event goes to whoever may read them. */
  subjectEmployeeId: number;
  event: string;
  payload: Record<string, number | string | null>;
  notify: Omit<NewNotification, 'instansiId'>[];
}

export function createSkpNotices(deps: { db: Db }) {
  const notifications = createNotificationService({ db: deps.db, mailer: null });

  /** Inside the transaction of the change: the notice exists exactly when the change does. */
  async function inTx(tx: Tx, notices: readonly SkpNotice[]): Promise<void> {
    // One multi-row insert (a team rated at once gives one notice per pegawai).
    if (notices.length > 0) {
      await tx.insert(events).values(notices.map((n) => ({ instansiId: n.instansiId, type: n.event, subjectEmployeeIds: [n.subjectEmployeeId], payload: n.payload })));
    }
    await notifications.notifyInTx(tx, notices.flatMap((n) => n.notify.map((x) => ({ ...x, instansiId: n.instansiId }))));
  }

  /** Evaluations with their pegawai and period label, for notices sent after a rating step. */
  async function evaluationFacts(ids: readonly number[]) {
    if (ids.length === 0) return [];
    return rows<{ id: number; instansiId: number; employeeId: number; skpId: number; periodId: number; predikat: string | null; labelId: string; labelEn: string }>(
      deps.db,
      sql`select e.id, e.instansi_id as "instansiId", e.employee_id as "employeeId", e.skp_id as "skpId", e.period_id as "periodId",
                 e.predikat::text as predikat, p.label_id as "labelId", p.label_en as "labelEn"
          from skp_evaluations e join skp_periods p on p.id = e.period_id
          where e.id = any(${sql.param([...ids])}::int[])`,
    );
  }

  async function evaluationNotices(ids: readonly number[], type: 'skp.evaluation.rated' | 'skp.evaluation.finalised') {
    const facts = await evaluationFacts(ids);
    if (facts.length === 0) return;
    await deps.db.transaction((tx) =>
      inTx(
        tx,
        facts.map((f) => ({
          instansiId: f.instansiId,
          subjectEmployeeId: f.employeeId,
          event: type,
          payload: { skpId: f.skpId, periodId: f.periodId, evaluationId: f.id },
          notify: [
            {
              recipientEmployeeId: f.employeeId,
              type,
              params: { periodId: f.labelId, periodEn: f.labelEn, ...predikatParams(f.predikat) },
              link: `/skp/${f.skpId}/evaluasi?periode=${f.periodId}`,
            },
          ],
        })),
      ),
    );
  }

  return {
    inTx,
    /** Rated / finalised notices for these evaluation ids (for bulk steps outside this wrapper). */
    evaluationNotices,
    predikatParams,
    outcome: OUTCOME,

    /**
     * The evaluation service with notices after rating and finalising. The rating steps live in
     * the evaluation service (owned by the performance work); the notices follow their commit in
     * a short transaction of their own, so a failed notice never undoes a rating.
     */
    withEvaluationNotices(service: SkpEvaluationService): SkpEvaluationService {
      const idOf = (e: Pick<SkpEvaluationDto, 'id'>) => (e.id === null ? [] : [e.id]);
      return {
        ...service,
        async rate(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpRatingBody>) {
          const result = await service.rate(ctx, skpId, periodId, body);
          await evaluationNotices(idOf(result.evaluation), 'skp.evaluation.rated');
          return result;
        },
        async finalise(ctx: SkpCtx, skpId: number, periodId: number, body: z.infer<typeof SkpFinaliseBody>) {
          const result = await service.finalise(ctx, skpId, periodId, body);
          await evaluationNotices(idOf(result.evaluation), 'skp.evaluation.finalised');
          return result;
        },
        async rateMany(ctx: SkpCtx, body: z.infer<typeof SkpBulkRatingBody>) {
          const result = await service.rateMany(ctx, body);
          await evaluationNotices(result.rated.map((r) => r.evaluationId), 'skp.evaluation.rated');
          return result;
        },
        async finaliseMany(ctx: SkpCtx, body: z.infer<typeof SkpBulkFinaliseBody>) {
          const result = await service.finaliseMany(ctx, body);
          await evaluationNotices(result.finalised, 'skp.evaluation.finalised');
          return result;
        },
      };
    },
  };
}

export type SkpNotices = ReturnType<typeof createSkpNotices>;
