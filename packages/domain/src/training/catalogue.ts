import type { Label } from '../skp/types.js';

/**
 * Jenis pengembangan kompetensi by the competency developed (PP 11/2017 jo PP 17/2020 Pasal 203
 * ayat (2): kompetensi teknis, manajerial dan sosial kultural; §8.3 of the reference).
 */
export const TRAINING_KINDS = ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, Label>> = {
  TEKNIS: { id: 'Teknis', en: 'Technical' },
  MANAJERIAL: { id: 'Manajerial', en: 'Managerial' },
  SOSIAL_KULTURAL: { id: 'Sosial kultural', en: 'Socio-cultural' },
};

/** How a training is delivered: klasikal (in a room), daring (online) or on the job. */
export const TRAINING_MODES = ['KLASIKAL', 'DARING', 'ON_THE_JOB'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export const TRAINING_MODE_LABELS: Readonly<Record<TrainingMode, Label>> = {
  KLASIKAL: { id: 'Klasikal (tatap muka)', en: 'Classroom' },
  DARING: { id: 'Daring', en: 'Online' },
  ON_THE_JOB: { id: 'Pelatihan di tempat kerja', en: 'On the job' },
};

/**
 * A place on a session: REQUESTED by the employee (waits for the supervisor), ENROLLED (holds a
 * seat: approved, or enrolled by an admin or supervisor), then COMPLETED (with certificate: the JP
 * count) or INCOMPLETE; REJECTED and CANCELLED end it without JP.
 */
export const ENROLMENT_STATUSES = ['REQUESTED', 'ENROLLED', 'COMPLETED', 'INCOMPLETE', 'REJECTED', 'CANCELLED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Statuses that count against a session's capacity. */
export const SEAT_HOLDING_STATUSES: readonly EnrolmentStatus[] = ['ENROLLED', 'COMPLETED', 'INCOMPLETE'];
/** Statuses that make a second place on the same course a double enrolment. */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['REQUESTED', 'ENROLLED'];

/** External training (outside the catalogue) waits for an admin's verification before its JP count. */
export const EXTERNAL_TRAINING_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type ExternalTrainingStatus = (typeof EXTERNAL_TRAINING_STATUSES)[number];

/** Largest JP a single training may carry (a long diklat of several weeks). */
export const MAX_JP_PER_TRAINING = 500;

/**
 * Seats left on a session. `taken` counts seat-holding places; never below zero (a capacity
 * lowered under the number already enrolled leaves nobody out, it just closes the session).
 */
export function seatsLeft(capacity: number, taken: number): number {
  return Math.max(0, capacity - taken);
}

/** Whether the status may move to `next` (the only transitions the service performs). */
export function canMoveEnrolment(from: EnrolmentStatus, next: EnrolmentStatus): boolean {
  switch (from) {
    case 'REQUESTED':
      return next === 'ENROLLED' || next === 'REJECTED' || next === 'CANCELLED';
    case 'ENROLLED':
      return next === 'COMPLETED' || next === 'INCOMPLETE' || next === 'CANCELLED';
    case 'INCOMPLETE':
      return next === 'COMPLETED';
    default:
      return false;
  }
}
