import { sql } from 'drizzle-orm';
import type { CreateDailyReportBody } from '@pantau/contracts';
import { rowFromJson } from '../../db/json-rows.js';
import { rows } from '../../db/raw.js';
import { dailyActivities, dailyReports } from '../../db/schema/index.js';
import { auditEventForSql } from '../audit/audit.repository.js';
import { VERIFIER_HOLE } from '../audit/canonical.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { fingerprintOf, type IdempotencyRequest } from './idempotency.js';
import type { CreatedBody, Me, ReportContext } from './report-context.js';

type Outcome =
  | { outcome: 'replay' | 'exists' }
  | { outcome: 'created'; report: Record<string, unknown>; activities: Array<Record<string, unknown>>; names: Record<string, string> };

/**
 * A new day (no report yet on that date) created — and usually submitted — in ONE database call
 * (`daily_report_create_new`, migrations 0012 and 0013): the idempotency key, the atasan of the
 * date (looked up in the call by `pantau_supervisor_of`, the rule of `supervisorsOn`), the report,
 * its activities and evidence links, the live event and the audit rows, chained inside the call so
 * the audit head is never locked across a round trip (decision 0010). Every other rule is checked
 * here first, exactly as on the general path; the rows written are the same.
 *
 * Returns undefined when the general path must answer: the key was used before (it answers from
 * the key), the employee already has a report on that date (add to a draft, or REPORT_LOCKED).
 * A failed check throws here as it would there; the caller retries on the general path, which
 * first answers a late resend of a key already used (e.g. a date that has left the window since).
 */
export function newDayWriter(c: ReportContext) {
  const { db } = c;

  return async function createNewDay(
    me: Me,
    actor: Actor,
    body: CreateDailyReportBody,
    idem: IdempotencyRequest & { key: string },
    ctx: RequestContext,
  ): Promise<{ status: number; body: CreatedBody; replayed: false } | undefined> {
    const prepared = await c.checkNewDay(me, body);
    await c.checkReferences(me, body.date, prepared);

    const totalMinutes = prepared.reduce((s, a) => s + a.minutes, 0);
    const at = new Date();
    const event = { entityType: 'daily_report', instansiId: me.instansiId };
    const audit = [
      auditEventForSql(ctx, { ...event, action: 'daily_report.create', newValues: { date: body.date, activities: c.auditActivities(prepared) } }, at),
    ];
    if (body.submit) {
      audit.push(
        auditEventForSql(
          ctx,
          {
            ...event,
            action: 'daily_report.submit',
            oldValues: { status: 'DRAFT' },
            // The call looks the atasan of the date up itself (migration 0013).
            newValues: { status: 'SUBMITTED', date: body.date, totalMinutes, verifierEmployeeId: VERIFIER_HOLE },
          },
          at,
        ),
      );
    }
    const p = {
      userId: me.userId,
      key: idem.key,
      fingerprint: fingerprintOf(idem.fingerprint),
      instansiId: me.instansiId,
      employeeId: me.employeeId,
      date: body.date,
      submit: body.submit === true,
      now: c.clock.now().toISOString(),
      totalMinutes,
      activityCount: prepared.length,
      activities: prepared.map((a, i) => ({
        seq: i + 1,
        start_time: a.startTime,
        end_time: a.endTime,
        minutes: a.minutes,
        description: a.description,
        rhk_id: a.rhkId,
        indicator_id: a.indicatorId,
        output_quantity: a.outputQuantity,
        output_unit: a.outputUnit,
        evidence_ids: a.evidenceIds,
      })),
      eventPayload: {
        employeeId: me.employeeId,
        date: body.date,
        status: 'SUBMITTED',
        totalMinutes,
        activityCount: prepared.length,
        resubmission: false,
      },
      audit,
    };
    const [result] = await rows<{ out: Outcome | string }>(db, sql`select daily_report_create_new(${JSON.stringify(p)}::jsonb) as out`);
    const out: Outcome | undefined = typeof result?.out === 'string' ? (JSON.parse(result.out) as Outcome) : result?.out;
    if (out?.outcome !== 'created') return undefined;
    const report = rowFromJson(dailyReports, out.report);
    const activities = out.activities.map((a) => rowFromJson(dailyActivities, a));
    const names = new Map(Object.entries(out.names).map(([id, name]) => [Number(id), name]));
    const withEvidence = prepared.some((a) => a.evidenceIds.length > 0);
    const dailyReport = await c.view(db, report, actor, false, { activities, names, evidence: withEvidence ? undefined : [] });
    return { status: 201, body: { dailyReport }, replayed: false };
  };
}
