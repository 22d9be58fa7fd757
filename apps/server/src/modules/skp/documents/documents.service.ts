import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SkpDocumentVerifyResponse } from '@pantau/contracts';
import { forbidden, notFound } from '../../../http/errors.js';
import { recordAudit, recordRead } from '../../audit/audit.repository.js';
import { orgRepository } from '../../org/org.repository.js';
import { skpActivityRepository } from '../skp-activity.repository.js';
import { skpAccess } from '../skp-access.js';
import { instansiOf, type SkpCtx } from '../skp-context.js';
import { loadSkpDetail } from '../skp-detail.js';
import { skpDistributionRepository } from '../skp-distribution.repository.js';
import { loadEvalContext, presentEvaluation } from '../skp-evaluation-context.js';
import { skpConflict } from '../skp-messages.js';
import type { SkpDeps } from '../skp-plan.service.js';
import { wibDate, wibTime } from '../../../lib/clock.js';
import type { SkpTeamService } from '../skp-team.service.js';
import { skpRepository } from '../skp.repository.js';
import { skpDocumentsRepository } from './documents.repository.js';
import { evaluationDocument } from './evaluation-pdf.js';
import { renderPdf, tanggal } from './pdf-kit.js';
import { recapWorkbook } from './recap-xlsx.js';
import { skpDocument } from './skp-pdf.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 120 random bits as 24 base32 characters: unguessable, easy to read out on the phone. */
export function documentCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
  }
  return out;
}

/** What the QR verification shows; stored with the document when it is issued. */
const DocumentSummary = z.object({
  instansi: z.string(),
  employeeName: z.string(),
  nip: z.string(),
  positionName: z.string().nullable(),
  period: z.string(),
  status: z.string(),
  predikat: z.string().nullable(),
});
type DocumentSummary = z.infer<typeof DocumentSummary>;

const placeOf = (instansiName: string) => instansiName.replace(/^pemerintah\s+(kota|kabupaten|provinsi)\s+/i, '').trim() || instansiName;
const maskNip = (nip: string) => (nip.length > 8 ? `${nip.slice(0, 4)}${'*'.repeat(nip.length - 8)}${nip.slice(-4)}` : nip);

export interface IssuedFile {
  fileName: string;
  body: Buffer;
}

/**
 * Official documents: the SKP and the Dokumen Evaluasi Kinerja Pegawai as PDF with a QR code
 * that verifies them against the server (a document row keeps the SHA-256 of the bytes issued),
 * and the XLSX recap per unit and period. Rendering happens outside any transaction.
 */
