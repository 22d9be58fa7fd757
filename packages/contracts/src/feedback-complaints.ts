import { z } from 'zod';
import { PageMeta, PageQuery, RequiredText, Text } from './common.js';
import { HoneypotField, FeedbackBoolQuery } from './feedback.js';

/**
 * Citizen feedback (issue 5), part 2: complaints following SP4N-LAPOR! (§5 of the reference).
 * No official response shape has a field for the complainant's identity; it is read only through
 * GET /api/complaints/:id/complainant, which refuses anonymous complaints and is audited.
 */

const int = () => z.number().int();
const Ref = z.object({ id: int(), name: z.string() });

export const ComplaintStatus = z.enum(['DITERIMA', 'DIVERIFIKASI', 'DITOLAK', 'DIDISPOSISIKAN', 'DITINDAKLANJUTI', 'SELESAI']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const ComplaintCategory = z.enum([
  'PELAYANAN_LAMBAT',
  'PERILAKU_PETUGAS',
  'PUNGUTAN_LIAR',
  'PERSYARATAN_PROSEDUR',
  'SARANA_PRASARANA',
  'INFORMASI_LAYANAN',
  'LAINNYA',
]);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;
export const ComplaintSlaState = z.enum(['ON_TIME', 'DUE_TODAY', 'OVERDUE']);

/** Limits of the public complaint form (also shown to the citizen). */
export const COMPLAINT_LIMITS = {
  descriptionMin: 20,
  descriptionMax: 4000,
  attachmentsMax: 3,
  attachmentBytesMax: 5 * 1024 * 1024,
  attachmentTypes: ['image/jpeg', 'image/png', 'application/pdf'],
} as const;

// ---------------------------------------------------------------- public side

export const ComplaintContact = z.object({
  name: Text(120).optional(),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^\+?[0-9 ()-]{6,30}$/)
    .optional()
    .describe('Digits, spaces, +, -, ( )'),
  email: z.string().trim().max(200).pipe(z.email()).optional(),
});

export const CreateComplaintBody = z
  .object({
    servicePointSlug: z.string().trim().max(80).optional().describe('The service it is about; or give instansiCode + unitId'),
    instansiCode: z.string().trim().max(32).optional(),
    unitId: z.number().int().positive().optional().describe('The unit it is about, when it is not about one service'),
    category: ComplaintCategory,
    description: z
      .string()
      .trim()
      .min(COMPLAINT_LIMITS.descriptionMin)
      .max(COMPLAINT_LIMITS.descriptionMax)
      .describe('What happened; HTML is removed'),
    subjectEmployeeId: z.number().int().positive().nullable().optional().describe('A staff member from the public staff list, if the complaint is about them'),
    anonymous: z.boolean().default(false).describe('Anonim: officials and the person complained about never see who you are'),
    confidential: z.boolean().default(true).describe('Rahasia (default): the complaint is never shown on public pages'),
    contact: ComplaintContact.optional().describe('To receive the tracking code and replies; never shown to officials when anonymous'),
    website: HoneypotField,
  })
  .refine((b) => b.servicePointSlug !== undefined || (b.instansiCode !== undefined && b.unitId !== undefined), {
    path: ['servicePointSlug'],
    message: 'Choose a service, or an instansi and unit',
  });
export type CreateComplaintBody = z.infer<typeof CreateComplaintBody>;

export const ComplaintCreatedResponse = z.object({
  trackingCode: z.string(),
  token: z.string().describe('Secret: needed with the tracking code to see or reopen the complaint. Shown once.'),
  receivedOn: z.string(),
  verifyDueOn: z.string().describe('Last day for verification and forwarding (hari kerja)'),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  codeSentBy: z
    .array(z.enum(['EMAIL', 'PHONE']))
    .describe('Where the code and secret are being sent (queued); empty: nowhere (no contact, or no mail server / SMS gateway) — write them down'),
});

export const ComplaintTrackingParams = z.object({ code: z.string().trim().max(20) });
export const ComplaintTrackingHeaders = z.object({
  'x-tracking-token': z.string().max(100).optional().describe('The token given at submission'),
});

