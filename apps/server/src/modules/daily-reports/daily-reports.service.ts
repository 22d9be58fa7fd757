import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DailyReportListQuery } from '@pantau/contracts';
import { addDays, dailyNormMinutes, reportableDates } from '@pantau/domain';
import { forbidden, notFound } from '../../http/errors.js';
import { hasAnyRole, type Actor } from '../auth/actor.js';
import { dailyReportsRepository } from './daily-reports.repository.js';
import { presentSummary } from './daily-reports.presenter.js';
import { createReportContext, requireEmployee, type DailyReportDeps } from './report-context.js';
import { reportVerification } from './report-verify.js';
import { reportWrites } from './report-writes.js';

export type { DailyReportDeps } from './report-context.js';

/**
 * Daily reports: the owner's writes (report-writes.ts), the atasan's decision (report-verify.ts)
 * and the reads below, over one shared context (report-context.ts).
 */
export function createDailyReportService(deps: DailyReportDeps) {
  const c = createReportContext(deps);
  const { db, settings, access, today } = c;
  const repo = dailyReportsRepository(db);

  return {
    ...reportWrites(c),
    ...reportVerification(c),

    async get(actor: Actor, id: number) {
      if (actor.instansiId === null) throw notFound();
      const report = await repo.findById(actor.instansiId, id);
      if (!report) throw notFound();
      const isVerifier = await c.isDecider(actor, report);
      if (!isVerifier && report.employeeId !== actor.employeeId) {
        const readable = await access.readableEmployeeIds(actor, [report.employeeId], today());
        if (!readable.has(report.employeeId)) throw notFound();
      }
      return c.view(db, report, actor, isVerifier);
    },

    async list(actor: Actor, query: z.infer<typeof DailyReportListQuery>) {
      if (actor.instansiId === null) throw notFound();
      const employeeId = query.employeeId ?? actor.employeeId;
      if (employeeId === null) throw forbidden();
      if (employeeId !== actor.employeeId) {
        const readable = await access.readableEmployeeIds(actor, [employeeId], today());
        if (!readable.has(employeeId)) throw notFound();
      }
      const conds = [sql`r.instansi_id = ${actor.instansiId}`, sql`r.employee_id = ${employeeId}`];
      if (query.from) conds.push(sql`r.date >= ${query.from}::date`);
      if (query.to) conds.push(sql`r.date <= ${query.to}::date`);
      if (query.status) conds.push(sql`r.status = ${query.status}`);
      const { rows, total } = await repo.summaries(sql.join(conds, sql` and `), {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { dailyReports: rows.map(presentSummary), meta: { page: query.page, pageSize: query.pageSize, total } };
    },

    /**
     * Submitted days waiting for the actor's decision, oldest first: those of the people the actor
     * is atasan of, and for admins (ADMIN_BKPSDM; ADMIN_OPD within their units) the days of people
     * with no atasan on the date (top of the chain; decision 0005).
     */
    async pending(actor: Actor, limit: number) {
      if (actor.instansiId === null) throw forbidden();
      const mine =
        actor.employeeId === null
          ? []
          : (
              await repo.summaries(
                sql`r.instansi_id = ${actor.instansiId} and r.verifier_employee_id = ${actor.employeeId} and r.status = 'SUBMITTED'`,
                { limit, offset: 0, order: 'asc' },
              )
            ).rows;
      if (!hasAnyRole(actor, ['ADMIN_BKPSDM', 'ADMIN_OPD'])) {
        if (actor.employeeId === null) throw forbidden();
        return { dailyReports: mine.map(presentSummary) };
      }
      const top = (
        await repo.summaries(
          sql`r.instansi_id = ${actor.instansiId} and r.verifier_employee_id is null and r.status = 'SUBMITTED'
              and r.employee_id <> ${actor.employeeId ?? 0}`,
          { limit, offset: 0, order: 'asc' },
        )
      ).rows;
      const readable = await access.readableEmployeeIds(actor, top.map((r) => r.employeeId), today());
      const all = [...mine, ...top.filter((r) => readable.has(r.employeeId))]
        .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
        .slice(0, limit);
      return { dailyReports: all.map(presentSummary) };
    },

    /** The dates the actor may report today, with the report of each if there is one. */
    async window(actor: Actor) {
      const me = requireEmployee(actor);
      const on = today();
      const holidays = await deps.calendar.holidays(me.instansiId);
      const dates = reportableDates(on, settings.backdateWorkingDays, holidays);
      const reports = new Map((await repo.byEmployeeDates(me.employeeId, dates)).map((r) => [r.date, r]));
      return {
        today: on,
        backdateWorkingDays: settings.backdateWorkingDays,
        dates: dates.map((date) => {
          const r = reports.get(date);
          return {
            date,
            normMinutes: dailyNormMinutes(date, settings.workHours, holidays),
            report: r ? { id: r.id, status: r.status, totalMinutes: r.totalMinutes } : null,
          };
        }),
      };
    },

    async templates(actor: Actor, limit = 20) {
      const me = requireEmployee(actor);
      const list = await repo.templates(me.employeeId, addDays(today(), -settings.templateDays), limit);
      return { templates: list };
    },
  };
}

export type DailyReportService = ReturnType<typeof createDailyReportService>;