export function createSkpDocumentsService({ db, clock }: SkpDeps, team: Pick<SkpTeamService, 'team'>) {
  const access = skpAccess(db, clock);
  const docs = skpDocumentsRepository(db);

  async function issue(ctx: SkpCtx, render: (code: string, url: string) => Promise<Buffer>, record: { kind: 'SKP' | 'EVALUASI'; skpId: number; evaluationId: number | null; summary: DocumentSummary }, baseUrl: string) {
    const code = documentCode();
    const url = `${baseUrl}/api/documents/verify/${code}`;
    const body = await render(code, url);
    const sha256 = createHash('sha256').update(body).digest('hex');
    await db.transaction(async (tx) => {
      const row = await skpDocumentsRepository(tx).insert({ instansiId: instansiOf(ctx), code, sha256, generatedByUserId: ctx.actor.userId, createdAt: clock.now(), ...record });
      await recordAudit(tx, ctx.req, { action: 'skp.document.issue', entityType: 'skp_document', entityId: row.id, newValues: { code, sha256, kind: record.kind, skpId: record.skpId, evaluationId: record.evaluationId } });
    });
    return body;
  }

  return {
    async skpPdf(ctx: SkpCtx, skpId: number, baseUrl: string): Promise<IssuedFile> {
      const { skp, facts } = await access.load(ctx, skpId);
      const detail = await loadSkpDetail(db, access, ctx.locale, skp, facts);
      const instansiName = await docs.instansiName(skp.instansiId);
      const date = access.today();
      const summary: DocumentSummary = {
        instansi: instansiName, employeeName: detail.employee.name, nip: detail.employee.nip, positionName: detail.employee.positionName,
        period: `${detail.periodStart} s.d. ${detail.periodEnd}`, status: `SKP ${detail.status} v${detail.version}`, predikat: null,
      };
      const body = await issue(ctx, (code, url) => renderPdf(skpDocument({ instansiName, place: placeOf(instansiName), date, skp: detail, verifyUrl: url, code })), { kind: 'SKP', skpId: skp.id, evaluationId: null, summary }, baseUrl);
      return { fileName: `SKP-${detail.employee.nip}-${skp.year}-v${skp.version}.pdf`, body };
    },

    async evaluationPdf(ctx: SkpCtx, skpId: number, periodId: number, baseUrl: string): Promise<IssuedFile> {
      const ec = await loadEvalContext(db, access, ctx, skpId, periodId);
      const e = ec.evaluation;
      if (!e || e.predikat === null) throw skpConflict(ctx.locale, 'id', 'EVALUATION_NOT_RATED');
      const evaluation = await presentEvaluation(db, ec, ctx, access.today());
      const evaluatedRow = (await skpRepository(db).find(ec.skp.instansiId, e.skpId)) ?? ec.skp;
      const facts = (await access.factsFor(ctx, [evaluatedRow])).get(evaluatedRow.id) ?? ec.facts;
      const skp = await loadSkpDetail(db, access, ctx.locale, evaluatedRow, facts);
      const activity = skpActivityRepository(db);
      const seriesId = ec.skp.seriesId ?? ec.skp.id;
      const realisations = await activity.realisationsByKey(seriesId, periodId);
      const realisation = new Map<number, string>();
      for (const r of skp.rhk) {
        for (const i of r.indicators) {
          const real = realisations.get(i.key);
          if (real) realisation.set(i.id, [real.value === null ? '' : `${String(real.value).replace('.', ',')} ${i.targetUnit ?? ''}`.trim(), real.text ?? ''].filter(Boolean).join(' — '));
        }
      }
      const feedback = await activity.feedbackOf(seriesId, periodId);
      const keys = await docs.rhkKeys(feedback.flatMap((f) => (f.rhkId === null ? [] : [f.rhkId])));
      const rhkByKey = new Map(skp.rhk.map((r) => [r.key, r.id]));
      const names = new Map([[skp.employee.id, skp.employee.name], ...(evaluation.penilai ? [[evaluation.penilai.id, evaluation.penilai.name] as const] : [])]);
      const feedbackByRhk = new Map<number, string[]>();
      const feedbackByBehaviour = new Map<string, string[]>();
      for (const f of feedback) {
        const line = `${names.get(f.authorEmployeeId) ?? (f.authorEmployeeId === skp.employee.id ? 'Pegawai' : 'Atasan')} (${tanggal(wibDate(f.createdAt))}): ${f.body}`;
        const rhkId = f.rhkId === null ? undefined : rhkByKey.get(keys.get(f.rhkId) ?? '');
        if (rhkId !== undefined) feedbackByRhk.set(rhkId, [...(feedbackByRhk.get(rhkId) ?? []), line]);
        if (f.behaviour !== null) feedbackByBehaviour.set(f.behaviour, [...(feedbackByBehaviour.get(f.behaviour) ?? []), line]);
      }
      const pool = (await skpDistributionRepository(db).poolsOf([e.unitId], periodId)).get(e.unitId);
      const instansiName = await docs.instansiName(ec.skp.instansiId);
      const date = access.today();
      const summary: DocumentSummary = {
        instansi: instansiName, employeeName: evaluation.employee.name, nip: evaluation.employee.nip, positionName: evaluation.employee.positionName,
        period: evaluation.period.label.id, status: evaluation.locked ? 'FINAL' : 'BELUM FINAL', predikat: evaluation.predikatLabel?.id ?? null,
      };
      const body = await issue(
        ctx,
        (code, url) => renderPdf(evaluationDocument({ instansiName, place: placeOf(instansiName), date, skp, evaluation, predikatOrganisasi: pool?.predikat ?? null, realisation, feedbackByRhk, feedbackByBehaviour, verifyUrl: url, code })),
        { kind: 'EVALUASI', skpId: evaluatedRow.id, evaluationId: e.id, summary },
        baseUrl,
      );
      return { fileName: `Evaluasi-${evaluation.employee.nip}-${evaluation.period.label.id.replace(/\s+/g, '-')}.pdf`, body };
    },

    /** XLSX recap of a unit (and below) for a period, limited to the caller's read scope. */
    async recapXlsx(ctx: SkpCtx, unitId: number, periodId: number): Promise<IssuedFile> {
      const instansiId = instansiOf(ctx);
      if (ctx.actor.employeeId === null && ctx.actor.roles.size === 0) throw forbidden();
      const unit = await orgRepository(db).findUnit(instansiId, unitId);
      if (!unit) throw notFound();
      const { period, rows, distributions } = await team.team(ctx, { periodId, unitId, as: 'scope' });
      const instansiName = await docs.instansiName(instansiId);
      await recordRead(db, ctx.req, { entityType: 'skp_recap', entityId: `${unitId}:${periodId}`, instansiId, purpose: `${rows.length} pegawai` });
      const now = clock.now();
      const body = await recapWorkbook({ instansiName, unitName: unit.name, period, rows, distributions, generatedAt: `${tanggal(access.today())} ${wibTime(now)}` });
      return { fileName: `Rekap-SKP-${unit.name.replace(/[^\w]+/g, '-')}-${period.label.id.replace(/\s+/g, '-')}.xlsx`, body };
    },

    /** Public: confirms a printed document against the server (no sign-in). */
    async verify(code: string, sha256: string | undefined): Promise<z.infer<typeof SkpDocumentVerifyResponse>> {
      const doc = await docs.findByCode(code);
      if (!doc) throw notFound();
      const parsed = DocumentSummary.safeParse(doc.summary);
      const s: Partial<DocumentSummary> = parsed.success ? parsed.data : {};
      return {
        valid: true,
        kind: doc.kind,
        issuedAt: doc.createdAt.toISOString(),
        sha256: doc.sha256,
        matches: sha256 === undefined ? null : sha256 === doc.sha256,
        summary: {
          instansi: s.instansi ?? '',
          employeeName: s.employeeName ?? '',
          nipMasked: maskNip(s.nip ?? ''),
          positionName: s.positionName ?? null,
          period: s.period ?? '',
          status: s.status ?? '',
          predikat: s.predikat ?? null,
        },
      };
    },
  };
}

export type SkpDocumentsService = ReturnType<typeof createSkpDocumentsService>;
