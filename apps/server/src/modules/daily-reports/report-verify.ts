import type { VerificationBody } from '@pantau/contracts';
import { canDecide, decideActivities, type Decision } from '@pantau/domain';
import { conflict, notFound, validation, type FieldProblem } from '../../http/errors.js';
import { recordAuditBatch } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { dailyReportsRepository } from './daily-reports.repository.js';
import { runIdempotent, storedAnswer } from './idempotency.js';
import type { CreatedBody, ReportContext } from './report-context.js';
import { publishEvent } from '../realtime/events.repository.js';

/**
 * The decision on a submitted day: the atasan of the report's date (or, at the top of the chain,
 * an admin: `isDecider`) verifies or returns the day, or single activities.
 */
export function reportVerification(c: ReportContext) {
  const { db, clock } = c;
  return {
    async verify(actor: Actor, id: number, body: VerificationBody, key: string | undefined, ctx: RequestContext) {
      if (actor.instansiId === null) throw notFound();
      const report = await dailyReportsRepository(db).findById(actor.instansiId, id);
      if (!report) throw notFound();
      if (!(await c.isDecider(actor, report))) return c.denied(actor, report.employeeId);
      const { idempotencyKey: _k, ...request } = body;
      const idem = { userId: actor.userId, key, fingerprint: { op: 'daily_report.verify', id, request } };
      const stored = await storedAnswer<CreatedBody>(db, idem);
      if (stored) return stored;

      return runIdempotent<CreatedBody>(db, idem, async (tx) => {
        const r = dailyReportsRepository(tx);
        const locked = await r.lockById(id);
        if (!locked || !canDecide(locked.status)) throw conflict([{ path: 'status', code: 'REPORT_NOT_SUBMITTED' }]);
        const activities = await r.activities([id]);
        const known = new Set(activities.map((a) => a.id));
        const problems: FieldProblem[] = [];
        (body.activities ?? []).forEach((a, i) => {
          if (!known.has(a.id)) problems.push({ path: `body.activities.${i}.id`, code: 'ACTIVITY_UNKNOWN' });
        });
        if (problems.length > 0) throw validation(problems);
        const per = new Map<number, Decision>((body.activities ?? []).map((a) => [a.id, a.decision]));
        const notes = new Map((body.activities ?? []).map((a) => [a.id, a.note || null]));
        const outcome = decideActivities(activities, body.decision, per);
        const dayNote = body.note ? body.note : null;
        const statuses = activities.map((a) => {
          const status = outcome.activities.get(a.id) ?? 'PENDING';
          return { id: a.id, status, note: status === 'RETURNED' ? (notes.get(a.id) ?? dayNote) : null };
        });
        if (statuses.some((s) => s.status === 'RETURNED' && !s.note)) throw validation([{ path: 'body.note', code: 'NOTE_REQUIRED' }]);
        await r.setActivityStatuses(statuses);
        const returned = outcome.day === 'RETURNED';
        const current = await r.update(id, {
          status: outcome.day,
          decidedAt: clock.now(),
          decidedByEmployeeId: actor.employeeId,
          verifierEmployeeId: actor.employeeId,
          returnNote: returned ? (dayNote ?? statuses.find((s) => s.note)?.note ?? null) : null,
        });
        await publishEvent(tx, {
          instansiId: report.instansiId,
          type: returned ? 'daily_report.returned' : 'daily_report.verified',
          subjectEmployeeIds: [report.employeeId],
          payload: { reportId: id, employeeId: report.employeeId, date: report.date, status: outcome.day, totalMinutes: current.totalMinutes },
        });
        if (returned) {
          await c.notifications.notifyInTx(tx, [
            {
              instansiId: report.instansiId,
              recipientEmployeeId: report.employeeId,
              type: 'daily_report.returned',
              params: { reportId: id, date: report.date, note: current.returnNote ?? '' },
              link: `/laporan-harian/${id}`,
            },
          ]);
        }
        const audit = [
          {
            action: returned ? 'daily_report.return' : 'daily_report.verify',
            entityType: 'daily_report',
            entityId: id,
            instansiId: report.instansiId,
            oldValues: { status: locked.status },
            newValues: { status: outcome.day, note: current.returnNote, activities: statuses },
          },
        ];
        const updatedActivities = activities.map((a) => {
          const s = statuses.find((x) => x.id === a.id);
          return s ? { ...a, status: s.status, note: s.note } : a;
        });
        return {
          status: 200,
          body: { dailyReport: await c.view(tx, current, actor, true, { activities: updatedActivities }) },
          finish: (t) => recordAuditBatch(t, ctx, audit),
        };
      });
    },
  };
}