export const PublicComplaintEvent = z.object({
  at: z.string(),
  status: ComplaintStatus.nullable(),
  kind: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
});
export const TrackedComplaint = z.object({
  trackingCode: z.string(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  description: z.string(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  servicePointName: z.string().nullable(),
  unitName: z.string(),
  handlingUnitName: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string().nullable().describe('Deadline of the current step; for ditindaklanjuti, the day it closes by itself'),
  rejectionReason: z.string().nullable(),
  attachments: int(),
  reopen: z.object({ allowed: z.boolean(), until: z.string().nullable() }),
  history: z.array(PublicComplaintEvent),
});
export const TrackedComplaintResponse = z.object({ complaint: TrackedComplaint });
export const ComplaintReopenBody = z.object({ reason: RequiredText(2000).describe('Why the follow-up did not solve it') });
export const ComplaintAttachmentDto = z.object({ id: int(), fileName: z.string(), mimeType: z.string(), sizeBytes: int() });
export const ComplaintAttachmentResponse = z.object({ attachment: ComplaintAttachmentDto });

export const PublicComplaintListResponse = z.object({
  complaints: z.array(
    z.object({
      category: ComplaintCategory,
      status: ComplaintStatus,
      description: z.string(),
      receivedOn: z.string(),
      lastFollowUpOn: z.string().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------- officials

export const ComplaintListQuery = PageQuery.extend({
  status: ComplaintStatus.optional(),
  category: ComplaintCategory.optional(),
  unitId: z.coerce.number().int().positive().optional().describe('Complaints about or handled by this unit and below'),
  servicePointId: z.coerce.number().int().positive().optional(),
  overdue: FeedbackBoolQuery.optional(),
  q: Text(100).optional().describe('Tracking code or words of the description'),
});

export const ComplaintAbilities = z.object({
  verify: z.boolean(),
  reject: z.boolean(),
  dispose: z.boolean(),
  followUp: z.boolean(),
  close: z.boolean(),
  revealComplainant: z.boolean(),
  attachEvidence: z.boolean(),
});
export type ComplaintAbilities = z.infer<typeof ComplaintAbilities>;

export const ComplaintSummary = z.object({
  id: int(),
  trackingCode: z.string(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  anonymous: z.boolean(),
  confidential: z.boolean(),
  unit: Ref,
  handlingUnit: Ref.nullable(),
  servicePoint: Ref.nullable(),
  subjectEmployee: Ref.nullable(),
  receivedAt: z.string(),
  dueOn: z.string().nullable(),
  sla: ComplaintSlaState.nullable(),
  escalationLevel: int(),
  escalatedTo: Ref.nullable(),
  excerpt: z.string(),
  duplicateOfId: int().nullable(),
  attachments: int(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;
export const ComplaintListResponse = z.object({ complaints: z.array(ComplaintSummary), meta: PageMeta });

export const ComplaintHistoryEntry = z.object({
  id: int(),
  at: z.string(),
  kind: z.string(),
  fromStatus: ComplaintStatus.nullable(),
  toStatus: ComplaintStatus.nullable(),
  actorKind: z.enum(['PELAPOR', 'PETUGAS', 'SISTEM']),
  actorName: z.string().nullable().describe('Officials only; the complainant is never named'),
  unit: Ref.nullable(),
  employee: Ref.nullable(),
  note: z.string().nullable(),
  visibleToComplainant: z.boolean(),
});
export const ComplaintDetail = ComplaintSummary.extend({
  description: z.string(),
  redactedDescription: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  receivedOn: z.string(),
  verifyDueOn: z.string(),
  followUpDueOn: z.string().nullable(),
  lastFollowUpOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  reopenCount: int(),
  attachmentList: z.array(ComplaintAttachmentDto),
  history: z.array(ComplaintHistoryEntry),
  employeeResponse: z
    .object({ acknowledgedAt: z.string(), response: z.string().nullable(), respondedAt: z.string().nullable() })
    .nullable(),
  evidence: z.object({ attachedAt: z.string(), note: z.string().nullable() }).nullable(),
  abilities: ComplaintAbilities,
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;
export const ComplaintDetailResponse = z.object({ complaint: ComplaintDetail });

export const ComplaintTransitionBody = z.discriminatedUnion('to', [
  z.object({
    to: z.literal('DIVERIFIKASI'),
    note: Text(2000).optional(),
    redactedDescription: Text(4000).optional().describe('Shown to the named employee and on public pages instead of the original'),
    anonymous: z.literal(true).optional().describe('Hide the complainant (may only be tightened)'),
    confidential: z.literal(true).optional().describe('Keep off public pages (may only be tightened)'),
  }),
  z.object({ to: z.literal('DITOLAK'), reason: RequiredText(1000) }),
  z.object({ to: z.literal('DIDISPOSISIKAN'), unitId: z.number().int().positive(), note: Text(2000).optional() }),
  z.object({ to: z.literal('DITINDAKLANJUTI'), note: RequiredText(4000).describe('The follow-up, shown to the complainant') }),
  z.object({ to: z.literal('SELESAI'), note: Text(2000).optional() }),
]);
export type ComplaintTransitionBody = z.infer<typeof ComplaintTransitionBody>;

export const ComplainantResponse = z.object({
  complainant: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
});

export const ComplaintEvidenceBody = z.object({ note: Text(1000).optional() });
export const ComplaintEvidenceResponse = z.object({
  evidence: z.object({ id: int(), complaintId: int(), employeeId: int(), aspect: z.string(), attachedAt: z.string(), note: z.string().nullable() }),
});
export const EmployeeEvidenceResponse = z.object({
  evidence: z.array(
    z.object({
      id: int(),
      complaintId: int(),
      aspect: z.string(),
      category: ComplaintCategory,
      description: z.string(),
      receivedOn: z.string(),
      response: z.string().nullable(),
      note: z.string().nullable(),
      attachedAt: z.string(),
    }),
  ),
});

// ---------------------------------------------------------------- the named employee

export const MyComplaint = z.object({
  id: int(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  description: z.string(),
  receivedOn: z.string(),
  servicePointName: z.string().nullable(),
  unitName: z.string(),
  acknowledgedAt: z.string().nullable(),
  response: z.string().nullable(),
  evidenceAttached: z.boolean(),
});
export const MyComplaintListResponse = z.object({ complaints: z.array(MyComplaint) });
export const ComplaintAcknowledgeBody = z.object({ response: Text(2000).optional().describe('Your answer to the complaint') });
export const MyComplaintResponse = z.object({ complaint: MyComplaint });
