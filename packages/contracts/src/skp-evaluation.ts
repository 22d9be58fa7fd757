import { z } from 'zod';
import { IdSchema, IsoDate, RequiredText, Text } from './common.js';
import {
  SkpBerakhlak,
  SkpLabelDto,
  SkpPersonRef,
  SkpPredikatKinerja,
  SkpPredikatOrganisasi,
  SkpRating,
  SkpRhkKind,
  SkpPeriodDto,
  SkpStatus,
} from './skp.js';

/**
 * SKP pelaksanaan and penilaian contract: realisation with evidence, feedback threads, dialog
 * kinerja, evaluations, distribution, organisation predikat, objections, strengths and documents.
 */

export const SkpPeriodParams = z.object({ id: IdSchema.describe('SKP id'), periodId: IdSchema });
export const SkpRealisationParams = SkpPeriodParams.extend({ indicatorId: IdSchema });

export const SkpEvidenceDto = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  evidenceFileId: z.number().int().nullable().describe('The file in the evidence store (open it at /api/evidence/{id}/content); null for a link'),
  createdAt: z.string(),
});
export const SkpEvidenceBody = z.object({
  evidenceFileId: IdSchema.optional().describe('A file I uploaded with POST /api/evidence (type checked by content there); name, type, size and hash are taken from it'),
  fileName: RequiredText(255).optional().describe('Required for a link; defaults to the uploaded file\'s name'),
  mimeType: Text(100).nullable().optional(),
  sizeBytes: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional().describe('Lower-case hex SHA-256 of the file'),
  url: z.url({ protocol: /^https?$/ }).max(1000).nullable().optional().describe('Link to the evidence, when it lives elsewhere'),
});

