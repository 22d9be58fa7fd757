import { z } from 'zod';
import {
  BERAKHLAK,
  ENROLMENT_STATUSES,
  EXTERNAL_TRAINING_STATUSES,
  MAX_JP_PER_TRAINING,
  NEED_SOURCES,
  NEED_STATUSES,
  RATINGS,
  TRAINING_KINDS,
  TRAINING_MODES,
} from '@pantau/domain';
import { IdSchema, IsoDate, RequiredText, Text } from './common.js';

/**
 * Training and competency development (issue 6): catalogue, sessions, places, attendance by QR
 * or tick list, completion with certificate, external training, development needs and plans,
 * figures and exports. DTOs a page acts on carry `abilities` computed by the server.
 */

export const TrainingKind = z.enum(TRAINING_KINDS).describe('TEKNIS, MANAJERIAL or SOSIAL_KULTURAL (PP 11/2017 Pasal 203)');
export const TrainingMode = z.enum(TRAINING_MODES).describe('KLASIKAL (classroom), DARING (online) or ON_THE_JOB');
export const TrainingBehaviour = z.enum(BERAKHLAK).describe('A BerAKHLAK core value');
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES).describe('REQUESTED → ENROLLED → COMPLETED | INCOMPLETE; REJECTED, CANCELLED');
export const ExternalTrainingStatus = z.enum(EXTERNAL_TRAINING_STATUSES);
export const NeedSource = z.enum(NEED_SOURCES).describe('SKP_PERILAKU, SKP_HASIL_KERJA, KELUHAN (verified complaint) or MANUAL');
export const NeedStatus = z.enum(NEED_STATUSES);
export const TrainingRating = z.enum(RATINGS);

/** Time of day HH:mm (WIB). */
export const TrainingTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'TIME_FORMAT' })
  .describe('Time of day HH:mm (WIB)');

/** JP with at most one decimal (numeric(5,1)). */
export const JpValue = z
  .number()
  .positive()
  .max(MAX_JP_PER_TRAINING)
  .describe('Jam pelajaran (JP), at most one decimal (checked by the server: JP_DECIMALS)');

const Year = z.coerce.number().int().min(2000).max(2100);

export const TrainingPersonRef = z.object({
  id: z.number().int(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
});
export type TrainingPersonRef = z.infer<typeof TrainingPersonRef>;

export const FileRef = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string().describe('GET this to open the file'),
});

// ── Catalogue ────────────────────────────────────────────────────────────────

export const CourseBody = z.object({
  title: RequiredText(200),
  description: Text(2000).nullable().optional(),
  kind: TrainingKind,
  mode: TrainingMode,
  jp: JpValue,
  organiser: RequiredText(200).describe('Who runs it, as participants should read it'),
  organiserUnitIds: z.array(IdSchema).min(1).max(10).describe('OPDs/units organising it together; the first leads. Their admins manage it'),
  behaviours: z.array(TrainingBehaviour).max(7).default([]),
  competencies: z.array(RequiredText(100)).max(10).default([]).describe('Competencies developed, in words'),
  active: z.boolean().default(true),
});
export type CourseBody = z.infer<typeof CourseBody>;

export const SessionState = z.enum(['UPCOMING', 'ONGOING', 'OVER', 'CANCELLED']);

export const SessionDto = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  courseTitle: z.string(),
  kind: TrainingKind,
  mode: TrainingMode,
  jp: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  seatsLeft: z.number().int(),
  state: SessionState,
  myEnrolment: z.object({ id: z.number().int(), status: EnrolmentStatus }).nullable(),
  abilities: z.object({
    manage: z.boolean(),
    request: z.boolean(),
    enrol: z.boolean().describe('The caller may enrol people directly (an admin their units, an atasan their chain) now'),
  }),
});
export type SessionDto = z.infer<typeof SessionDto>;

export const CourseDto = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  kind: TrainingKind,
  mode: TrainingMode,
  jp: z.number(),
  organiser: z.string(),
  organiserUnits: z.array(z.object({ id: z.number().int(), name: z.string(), isLead: z.boolean() })),
  behaviours: z.array(TrainingBehaviour),
  competencies: z.array(z.string()),
  active: z.boolean(),
  sessions: z.array(SessionDto).describe('Sessions not yet over, and those of the last 90 days'),
  abilities: z.object({ manage: z.boolean() }),
});
export type CourseDto = z.infer<typeof CourseDto>;

