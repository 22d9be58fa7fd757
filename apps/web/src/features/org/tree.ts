import type { UnitDto } from '@pantau/contracts';

/** One unit with its sub-units, built client-side from the flat GET /api/units list. */
export interface UnitNode {
  unit: UnitDto;
  children: UnitNode[];
  depth: number;
  /** Employees in this unit and every unit below it (the employee list filter includes both). */
  subtreeCount: number;
}

// The order people expect in a Pemda chart: secretariats first, then dinas, badan, … kecamatan.
const KIND_ORDER: readonly UnitDto['kind'][] = [
  'SEKRETARIAT',
  'INSPEKTORAT',
  'DINAS',
  'BADAN',
  'KANTOR',
  'SATUAN',
  'KECAMATAN',
  'KELURAHAN',
  'GAMPONG',
  'BAGIAN',
  'BIDANG',
  'SUBBAGIAN',
  'SEKSI',
  'UPTD',
  'LAINNYA',
];

function compareUnits(a: UnitDto, b: UnitDto): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.name.localeCompare(b.name, 'id', { sensitivity: 'base', numeric: true });
}

/**
 * Builds the unit forest. A unit whose parent is not in the list (an OPD admin sees only their
 * own subtree) becomes a root. A parent cycle in bad data cannot loop: each unit is placed once.
 */
export function buildUnitTree(units: readonly UnitDto[]): UnitNode[] {
  const byId = new Map<number, UnitDto>();
  for (const u of units) byId.set(u.id, u);

  const childrenOf = new Map<number | null, UnitDto[]>();
  for (const u of units) {
    const parentKey = u.parentId !== null && byId.has(u.parentId) && u.parentId !== u.id ? u.parentId : null;
    const list = childrenOf.get(parentKey) ?? [];
    list.push(u);
    childrenOf.set(parentKey, list);
  }

  const placed = new Set<number>();
  const build = (unit: UnitDto, depth: number): UnitNode => {
    placed.add(unit.id);
    const children = (childrenOf.get(unit.id) ?? [])
      .filter((c) => !placed.has(c.id))
      .sort(compareUnits)
      .map((c) => build(c, depth + 1));
    const subtreeCount = children.reduce((sum, c) => sum + c.subtreeCount, unit.employeeCount);
    return { unit, children, depth, subtreeCount };
  };

  const roots = (childrenOf.get(null) ?? []).sort(compareUnits).map((u) => build(u, 0));
  // Units only reachable through a cycle have no root; show them at the top rather than lose them.
  for (const u of [...units].sort(compareUnits)) {
    if (!placed.has(u.id)) roots.push(build(u, 0));
  }
  return roots;
}

/** Depth-first list, e.g. for a <select> of units with indentation. */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Ids of every unit that has sub-units ("open all"). */
export function branchIds(nodes: readonly UnitNode[]): Set<number> {
  return new Set(flattenTree(nodes).filter((n) => n.children.length > 0).map((n) => n.unit.id));
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('id').trim();
}

/**
 * Keeps the units whose name or short name contains `query`, with their ancestors so the path
 * stays visible. Children of a match are kept too, so a matching dinas still shows its bidang.
 */
export function filterTree(nodes: readonly UnitNode[], query: string): { nodes: UnitNode[]; matchCount: number } {
  const q = normalise(query);
  if (!q) return { nodes: [...nodes], matchCount: 0 };
  let matchCount = 0;
  const visit = (node: UnitNode): UnitNode | null => {
    const matches =
      normalise(node.unit.name).includes(q) || (node.unit.shortName ? normalise(node.unit.shortName).includes(q) : false);
    if (matches) {
      matchCount += 1;
      // Count matches below too, but keep the whole subtree of a match.
      for (const child of node.children) visit(child);
      return node;
    }
    const kept = node.children.map(visit).filter((c): c is UnitNode => c !== null);
    return kept.length > 0 ? { ...node, children: kept } : null;
  };
  const kept = nodes.map(visit).filter((n): n is UnitNode => n !== null);
  return { nodes: kept, matchCount };
}
