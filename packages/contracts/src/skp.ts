import { z } from 'zod';
import {
  BERAKHLAK,
  PERIOD_LENGTHS,
  PREDIKAT_KINERJA,
  PREDIKAT_ORGANISASI,
  RATINGS,
  SKP_ASPEK,
  SKP_LAMPIRAN_KINDS,
  SKP_PERSPEKTIF,
} from '@pantau/domain';
import { IdSchema, IsoDate, RequiredText, Text } from './common.js';

/**
 * SKP planning contract (PermenPANRB 6/2022): SKP, RHK, indicators, lampiran, perilaku,
 * workflow, cascading, the cascade tree, settings and periods. Every DTO that a page acts on
 * carries `abilities`, computed by the server, so the web never re-derives permissions.
 */

export const SkpStatus = z.enum(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']).describe('Workflow status of one SKP version');
export const SkpForm = z.enum(['JPT', 'NON_JPT']).describe('JPT form (perspektif, no RHK atasan) or JA/JF form (aspek, RHK atasan)');
export const SkpApproach = z.enum(['KUANTITATIF', 'KUALITATIF']).describe('Pendekatan hasil kerja');
export const SkpRhkKind = z.enum(['UTAMA', 'TAMBAHAN']).describe('Hasil kerja utama or tambahan');
export const SkpAspek = z.enum(SKP_ASPEK).describe('Aspek of an indicator (JA/JF form)');
export const SkpPerspektif = z.enum(SKP_PERSPEKTIF).describe('Perspektif of an indicator (JPT form)');
export const SkpLampiranKind = z.enum(SKP_LAMPIRAN_KINDS);
export const SkpBerakhlak = z.enum(BERAKHLAK).describe('One of the seven BerAKHLAK core values');
export const SkpRating = z.enum(RATINGS).describe('Di Atas / Sesuai / Di Bawah Ekspektasi');
export const SkpPredikatKinerja = z.enum(PREDIKAT_KINERJA).describe('Predikat kinerja pegawai');
export const SkpPredikatOrganisasi = z.enum(PREDIKAT_ORGANISASI).describe('Predikat kinerja organisasi');
export const SkpPeriodLength = z.enum(PERIOD_LENGTHS).describe('Length of the periodic evaluation');
export const SkpCascadeGap = z.enum(['NO_PARENT', 'PARENT_MISSING', 'UNSUPPORTED']).describe(
  'NO_PARENT: supports no RHK atasan; PARENT_MISSING: the RHK atasan is gone from the leader\'s current SKP; UNSUPPORTED: a leader RHK utama nobody supports',
);
export const SkpLabelDto = z.object({ id: z.string(), en: z.string() });

/** An employee as printed on SKP documents (identity block). */
export const SkpPersonRef = z.object({
  id: z.number().int(),
  nip: z.string(),
  name: z.string().describe('Name with gelar'),
  golongan: z.string().nullable(),
  pangkat: z.string().nullable(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type SkpPersonRef = z.infer<typeof SkpPersonRef>;

export const SkpPeriodDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: z.enum(['PERIODIC', 'ANNUAL']),
  length: SkpPeriodLength.nullable(),
  seq: z.number().int().describe('1-based order; 0 for the annual period'),
  startDate: z.string(),
  endDate: z.string(),
  label: SkpLabelDto,
});
export type SkpPeriodDto = z.infer<typeof SkpPeriodDto>;
export const SkpPeriodsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('Performance year') });
export const SkpPeriodsResponse = z.object({ periods: z.array(SkpPeriodDto) });
export const SkpGeneratePeriodsBody = z.object({ year: z.number().int().min(2000).max(2100).describe('Performance year') });

export const SkpSettingsDto = z.object({
  periodLength: SkpPeriodLength,
  objectionDays: z.number().int().describe('Days after finalisation to file a keberatan'),
  objectionDecisionDays: z.number().int().describe('Days the atasan pejabat penilai has to decide'),
  ruleSetId: z.string(),
  unitHeadFollowsOrg: z.boolean().describe('SE MenPANRB 3/2023: a unit head\'s rating hasil kerja follows the unit\'s organisation predikat (Istimewa → Di Atas, Baik → Sesuai, lower → Di Bawah; the mapping is a documented default)'),
  ruleSets: z.array(z.object({ id: z.string(), name: z.string(), validFrom: z.string() })),
  canEdit: z.boolean(),
});
export const SkpSettingsResponse = z.object({ settings: SkpSettingsDto });
export const SkpUpdateSettingsBody = z.object({
  periodLength: SkpPeriodLength.optional(),
  objectionDays: z.number().int().min(1).max(90).optional().describe('1–90 calendar days'),
  objectionDecisionDays: z.number().int().min(1).max(90).optional().describe('1–90 calendar days'),
  ruleSetId: Text(60).optional().describe('Id of a known rule set'),
  unitHeadFollowsOrg: z.boolean().optional(),
});

