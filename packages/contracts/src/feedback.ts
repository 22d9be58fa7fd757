import { z } from 'zod';
import { IsoDate, PageMeta, PageQuery, RequiredText, Text } from './common.js';

/**
 * Citizen feedback (issue 5), part 1: holiday calendar, service points, the SKM survey
 * (PermenPANRB 14/2017), IKM reports, public transparency and open data. Complaints are in
 * feedback-complaints.ts.
 */

const int = () => z.number().int();
const Ref = z.object({ id: int(), name: z.string() });
export const FeedbackBoolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .describe('true or false');

/** Hidden form field: people leave it empty, form-filling robots do not. */
export const HoneypotField = z
  .string()
  .max(500)
  .optional()
  .describe('Leave empty. A hidden field that only robots fill; such submissions are discarded.');

// ---------------------------------------------------------------- holidays

export const HolidayKind = z.enum(['NASIONAL', 'CUTI_BERSAMA', 'DAERAH']);
export type HolidayKind = z.infer<typeof HolidayKind>;

export const HolidayDto = z.object({ id: int(), date: z.string(), name: z.string(), kind: HolidayKind });
export type HolidayDto = z.infer<typeof HolidayDto>;
export const HolidayListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Calendar year; default this year (WIB)'),
});
export const HolidayListResponse = z.object({ year: int(), holidays: z.array(HolidayDto) });
export const CreateHolidayBody = z.object({ date: IsoDate, name: RequiredText(120), kind: HolidayKind });
export const UpdateHolidayBody = CreateHolidayBody.partial();
export const HolidayResponse = z.object({ holiday: HolidayDto });
export const ImportHolidaysResponse = z.object({
  year: int(),
  added: int().describe('Days added; days already in the calendar are left as they are'),
  holidays: z.array(HolidayDto),
});

// ---------------------------------------------------------------- service points

export const ServicePointSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe('Public link part: lower-case letters, digits and single dashes, e.g. "ktp-disdukcapil"');

export const ServicePointDto = z.object({
  id: int(),
  unitId: int(),
  unitName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  slug: z.string(),
  active: z.boolean(),
  publicPath: z.string().describe('Path of the public survey page, e.g. /survei/ktp-disdukcapil'),
  staffIds: z.array(int()).describe('Employees chosen for the public staff list; empty = everyone in the unit itself'),
});
export type ServicePointDto = z.infer<typeof ServicePointDto>;
export const ServicePointListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('Only this unit and below'),
  includeInactive: FeedbackBoolQuery.optional(),
});
export const ServicePointListResponse = z.object({ servicePoints: z.array(ServicePointDto) });
export const ServicePointResponse = z.object({ servicePoint: ServicePointDto });
export const CreateServicePointBody = z.object({
  unitId: z.number().int().positive(),
  name: RequiredText(200),
  description: Text(1000).optional(),
  slug: ServicePointSlug.optional().describe('Default: made from the name'),
  active: z.boolean().optional(),
});
export const UpdateServicePointBody = z.object({
  unitId: z.number().int().positive().optional(),
  name: RequiredText(200).optional(),
  description: Text(1000).nullable().optional(),
  slug: ServicePointSlug.optional(),
  active: z.boolean().optional(),
});
export const ServicePointStaffBody = z.object({
  employeeIds: z.array(z.number().int().positive()).max(200).describe('Replaces the public staff list'),
});

// ---------------------------------------------------------------- public survey

export const RespondentAgeGroup = z.enum(['KURANG_20', '20_29', '30_39', '40_49', '50_59', '60_KE_ATAS']);
export const RespondentEducation = z.enum(['TIDAK_SEKOLAH', 'SD', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3']);
export const RespondentJob = z.enum(['PNS_TNI_POLRI', 'PEGAWAI_SWASTA', 'WIRAUSAHA', 'PELAJAR_MAHASISWA', 'IBU_RUMAH_TANGGA', 'PETANI_NELAYAN', 'LAINNYA']);
export const RespondentSex = z.enum(['L', 'P']);

export const SurveyQuestion = z.object({
  kode: z.string().describe('U1 … U9'),
  urutan: int(),
  nama: z.string().describe('Unsur as named by PermenPANRB 14/2017'),
  pertanyaan: z.string().describe('The question as worded in the regulation\'s sample kuesioner'),
  options: z.array(z.object({ nilai: int(), huruf: z.string(), label: z.string() })).length(4),
  en: z
    .object({ nama: z.string(), pertanyaan: z.string(), options: z.array(z.string()).length(4).describe('Labels for nilai 1–4') })
    .describe('The same question in English, for the English interface (the Indonesian above is the regulation\'s wording)'),
});

export const PublicStaff = z.object({ id: int(), name: z.string(), jabatan: z.string().nullable() });

export const PublicServicePoint = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: Ref,
  opd: Ref,
  instansi: z.object({ code: z.string(), name: z.string() }),
  questions: z.array(SurveyQuestion).length(9),
  staff: z.array(PublicStaff).describe('Names and jabatan only (no NIP): who may have served the respondent'),
});
export const PublicServicePointResponse = z.object({ servicePoint: PublicServicePoint });

