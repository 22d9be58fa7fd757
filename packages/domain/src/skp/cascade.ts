/**
 * Cascading checks of RHK (PermenPANRB 6/2022; §1.4 of the reference): every RHK of a JA/JF SKP
 * intervenes ("diintervensi") an RHK of a leader above, and a leader's RHK utama should be
 * supported by at least one subordinate's RHK. RHKs are identified by a lineage key that stays
 * the same across SKP versions, so a new version of the leader's SKP keeps its links.
 */

/** One current RHK as seen by the cascade check. */
export interface CascadeNode {
  /** Lineage key of the RHK (stable across SKP versions). */
  readonly key: string;
  readonly employeeId: number;
  /** Lineage key of the RHK atasan yang diintervensi, or null. */
  readonly parentKey: string | null;
  /** JA/JF RHKs must intervene a leader's RHK; JPT RHKs come from the Perjanjian Kinerja. */
  readonly needsParent: boolean;
  /** RHK utama of a leader are expected to be cascaded; tambahan are not. */
  readonly cascadable: boolean;
}

export type CascadeGap =
  /** The RHK supports nothing: no RHK atasan chosen. */
  | 'NO_PARENT'
  /** The RHK atasan it names is no longer in the leader's current SKP. */
  | 'PARENT_MISSING'
  /** A leader's RHK utama that no subordinate RHK supports. */
  | 'UNSUPPORTED';

/**
 * Flags per RHK key. `leaders` holds the employee ids that have at least one subordinate (only
 * their RHK can be "unsupported"). Returns a map key → gaps (keys without gaps are absent).
 */
export function cascadeGaps(nodes: readonly CascadeNode[], leaders: ReadonlySet<number>): Map<string, CascadeGap[]> {
  const keys = new Set(nodes.map((n) => n.key));
  const supported = new Set<string>();
  for (const n of nodes) if (n.parentKey !== null) supported.add(n.parentKey);
  const out = new Map<string, CascadeGap[]>();
  const add = (key: string, gap: CascadeGap) => {
    const list = out.get(key) ?? [];
    list.push(gap);
    out.set(key, list);
  };
  for (const n of nodes) {
    if (n.parentKey === null) {
      if (n.needsParent) add(n.key, 'NO_PARENT');
    } else if (!keys.has(n.parentKey)) {
      add(n.key, 'PARENT_MISSING');
    }
    if (n.cascadable && leaders.has(n.employeeId) && !supported.has(n.key)) add(n.key, 'UNSUPPORTED');
  }
  return out;
}
