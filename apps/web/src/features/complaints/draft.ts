import { COMPLAINT_LIMITS, type ComplaintCategory } from '@pantau/contracts';

export type Privacy = 'rahasia' | 'anonim';

/** What the citizen has filled in so far (kept while they move between the steps). */
export interface ComplaintDraft {
  opdId: string;
  /** "sp:<slug>" for a service, "unit:<id>" for a unit, "" when not chosen. */
  target: string;
  category: ComplaintCategory | '';
  description: string;
  staffId: string;
  files: File[];
  privacy: Privacy;
  name: string;
  phone: string;
  email: string;
  website: string;
}

export const EMPTY_DRAFT: ComplaintDraft = {
  opdId: '',
  target: '',
  category: '',
  description: '',
  staffId: '',
  files: [],
  privacy: 'rahasia',
  name: '',
  phone: '',
  email: '',
  website: '',
};

export function targetOf(draft: ComplaintDraft): { kind: 'service'; slug: string } | { kind: 'unit'; id: number } | null {
  const [kind, value = ''] = draft.target.split(':', 2);
  if (kind === 'sp' && value) return { kind: 'service', slug: value };
  if (kind === 'unit' && Number(value) > 0) return { kind: 'unit', id: Number(value) };
  return null;
}

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

/**
 * The request body as CreateComplaintBody expects it. Every complaint is rahasia (never shown on
 * public pages); the citizen chooses whether officials may know who they are (anonim).
 */
export function draftToBody(draft: ComplaintDraft, instansiCode: string): Record<string, unknown> {
  const target = targetOf(draft);
  const contact = { name: opt(draft.name), phone: opt(draft.phone), email: opt(draft.email) };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  return {
    ...(target?.kind === 'service' ? { servicePointSlug: target.slug } : {}),
    ...(target?.kind === 'unit' ? { instansiCode, unitId: target.id } : {}),
    category: draft.category === '' ? undefined : draft.category,
    description: draft.description,
    subjectEmployeeId: target?.kind === 'service' && draft.staffId !== '' ? Number(draft.staffId) : undefined,
    anonymous: draft.privacy === 'anonim',
    confidential: true,
    contact: hasContact ? contact : undefined,
    website: opt(draft.website),
  };
}

export type FileProblem = { kind: 'type' | 'size'; name: string } | { kind: 'count' };

const ACCEPTED: readonly string[] = COMPLAINT_LIMITS.attachmentTypes;

/** Checks picked files against the limits the server applies (type, size, count). */
export function checkFiles(files: readonly File[]): FileProblem | null {
  if (files.length > COMPLAINT_LIMITS.attachmentsMax) return { kind: 'count' };
  for (const f of files) {
    if (!ACCEPTED.includes(f.type)) return { kind: 'type', name: f.name };
    if (f.size > COMPLAINT_LIMITS.attachmentBytesMax) return { kind: 'size', name: f.name };
  }
  return null;
}
