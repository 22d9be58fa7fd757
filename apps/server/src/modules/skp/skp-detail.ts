import type { Locale, SkpPersonRef, SkpDetail } from '@pantau/contracts';
import { cascadeGaps, type CascadeNode } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import type { SkpAccess, SkpFacts } from './skp-access.js';
import { skpMessage } from './skp-messages.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import { skpAbilities } from './skp.policy.js';
import { presentDetail, presentRhk, unknownPerson } from './skp.presenter.js';
import { skpRepository, type IndicatorRow, type PerilakuRow, type RhkWithParent, type SkpRow } from './skp.repository.js';

/** Problems shown on the SKP page; blocking ones prevent submission. */
export function skpProblems(
  locale: Locale,
  skp: Pick<SkpRow, 'form'>,
  rhk: readonly RhkWithParent[],
  indicators: readonly IndicatorRow[],
  perilaku: readonly PerilakuRow[],
) {
  const out: { code: string; message: string; blocking: boolean }[] = [];
  if (!rhk.some((r) => r.kind === 'UTAMA')) out.push({ code: 'NO_UTAMA', message: skpMessage(locale, 'NO_UTAMA'), blocking: true });
  const withIndicator = new Set(indicators.map((i) => i.rhkId));
  if (rhk.some((r) => !withIndicator.has(r.id))) {
    out.push({ code: 'RHK_NO_INDICATOR', message: skpMessage(locale, 'RHK_NO_INDICATOR'), blocking: true });
  }
  if (skp.form === 'NON_JPT' && rhk.some((r) => r.parentRhkId === null)) {
    out.push({ code: 'RHK_NO_PARENT', message: skpMessage(locale, 'RHK_NO_PARENT'), blocking: false });
  }
  const empty = 7 - perilaku.filter((p) => (p.ekspektasi ?? '').trim() !== '').length;
  if (empty > 0) out.push({ code: 'EKSPEKTASI_EMPTY', message: skpMessage(locale, 'EKSPEKTASI_EMPTY', { count: empty }), blocking: false });
  return out;
}

/**
 * Gaps of one SKP's RHK by the domain rule, seeded with what exists around it: the RHK atasan
 * still present in current SKPs and how many subordinate RHK support each key.
 */
export function gapsForSkp(
  skp: Pick<SkpRow, 'employeeId' | 'form'>,
  rhk: readonly RhkWithParent[],
  existingParentKeys: ReadonlySet<string>,
  support: ReadonlyMap<string, number>,
  isLeader: boolean,
) {
  const nodes: CascadeNode[] = rhk.map((r) => ({
    key: r.key,
    employeeId: skp.employeeId,
    parentKey: r.parentKey,
    needsParent: skp.form === 'NON_JPT',
    cascadable: r.kind === 'UTAMA',
  }));
  for (const key of existingParentKeys) nodes.push({ key, employeeId: -1, parentKey: null, needsParent: false, cascadable: false });
  for (const [key, n] of support) {
    if (n > 0) nodes.push({ key: `support:${key}`, employeeId: -2, parentKey: key, needsParent: false, cascadable: false });
  }
  return cascadeGaps(nodes, isLeader ? new Set([skp.employeeId]) : new Set());
}

/** Loads and assembles the full SKP page in a fixed number of queries. */
export async function loadSkpDetail(db: DbOrTx, access: SkpAccess, locale: Locale, skp: SkpRow, facts: SkpFacts): Promise<SkpDetail> {
  const repo = skpRepository(db);
  const people = skpPeopleRepository(db);
  const date = access.actionDate(skp);
  const rhk = await repo.rhkOf([skp.id]);
  const indicators = await repo.indicatorsOf(rhk.map((r) => r.id));
  const [lampiran, perilaku, versions] = await Promise.all([repo.lampiranOf(skp.id), repo.perilakuOf(skp.id), repo.versions(skp.seriesId ?? skp.id)]);
  const keys = rhk.map((r) => r.key);
  const parentKeys = rhk.flatMap((r) => (r.parentKey === null ? [] : [r.parentKey]));
  const support = await repo.supportCounts(keys, skp.year);
  const existing = await repo.currentKeys(parentKeys, skp.year);
  const isLeader = (await people.leaders([skp.employeeId], date)).has(skp.employeeId);
  const gaps = gapsForSkp(skp, rhk, existing, support, isLeader);

  const penilaiId = skp.penilaiEmployeeId ?? facts.penilai?.penilaiId ?? null;
  const atasanId = skp.atasanPenilaiEmployeeId ?? (skp.penilaiEmployeeId === null ? (facts.penilai?.atasanId ?? null) : null);
  const ids = [skp.employeeId, ...(penilaiId ? [penilaiId] : []), ...(atasanId ? [atasanId] : [])];
  const ownerIds = rhk.flatMap((r) => (r.parentOwnerId === null ? [] : [r.parentOwnerId]));
  const refs = await people.personRefs([...ids, ...ownerIds], date);
  const person = (id: number | null): SkpPersonRef | null => (id === null ? null : (refs.get(id) ?? unknownPerson(id)));

  return presentDetail({
    skp,
    employee: person(skp.employeeId) ?? unknownPerson(skp.employeeId),
    penilai: person(penilaiId),
    atasanPenilai: person(atasanId),
    rhk: rhk.map((r) =>
      presentRhk(r, indicators.filter((i) => i.rhkId === r.id), refs, support.get(r.key) ?? 0, gaps.get(r.key) ?? []),
    ),
    lampiran,
    perilaku,
    problems: skpProblems(locale, skp, rhk, indicators, perilaku),
    versions,
    abilities: skpAbilities(skp, facts, { isLeader }),
  });
}
