import type { ActivityDto, ActivityInput, EvidenceFileDto } from '@pantau/contracts';

/**
 * The day as the phone holds it: activities with their evidence, some of which may still be
 * files waiting on the phone (taken without a connection). This is what goes into the outbox.
 */

export interface PendingFile {
  kind: 'pending';
  localId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

export interface UploadedFile {
  kind: 'uploaded';
  file: EvidenceFileDto;
}

export type EvidenceItem = PendingFile | UploadedFile;

export type ActivityStatus = ActivityDto['status'];

export interface LocalActivity {
  /** For React keys and focus; stable while the activity is on screen. */
  localId: string;
  /** The server's id once it has one (kept in PUT so verified activities stay as they are). */
  id: number | null;
  status: ActivityStatus | null;
  /** The atasan's note when this activity was returned. */
  note: string | null;
  startTime: string | null;
  endTime: string | null;
  /** Minutes given by hand; null when the start and end times say it all. */
  minutes: number | null;
  description: string;
  rhkId: number | null;
  indicatorId: number | null;
  outputQuantity: number | null;
  outputUnit: string | null;
  evidence: EvidenceItem[];
}

export interface DaySubmission {
  date: string;
  /** null until the server has a report for the day (then POST creates it). */
  reportId: number | null;
  activities: LocalActivity[];
  /** Send to the atasan, not just save as a draft. */
  submit: boolean;
}

export function newLocalId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not (an intranet over http).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function timeToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function minutesToTime(total: number): string {
  const clamped = Math.max(0, Math.min(total, 23 * 60 + 59));
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

/** The minutes an activity counts for (times first, then the minutes given). */
export function activityDuration(a: Pick<LocalActivity, 'startTime' | 'endTime' | 'minutes'>): number {
  if (a.minutes !== null) return a.minutes;
  if (a.startTime && a.endTime) return Math.max(0, timeToMinutes(a.endTime) - timeToMinutes(a.startTime));
  return 0;
}

export function fromDto(a: ActivityDto): LocalActivity {
  const span = a.startTime && a.endTime ? timeToMinutes(a.endTime) - timeToMinutes(a.startTime) : null;
  return {
    localId: `server-${a.id}`,
    id: a.id,
    status: a.status,
    note: a.note,
    startTime: a.startTime,
    endTime: a.endTime,
    minutes: span !== null && span === a.minutes ? null : a.minutes,
    description: a.description,
    rhkId: a.rhkId,
    indicatorId: a.indicatorId,
    outputQuantity: a.outputQuantity,
    outputUnit: a.outputUnit,
    evidence: a.evidence.map((file) => ({ kind: 'uploaded', file })),
  };
}

/** The request body of one activity; pending files must have been uploaded first. */
export function toInput(a: LocalActivity, withId: boolean): ActivityInput {
  return {
    ...(withId && a.id !== null ? { id: a.id } : {}),
    startTime: a.startTime,
    endTime: a.endTime,
    minutes: a.minutes,
    description: a.description,
    rhkId: a.rhkId,
    indicatorId: a.indicatorId,
    outputQuantity: a.outputQuantity,
    outputUnit: a.outputUnit,
    evidenceIds: a.evidence.flatMap((e) => (e.kind === 'uploaded' ? [e.file.id] : [])),
  };
}

function comparable(a: LocalActivity) {
  return [
    a.id,
    a.startTime,
    a.endTime,
    a.minutes,
    a.description,
    a.rhkId,
    a.indicatorId,
    a.outputQuantity,
    a.outputUnit,
    a.evidence.map((e) => (e.kind === 'uploaded' ? `u${e.file.id}` : `p${e.localId}`)),
  ];
}

/** Same request twice (a double tap): nothing new to send. */
export function sameSubmission(a: DaySubmission, b: DaySubmission): boolean {
  return (
    a.date === b.date &&
    a.reportId === b.reportId &&
    a.submit === b.submit &&
    JSON.stringify(a.activities.map(comparable)) === JSON.stringify(b.activities.map(comparable))
  );
}

export function pendingFileCount(activities: readonly LocalActivity[]): number {
  return activities.reduce((n, a) => n + a.evidence.filter((e) => e.kind === 'pending').length, 0);
}
