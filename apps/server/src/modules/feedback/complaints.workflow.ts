import type { ComplaintTransitionBody } from '@pantau/contracts';
import { addWorkingDays, type ComplaintSlaConfig, metDeadline, workingDaysAfter } from '@pantau/domain';
import type { complaints } from '../../db/schema/index.js';
import type { ComplaintRow } from './complaints.repository.js';
import { cleanOptional, cleanText } from './text.js';

/**
 * What each workflow step writes on a complaint (the rules themselves are in @pantau/domain:
 * canTransition, stageOf, reopenCheck, escalationLevel). Deadlines are hari kerja from the day of
 * the step, with the instansi's holidays; a step taken after its deadline counts as an SLA breach.
 */

type Patch = Partial<typeof complaints.$inferInsert>;

export interface StepContext {
  today: string;
  now: Date;
  holidays: ReadonlySet<string>;
  sla: ComplaintSlaConfig;
}

/** Days for a stage from the configured SLA. */
const days = (sla: ComplaintSlaConfig, stage: keyof ComplaintSlaConfig['workingDays']) => sla.workingDays[stage];

export function closePatch(c: ComplaintRow, ctx: StepContext): Patch {
  const answeredOn = c.lastFollowUpOn ?? ctx.today;
  return {
    status: 'SELESAI',
    closedOn: ctx.today,
    dueOn: null,
    resolutionDays: workingDaysAfter(c.receivedOn, answeredOn, ctx.holidays),
    updatedAt: ctx.now,
  };
}

/** The patch of an official's step; `body` has been cleaned of HTML by `cleanTransition`. */
export function transitionPatch(c: ComplaintRow, body: ComplaintTransitionBody, ctx: StepContext): Patch {
  switch (body.to) {
    case 'DIVERIFIKASI':
      return {
        status: 'DIVERIFIKASI',
        redactedDescription: body.redactedDescription ?? c.redactedDescription,
        // Officials may only tighten what the complainant chose (LAPOR! admin override).
        anonymous: c.anonymous || body.anonymous === true,
        confidential: c.confidential || body.confidential === true,
        updatedAt: ctx.now,
      };
    case 'DITOLAK':
      return { status: 'DITOLAK', rejectionReason: body.reason, dueOn: null, closedOn: ctx.today, updatedAt: ctx.now };
    case 'DIDISPOSISIKAN': {
      const due = c.status === 'DIDISPOSISIKAN' ? c.followUpDueOn : c.verifyDueOn;
      const followUpDueOn = addWorkingDays(ctx.today, days(ctx.sla, 'TINDAK_LANJUT'), ctx.holidays);
      return {
        status: 'DIDISPOSISIKAN',
        handlingUnitId: body.unitId,
        followUpDueOn,
        dueOn: followUpDueOn,
        escalationLevel: 0,
        escalatedToEmployeeId: null,
        slaBreaches: c.slaBreaches + (due !== null && !metDeadline(ctx.today, due) ? 1 : 0),
        updatedAt: ctx.now,
      };
    }
    case 'DITINDAKLANJUTI': {
      const late = c.status === 'DIDISPOSISIKAN' && c.followUpDueOn !== null && !metDeadline(ctx.today, c.followUpDueOn);
      return {
        status: 'DITINDAKLANJUTI',
        lastFollowUpOn: ctx.today,
        dueOn: addWorkingDays(ctx.today, days(ctx.sla, 'PENUTUPAN'), ctx.holidays),
        escalationLevel: 0,
        escalatedToEmployeeId: null,
        slaBreaches: c.slaBreaches + (late ? 1 : 0),
        updatedAt: ctx.now,
      };
    }
    case 'SELESAI':
      return closePatch(c, ctx);
  }
}

/** Reopened by the complainant: back to the handling unit with a fresh follow-up deadline. */
export function reopenPatch(c: ComplaintRow, ctx: StepContext): Patch {
  const followUpDueOn = addWorkingDays(ctx.today, days(ctx.sla, 'TINDAK_LANJUT'), ctx.holidays);
  return {
    status: 'DIDISPOSISIKAN',
    handlingUnitId: c.handlingUnitId ?? c.unitId,
    followUpDueOn,
    dueOn: followUpDueOn,
    reopenCount: c.reopenCount + 1,
    closedOn: null,
    resolutionDays: null,
    escalationLevel: 0,
    escalatedToEmployeeId: null,
    updatedAt: ctx.now,
  };
}

/** HTML removed from every free-text field of a step; empty optional text becomes absent. */
export function cleanTransition(body: ComplaintTransitionBody): ComplaintTransitionBody {
  switch (body.to) {
    case 'DIVERIFIKASI':
      return { ...body, note: cleanOptional(body.note) ?? undefined, redactedDescription: cleanOptional(body.redactedDescription) ?? undefined };
    case 'DITOLAK':
      return { ...body, reason: cleanText(body.reason) };
    case 'DIDISPOSISIKAN':
      return { ...body, note: cleanOptional(body.note) ?? undefined };
    case 'DITINDAKLANJUTI':
      return { ...body, note: cleanText(body.note) };
    case 'SELESAI':
      return { ...body, note: cleanOptional(body.note) ?? undefined };
  }
}

/** The note a step leaves in the history, and whether the complainant reads it on the tracking page. */
export function historyNote(body: ComplaintTransitionBody): { note: string | null; visibleToComplainant: boolean } {
  switch (body.to) {
    case 'DITOLAK':
      return { note: body.reason, visibleToComplainant: true };
    case 'DITINDAKLANJUTI':
      return { note: body.note, visibleToComplainant: true };
    case 'SELESAI':
      return { note: body.note ?? null, visibleToComplainant: true };
    default:
      return { note: body.note ?? null, visibleToComplainant: false };
  }
}