export const CourseListQuery = z.object({
  q: Text(100).optional().describe('Words in the title, organiser or competencies'),
  kind: TrainingKind.optional(),
  behaviour: TrainingBehaviour.optional(),
  includeInactive: z.coerce.boolean().default(false),
});
export const CourseListResponse = z.object({
  courses: z.array(CourseDto),
  abilities: z.object({ create: z.boolean() }),
});
export const CourseResponse = z.object({ course: CourseDto });

export const SessionBody = z.object({
  startDate: IsoDate,
  endDate: IsoDate,
  startTime: TrainingTime,
  endTime: TrainingTime,
  place: RequiredText(200).describe('Room and building, or the meeting link for online sessions'),
  capacity: z.number().int().min(1).max(10000),
});
export type SessionBody = z.infer<typeof SessionBody>;

export const SessionResponse = z.object({ session: SessionDto });

// ── Places ───────────────────────────────────────────────────────────────────

export const ParticipantDto = z.object({
  enrolmentId: z.number().int(),
  employee: TrainingPersonRef,
  status: EnrolmentStatus,
  attendedDates: z.array(z.string()),
  attendanceNeeded: z.number().int(),
  certificate: FileRef.nullable(),
  abilities: z.object({ tick: z.boolean(), complete: z.boolean(), cancel: z.boolean() }),
});
export type ParticipantDto = z.infer<typeof ParticipantDto>;

export const SessionDetailResponse = z.object({
  session: SessionDto,
  course: z.object({ id: z.number().int(), title: z.string(), organiser: z.string(), behaviours: z.array(TrainingBehaviour) }),
  days: z.array(z.string()).describe('Dates of the session'),
  participants: z.array(ParticipantDto).nullable().describe('Organisers only; null for others'),
});
export type SessionDetailResponse = z.infer<typeof SessionDetailResponse>;

export const EnrolBody = z.object({
  employeeIds: z.array(IdSchema).min(1).max(100).describe('Everyone is enrolled, or nobody (the first problem per person is named)'),
});

export const RequestBody = z.object({
  note: Text(500).optional().describe('Why this training, for the supervisor'),
  needId: IdSchema.nullable().optional().describe('The development need it is for'),
});

export const EnrolmentDto = z.object({
  id: z.number().int(),
  session: SessionDto,
  employee: TrainingPersonRef,
  status: EnrolmentStatus,
  requestNote: z.string().nullable(),
  requestedAt: z.string().nullable(),
  approver: TrainingPersonRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  need: z.object({ id: z.number().int(), behaviour: TrainingBehaviour.nullable(), competency: z.string().nullable() }).nullable(),
  attendedDates: z.array(z.string()),
  attendanceNeeded: z.number().int(),
  completedOn: z.string().nullable(),
  jp: z.number().nullable(),
  certificate: FileRef.nullable(),
  abilities: z.object({ decide: z.boolean(), cancel: z.boolean(), complete: z.boolean() }),
});
export type EnrolmentDto = z.infer<typeof EnrolmentDto>;

export const EnrolmentResponse = z.object({ enrolment: EnrolmentDto });
export const EnrolmentsResponse = z.object({ enrolments: z.array(EnrolmentDto) });

export const EnrolmentListQuery = z.object({
  scope: z.enum(['mine', 'to-decide']).default('mine').describe('mine: my places; to-decide: requests waiting for my decision'),
  year: Year.optional(),
});

export const DecisionBody = z.object({
  decision: z.enum(['APPROVED', 'REJECTED']),
  note: Text(500).optional().describe('Required when rejecting'),
});

export const CancelBody = z.object({ note: Text(500).optional() });

export const CompletionBody = z.object({
  outcome: z.enum(['COMPLETED', 'INCOMPLETE']),
  certificateEvidenceId: IdSchema.optional().describe('Required for COMPLETED: the certificate, uploaded first via POST /api/evidence'),
  note: Text(500).optional(),
});

// ── Attendance ───────────────────────────────────────────────────────────────

export const AttendanceToken = z
  .string()
  .trim()
  .min(10)
  .max(120)
  .regex(/^[A-Za-z0-9_.-]+$/)
  .describe('The code from the QR shown at the session');

export const CheckInBody = z.object({ token: AttendanceToken });
export const CheckInResponse = z.object({
  attendance: z.object({
    sessionId: z.number().int(),
    courseTitle: z.string(),
    date: z.string(),
    recordedAt: z.string(),
    attendedDays: z.number().int(),
    totalDays: z.number().int(),
  }),
});

