import { z } from 'zod';
import { DAILY_REPORT_STATUSES, ACTIVITY_STATUSES } from '@pantau/domain';
import { IdSchema, IsoDate, PageMeta, PageQuery, RequiredText, Text } from './common.js';

/**
 * Daily work reports (laporan aktivitas harian), verification by the atasan of the date, the
 * live team view, supervision records, evidence files and the adoption dashboard (issue 4).
 * Every DTO a page acts on carries `abilities` computed by the server.
 */

export const DailyReportStatus = z.enum(DAILY_REPORT_STATUSES).describe('DRAFT → SUBMITTED → VERIFIED | RETURNED → (fixed) SUBMITTED');
export const ActivityStatus = z.enum(ACTIVITY_STATUSES).describe('Per-activity decision of the atasan');
export const Decision = z.enum(['VERIFIED', 'RETURNED']);

export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'TIME_FORMAT' })
  .describe('Time of day HH:mm (WIB)');

/** Client-made key (e.g. a UUID) that makes a retried request safe: same key → same answer. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'IDEMPOTENCY_KEY_FORMAT' })
  .describe('Idempotency key (8–100 of A–Z a–z 0–9 _ . : -); also accepted as the Idempotency-Key header');

export const ActivityInput = z.object({
  id: IdSchema.optional().describe('Existing activity of this report to keep (PUT); omit for a new one'),
  startTime: TimeOfDay.nullable().optional(),
  endTime: TimeOfDay.nullable().optional(),
  minutes: z.number().int().min(1).max(1440).nullable().optional().describe('Minutes; defaults to end − start'),
  description: RequiredText(1000).describe('What was done'),
  rhkId: IdSchema.nullable().optional().describe('RHK of the approved SKP served; null = not linked'),
  indicatorId: IdSchema.nullable().optional().describe('Indicator of that RHK'),
  outputQuantity: z.number().min(0).max(9_999_999_999).nullable().optional().describe('Output produced'),
  outputUnit: Text(60).nullable().optional().describe('Unit of the output, e.g. "dokumen", "orang"'),
  evidenceIds: z.array(IdSchema).max(10).default([]).describe('Evidence files uploaded first via POST /api/evidence'),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const CreateDailyReportBody = z.object({
  date: IsoDate.describe('The working day reported: today or up to the configured number of working days back'),
  activities: z.array(ActivityInput).max(30).default([]),
  submit: z.boolean().default(false).describe('Submit the day right away'),
  idempotencyKey: IdempotencyKey.optional(),
});
export type CreateDailyReportBody = z.infer<typeof CreateDailyReportBody>;

export const ReplaceActivitiesBody = z.object({
  activities: z.array(ActivityInput).max(30).describe('The whole list; activities left out are removed'),
  submit: z.boolean().default(false),
  idempotencyKey: IdempotencyKey.optional(),
});
export type ReplaceActivitiesBody = z.infer<typeof ReplaceActivitiesBody>;

export const SubmitBody = z.object({ idempotencyKey: IdempotencyKey.optional() });

export const VerificationBody = z.object({
  decision: Decision.describe('Decision for the day; activities listed below take their own'),
  note: Text(1000).optional().describe('Required when anything is returned (unless each returned activity has a note)'),
  activities: z
    .array(z.object({ id: IdSchema, decision: Decision, note: Text(1000).optional() }))
    .max(30)
    .optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type VerificationBody = z.infer<typeof VerificationBody>;

export const EvidenceFileDto = z.object({
  id: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  photoTakenAt: z.string().nullable().describe('EXIF time of a photo (ISO instant)'),
  gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable().describe('EXIF location of a photo'),
  url: z.string().describe('GET this to view the file'),
  previewUrl: z.string().nullable().describe('A resized JPEG for photos (max 1280 px, no EXIF); null for other files'),
  createdAt: z.string(),
});
export type EvidenceFileDto = z.infer<typeof EvidenceFileDto>;
export const EvidenceResponse = z.object({ evidence: EvidenceFileDto, duplicate: z.boolean().describe('Same bytes already uploaded by you') });

export const ActivityDto = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  minutes: z.number().int(),
  description: z.string(),
  rhkId: z.number().int().nullable(),
  indicatorId: z.number().int().nullable(),
  linked: z.boolean().describe('Linked to an RHK/indicator of the SKP'),
  outputQuantity: z.number().nullable(),
  outputUnit: z.string().nullable(),
  status: ActivityStatus,
  note: z.string().nullable().describe('The atasan\'s note when returned'),
  evidence: z.array(EvidenceFileDto),
});
export type ActivityDto = z.infer<typeof ActivityDto>;

export const DailyReportAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  delete: z.boolean(),
  verify: z.boolean(),
});

export const PersonName = z.object({ id: z.number().int(), name: z.string() });

export const DailyReportSummary = z.object({
  id: z.number().int(),
  employee: PersonName,
  date: IsoDate,
  status: DailyReportStatus,
  totalMinutes: z.number().int(),
  activityCount: z.number().int(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
});
export type DailyReportSummary = z.infer<typeof DailyReportSummary>;

export const DailyReportDto = DailyReportSummary.extend({
  normMinutes: z.number().int().describe('Working-day norm (Perpres 21/2023) for the date'),
  firstSubmittedAt: z.string().nullable(),
  decidedBy: PersonName.nullable(),
  verifier: PersonName.nullable().describe('The atasan of the date who decides'),
  activities: z.array(ActivityDto),
  abilities: DailyReportAbilities,
});
export type DailyReportDto = z.infer<typeof DailyReportDto>;
export const DailyReportResponse = z.object({ dailyReport: DailyReportDto });

export const DailyReportListQuery = PageQuery.extend({
  employeeId: z.coerce.number().int().positive().optional().describe('Whose reports (default: your own)'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: DailyReportStatus.optional(),
});
export const DailyReportListResponse = z.object({ dailyReports: z.array(DailyReportSummary), meta: PageMeta });

export const PendingListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) });
export const PendingListResponse = z.object({ dailyReports: z.array(DailyReportSummary) });

export const ReportWindowResponse = z.object({
  today: IsoDate,
  backdateWorkingDays: z.number().int(),
  dates: z.array(
    z.object({
      date: IsoDate,
      normMinutes: z.number().int(),
      report: z.object({ id: z.number().int(), status: DailyReportStatus, totalMinutes: z.number().int() }).nullable(),
    }),
  ),
});

export const ActivityTemplate = z.object({
  description: z.string(),
  minutes: z.number().int(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  rhkId: z.number().int().nullable(),
  indicatorId: z.number().int().nullable(),
  outputQuantity: z.number().nullable(),
  outputUnit: z.string().nullable(),
  lastUsed: IsoDate,
  uses: z.number().int(),
});
export const TemplatesResponse = z.object({ templates: z.array(ActivityTemplate) });

// ── Live team view ────────────────────────────────────────────────────────────────────────────

export const SupervisionAlert = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NO_REPORT'), workingDays: z.number().int(), since: IsoDate.nullable() }),
  z.object({ kind: z.literal('RETURNED_NOT_FIXED'), workingDays: z.number().int(), date: IsoDate }),
  z.object({ kind: z.literal('BEHIND'), ratio: z.number(), minutes: z.number().int(), normMinutes: z.number().int() }),
]);
export type SupervisionAlert = z.infer<typeof SupervisionAlert>;

export const TeamQuery = z.object({
  scope: z.enum(['direct', 'all']).default('direct').describe('direct: people whose atasan you are today; all: your whole chain'),
});

export const TeamMember = z.object({
  employeeId: z.number().int(),
  name: z.string(),
  nip: z.string(),
  positionName: z.string().nullable(),
  unitName: z.string().nullable(),
  today: z
    .object({ reportId: z.number().int(), status: DailyReportStatus, totalMinutes: z.number().int(), activityCount: z.number().int(), submittedAt: z.string().nullable() })
    .nullable(),
  pendingCount: z.number().int().describe('Submitted days waiting for your verification'),
  oldestPendingDate: IsoDate.nullable(),
  lastReportedDate: IsoDate.nullable(),
  monthMinutes: z.number().int().describe('Minutes reported this month before today (submitted or verified)'),
  alerts: z.array(SupervisionAlert),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamTodayResponse = z.object({
  date: IsoDate,
  isWorkingDay: z.boolean(),
  normMinutes: z.number().int().describe('Norm minutes today (Perpres 21/2023)'),
  monthNormMinutes: z.number().int().describe('Norm minutes of the month before today'),
  summary: z.object({
    members: z.number().int(),
    reportedToday: z.number().int(),
    pendingVerifications: z.number().int(),
    withAlerts: z.number().int(),
  }),
  members: z.array(TeamMember),
});
export type TeamTodayResponse = z.infer<typeof TeamTodayResponse>;

// ── Supervision records (note, pembinaan, dialog kinerja) ─────────────────────────────────────

export const SupervisionKind = z.enum(['NOTE', 'PEMBINAAN', 'DIALOG_KINERJA']);
export const CreateSupervisionRecordBody = z.object({
  kind: SupervisionKind,
  body: RequiredText(4000),
  followUp: Text(2000).optional().describe('Agreed follow-up'),
  heldOn: IsoDate.optional().describe('Default today'),
  alertKind: z.enum(['NO_REPORT', 'RETURNED_NOT_FIXED', 'BEHIND']).optional().describe('The alert acted on'),
  idempotencyKey: IdempotencyKey.optional(),
});
export const SupervisionRecordDto = z.object({
  id: z.number().int(),
  employeeId: z.number().int(),
  author: PersonName,
  kind: SupervisionKind,
  alertKind: z.string().nullable(),
  heldOn: IsoDate,
  body: z.string(),
  followUp: z.string().nullable(),
  createdAt: z.string(),
});
export type SupervisionRecordDto = z.infer<typeof SupervisionRecordDto>;
export const SupervisionRecordResponse = z.object({ supervisionRecord: SupervisionRecordDto });
export const SupervisionRecordListResponse = z.object({ supervisionRecords: z.array(SupervisionRecordDto) });

// ── Realisation roll-up ───────────────────────────────────────────────────────────────────────

export const RealisationQuery = z.object({ from: IsoDate, to: IsoDate });
export const IndicatorRealisation = z.object({
  indicatorId: z.number().int().nullable().describe('null: activities not linked to the SKP'),
  rhkId: z.number().int().nullable(),
  outputUnit: z.string().nullable(),
  outputQuantity: z.number(),
  minutes: z.number().int(),
  activities: z.number().int(),
});
export const RealisationResponse = z.object({ realisation: z.array(IndicatorRealisation) });

// ── Adoption dashboard (pimpinan, admins) and monthly recap ───────────────────────────────────

export const AdoptionQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  opdId: z.coerce.number().int().positive().optional().describe('One OPD only'),
});

export const AdoptionDailyResponse = z.object({
  from: IsoDate,
  to: IsoDate,
  workingDays: z.array(IsoDate).describe('Working days of the range (holidays and weekends left out)'),
  opds: z.array(
    z.object({
      opdId: z.number().int(),
      name: z.string(),
      headcount: z.array(z.number().int()).describe('Employees with a definitive post in the OPD, per working day'),
      reported: z.array(z.number().int()).describe('Of them, with a submitted report, per working day'),
      share: z.array(z.number()).describe('reported / headcount (0–1), per working day'),
      averageShare: z.number(),
    }),
  ),
  total: z.object({ headcount: z.array(z.number().int()), reported: z.array(z.number().int()), share: z.array(z.number()) }),
});

export const AdoptionTrendQuery = z.object({
  months: z.coerce.number().int().min(1).max(24).default(12),
  opdId: z.coerce.number().int().positive().optional(),
});
export const AdoptionTrendResponse = z.object({
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      workingDays: z.number().int(),
      headcount: z.number().int().describe('At the end of the month (or today)'),
      reportedDays: z.number().int().describe('Submitted employee-days'),
      share: z.number().describe('reportedDays / (headcount × working days so far)'),
    }),
  ),
});

export const NotStartedResponse = z.object({
  units: z.array(z.object({ unitId: z.number().int(), name: z.string(), opdName: z.string().nullable(), employees: z.number().int() })),
  employees: z.array(
    z.object({ employeeId: z.number().int(), name: z.string(), nip: z.string(), unitName: z.string().nullable(), opdName: z.string().nullable() }),
  ),
  totalEmployees: z.number().int().describe('All who have not started (the list is capped at 500)'),
});

export const VerificationDelayResponse = z.object({
  supervisors: z.array(
    z.object({
      employeeId: z.number().int(),
      name: z.string(),
      unitName: z.string().nullable(),
      decided: z.number().int(),
      averageWorkingDays: z.number().describe('From submission to decision, in working days'),
      maxWorkingDays: z.number().int(),
      pending: z.number().int(),
      oldestPendingDate: IsoDate.nullable(),
    }),
  ),
});

export const DailyRecapQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_FORMAT' }).describe('YYYY-MM'),
  unitId: z.coerce.number().int().positive().describe('The unit (and everything below it)'),
  format: z.enum(['xlsx', 'pdf', 'json']).default('xlsx'),
});
export const DailyRecapRow = z.object({
  employeeId: z.number().int(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  daysReported: z.number().int(),
  workingDays: z.number().int(),
  minutes: z.number().int().describe('Submitted and verified minutes'),
  verifiedMinutes: z.number().int(),
  verifiedShare: z.number().describe('Verified days / reported days (0–1)'),
  outputs: z.array(z.object({ indicator: z.string().nullable(), unit: z.string().nullable(), quantity: z.number() })),
});
export const DailyRecapResponse = z.object({ month: z.string(), unit: z.object({ id: z.number().int(), name: z.string() }), workingDays: z.number().int(), rows: z.array(DailyRecapRow) });
export type DailyRecapResponse = z.infer<typeof DailyRecapResponse>;
