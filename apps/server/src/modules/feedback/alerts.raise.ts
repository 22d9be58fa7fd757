import type { DbOrTx, Tx } from '../../db/open-db.js';
import { alertsRepository, publishFeedbackEvent } from './alerts.repository.js';
import { feedbackPeopleRepository } from './feedback-people.repository.js';

export interface Responsible {
  /** Who must record the follow-up: the named staff member's supervisor, else the unit head. */
  responsibleEmployeeId: number | null;
  /** Subject of the live event: the named staff member, else the unit head (their chain hears it). */
  eventSubjectId: number | null;
}

/** Read before the transaction: who answers for feedback about a unit or a named employee. */
export async function resolveResponsible(db: DbOrTx, unitId: number, subjectEmployeeId: number | null, date: string): Promise<Responsible> {
  const people = feedbackPeopleRepository(db);
  const head = (await people.unitHeads([unitId], date)).get(unitId) ?? null;
  if (subjectEmployeeId === null) return { responsibleEmployeeId: head, eventSubjectId: head };
  const supervisor = await people.supervisorOf(subjectEmployeeId, date);
  const fallback = head === subjectEmployeeId ? null : head;
  return { responsibleEmployeeId: supervisor ?? fallback, eventSubjectId: subjectEmployeeId };
}

/** Inside the change's transaction: stores the alert and publishes the live event. */
export async function raiseAlert(
  tx: Tx,
  input: {
    instansiId: number;
    kind: 'COMPLAINT' | 'LOW_SURVEY';
    eventType: string;
    complaintId?: number;
    surveyResponseId?: number;
    unitId: number;
    subjectEmployeeId: number | null;
    responsible: Responsible;
    at: Date;
    payload: Record<string, unknown>;
  },
): Promise<number> {
  const alert = await alertsRepository(tx).insert({
    instansiId: input.instansiId,
    kind: input.kind,
    complaintId: input.complaintId,
    surveyResponseId: input.surveyResponseId,
    unitId: input.unitId,
    subjectEmployeeId: input.subjectEmployeeId,
    responsibleEmployeeId: input.responsible.responsibleEmployeeId,
    at: input.at,
  });
  const subjects = [input.responsible.eventSubjectId, input.responsible.responsibleEmployeeId].filter((x): x is number => x !== null);
  await publishFeedbackEvent(tx, {
    instansiId: input.instansiId,
    type: input.eventType,
    subjectEmployeeIds: [...new Set(subjects)],
    payload: { ...input.payload, alertId: alert.id, unitId: input.unitId, subjectEmployeeId: input.subjectEmployeeId },
  });
  return alert.id;
}