export const AttendanceCodeResponse = z.object({
  token: z.string(),
  url: z.string().describe('The check-in page the QR code opens'),
  svg: z.string().describe('The QR code as an SVG document'),
  expiresAt: z.string().describe('When the code on screen changes (the old one is accepted one more period)'),
  rotationSeconds: z.number().int(),
  state: SessionState,
});

export const TickListBody = z.object({
  date: IsoDate.describe('A day of the session, not after today'),
  entries: z.array(z.object({ enrolmentId: IdSchema, present: z.boolean() })).min(1).max(500),
});

// ── External training ────────────────────────────────────────────────────────

export const ExternalBody = z.object({
  title: RequiredText(200),
  organiser: RequiredText(200),
  kind: TrainingKind,
  mode: TrainingMode,
  behaviours: z.array(TrainingBehaviour).max(7).default([]),
  startDate: IsoDate,
  endDate: IsoDate,
  jp: JpValue,
  certificateEvidenceId: IdSchema.describe('Your upload of the certificate (POST /api/evidence)'),
  needId: IdSchema.nullable().optional(),
});
export type ExternalBody = z.infer<typeof ExternalBody>;

export const ExternalDto = z.object({
  id: z.number().int(),
  employee: TrainingPersonRef,
  title: z.string(),
  organiser: z.string(),
  kind: TrainingKind,
  mode: TrainingMode,
  behaviours: z.array(TrainingBehaviour),
  startDate: z.string(),
  endDate: z.string(),
  jp: z.number(),
  status: ExternalTrainingStatus,
  certificate: FileRef,
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ verify: z.boolean() }),
});
export type ExternalDto = z.infer<typeof ExternalDto>;

export const ExternalListQuery = z.object({
  scope: z.enum(['mine', 'to-verify']).default('mine'),
});
export const ExternalResponse = z.object({ external: ExternalDto });
export const ExternalListResponse = z.object({ external: z.array(ExternalDto) });
export const ExternalDecisionBody = z.object({
  decision: z.enum(['VERIFIED', 'REJECTED']),
  note: Text(500).optional().describe('Required when rejecting'),
});

// ── Needs, plan, JP ──────────────────────────────────────────────────────────

export const JpRecordDto = z.object({
  kind: z.enum(['COURSE', 'EXTERNAL']),
  id: z.number().int().describe('Enrolment id or external training id'),
  title: z.string(),
  date: z.string().describe('Last day of the training'),
  jp: z.number(),
  counted: z.boolean().describe('Only completed and verified training counts'),
  status: z.string().describe('COMPLETED, or the external training status'),
});

export const JpSummaryDto = z.object({
  year: z.number().int(),
  total: z.number(),
  minimum: z.number(),
  shortfall: z.number(),
  progress: z.number().describe('0–1, for the progress bar'),
  met: z.boolean(),
  records: z.array(JpRecordDto),
});
export type JpSummaryDto = z.infer<typeof JpSummaryDto>;

export const SuggestionDto = z.object({
  courseId: z.number().int(),
  title: z.string(),
  kind: TrainingKind,
  jp: z.number(),
  nextSession: z
    .object({ id: z.number().int(), startDate: z.string(), startTime: z.string(), place: z.string(), seatsLeft: z.number().int() })
    .nullable(),
});

export const NeedDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  source: NeedSource,
  behaviour: TrainingBehaviour.nullable(),
  competency: z.string().nullable(),
  note: z.string().nullable(),
  status: NeedStatus,
  sources: z.array(
    z.object({
      kind: z.enum(['SKP', 'COMPLAINT']),
      label: z.string().describe('SKP: the period (e.g. "Triwulan I 2026"); complaint: empty'),
      occurredOn: z.string().nullable(),
    }),
  ),
  plannedCourse: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  agreedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.object({ kind: z.enum(['COURSE', 'EXTERNAL']), title: z.string() }).nullable(),
  withdrawnNote: z.string().nullable(),
  suggestions: z.array(SuggestionDto),
  createdAt: z.string(),
});
export type NeedDto = z.infer<typeof NeedDto>;

export const PlanQuery = z.object({
  employeeId: IdSchema.optional().describe('Default: yourself'),
  year: Year.optional().describe('Default: this year (WIB)'),
});

