import type { z } from 'zod';
import type { SkpDialogBody, SkpEvidenceBody, SkpFeedbackBody, SkpRealisationBody } from '@pantau/contracts';
import { forbidden, notFound } from '../../http/errors.js';
import type { skpEvidence } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import { evidenceRepository } from '../evidence/evidence.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpActivityRepository, type DialogRow, type EvidenceRow, type FeedbackRow, type RealisationRow } from './skp-activity.repository.js';
import { loadEvalContext } from './skp-evaluation-context.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpPeriodsRepository } from './skp-periods.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { periodDto } from './skp-settings.service.js';
import { skpAbilities } from './skp.policy.js';
import { skpRepository } from './skp.repository.js';

const iso = (d: Date) => d.toISOString();
const presentEvidence = (e: EvidenceRow) => ({
  id: e.id, fileName: e.fileName, mimeType: e.mimeType, sizeBytes: e.sizeBytes, sha256: e.sha256, url: e.url, evidenceFileId: e.evidenceFileId, createdAt: iso(e.createdAt),
});
const presentRealisation = (r: RealisationRow, evidence: readonly EvidenceRow[]) => ({
  id: r.id, value: r.value, text: r.text, updatedAt: iso(r.updatedAt), evidence: evidence.filter((e) => e.realisationId === r.id).map(presentEvidence),
});

/**
 * Pelaksanaan (PermenPANRB 6/2022 Pasal 5 stage 2): realisation per indicator per period with
 * bukti dukung, continuous feedback threads per RHK and per behaviour, dialog kinerja notes.
 */