export const SkpRealisationDto = z.object({
  id: z.number().int(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  updatedAt: z.string(),
  evidence: z.array(SkpEvidenceDto),
});
export const SkpRealisationBody = z.object({
  value: z.number().min(0).max(999_999_999_999).nullable().optional().describe('Realised quantity'),
  text: Text(2000).nullable().optional().describe('Realisasi berdasarkan bukti dukung'),
});
export const SkpRealisationSheetResponse = z.object({
  skpId: z.number().int(),
  period: SkpPeriodDto,
  canRecord: z.boolean(),
  rhk: z.array(
    z.object({
      id: z.number().int(),
      kind: SkpRhkKind,
      text: z.string(),
      indicators: z.array(
        z.object({
          id: z.number().int(),
          text: z.string(),
          targetValue: z.number().nullable(),
          targetUnit: z.string().nullable(),
          targetText: z.string().nullable(),
          realisation: SkpRealisationDto.nullable(),
        }),
      ),
    }),
  ),
});

export const SkpFeedbackDto = z.object({
  id: z.number().int(),
  periodId: z.number().int().nullable(),
  rhkId: z.number().int().nullable(),
  behaviour: SkpBerakhlak.nullable(),
  parentId: z.number().int().nullable(),
  author: z.object({ id: z.number().int(), name: z.string() }),
  authorIsOwner: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});
export const SkpFeedbackQuery = z.object({ periodId: z.coerce.number().int().positive().optional() });
export const SkpFeedbackListResponse = z.object({ threads: z.array(z.object({ root: SkpFeedbackDto, replies: z.array(SkpFeedbackDto) })) });
export const SkpFeedbackBody = z.object({
  periodId: IdSchema.nullable().optional(),
  rhkId: IdSchema.nullable().optional().describe('Thread about this RHK'),
  behaviour: SkpBerakhlak.nullable().optional().describe('Thread about this behaviour'),
  parentId: IdSchema.nullable().optional().describe('Reply to this thread'),
  body: RequiredText(2000),
});

export const SkpDialogDto = z.object({
  id: z.number().int(),
  periodId: z.number().int().nullable(),
  heldOn: z.string(),
  notes: z.string(),
  agreements: z.string().nullable(),
  author: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: z.string(),
});
export const SkpDialogBody = z.object({
  periodId: IdSchema.nullable().optional(),
  heldOn: IsoDate,
  notes: RequiredText(4000),
  agreements: Text(2000).nullable().optional(),
});
export const SkpDialogListResponse = z.object({ dialogs: z.array(SkpDialogDto) });

export const SkpEvaluationStatus = z.enum(['NOT_STARTED', 'IN_PROGRESS', 'RATED', 'FINAL']);
export const SkpEvaluationAbilities = z.object({
  selfAssess: z.boolean(),
  rate: z.boolean().describe('Only the pejabat penilai of the period, until final'),
  finalise: z.boolean(),
  acknowledge: z.boolean(),
  object: z.boolean().describe('File a keberatan (owner, within the window)'),
  downloadPdf: z.boolean(),
});
export const SkpObjectionDto = z.object({
  id: z.number().int(),
  evaluationId: z.number().int(),
  employee: SkpPersonRef,
  decider: SkpPersonRef.nullable(),
  reason: z.string(),
  filedAt: z.string(),
  decisionDue: z.string(),
  overdue: z.boolean(),
  status: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  previousPredikat: SkpPredikatKinerja.nullable(),
  newPredikat: SkpPredikatKinerja.nullable(),
  canDecide: z.boolean(),
});
export const SkpEvaluationDto = z.object({
  id: z.number().int().nullable().describe('Null until the first self-assessment or rating'),
  skpId: z.number().int(),
  seriesId: z.number().int(),
  period: SkpPeriodDto,
  employee: SkpPersonRef,
  status: SkpEvaluationStatus,
  selfAssessment: z.string().nullable(),
  selfAssessedAt: z.string().nullable(),
  hasilKerja: z.object({ rating: SkpRating, reason: z.string() }).nullable(),
  perilaku: z.object({ rating: SkpRating, reason: z.string() }).nullable(),
  predikat: SkpPredikatKinerja.nullable(),
  predikatLabel: SkpLabelDto.nullable(),
  catatan: z.string().nullable(),
  items: z.array(z.object({ rhkId: z.number().int().nullable(), behaviour: SkpBerakhlak.nullable(), rating: SkpRating, note: z.string().nullable() })),
  suggestedHasilKerja: SkpRating.nullable().describe('From the per-RHK ratings, by the §1.7.3 definitions'),
  penilai: SkpPersonRef.nullable(),
  atasanPenilai: SkpPersonRef.nullable(),
  ratedAt: z.string().nullable(),
  locked: z.boolean(),
  finalisedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  objectionDeadline: z.string().nullable(),
  objection: SkpObjectionDto.nullable(),
  abilities: SkpEvaluationAbilities,
});
export type SkpEvaluationDto = z.infer<typeof SkpEvaluationDto>;

export const SkpDistributionDto = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }).describe('The unit asked about'),
  poolUnit: z
    .object({ id: z.number().int(), name: z.string() })
    .nullable()
    .describe('Nearest unit (itself or above) with an organisation predikat: the distribution is checked over its pool'),
  periodId: z.number().int(),
  predikatOrganisasi: SkpPredikatOrganisasi.nullable(),
  counts: z.record(SkpPredikatKinerja, z.number().int()),
  rated: z.number().int(),
  unrated: z.number().int().describe('Evaluations in the pool without a predikat yet'),
  limits: z.array(z.object({ ruleId: z.string(), predikat: z.array(SkpPredikatKinerja), bound: z.enum(['max', 'min']), percent: z.number().nullable(), count: z.number().int() })),
  valid: z.boolean().describe('True when the pattern is met, or when the pool is advisory'),
  advisory: z.boolean().describe('Fewer rated employees than the rule set\'s minimum pool size: the violations are guidance only and need no justification'),
  minPoolSize: z.number().int().describe('Rated employees from which the pattern binds (rule set, decision 0008); below it the check is advisory'),
  violations: z.array(
    z.object({ code: z.string(), ruleId: z.string(), predikat: z.array(SkpPredikatKinerja), actual: z.number().int(), limit: z.number().int(), total: z.number().int(), message: z.string() }),
  ),
  override: z.object({ justification: z.string(), createdAt: z.string() }).nullable(),
});
export type SkpDistributionDto = z.infer<typeof SkpDistributionDto>;
export const SkpDistributionQuery = z.object({ unitId: z.coerce.number().int().positive(), periodId: z.coerce.number().int().positive() });
export const SkpDistributionResponse = z.object({ distribution: SkpDistributionDto });

export const SkpEvaluationResponse = z.object({ evaluation: SkpEvaluationDto, distribution: SkpDistributionDto.nullable() });
export const SkpSelfAssessmentBody = z.object({ selfAssessment: RequiredText(4000) });
export const SkpRatingBody = z.object({
  hasilKerja: z.object({ rating: SkpRating, reason: RequiredText(2000).describe('Required reason') }),
  perilaku: z.object({ rating: SkpRating, reason: RequiredText(2000).describe('Required reason') }),
  catatan: Text(2000).nullable().optional().describe('Catatan/rekomendasi on the Dokumen Evaluasi'),
  results: z.array(z.object({ rhkId: IdSchema, rating: SkpRating, note: Text(1000).nullable().optional() })).max(40).default([]),
  behaviours: z.array(z.object({ behaviour: SkpBerakhlak, rating: SkpRating, note: Text(1000).nullable().optional() })).max(7).default([]),
});
export const SkpFinaliseBody = z.object({
  distributionJustification: Text(2000).nullable().optional().describe('Required when the unit distribution breaks SE MenPANRB 3/2023'),
});
export const SkpBulkFinaliseBody = SkpFinaliseBody.extend({
  evaluationIds: z.array(IdSchema).min(1).max(1000),
});
export const SkpBulkFinaliseResponse = z.object({ finalised: z.array(z.number().int()), distributions: z.array(SkpDistributionDto) });
export const SkpBulkRatingBody = z.object({
  periodId: IdSchema,
  ratings: z
    .array(SkpRatingBody.pick({ hasilKerja: true, perilaku: true, catatan: true }).extend({ skpId: IdSchema }))
    .min(1)
    .max(200)
    .describe('One rating per SKP (the newest approved version of its series is rated); all or none are saved'),
});
export const SkpBulkRatingResponse = z.object({
  rated: z.array(z.object({ skpId: z.number().int(), evaluationId: z.number().int(), predikat: SkpPredikatKinerja })),
  distributions: z.array(SkpDistributionDto),
});