export const PlanDto = z.object({
  employee: TrainingPersonRef,
  year: z.number().int(),
  jp: JpSummaryDto,
  needs: z.array(NeedDto),
  agreement: z.object({ agreedAt: z.string(), agreedBy: TrainingPersonRef, note: z.string().nullable() }).nullable(),
  needsAwaitingAgreement: z.number().int(),
  enrolments: z.array(EnrolmentDto).describe('Places of the year'),
  abilities: z.object({ agree: z.boolean(), addNeed: z.boolean(), request: z.boolean() }),
});
export type PlanDto = z.infer<typeof PlanDto>;
export const PlanResponse = z.object({ plan: PlanDto });

export const AgreementBody = z.object({
  employeeId: IdSchema,
  year: Year,
  needs: z
    .array(z.object({ needId: IdSchema, plannedCourseId: IdSchema.nullable() }))
    .max(50)
    .default([])
    .describe('The course agreed for each need (null: none chosen yet)'),
  note: Text(1000).optional(),
});

export const NeedBody = z.object({
  employeeId: IdSchema,
  year: Year.optional(),
  behaviour: TrainingBehaviour.nullable().optional(),
  competency: Text(500).nullable().optional(),
  note: Text(1000).optional(),
});

export const WithdrawNeedBody = z.object({ note: RequiredText(1000) });
export const NeedResponse = z.object({ need: NeedDto });

export const TeamPlansQuery = z.object({ year: Year.optional() });
export const TeamMemberPlanDto = z.object({
  employee: TrainingPersonRef,
  jp: z.number(),
  met: z.boolean(),
  openNeeds: z.number().int(),
  needsAwaitingAgreement: z.number().int(),
  requestsToDecide: z.number().int(),
});
export const TeamPlansResponse = z.object({ year: z.number().int(), minimum: z.number(), members: z.array(TeamMemberPlanDto) });

// ── Figures ──────────────────────────────────────────────────────────────────

export const UnitFiguresQuery = z.object({
  year: Year.optional(),
  parentId: IdSchema.optional().describe('Rows for the units directly below this one; default: the OPDs'),
});
export const UnitFigureRow = z.object({
  unitId: z.number().int(),
  name: z.string(),
  hasChildren: z.boolean(),
  staff: z.number().int(),
  staffAtMinimum: z.number().int(),
  shareAtMinimum: z.number().describe('0–1'),
  averageJp: z.number(),
  openNeeds: z.number().int(),
  sessionsHeld: z.number().int().describe('Sessions organised by the unit (or below) that ended this year'),
});
export const UnitFiguresResponse = z.object({
  year: z.number().int(),
  minimum: z.number(),
  parent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  rows: z.array(UnitFigureRow),
});
export type UnitFiguresResponse = z.infer<typeof UnitFiguresResponse>;

export const RatingCounts = z.object({ DI_ATAS: z.number().int(), SESUAI: z.number().int(), DI_BAWAH: z.number().int() });
export const CourseFigureRow = z.object({
  courseId: z.number().int(),
  title: z.string(),
  sessionsHeld: z.number().int(),
  participants: z.number().int(),
  completed: z.number().int(),
  ratingsBefore: RatingCounts.describe('Perilaku ratings of participants in the last rated period that ended before their session'),
  ratingsAfter: RatingCounts.describe('… and in the first rated period that started after it'),
  behaviours: z
    .array(z.object({ behaviour: TrainingBehaviour, before: RatingCounts, after: RatingCounts }))
    .describe('For each BerAKHLAK behaviour the course develops: the same participants\' ratings of that behaviour in those periods, where their supervisor rated it separately'),
  units: z.object({
    opdCount: z.number().int(),
    ikmBefore: z.number().nullable(),
    ikmAfter: z.number().nullable(),
    responsesBefore: z.number().int(),
    responsesAfter: z.number().int(),
    complaintsBefore: z.number().int(),
    complaintsAfter: z.number().int(),
    months: z.number().int().describe('Months compared before the training'),
    monthsAfter: z.number().int().describe('Complete months after it so far (at most `months`)'),
  }),
});
export const CourseFiguresQuery = z.object({ year: Year.optional() });
export const CourseFiguresResponse = z.object({ year: z.number().int(), rows: z.array(CourseFigureRow) });
export type CourseFiguresResponse = z.infer<typeof CourseFiguresResponse>;