export function createSkpActivityService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);
  const activity = skpActivityRepository(db);

  async function sheet(ctx: SkpCtx, skpId: number, periodId: number) {
    const ec = await loadEvalContext(db, access, ctx, skpId, periodId);
    const repo = skpRepository(db);
    const rhk = await repo.rhkOf([ec.skp.id]);
    const indicators = await repo.indicatorsOf(rhk.map((r) => r.id));
    const byKey = await activity.realisationsByKey(ec.skp.seriesId ?? ec.skp.id, ec.period.id);
    const evidence = await activity.evidenceOf([...byKey.values()].map((r) => r.id));
    return {
      skpId: ec.skp.id,
      period: periodDto(ec.period),
      canRecord: ec.facts.isOwner && ec.evaluation?.locked !== true,
      rhk: rhk.map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        indicators: indicators
          .filter((i) => i.rhkId === r.id)
          .map((i) => {
            const real = byKey.get(i.key);
            return { id: i.id, text: i.text, targetValue: i.targetValue, targetUnit: i.targetUnit, targetText: i.targetText, realisation: real ? presentRealisation(real, evidence) : null };
          }),
      })),
    };
  }

  /** The realisation's SKP must be the caller's and its period's evaluation still open. */
  async function ownRealisation(ctx: SkpCtx, realisationId: number) {
    const r = await activity.findRealisation(realisationId);
    if (!r || r.instansiId !== instansiOf(ctx)) throw notFound();
    const ec = await loadEvalContext(db, access, ctx, r.skpId, r.periodId);
    if (!ec.facts.isOwner) throw forbidden();
    if (ec.evaluation?.locked) throw skpConflict(ctx.locale, 'id', 'EVALUATION_LOCKED');
    return r;
  }

  async function presentFeedback(ownerId: number, list: readonly FeedbackRow[]) {
    const refs = await skpPeopleRepository(db).personRefs(list.map((f) => f.authorEmployeeId), access.today());
    return list.map((f) => ({
      id: f.id, periodId: f.periodId, rhkId: f.rhkId, behaviour: f.behaviour, parentId: f.parentId,
      author: { id: f.authorEmployeeId, name: refs.get(f.authorEmployeeId)?.name ?? '' },
      authorIsOwner: f.authorEmployeeId === ownerId, body: f.body, createdAt: iso(f.createdAt),
    }));
  }

  async function presentDialogs(list: readonly DialogRow[]) {
    const refs = await skpPeopleRepository(db).personRefs(list.map((d) => d.authorEmployeeId), access.today());
    return list.map((d) => ({
      id: d.id, periodId: d.periodId, heldOn: d.heldOn, notes: d.notes, agreements: d.agreements,
      author: { id: d.authorEmployeeId, name: refs.get(d.authorEmployeeId)?.name ?? '' }, createdAt: iso(d.createdAt),
    }));
  }

  return {
    sheet,
    presentFeedback,

    /** Owner records realisation; a revision keeps it (matched on the indicator's lineage key). */
    async record(ctx: SkpCtx, skpId: number, periodId: number, indicatorId: number, body: z.infer<typeof SkpRealisationBody>) {
      const ec = await loadEvalContext(db, access, ctx, skpId, periodId);
      if (!ec.facts.isOwner || ctx.actor.employeeId === null) throw forbidden();
      if (ec.evaluation?.locked) throw skpConflict(ctx.locale, 'id', 'EVALUATION_LOCKED');
      const rhk = await skpRepository(db).rhkOf([ec.skp.id]);
      const indicator = (await skpRepository(db).indicatorsOf(rhk.map((r) => r.id))).find((i) => i.id === indicatorId);
      if (!indicator) throw skpInvalid(ctx.locale, 'params.indicatorId', 'INDICATOR_NOT_IN_SKP');
      const me = ctx.actor.employeeId;
      await db.transaction(async (tx) => {
        const repo = skpActivityRepository(tx);
        const existing = (await repo.realisationsByKey(ec.skp.seriesId ?? ec.skp.id, ec.period.id)).get(indicator.key);
        const values = { value: body.value ?? null, text: body.text ?? null, updatedByEmployeeId: me };
        const row = existing
          ? await repo.updateRealisation(existing.id, values)
          : await repo.insertRealisation({ instansiId: ec.skp.instansiId, skpId: ec.skp.id, indicatorId, periodId: ec.period.id, ...values });
        await recordAudit(tx, ctx.req, {
          action: 'skp.realisation.record',
          entityType: 'skp_realisation',
          entityId: row.id,
          oldValues: existing ? { value: existing.value, text: existing.text } : null,
          newValues: { value: row.value, text: row.text, indicatorId, periodId },
        });
      });
      return sheet(ctx, skpId, periodId);
    },

    async addEvidence(ctx: SkpCtx, realisationId: number, body: z.infer<typeof SkpEvidenceBody>) {
      const r = await ownRealisation(ctx, realisationId);
      const me = ctx.actor.employeeId;
      if (me === null) throw forbidden();
      let values: Omit<typeof skpEvidence.$inferInsert, 'realisationId' | 'uploadedByEmployeeId'>;
      if (body.evidenceFileId !== undefined) {
        // The file went through the evidence store (size limit, type sniffed by content); only the
        // uploader may attach it, so nobody links a file they could not read.
        const file = await evidenceRepository(db).findById(r.instansiId, body.evidenceFileId);
        if (!file || (file.uploadedByUserId !== ctx.actor.userId && file.uploadedByEmployeeId !== me)) {
          throw skpInvalid(ctx.locale, 'body.evidenceFileId', 'EVIDENCE_FILE_UNKNOWN');
        }
        values = { fileName: body.fileName ?? file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256, url: null, evidenceFileId: file.id };
      } else {
        if (!body.url && body.sizeBytes == null && !body.sha256) throw skpInvalid(ctx.locale, 'body.url', 'EVIDENCE_EMPTY');
        if (!body.fileName) throw skpInvalid(ctx.locale, 'body.fileName', 'EVIDENCE_NAME');
        values = { fileName: body.fileName, mimeType: body.mimeType ?? null, sizeBytes: body.sizeBytes ?? null, sha256: body.sha256 ?? null, url: body.url ?? null };
      }
      return db.transaction(async (tx) => {
        const row = await skpActivityRepository(tx).insertEvidence({ ...values, realisationId: r.id, uploadedByEmployeeId: me, createdAt: clock.now() });
        await recordAudit(tx, ctx.req, { action: 'skp.evidence.add', entityType: 'skp_evidence', entityId: row.id, newValues: row });
        return presentEvidence(row);
      });
    },

    async deleteEvidence(ctx: SkpCtx, evidenceId: number) {
      const e = await activity.findEvidence(evidenceId);
      if (!e) throw notFound();
      await ownRealisation(ctx, e.realisationId);
      await db.transaction(async (tx) => {
        await skpActivityRepository(tx).deleteEvidence(e.id);
        await recordAudit(tx, ctx.req, { action: 'skp.evidence.delete', entityType: 'skp_evidence', entityId: e.id, oldValues: e });
      });
    },

    async feedback(ctx: SkpCtx, skpId: number, periodId: number | undefined) {
      const { skp } = await access.load(ctx, skpId);
      const list = await activity.feedbackOf(skp.seriesId ?? skp.id, periodId);
      const dtos = await presentFeedback(skp.employeeId, list);
      const roots = dtos.filter((f) => f.parentId === null);
      return roots.map((root) => ({ root, replies: dtos.filter((f) => f.parentId === root.id) }));
    },

    /** Threads per RHK or behaviour; the owner and the people above them write (approved SKP). */
    async addFeedback(ctx: SkpCtx, skpId: number, body: z.infer<typeof SkpFeedbackBody>) {
      const loaded = await access.loadApproved(ctx, skpId);
      if (!loaded) throw skpConflict(ctx.locale, 'id', 'SKP_NOT_APPROVED');
      const { skp, facts } = loaded;
      const me = ctx.actor.employeeId;
      if (!skpAbilities(skp, facts).giveFeedback || me === null) throw forbidden();
      const seriesId = skp.seriesId ?? skp.id;
      let target: { rhkId: number | null; behaviour: FeedbackRow['behaviour']; periodId: number | null };
      if (body.parentId != null) {
        const parent = await activity.findFeedback(body.parentId);
        const parentSkp = parent ? await skpRepository(db).find(skp.instansiId, parent.skpId) : undefined;
        if (!parent || parent.parentId !== null || (parentSkp?.seriesId ?? parentSkp?.id) !== seriesId) {
          throw skpInvalid(ctx.locale, 'body.parentId', 'FEEDBACK_PARENT');
        }
        target = { rhkId: parent.rhkId, behaviour: parent.behaviour, periodId: parent.periodId };
      } else {
        if ((body.rhkId == null) === (body.behaviour == null)) throw skpInvalid(ctx.locale, 'body.rhkId', 'FEEDBACK_TARGET');
        if (body.rhkId != null && !(await activity.rhkInSeries(seriesId, body.rhkId))) throw skpInvalid(ctx.locale, 'body.rhkId', 'FEEDBACK_TARGET');
        if (body.periodId != null && !(await skpPeriodsRepository(db).find(skp.instansiId, body.periodId))) {
          throw skpInvalid(ctx.locale, 'body.periodId', 'PERIOD_UNKNOWN');
        }
        target = { rhkId: body.rhkId ?? null, behaviour: body.behaviour ?? null, periodId: body.periodId ?? null };
      }
      const row = await db.transaction(async (tx) => {
        const created = await skpActivityRepository(tx).insertFeedback({
          instansiId: skp.instansiId, skpId: skp.id, ...target, parentId: body.parentId ?? null, authorEmployeeId: me, body: body.body, createdAt: clock.now(),
        });
        await recordAudit(tx, ctx.req, { action: 'skp.feedback.add', entityType: 'skp_feedback', entityId: created.id, newValues: created });
        return created;
      });
      const [dto] = await presentFeedback(skp.employeeId, [row]);
      if (!dto) throw notFound();
      return dto;
    },

    async dialogs(ctx: SkpCtx, skpId: number) {
      const { skp } = await access.load(ctx, skpId);
      return presentDialogs(await activity.dialogsOf(skp.seriesId ?? skp.id));
    },

    async addDialog(ctx: SkpCtx, skpId: number, body: z.infer<typeof SkpDialogBody>) {
      const { skp, facts } = await access.load(ctx, skpId);
      const me = ctx.actor.employeeId;
      if (!skpAbilities(skp, facts).addDialog || me === null) throw forbidden();
      if (body.periodId != null && !(await skpPeriodsRepository(db).find(skp.instansiId, body.periodId))) {
        throw skpInvalid(ctx.locale, 'body.periodId', 'PERIOD_UNKNOWN');
      }
      const row = await db.transaction(async (tx) => {
        const created = await skpActivityRepository(tx).insertDialog({
          instansiId: skp.instansiId, skpId: skp.id, periodId: body.periodId ?? null, heldOn: body.heldOn, notes: body.notes,
          agreements: body.agreements ?? null, authorEmployeeId: me, createdAt: clock.now(),
        });
        await recordAudit(tx, ctx.req, { action: 'skp.dialog.add', entityType: 'skp_dialog', entityId: created.id, newValues: created });
        return created;
      });
      const [dto] = await presentDialogs([row]);
      if (!dto) throw notFound();
      return dto;
    },
  };
}

export type SkpActivityService = ReturnType<typeof createSkpActivityService>;
