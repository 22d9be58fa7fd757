/**
 * Units of one instansi, looked up by the name a clerk types ("Seksi Layanan Primer") or, when
 * several units share a name, by a path of names ("Bidang Pelayanan > Seksi Layanan Primer").
 * The export writes the shortest such label that is unique, so it always reads back.
 */
export interface UnitRow {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  active: boolean;
}

export type UnitLookup =
  | { ok: true; unit: UnitRow }
  | { ok: false; code: 'UNIT_UNKNOWN' }
  | { ok: false; code: 'UNIT_AMBIGUOUS'; example: string };

export const PATH_SEPARATOR = ' > ';

export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function unitIndex(units: readonly UnitRow[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, UnitRow[]>();
  for (const u of units) {
    const key = normaliseName(u.name);
    const list = byName.get(key) ?? [];
    list.push(u);
    byName.set(key, list);
  }
  const labels = new Map<number, string>();

  /** Units whose own name and consecutive ancestors' names match the path segments. */
  function candidates(segments: readonly string[]): UnitRow[] {
    const last = segments[segments.length - 1];
    if (last === undefined) return [];
    return (byName.get(last) ?? []).filter((u) => {
      let current: UnitRow | undefined = u;
      for (let k = segments.length - 2; k >= 0; k--) {
        current = current.parentId === null ? undefined : byId.get(current.parentId);
        if (!current || normaliseName(current.name) !== segments[k]) return false;
      }
      return true;
    });
  }

  function label(id: number): string {
    const cached = labels.get(id);
    if (cached !== undefined) return cached;
    const unit = byId.get(id);
    if (!unit) return '';
    const names = [unit.name];
    let current = unit;
    while (candidates(names.map(normaliseName)).length > 1 && current.parentId !== null) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      names.unshift(parent.name);
      current = parent;
    }
    const text = names.join(PATH_SEPARATOR);
    labels.set(id, text);
    return text;
  }

  return {
    byId,
    label,

    resolve(text: string): UnitLookup {
      const segments = text.split('>').map(normaliseName).filter((s) => s !== '');
      let found = candidates(segments);
      if (found.length > 1) {
        const active = found.filter((u) => u.active);
        if (active.length === 1) found = active;
      }
      const [first] = found;
      if (!first) return { ok: false, code: 'UNIT_UNKNOWN' };
      if (found.length > 1) {
        const parent = first.parentId === null ? undefined : byId.get(first.parentId);
        return { ok: false, code: 'UNIT_AMBIGUOUS', example: parent ? `${parent.name}${PATH_SEPARATOR}${first.name}` : first.name };
      }
      return { ok: true, unit: first };
    },

    /** Whether the unit lies in one of the subtrees (null roots = the whole instansi). */
    covers(rootIds: readonly number[] | null, unitId: number): boolean {
      if (rootIds === null) return true;
      const unit = byId.get(unitId);
      if (!unit) return false;
      return rootIds.some((r) => {
        const root = byId.get(r);
        return root !== undefined && unit.path.startsWith(root.path);
      });
    },
  };
}

export type UnitIndex = ReturnType<typeof unitIndex>;
