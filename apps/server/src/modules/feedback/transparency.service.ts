import type { z } from 'zod';
import type { OpenDataComplaints, OpenDataIkm, TransparencyResponse } from '@pantau/contracts';
import { computeIkmFromTotals, isSuppressed, median } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { type ComplaintCell, type SurveyCell, transparencyRepository } from './transparency.repository.js';

type Group = TransparencyResponse['opds'][number]['services'][number];

interface Totals {
  n: number;
  sums: number[];
}

const emptyTotals = (): Totals => ({ n: 0, sums: Array.from({ length: 9 }, () => 0) });
const add = (t: Totals, c: { n: number; sums: readonly number[] }) => {
  t.n += c.n;
  c.sums.forEach((s, i) => (t.sums[i] = (t.sums[i] ?? 0) + s));
};
/** The months of `year` that have begun by `today` (WIB): none of a future year, never a future month. */
export function monthsSoFar(year: number, today: string): string[] {
  const [thisYear, thisMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const count = year < thisYear ? 12 : year === thisYear ? thisMonth : 0;
  return Array.from({ length: count }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Public figures per OPD and service for a year: IKM and its monthly trend, complaints received,
 * share closed within every deadline, median hari kerja to resolution, open backlog. A figure
 * about fewer people than `minGroupSize` is withheld (null). Results are cached per instansi and
 * year for `publicCacheMs`: public traffic bursts must not turn into database bursts.
 */
export function createTransparencyService({ db, clock, settings }: { db: Db; clock: Clock; settings: FeedbackSettings }) {
  const repo = transparencyRepository(db);
  const cache = new Map<string, { at: number; value: unknown }>();
  const k = settings.minGroupSize;
  const options = { weightVariant: settings.ikmWeightVariant };

  async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit && now - hit.at < settings.publicCacheMs) return hit.value as T;
    const value = await compute();
    if (cache.size > 500) cache.clear();
    cache.set(key, { at: now, value });
    return value;
  }

  function surveyFigures(t: Totals, trend: Map<string, Totals>, year: number): Group['survey'] {
    const shown = !isSuppressed(t.n, k) && t.n > 0;
    const r = shown ? computeIkmFromTotals({ sums: t.sums, count: t.n }, options) : null;
    return {
      responses: isSuppressed(t.n, k) ? null : t.n,
      ikm: r?.ikm ?? null,
      mutu: r?.mutu ?? null,
      kinerja: r?.kinerja ?? null,
      trend: monthsSoFar(year, wibDate(clock.now())).map((month) => {
        const m = trend.get(month);
        const n = m?.n ?? 0;
        const ok = m !== undefined && n > 0 && !isSuppressed(n, k);
        return { month, responses: isSuppressed(n, k) ? null : n, ikm: ok ? computeIkmFromTotals({ sums: m.sums, count: n }, options).ikm : null };
      }),
    };
  }

  function complaintFigures(cells: ComplaintCell[], open: number): Group['complaints'] {
    const received = cells.reduce((a, c) => a + c.received, 0);
    const resolved = cells.reduce((a, c) => a + c.resolved, 0);
    const onTime = cells.reduce((a, c) => a + c.resolvedOnTime, 0);
    const days = cells.flatMap((c) => c.resolutionDays);
    const hide = isSuppressed(received, k);
    const hideResolved = hide || isSuppressed(resolved, k);
    return {
      received: hide ? null : received,
      resolved: hide ? null : resolved,
      resolvedOnTimeShare: hideResolved || resolved === 0 ? null : Math.round((onTime / resolved) * 1000) / 1000,
      medianResolutionDays: hideResolved ? null : median(days),
      openBacklog: isSuppressed(open, k) ? null : open,
    };
  }

  function group(id: number, name: string, surveys: SurveyCell[], complaints: ComplaintCell[], open: number, year: number): Group {
    const total = emptyTotals();
    const trend = new Map<string, Totals>();
    for (const s of surveys) {
      add(total, s);
      const m = trend.get(s.month) ?? emptyTotals();
      add(m, s);
      trend.set(s.month, m);
    }
    return { id, name, survey: surveyFigures(total, trend, year), complaints: complaintFigures(complaints, open) };
  }

  async function instansiOf(code: string) {
    const inst = await repo.instansiByCode(code);
    if (!inst) throw notFound();
    return inst;
  }

  const yearOf = (year: number | undefined) => year ?? Number(wibDate(clock.now()).slice(0, 4));

  const meta = (inst: { code: string; name: string }, year: number) => ({
    schemaVersion: 1 as const,
    instansi: { code: inst.code, name: inst.name },
    year,
    minGroupSize: k,
    generatedAt: clock.now().toISOString(),
  });

  async function names(code: string) {
    const inst = await instansiOf(code);
    const [opds, sps] = await Promise.all([repo.opds(inst.id), repo.servicePoints(inst.id)]);
    return { inst, opdName: new Map(opds.map((o) => [o.id, o.name])), spName: new Map(sps.map((x) => [x.id, x.name])) };
  }

  return {
    async transparency(code: string, yearArg: number | undefined): Promise<TransparencyResponse> {
      const year = yearOf(yearArg);
      return cached(`t|${code}|${year}`, async () => {
        const inst = await instansiOf(code);
        const [from, to] = [`${year}-01-01`, `${year}-12-31`];
        const [opds, sps, surveys, complaints, backlog] = await Promise.all([
          repo.opds(inst.id),
          repo.servicePoints(inst.id),
          repo.surveyCells(inst.id, from, to),
          repo.complaintCells(inst.id, from, to),
          repo.openBacklog(inst.id),
        ]);
        const openOf = (pred: (b: { opdId: number; servicePointId: number | null }) => boolean) =>
          backlog.filter(pred).reduce((a, b) => a + b.open, 0);
        return {
          instansi: { code: inst.code, name: inst.name },
          year,
          minGroupSize: k,
          generatedAt: clock.now().toISOString(),
          opds: opds.map((opd) => {
            const mine = <T extends { opdId: number }>(list: T[]) => list.filter((x) => x.opdId === opd.id);
            const withData = new Set(mine(surveys).map((s) => s.servicePointId).concat(mine(complaints).map((c) => c.servicePointId ?? 0)));
            const services = mine(sps)
              .filter((sp) => sp.active || withData.has(sp.id))
              .map((sp) =>
                group(
                  sp.id,
                  sp.name,
                  surveys.filter((s) => s.servicePointId === sp.id),
                  complaints.filter((c) => c.servicePointId === sp.id),
                  openOf((b) => b.servicePointId === sp.id),
                  year,
                ),
              );
            return { ...group(opd.id, opd.name, mine(surveys), mine(complaints), openOf((b) => b.opdId === opd.id), year), services };
          }),
        };
      });
    },

    /** IKM per service point and month for the open-data files (same suppression as the pages). */
    async openIkm(code: string, yearArg: number | undefined): Promise<z.infer<typeof OpenDataIkm>> {
      const year = yearOf(yearArg);
      return cached(`o|ikm|${code}|${year}`, async () => {
        const { inst, opdName, spName } = await names(code);
        const cells = (await repo.surveyCells(inst.id, `${year}-01-01`, `${year}-12-31`)).sort(
          (a, b) => a.month.localeCompare(b.month) || a.servicePointId - b.servicePointId,
        );
        return {
          dataset: 'ikm' as const,
          ...meta(inst, year),
          rows: cells.map((c) => {
            const r = isSuppressed(c.n, k) ? null : computeIkmFromTotals({ sums: c.sums, count: c.n }, options);
            return {
              month: c.month,
              opd: opdName.get(c.opdId) ?? '',
              service: spName.get(c.servicePointId) ?? '',
              responses: r === null ? null : c.n,
              ikm: r?.ikm ?? null,
              mutu: r?.mutu ?? null,
              nrr: r ? r.nrrPerUnsur.map((x) => Math.round(x * 1000) / 1000) : null,
            };
          }),
        };
      });
    },

    /** Complaints per OPD, service point and month of receipt for the open-data files. */
    async openComplaints(code: string, yearArg: number | undefined): Promise<z.infer<typeof OpenDataComplaints>> {
      const year = yearOf(yearArg);
      return cached(`o|complaints|${code}|${year}`, async () => {
        const { inst, opdName, spName } = await names(code);
        const cells = (await repo.complaintCells(inst.id, `${year}-01-01`, `${year}-12-31`)).sort(
          (a, b) => a.month.localeCompare(b.month) || (a.servicePointId ?? 0) - (b.servicePointId ?? 0),
        );
        return {
          dataset: 'complaints' as const,
          ...meta(inst, year),
          rows: cells.map((c) => {
            const hide = isSuppressed(c.received, k);
            const hideResolved = hide || isSuppressed(c.resolved, k);
            return {
              month: c.month,
              opd: opdName.get(c.opdId) ?? '',
              service: c.servicePointId === null ? null : (spName.get(c.servicePointId) ?? ''),
              received: hide ? null : c.received,
              resolved: hide ? null : c.resolved,
              resolvedOnTime: hideResolved ? null : c.resolvedOnTime,
              medianResolutionDays: hideResolved ? null : median(c.resolutionDays),
            };
          }),
        };
      });
    },

    /** OPDs with their units and active service points, for the public complaint form. */
    async directory(code: string) {
      return cached(`d|${code}`, async () => {
        const inst = await instansiOf(code);
        const [opds, units, sps] = await Promise.all([repo.opds(inst.id), repo.units(inst.id), repo.servicePoints(inst.id)]);
        return {
          instansi: { code: inst.code, name: inst.name },
          opds: opds.map((o) => ({
            id: o.id,
            name: o.name,
            units: units.filter((u) => u.opdId === o.id).map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })),
            servicePoints: sps.filter((s) => s.opdId === o.id && s.active).map((s) => ({ slug: s.slug, name: s.name, unitId: s.unitId })),
          })),
        };
      });
    },
  };
}

export type TransparencyService = ReturnType<typeof createTransparencyService>;
