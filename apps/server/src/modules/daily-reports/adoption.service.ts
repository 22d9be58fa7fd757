import type { z } from 'zod';
import type { AdoptionDailyResponse, AdoptionQuery, AdoptionTrendResponse } from '@pantau/contracts';
import {
  addDays,
  adoptionShare,
  compareIsoDate,
  daysInMonth,
  isWorkingDay,
  toDayNumber,
  verificationDelayWorkingDays,
  workingDaysBetween,
} from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { INSTANSI_WIDE_READ, hasAnyRole, type Actor } from '../auth/actor.js';
import { adoptionRepository } from './adoption.repository.js';
import type { HolidayCalendar } from './calendar.js';

export interface AdoptionDeps {
  db: Db;
  clock: Clock;
  calendar: HolidayCalendar;
}

const MAX_DAILY_RANGE = 93;
const NOT_STARTED_LIMIT = 500;

/**
 * The adoption dashboard for pimpinan and admins: who reports, the trend, who has not started,
 * and how fast each atasan decides. Instansi-wide roles see every OPD; an admin OPD sees theirs.
 */
/** Headcount per OPD on each date (key `date|opdId`), from assignment spans (inclusive, open end = null). */
export function headcountsOn(
  spans: ReadonlyArray<{ opdId: number; validFrom: string; validTo: string | null }>,
  dates: readonly string[],
): Map<string, number> {
  const perOpd = new Map<number, number[]>();
  // YYYY-MM-DD strings order like the dates they name.
  for (const span of spans) {
    let counts = perOpd.get(span.opdId);
    if (!counts) {
      counts = new Array<number>(dates.length).fill(0);
      perOpd.set(span.opdId, counts);
    }
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i] ?? '';
      if (span.validFrom <= d && (span.validTo === null || span.validTo >= d)) counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  const out = new Map<string, number>();
  for (const [opdId, counts] of perOpd) dates.forEach((d, i) => out.set(`${d}|${opdId}`, counts[i] ?? 0));
  return out;
}