export const SkpTeamEvaluationsQuery = z.object({
  periodId: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive().optional().describe('Only this unit and below'),
  as: z.enum(['penilai', 'scope']).default('penilai').describe('penilai: those I rate; scope: everyone I may read'),
});
export const SkpTeamEvaluationRow = z.object({
  employee: SkpPersonRef,
  skpId: z.number().int(),
  seriesId: z.number().int(),
  skpStatus: SkpStatus,
  evaluationId: z.number().int().nullable(),
  status: SkpEvaluationStatus,
  selfAssessed: z.boolean(),
  hasilKerja: SkpRating.nullable(),
  perilaku: SkpRating.nullable(),
  predikat: SkpPredikatKinerja.nullable(),
  locked: z.boolean(),
  abilities: SkpEvaluationAbilities,
});
export const SkpTeamEvaluationsResponse = z.object({
  period: SkpPeriodDto,
  rows: z.array(SkpTeamEvaluationRow),
  distributions: z.array(SkpDistributionDto).describe('One per distribution pool touched by the rows'),
});

export const SkpOrgPredikatBody = z.object({
  unitId: IdSchema,
  periodId: IdSchema,
  predikat: SkpPredikatOrganisasi,
  note: Text(1000).nullable().optional(),
});
export const SkpOrgPredikatDto = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable() }),
  periodId: z.number().int(),
  predikat: SkpPredikatOrganisasi.nullable(),
  note: z.string().nullable(),
  setBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  setAt: z.string().nullable(),
  canSet: z.boolean(),
});
export const SkpOrgPredikatQuery = z.object({
  periodId: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive().optional().describe('Only this unit and its children'),
});
export const SkpOrgPredikatListResponse = z.object({ items: z.array(SkpOrgPredikatDto) });
export const SkpOrgPredikatResponse = z.object({ orgPredikat: SkpOrgPredikatDto });

export const SkpObjectionBody = z.object({ reason: RequiredText(4000) });
export const SkpObjectionDecisionBody = z.object({
  outcome: z.enum(['ACCEPTED', 'REJECTED']),
  note: RequiredText(4000).describe('Reason of the decision'),
  hasilKerja: SkpRating.optional().describe('New rating hasil kerja when accepted'),
  perilaku: SkpRating.optional().describe('New rating perilaku when accepted'),
});
export const SkpObjectionListQuery = z.object({ role: z.enum(['decider', 'mine']).default('decider') });
export const SkpObjectionListResponse = z.object({ objections: z.array(SkpObjectionDto) });
export const SkpObjectionResponse = z.object({ objection: SkpObjectionDto });

export const SkpStrengthsDto = z.object({
  employee: SkpPersonRef,
  period: SkpPeriodDto,
  predikat: SkpPredikatKinerja.nullable(),
  resultsAbove: z.array(z.string()),
  resultsBelow: z.array(z.string()),
  behavioursAbove: z.array(SkpBerakhlak),
  behavioursBelow: z.array(SkpBerakhlak),
  developmentAreas: z.array(z.string()).describe('What to develop first: behaviours, then results below expectation'),
  feedback: z.array(SkpFeedbackDto),
  summary: SkpLabelDto,
});
export const SkpStrengthsParams = z.object({ employeeId: IdSchema, periodId: IdSchema });
export const SkpStrengthsResponse = z.object({ strengths: SkpStrengthsDto });

export const SkpRecapQuery = z.object({ unitId: z.coerce.number().int().positive(), periodId: z.coerce.number().int().positive() });
export const SkpDocumentVerifyParams = z.object({ code: z.string().trim().regex(/^[A-Z2-7]{16,40}$/).describe('Code printed in the QR') });
export const SkpDocumentVerifyResponse = z.object({
  valid: z.literal(true),
  kind: z.enum(['SKP', 'EVALUASI']),
  issuedAt: z.string(),
  sha256: z.string().describe('SHA-256 of the PDF as issued'),
  matches: z.boolean().nullable().describe('When ?sha256= is given: whether it equals the issued file'),
  summary: z.object({
    instansi: z.string(),
    employeeName: z.string(),
    nipMasked: z.string(),
    positionName: z.string().nullable(),
    period: z.string(),
    status: z.string(),
    predikat: z.string().nullable(),
  }),
});
export const SkpDocumentVerifyQuery = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() });