export const SurveySubmitBody = z.object({
  answers: z.array(z.number().int().min(1).max(4)).length(9).describe('Nilai 1–4 for U1 … U9, in that order'),
  ageGroup: RespondentAgeGroup.optional(),
  sex: RespondentSex.optional(),
  education: RespondentEducation.optional(),
  job: RespondentJob.optional(),
  comment: Text(1000).optional().describe('Saran/masukan; HTML is removed'),
  servedByEmployeeId: z.number().int().positive().nullable().optional().describe('One of the service point\'s public staff'),
  website: HoneypotField,
});
export type SurveySubmitBody = z.infer<typeof SurveySubmitBody>;
export const SurveySubmitResponse = z.object({ receivedOn: z.string() });

// ---------------------------------------------------------------- IKM report

export const IkmReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  unitId: z.coerce.number().int().positive().optional().describe('This unit and below'),
  servicePointId: z.coerce.number().int().positive().optional(),
});
export type IkmReportQuery = z.infer<typeof IkmReportQuery>;

const Mutu = z.enum(['A', 'B', 'C', 'D']);
export const IkmUnsurRow = z.object({
  kode: z.string(),
  nama: z.string(),
  urutan: int(),
  nrr: z.number().describe('Nilai rata-rata, 1–4 (unrounded)'),
  nrrTertimbang: z.number().describe('NRR × bobot'),
  rank: int().describe('1 = weakest'),
});
export const IkmWeakUnsur = z.object({
  kode: z.string(),
  nama: z.string(),
  nrr: z.number(),
  comments: z.array(z.object({ respondedOn: z.string(), servicePointName: z.string(), comment: z.string() })),
});
export const IkmGroupRow = z.object({
  id: int(),
  name: z.string(),
  unitName: z.string(),
  responses: int(),
  ikm: z.number().nullable(),
  mutu: Mutu.nullable(),
  kinerja: z.string().nullable(),
});
export const IkmProfileCount = z.object({ value: z.string(), count: int() });
export const IkmReport = z.object({
  from: z.string(),
  to: z.string(),
  unit: Ref.nullable(),
  servicePoint: Ref.nullable(),
  weightVariant: z.enum(['exact', '0.111']),
  responses: int(),
  ikm: z.number().nullable().describe('25–100, two decimals; null without responses'),
  mutu: Mutu.nullable(),
  kinerja: z.string().nullable(),
  unsur: z.array(IkmUnsurRow).describe('U1 … U9 in display order'),
  weakestFirst: z.array(IkmWeakUnsur).describe('Follow-up plan order, with the comments that mention each unsur'),
  servicePoints: z.array(IkmGroupRow),
  profile: z.object({
    sex: z.array(IkmProfileCount),
    ageGroup: z.array(IkmProfileCount),
    education: z.array(IkmProfileCount),
    job: z.array(IkmProfileCount),
  }),
});
export type IkmReport = z.infer<typeof IkmReport>;
export const IkmReportResponse = z.object({ report: IkmReport });
export const IkmReportUnitsResponse = z.object({
  unitIds: z.array(int()).describe('Active units whose IKM the caller may report on (the unit filter offers only these)'),
});

// ---------------------------------------------------------------- public transparency

