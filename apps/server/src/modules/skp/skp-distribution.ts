import type { SkpDistributionDto, Locale } from '@pantau/contracts';
import {
  PREDIKAT_KINERJA,
  PREDIKAT_KINERJA_LABELS,
  checkDistributionDetailed,
  distributionLimits,
  type DistributionViolation,
  type PredikatKinerja,
  type SkpRuleSet,
} from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { skpDistributionRepository, type Pool } from './skp-distribution.repository.js';

export interface PoolCheck {
  pool: Pool;
  counts: Record<PredikatKinerja, number>;
  unrated: number;
  valid: boolean;
  violations: DistributionViolation[];
}

function englishViolation(v: DistributionViolation, percent: number | null): string {
  const names = v.predikat.map((p) => `"${PREDIKAT_KINERJA_LABELS[p].en}"`).join(' and/or ');
  if (v.code === 'REQUIRED_PREDIKAT_MISSING') return `At least one employee must be rated ${names}; currently none.`;
  if (v.code === 'MAX_PERCENT_EXCEEDED') {
    return percent === 0
      ? `No employee may be rated ${names}; currently ${v.actual} of ${v.total}.`
      : `At most ${percent ?? '?'}% (${v.limit} of ${v.total}) may be rated ${names}; currently ${v.actual}.`;
  }
  return `At least ${percent ?? '?'}% (${v.limit} of ${v.total}) must be rated ${names}; currently ${v.actual}.`;
}

/** A violation message in the caller's language (the domain writes Bahasa Indonesia). */
export function violationMessage(v: DistributionViolation, locale: Locale, ruleSet: SkpRuleSet, predikatOrganisasi: Pool['predikat']): string {
  if (locale === 'id') return v.message;
  const rule = ruleSet.distribution.rules[predikatOrganisasi].find((r) => r.id === v.ruleId);
  return englishViolation(v, rule && rule.kind !== 'AT_LEAST_ONE' ? rule.percent : null);
}

const emptyCounts = (): Record<PredikatKinerja, number> => ({ SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 });

/**
 * The SE MenPANRB 3/2023 check of the pools of many units, in two statements: unit id → check of
 * its pool (units sharing a pool share one check object); units without any predikat above are absent.
 */
export async function poolChecks(db: DbOrTx, unitIds: readonly number[], periodId: number, ruleSet: SkpRuleSet): Promise<Map<number, PoolCheck>> {
  const repo = skpDistributionRepository(db);
  const pools = await repo.poolsOf(unitIds, periodId);
  const raw = await repo.countsMany([...new Set([...pools.values()].map((p) => p.unitId))], periodId, true);
  const byPool = new Map<number, PoolCheck>();
  const out = new Map<number, PoolCheck>();
  for (const [unitId, pool] of pools) {
    let check = byPool.get(pool.unitId);
    if (!check) {
      const m = raw.get(pool.unitId) ?? new Map<PredikatKinerja | null, number>();
      const counts = emptyCounts();
      for (const p of PREDIKAT_KINERJA) counts[p] = m.get(p) ?? 0;
      const result = checkDistributionDetailed(pool.predikat, counts, ruleSet);
      check = { pool, counts, unrated: m.get(null) ?? 0, valid: result.valid, violations: result.violations };
      byPool.set(pool.unitId, check);
    }
    out.set(unitId, check);
  }
  return out;
}

function present(
  unit: { id: number; name: string },
  periodId: number,
  pool: Pool | undefined,
  raw: ReadonlyMap<PredikatKinerja | null, number>,
  override: { justification: string; createdAt: string } | undefined,
  ruleSet: SkpRuleSet,
  locale: Locale,
): SkpDistributionDto {
  const counts = emptyCounts();
  for (const p of PREDIKAT_KINERJA) counts[p] = raw.get(p) ?? 0;
  const rated = PREDIKAT_KINERJA.reduce((n, p) => n + counts[p], 0);
  const base = { unit: { id: unit.id, name: unit.name }, periodId, counts, rated, unrated: raw.get(null) ?? 0, minPoolSize: ruleSet.distribution.minPoolSize };
  if (!pool) return { ...base, poolUnit: null, predikatOrganisasi: null, limits: [], valid: true, advisory: false, violations: [], override: null };
  const result = checkDistributionDetailed(pool.predikat, counts, ruleSet);
  return {
    ...base,
    poolUnit: { id: pool.unitId, name: pool.unitName },
    predikatOrganisasi: pool.predikat,
    limits: distributionLimits(pool.predikat, rated, ruleSet).map((l) => ({
      ruleId: l.ruleId,
      predikat: [...l.predikat],
      bound: l.bound,
      percent: l.percent ?? null,
      count: l.count,
    })),
    valid: result.valid,
    advisory: result.advisory,
    violations: result.violations.map((v) => ({
      code: v.code,
      ruleId: v.ruleId,
      predikat: [...v.predikat],
      actual: v.actual,
      limit: v.limit,
      total: v.total,
      message: violationMessage(v, locale, ruleSet, pool.predikat),
    })),
    override: override ?? null,
  };
}

/**
 * Distributions of many units for a period in a fixed number of queries, one entry per pool
 * (units sharing a pool give one entry; a unit without any predikat above it gets its own
 * entry with the counts of its subtree and no check).
 */
export async function distributionsFor(
  db: DbOrTx,
  units: readonly { id: number; name: string }[],
  periodId: number,
  ruleSet: SkpRuleSet,
  locale: Locale,
): Promise<SkpDistributionDto[]> {
  const repo = skpDistributionRepository(db);
  const pools = await repo.poolsOf(units.map((u) => u.id), periodId);
  const poolIds = [...new Set([...pools.values()].map((p) => p.unitId))];
  const loose = units.filter((u) => !pools.has(u.id)).map((u) => u.id);
  const poolCounts = await repo.countsMany(poolIds, periodId, true);
  const looseCounts = await repo.countsMany(loose, periodId, false);
  const overrides = await repo.latestOverrides(poolIds, periodId);
  const out: SkpDistributionDto[] = [];
  const seen = new Set<number>();
  for (const unit of units) {
    const pool = pools.get(unit.id);
    const key = pool ? pool.unitId : -unit.id;
    if (seen.has(key)) continue;
    seen.add(key);
    const raw = (pool ? poolCounts.get(pool.unitId) : looseCounts.get(unit.id)) ?? new Map<PredikatKinerja | null, number>();
    out.push(present(unit, periodId, pool, raw, pool ? overrides.get(pool.unitId) : undefined, ruleSet, locale));
  }
  return out;
}

/** SkpDistributionDto for a unit and period (the rating page calls it after each rating). */
export async function distributionFor(
  db: DbOrTx,
  unit: { id: number; name: string },
  periodId: number,
  ruleSet: SkpRuleSet,
  locale: Locale,
): Promise<SkpDistributionDto> {
  const [d] = await distributionsFor(db, [unit], periodId, ruleSet, locale);
  if (!d) throw new Error('distributionsFor returned nothing');
  return d;
}