export const SkpIndicatorInput = z.object({
  id: IdSchema.optional().describe('Existing indicator to keep (its lineage key stays)'),
  aspek: SkpAspek.nullable().optional(),
  perspektif: SkpPerspektif.nullable().optional(),
  text: RequiredText(1000).describe('Indikator kinerja individu'),
  targetValue: z.number().min(0).max(999_999_999_999).nullable().optional().describe('Target number'),
  targetUnit: Text(60).nullable().optional().describe('Satuan, e.g. "Dokumen", "%", "Bulan"'),
  targetText: Text(300).nullable().optional().describe('Qualitative target or a written-out range'),
});
export type SkpIndicatorInput = z.infer<typeof SkpIndicatorInput>;

export const SkpIndicatorDto = z.object({
  id: z.number().int(),
  key: z.string(),
  seq: z.number().int(),
  aspek: SkpAspek.nullable(),
  perspektif: SkpPerspektif.nullable(),
  text: z.string(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  targetText: z.string().nullable(),
});
export type SkpIndicatorDto = z.infer<typeof SkpIndicatorDto>;

export const SkpRhkDto = z.object({
  id: z.number().int(),
  key: z.string(),
  kind: SkpRhkKind,
  seq: z.number().int(),
  text: z.string(),
  origin: z.enum(['OWN', 'CASCADE']),
  parent: z
    .object({ id: z.number().int(), key: z.string(), text: z.string(), ownerName: z.string() })
    .nullable()
    .describe('RHK atasan yang diintervensi'),
  supportedBy: z.number().int().describe('Subordinate RHKs (current SKPs) that intervene this RHK'),
  gaps: z.array(SkpCascadeGap),
  indicators: z.array(SkpIndicatorDto),
});
export type SkpRhkDto = z.infer<typeof SkpRhkDto>;

export const SkpAbilities = z.object({
  edit: z.boolean().describe('Change RHK, indicators, lampiran (owner, DRAFT or RETURNED)'),
  editEkspektasi: z.boolean().describe('Write ekspektasi khusus (owner while editable, pejabat penilai until approved)'),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  revise: z.boolean().describe('Start a new version of an approved SKP'),
  cascade: z.boolean().describe('Hand RHK down to subordinates'),
  recordRealisation: z.boolean(),
  giveFeedback: z.boolean(),
  addDialog: z.boolean(),
  downloadPdf: z.boolean(),
});
export type SkpAbilities = z.infer<typeof SkpAbilities>;

export const SkpProblem = z.object({ code: z.string(), message: z.string(), blocking: z.boolean().describe('True when it prevents submission') });

export const SkpSummary = z.object({
  id: z.number().int(),
  seriesId: z.number().int(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  year: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  form: SkpForm,
  status: SkpStatus,
  employee: SkpPersonRef,
  rhkCount: z.number().int(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  abilities: SkpAbilities,
});
export type SkpSummary = z.infer<typeof SkpSummary>;

export const SkpDetail = SkpSummary.extend({
  approach: SkpApproach,
  unitId: z.number().int(),
  positionId: z.number().int(),
  penilai: SkpPersonRef.nullable().describe('Pejabat penilai kinerja: captured at submission/approval, else who it is today'),
  atasanPenilai: SkpPersonRef.nullable(),
  penilaiCaptured: z.boolean().describe('False while the penilai shown is only today\'s supervisor'),
  returnedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  rhk: z.array(SkpRhkDto),
  lampiran: z.object({
    DUKUNGAN_SUMBER_DAYA: z.array(z.string()),
    SKEMA_PERTANGGUNGJAWABAN: z.array(z.string()),
    KONSEKUENSI: z.array(z.string()),
  }),
  perilaku: z.array(
    z.object({ behaviour: SkpBerakhlak, label: SkpLabelDto, makna: z.string(), panduan: z.array(z.string()), ekspektasi: z.string().nullable() }),
  ),
  problems: z.array(SkpProblem).describe('What blocks submission, and warnings such as RHK without RHK atasan'),
  versions: z.array(z.object({ id: z.number().int(), version: z.number().int(), status: SkpStatus, approvedAt: z.string().nullable() })),
});
export type SkpDetail = z.infer<typeof SkpDetail>;
export const SkpResponse = z.object({ skp: SkpDetail });

export const SkpListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  scope: z
    .enum(['mine', 'toApprove', 'team'])
    .default('mine')
    .describe('mine: own SKPs; toApprove: SUBMITTED SKPs I approve; team: SKPs of my chain (or my admin scope)'),
  status: SkpStatus.optional(),
  unitId: z.coerce.number().int().positive().optional().describe('team scope: only this unit and below'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const SkpListResponse = z.object({ skps: z.array(SkpSummary) });

export const SkpCreateBody = z.object({
  year: z.number().int().min(2000).max(2100).describe('Performance year'),
  form: SkpForm.optional().describe('Default: JPT for a JPT post, else NON_JPT'),
  approach: SkpApproach.optional(),
  date: IsoDate.optional().describe('A day inside the wanted segment of the year (after a transfer); default today'),
});
export const SkpUpdateBody = z.object({ form: SkpForm.optional(), approach: SkpApproach.optional() });

export const SkpRhkBody = z.object({
  kind: SkpRhkKind,
  text: RequiredText(1000).describe('Rencana hasil kerja'),
  parentRhkId: IdSchema.nullable().optional().describe('RHK atasan yang diintervensi'),
  indicators: z.array(SkpIndicatorInput).max(12).default([]),
});
export const SkpUpdateRhkBody = z.object({
  kind: SkpRhkKind.optional(),
  text: RequiredText(1000).optional(),
  parentRhkId: IdSchema.nullable().optional(),
  indicators: z.array(SkpIndicatorInput).max(12).optional().describe('Full replacement; send ids to keep rows'),
});
export const SkpRhkParams = z.object({ rhkId: IdSchema });

export const SkpLampiranBody = z.object({
  DUKUNGAN_SUMBER_DAYA: z.array(RequiredText(1000)).max(30),
  SKEMA_PERTANGGUNGJAWABAN: z.array(RequiredText(1000)).max(30),
  KONSEKUENSI: z.array(RequiredText(1000)).max(30),
});
export const SkpPerilakuBody = z.object({
  items: z.array(z.object({ behaviour: SkpBerakhlak, ekspektasi: Text(2000).nullable() })).min(1).max(7),
});
export const SkpReturnBody = z.object({ note: RequiredText(2000).describe('What to change (shown to the employee)') });

export const SkpParentRhkOptionsResponse = z.object({
  atasan: SkpPersonRef.nullable(),
  options: z.array(z.object({ id: z.number().int(), key: z.string(), kind: SkpRhkKind, text: z.string(), ownerName: z.string(), skpStatus: SkpStatus })),
});

export const SkpCascadeBody = z.object({
  unitId: IdSchema.optional().describe('Everyone in this unit (and below) within my chain'),
  positionId: IdSchema.optional().describe('Every holder of this position within my chain'),
  employeeIds: z.array(IdSchema).min(1).max(500).optional().describe('These employees (all must be in my chain)'),
  kind: SkpRhkKind.default('UTAMA'),
  text: RequiredText(1000).optional().describe('Wording for the subordinates; default the leader RHK text'),
  indicators: z.array(SkpIndicatorInput).max(12).optional().describe('Default: copy of the leader indicators (targets to adjust)'),
});
export const SkpCascadeResponse = z.object({
  created: z.array(z.object({ employeeId: z.number().int(), employeeName: z.string(), skpId: z.number().int(), rhkId: z.number().int() })),
  skipped: z.array(
    z.object({
      employeeId: z.number().int(),
      employeeName: z.string(),
      reason: z.enum(['ALREADY_LINKED', 'SKP_NOT_EDITABLE', 'NO_POSITION']),
      message: z.string(),
    }),
  ),
});

/** Cascade by position: the jabatan slots below the leader on the SKP's date, with their holders. */
export const SkpCascadePositionsResponse = z.object({
  date: IsoDate.describe('The date the chain is read on (today within the leader\'s SKP segment)'),
  positions: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      type: z.string().describe('Jabatan type (JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL)'),
      unitId: z.number().int(),
      unitName: z.string(),
      parentPositionId: z.number().int().nullable(),
      depth: z.number().int().describe('1 = directly below the leader'),
      holders: z.array(
        z.object({
          employeeId: z.number().int(),
          name: z.string(),
          kind: z.enum(['DEFINITIF', 'PLT', 'PLH']),
          receives: z.boolean().describe('A cascade to this position reaches this person (definitive holders; an acting Plt/Plh keeps the SKP of their own post)'),
        }),
      ),
    }),
  ),
});

export const SkpTreeQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitId: z.coerce.number().int().positive().optional().describe('Drill into one unit: its people and their RHK'),
});
export const SkpTreeCounts = z.object({
  people: z.number().int(),
  withSkp: z.number().int(),
  approved: z.number().int(),
  rhk: z.number().int(),
  noParent: z.number().int(),
  parentMissing: z.number().int(),
  unsupported: z.number().int(),
});
export const SkpTreeResponse = z.object({
  year: z.number().int(),
  city: SkpTreeCounts.describe('Totals over the units returned'),
  units: z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), name: z.string(), depth: z.number().int(), counts: SkpTreeCounts })),
  people: z
    .array(
      z.object({
        employee: SkpPersonRef,
        supervisorId: z.number().int().nullable(),
        skpId: z.number().int().nullable(),
        status: SkpStatus.nullable(),
        rhk: z.array(z.object({ id: z.number().int(), key: z.string(), kind: SkpRhkKind, text: z.string(), parentKey: z.string().nullable(), gaps: z.array(SkpCascadeGap) })),
      }),
    )
    .describe('Only with unitId: the people whose post is in that unit'),
});
