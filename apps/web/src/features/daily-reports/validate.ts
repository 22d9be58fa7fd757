import { ActivityInput } from '@pantau/contracts';
import { activityMinutes, MAX_ACTIVITY_MINUTES, overlappingActivities } from '@pantau/domain';
import { activityDuration, type EvidenceItem, type LocalActivity } from './model';

/** What the activity form holds (inputs are strings until checked). */
export interface ActivityFormValues {
  description: string;
  timeMode: 'range' | 'minutes';
  startTime: string;
  endTime: string;
  minutes: string;
  outputQuantity: string;
  outputUnit: string;
  /** "" (not linked), or "rhkId:indicatorId" / "rhkId:" */
  link: string;
  evidence: EvidenceItem[];
}

export type ActivityField = 'description' | 'startTime' | 'endTime' | 'minutes' | 'outputQuantity' | 'outputUnit' | 'evidence';

export type ActivityProblemCode =
  | 'DESCRIPTION_REQUIRED'
  | 'DESCRIPTION_TOO_LONG'
  | 'TIME_FORMAT'
  | 'TIME_REQUIRED'
  | 'TIME_PAIR'
  | 'TIME_ORDER'
  | 'MINUTES_MISMATCH'
  | 'MINUTES_RANGE'
  | 'NUMBER'
  | 'QUANTITY_RANGE'
  | 'UNIT_TOO_LONG'
  | 'OVERLAP'
  | 'DAY_TOO_LONG'
  | 'TOO_MANY_FILES';

export interface ActivityProblem {
  field: ActivityField;
  code: ActivityProblemCode;
  /** For OVERLAP: the number (1-based) of the other activity. */
  other?: number;
}

export type ActivityValue = Pick<
  LocalActivity,
  'startTime' | 'endTime' | 'minutes' | 'description' | 'rhkId' | 'indicatorId' | 'outputQuantity' | 'outputUnit' | 'evidence'
>;

function parseNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  // Indonesian writes 1,5 for one and a half.
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : 'invalid';
}

function parseLink(link: string): { rhkId: number | null; indicatorId: number | null } {
  const [rhk, indicator] = link.split(':');
  const rhkId = rhk ? Number(rhk) : NaN;
  const indicatorId = indicator ? Number(indicator) : NaN;
  return { rhkId: Number.isInteger(rhkId) && rhkId > 0 ? rhkId : null, indicatorId: Number.isInteger(indicatorId) && indicatorId > 0 ? indicatorId : null };
}

const timeProblemField: Record<string, ActivityField> = {
  TIME_REQUIRED: 'minutes',
  TIME_PAIR: 'endTime',
  TIME_ORDER: 'endTime',
  MINUTES_MISMATCH: 'minutes',
  MINUTES_RANGE: 'minutes',
};

/**
 * Checks one activity with the shared request schema (ActivityInput from @pantau/contracts) and
 * the domain's time rules, and against the day's other activities (no overlap, at most 24 hours).
 */
export function validateActivity(
  values: ActivityFormValues,
  others: readonly LocalActivity[],
): { ok: true; value: ActivityValue } | { ok: false; problems: ActivityProblem[] } {
  const problems: ActivityProblem[] = [];
  const add = (field: ActivityField, code: ActivityProblemCode, other?: number) => {
    if (!problems.some((p) => p.field === field)) problems.push(other === undefined ? { field, code } : { field, code, other });
  };

  const byRange = values.timeMode === 'range';
  const minutes = byRange ? null : parseNumber(values.minutes);
  const quantity = parseNumber(values.outputQuantity);
  if (minutes === 'invalid') add('minutes', 'MINUTES_RANGE');
  if (quantity === 'invalid') add('outputQuantity', 'NUMBER');
  const { rhkId, indicatorId } = parseLink(values.link);
  const candidate = {
    startTime: byRange && values.startTime ? values.startTime : null,
    endTime: byRange && values.endTime ? values.endTime : null,
    minutes: minutes === 'invalid' ? null : minutes,
    description: values.description,
    rhkId,
    indicatorId,
    outputQuantity: quantity === 'invalid' ? null : quantity,
    outputUnit: values.outputUnit.trim() === '' ? null : values.outputUnit.trim(),
    evidenceIds: values.evidence.map((_, i) => i + 1),
  };

  const parsed = ActivityInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'description') add('description', issue.code === 'too_big' ? 'DESCRIPTION_TOO_LONG' : 'DESCRIPTION_REQUIRED');
      else if (field === 'startTime' || field === 'endTime') add(field, 'TIME_FORMAT');
      else if (field === 'minutes') add('minutes', 'MINUTES_RANGE');
      else if (field === 'outputQuantity') add('outputQuantity', 'QUANTITY_RANGE');
      else if (field === 'outputUnit') add('outputUnit', 'UNIT_TOO_LONG');
      else if (field === 'evidenceIds') add('evidence', 'TOO_MANY_FILES');
    }
  }
  if (byRange && !candidate.startTime && !candidate.endTime) add('startTime', 'TIME_REQUIRED');
  else {
    const time = activityMinutes(candidate);
    if ('problem' in time) add(timeProblemField[time.problem] ?? 'minutes', time.problem);
  }
  if (problems.length === 0) {
    const all = [...others, { startTime: candidate.startTime, endTime: candidate.endTime, minutes: candidate.minutes }];
    const me = all.length - 1;
    const clash = overlappingActivities(all).find(([a, b]) => a === me || b === me);
    if (clash) add('startTime', 'OVERLAP', Math.min(clash[0], clash[1]) + 1);
    const total = all.reduce((s, a) => s + activityDuration({ startTime: a.startTime ?? null, endTime: a.endTime ?? null, minutes: a.minutes ?? null }), 0);
    if (total > MAX_ACTIVITY_MINUTES) add('minutes', 'DAY_TOO_LONG');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      startTime: candidate.startTime,
      endTime: candidate.endTime,
      minutes: candidate.minutes,
      description: values.description.trim(),
      rhkId,
      indicatorId,
      outputQuantity: candidate.outputQuantity,
      outputUnit: candidate.outputUnit,
      evidence: values.evidence,
    },
  };
}