export function createAdoptionService(deps: AdoptionDeps) {
  const repo = adoptionRepository(deps.db);
  /** Counts of finished months barely change: kept for an hour per instansi and OPD filter. */
  const monthCache = new Map<string, { at: number; n: number }>();
  const MONTH_TTL_MS = 60 * 60_000;
  const today = () => wibDate(deps.clock.now());

  /** null = every OPD of the instansi. */
  async function scope(actor: Actor, opdId: number | undefined): Promise<{ instansiId: number; opdIds: number[] | null }> {
    if (actor.instansiId === null) throw notFound();
    let allowed: number[] | null;
    if (hasAnyRole(actor, INSTANSI_WIDE_READ)) allowed = null;
    else if (actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0) allowed = await repo.opdsOf(actor.adminUnitIds);
    else throw forbidden();
    if (opdId === undefined) return { instansiId: actor.instansiId, opdIds: allowed };
    if (allowed !== null && !allowed.includes(opdId)) throw notFound();
    return { instansiId: actor.instansiId, opdIds: [opdId] };
  }

  function checkRange(from: string, to: string, max: number) {
    if (compareIsoDate(from, to) > 0) throw validation([{ path: 'querystring.to', code: 'DATE_RANGE' }]);
    if (toDayNumber(to) - toDayNumber(from) + 1 > max) {
      throw validation([{ path: 'querystring.to', code: 'RANGE_TOO_LONG', params: { days: max } }]);
    }
  }

  return {
    async daily(actor: Actor, q: z.infer<typeof AdoptionQuery>): Promise<z.infer<typeof AdoptionDailyResponse>> {
      checkRange(q.from, q.to, MAX_DAILY_RANGE);
      const { instansiId, opdIds } = await scope(actor, q.opdId);
      const holidays = await deps.calendar.holidays(instansiId);
      const days: string[] = [];
      for (let d = q.from; compareIsoDate(d, q.to) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) days.push(d);
      const [opds, spans, reported] = await Promise.all([
        repo.opdNames(instansiId, opdIds),
        repo.assignmentSpans(instansiId, q.from, q.to, opdIds),
        repo.reportedPerDay(instansiId, days, opdIds),
      ]);
      const key = (date: string, opd: number) => `${date}|${opd}`;
      const headMap = headcountsOn(spans, days);
      const repMap = new Map(reported.map((r) => [key(r.date, r.opdId), r.n]));
      const rowsOut = opds.map((o) => {
        const headcount = days.map((d) => headMap.get(key(d, o.id)) ?? 0);
        const rep = days.map((d) => Math.min(repMap.get(key(d, o.id)) ?? 0, headMap.get(key(d, o.id)) ?? Number.MAX_SAFE_INTEGER));
        const sumHead = headcount.reduce((s, n) => s + n, 0);
        const sumRep = rep.reduce((s, n) => s + n, 0);
        return {
          opdId: o.id,
          name: o.name,
          headcount,
          reported: rep,
          share: days.map((_, i) => adoptionShare(rep[i] ?? 0, headcount[i] ?? 0)),
          averageShare: adoptionShare(sumRep, sumHead),
        };
      });
      const totalHead = days.map((_, i) => rowsOut.reduce((s, r) => s + (r.headcount[i] ?? 0), 0));
      const totalRep = days.map((_, i) => rowsOut.reduce((s, r) => s + (r.reported[i] ?? 0), 0));
      return {
        from: q.from,
        to: q.to,
        workingDays: days,
        opds: rowsOut,
        total: { headcount: totalHead, reported: totalRep, share: days.map((_, i) => adoptionShare(totalRep[i] ?? 0, totalHead[i] ?? 0)) },
      };
    },

    /** Month by month: submitted employee-days against headcount × working days (so far). */
    async trend(actor: Actor, months: number, opdId: number | undefined): Promise<z.infer<typeof AdoptionTrendResponse>> {
      const { instansiId, opdIds } = await scope(actor, opdId);
      const holidays = await deps.calendar.holidays(instansiId);
      const on = today();
      const out: z.infer<typeof AdoptionTrendResponse>['months'] = [];
      let year = Number(on.slice(0, 4));
      let month = Number(on.slice(5, 7));
      const periods: Array<{ month: string; from: string; to: string }> = [];
      for (let i = 0; i < months; i++) {
        const m = `${year}-${String(month).padStart(2, '0')}`;
        const end = `${m}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
        periods.unshift({ month: m, from: `${m}-01`, to: compareIsoDate(end, on) > 0 ? on : end });
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
      const first = periods[0];
      const last = periods[periods.length - 1];
      if (!first || !last) return { months: [] };
      const scopeKey = `${instansiId}|${opdIds === null ? '*' : [...opdIds].sort((a, b) => a - b).join(',')}`;
      const fresh = (p: { month: string; to: string }) => {
        const hit = monthCache.get(`${scopeKey}|${p.month}`);
        return hit !== undefined && p.to < on && Date.now() - hit.at < MONTH_TTL_MS ? hit.n : undefined;
      };
      const missing = periods.filter((p) => fresh(p) === undefined);
      const firstMissing = missing[0];
      const lastMissing = missing[missing.length - 1];
      const [spans, counted] = await Promise.all([
        repo.assignmentSpans(instansiId, first.to, last.to, opdIds),
        firstMissing && lastMissing
          ? repo.reportedPerMonth(instansiId, firstMissing.from, lastMissing.to, opdIds)
          : Promise.resolve(new Map<string, number>()),
      ]);
      const perMonth = new Map<string, number>();
      for (const p of periods) {
        const n = fresh(p) ?? counted.get(p.month) ?? 0;
        perMonth.set(p.month, n);
        if (p.to < on) monthCache.set(`${scopeKey}|${p.month}`, { at: Date.now(), n });
      }
      const heads = headcountsOn(spans, periods.map((p) => p.to));
      for (const p of periods) {
        let headcount = 0;
        for (const [k, n] of heads) if (k.startsWith(`${p.to}|`)) headcount += n;
        const workingDays = workingDaysBetween(p.from, p.to, holidays);
        const reportedDays = perMonth.get(p.month) ?? 0;
        out.push({ month: p.month, workingDays, headcount, reportedDays, share: adoptionShare(reportedDays, headcount * workingDays) });
      }
      return { months: out };
    },

    async notStarted(actor: Actor, q: z.infer<typeof AdoptionQuery>) {
      checkRange(q.from, q.to, 400);
      const { instansiId, opdIds } = await scope(actor, q.opdId);
      const list = await repo.notStarted(instansiId, q.from, q.to, opdIds);
      const units = new Map<number, { unitId: number; name: string; opdName: string | null; employees: number; started: number }>();
      for (const r of list) {
        const u = units.get(r.unitId) ?? { unitId: r.unitId, name: r.unitName, opdName: r.opdName, employees: 0, started: 0 };
        u.employees += 1;
        if (r.started) u.started += 1;
        units.set(r.unitId, u);
      }
      const waiting = list.filter((r) => !r.started);
      return {
        units: [...units.values()].filter((u) => u.started === 0).map(({ started: _s, ...u }) => u),
        employees: waiting.slice(0, NOT_STARTED_LIMIT).map(({ started: _s, unitId: _u, ...e }) => e),
        totalEmployees: waiting.length,
      };
    },

    async verificationDelay(actor: Actor, q: z.infer<typeof AdoptionQuery>) {
      checkRange(q.from, q.to, 400);
      const { instansiId, opdIds } = await scope(actor, q.opdId);
      const holidays = await deps.calendar.holidays(instansiId);
      const [decisions, pending] = await Promise.all([repo.decisions(instansiId, q.from, q.to, opdIds), repo.pendingBySupervisor(instansiId, opdIds)]);
      const stats = new Map<number, { decided: number; total: number; max: number; pending: number; oldest: string | null }>();
      const get = (id: number) => {
        const s = stats.get(id) ?? { decided: 0, total: 0, max: 0, pending: 0, oldest: null };
        stats.set(id, s);
        return s;
      };
      const memo = new Map<string, number>();
      for (const d of decisions) {
        const k = `${d.submittedOn}|${d.decidedOn}`;
        const days = memo.get(k) ?? verificationDelayWorkingDays(d.submittedOn, d.decidedOn, holidays);
        memo.set(k, days);
        const s = get(d.employeeId);
        s.decided += d.n;
        s.total += days * d.n;
        s.max = Math.max(s.max, days);
      }
      for (const p of pending) {
        const s = get(p.employeeId);
        s.pending = p.n;
        s.oldest = p.oldest;
      }
      const people = new Map((await repo.people([...stats.keys()], today())).map((p) => [p.id, p]));
      return {
        supervisors: [...stats.entries()]
          .map(([id, s]) => ({
            employeeId: id,
            name: people.get(id)?.name ?? '',
            unitName: people.get(id)?.unitName ?? null,
            decided: s.decided,
            averageWorkingDays: s.decided === 0 ? 0 : Math.round((s.total / s.decided) * 10) / 10,
            maxWorkingDays: s.max,
            pending: s.pending,
            oldestPendingDate: s.oldest,
          }))
          .sort((a, b) => b.averageWorkingDays - a.averageWorkingDays || b.pending - a.pending || a.name.localeCompare(b.name)),
      };
    },
  };
}

export type AdoptionService = ReturnType<typeof createAdoptionService>;
