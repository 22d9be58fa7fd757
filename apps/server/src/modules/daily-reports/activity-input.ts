import type { ActivityInput } from '@pantau/contracts';
import { activityMinutes, overlappingActivities, MAX_ACTIVITY_MINUTES } from '@pantau/domain';
import { validation, type FieldProblem } from '../../http/errors.js';
import type { ActivityRow } from './daily-reports.repository.js';

/** An activity input checked against the pure rules, with its minutes worked out. */
export interface PreparedActivity {
  id?: number;
  startTime: string | null;
  endTime: string | null;
  minutes: number;
  description: string;
  rhkId: number | null;
  indicatorId: number | null;
  outputQuantity: number | null;
  outputUnit: string | null;
  evidenceIds: number[];
}

const problemField: Record<string, string> = {
  TIME_REQUIRED: 'minutes',
  TIME_PAIR: 'endTime',
  TIME_ORDER: 'endTime',
  MINUTES_MISMATCH: 'minutes',
  MINUTES_RANGE: 'minutes',
};

/** Applies the domain's time rules to every input; throws one validation error listing all problems. */
export function prepareActivities(inputs: readonly ActivityInput[], path = 'body.activities'): PreparedActivity[] {
  const problems: FieldProblem[] = [];
  const prepared: PreparedActivity[] = [];
  inputs.forEach((a, i) => {
    const result = activityMinutes(a);
    if ('problem' in result) {
      problems.push({ path: `${path}.${i}.${problemField[result.problem] ?? 'minutes'}`, code: result.problem });
      return;
    }
    prepared.push({
      id: a.id,
      startTime: a.startTime ?? null,
      endTime: a.endTime ?? null,
      minutes: result.minutes,
      description: a.description,
      rhkId: a.rhkId ?? null,
      indicatorId: a.indicatorId ?? null,
      outputQuantity: a.outputQuantity ?? null,
      outputUnit: a.outputUnit ? a.outputUnit : null,
      evidenceIds: [...new Set(a.evidenceIds)],
    });
  });
  if (problems.length > 0) throw validation(problems);
  return prepared;
}

/**
 * Checks the whole day: no two timed activities overlap and the total fits in a day. `offset` is
 * the number of activities before these in the day (for field paths when appending).
 */
export function checkDay(list: ReadonlyArray<Pick<PreparedActivity, 'startTime' | 'endTime' | 'minutes'>>, path = 'body.activities', offset = 0): void {
  const problems: FieldProblem[] = [];
  for (const [a, b] of overlappingActivities(list)) {
    const i = Math.max(a, b) - offset;
    problems.push({ path: `${path}.${Math.max(i, 0)}.startTime`, code: 'ACTIVITY_OVERLAP', params: { other: Math.min(a, b) + 1 } });
  }
  const total = list.reduce((s, a) => s + a.minutes, 0);
  if (total > MAX_ACTIVITY_MINUTES) problems.push({ path, code: 'DAY_TOO_LONG' });
  if (problems.length > 0) throw validation(problems);
}

/** A stored activity in the shape of a prepared one (for overlap checks and comparisons). */
export function fromRow(row: ActivityRow, evidenceIds: number[]): PreparedActivity {
  return {
    id: row.id,
    startTime: row.startTime ? row.startTime.slice(0, 5) : null,
    endTime: row.endTime ? row.endTime.slice(0, 5) : null,
    minutes: row.minutes,
    description: row.description,
    rhkId: row.rhkId,
    indicatorId: row.indicatorId,
    outputQuantity: row.outputQuantity === null ? null : Number(row.outputQuantity),
    outputUnit: row.outputUnit,
    evidenceIds: [...evidenceIds].sort((x, y) => x - y),
  };
}

/** True when the input would leave the stored activity exactly as it is. */
export function sameActivity(stored: PreparedActivity, input: PreparedActivity): boolean {
  const ev = [...input.evidenceIds].sort((x, y) => x - y);
  return (
    stored.startTime === input.startTime &&
    stored.endTime === input.endTime &&
    stored.minutes === input.minutes &&
    stored.description === input.description &&
    stored.rhkId === input.rhkId &&
    stored.indicatorId === input.indicatorId &&
    stored.outputQuantity === input.outputQuantity &&
    stored.outputUnit === input.outputUnit &&
    stored.evidenceIds.length === ev.length &&
    stored.evidenceIds.every((id, i) => id === ev[i])
  );
}