export const TransparencyQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Default: this year (WIB)'),
});
const Nullable = (d: string) => z.number().nullable().describe(`${d}; null when the group is below the minimum size`);
export const TransparencyMonth = z.object({ month: z.string().describe('YYYY-MM'), responses: Nullable('Questionnaires'), ikm: Nullable('IKM 25–100') });
export const TransparencySurvey = z.object({
  responses: Nullable('Questionnaires in the year'),
  ikm: Nullable('IKM 25–100'),
  mutu: Mutu.nullable(),
  kinerja: z.string().nullable(),
  trend: z.array(TransparencyMonth),
});
export const TransparencyComplaints = z.object({
  received: Nullable('Complaints received in the year'),
  resolved: Nullable('Of those, closed (selesai)'),
  resolvedOnTimeShare: Nullable('Share (0–1) of closed complaints that met every deadline'),
  medianResolutionDays: Nullable('Median hari kerja from receipt to the follow-up that closed it'),
  openBacklog: Nullable('Still open today, whatever the year'),
});
export const TransparencyGroup = z.object({
  id: int(),
  name: z.string(),
  survey: TransparencySurvey,
  complaints: TransparencyComplaints,
});
export const TransparencyOpd = TransparencyGroup.extend({ services: z.array(TransparencyGroup) });
export const TransparencyResponse = z.object({
  instansi: z.object({ code: z.string(), name: z.string() }),
  year: int(),
  minGroupSize: int().describe('Figures about fewer people than this are withheld (null)'),
  generatedAt: z.string(),
  opds: z.array(TransparencyOpd),
});
export type TransparencyResponse = z.infer<typeof TransparencyResponse>;

const OpenDataMeta = {
  schemaVersion: z.literal(1),
  instansi: z.object({ code: z.string(), name: z.string() }),
  year: int(),
  minGroupSize: int(),
  generatedAt: z.string(),
};
/** Open data: IKM per service point and month (docs/open-data.md). */
export const OpenDataIkm = z.object({
  dataset: z.literal('ikm'),
  ...OpenDataMeta,
  rows: z.array(
    z.object({
      month: z.string(),
      opd: z.string(),
      service: z.string(),
      responses: z.number().int().nullable(),
      ikm: z.number().nullable(),
      mutu: Mutu.nullable(),
      nrr: z.array(z.number()).nullable().describe('NRR U1 … U9, three decimals'),
    }),
  ),
});
/** Open data: complaints per OPD, service point and month of receipt (docs/open-data.md). */
export const OpenDataComplaints = z.object({
  dataset: z.literal('complaints'),
  ...OpenDataMeta,
  rows: z.array(
    z.object({
      month: z.string(),
      opd: z.string(),
      service: z.string().nullable(),
      received: z.number().int().nullable(),
      resolved: z.number().int().nullable(),
      resolvedOnTime: z.number().int().nullable(),
      medianResolutionDays: z.number().nullable(),
    }),
  ),
});

export const PublicDirectoryResponse = z.object({
  instansi: z.object({ code: z.string(), name: z.string() }),
  opds: z.array(
    Ref.extend({
      units: z.array(Ref.extend({ parentId: int().nullable() })).describe('Units inside the OPD, for "which unit is this about"'),
      servicePoints: z.array(z.object({ slug: z.string(), name: z.string(), unitId: int() })),
    }),
  ),
});

// ---------------------------------------------------------------- supervision alerts

export const FeedbackAlertKind = z.enum(['COMPLAINT', 'LOW_SURVEY']);
export const FeedbackAlertListQuery = PageQuery.extend({
  pending: FeedbackBoolQuery.optional().describe('true (default): only alerts without a follow-up'),
});
export const FeedbackAlertDto = z.object({
  id: int(),
  kind: FeedbackAlertKind,
  createdAt: z.string(),
  unit: Ref,
  subjectEmployee: Ref.nullable().describe('The staff member named by the citizen'),
  responsibleEmployee: Ref.nullable().describe('Who must follow up: the named staff member\'s supervisor, else the unit head'),
  complaint: z.object({ id: int(), category: z.string(), status: z.string() }).nullable(),
  survey: z.object({ ikm: z.number(), comment: z.string().nullable(), servicePointName: z.string() }).nullable(),
  followUpNote: z.string().nullable(),
  followedUpAt: z.string().nullable(),
});
export type FeedbackAlertDto = z.infer<typeof FeedbackAlertDto>;
export const FeedbackAlertListResponse = z.object({ alerts: z.array(FeedbackAlertDto), meta: PageMeta });
export const FeedbackAlertFollowUpBody = z.object({ note: RequiredText(2000).describe('What was done about it') });
export const FeedbackAlertResponse = z.object({ alert: FeedbackAlertDto });
