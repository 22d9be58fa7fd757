import type { UnitDto } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { branchIds, buildUnitTree, filterTree, flattenTree } from './tree';

function unit(id: number, parentId: number | null, name: string, kind: UnitDto['kind'], employeeCount = 0): UnitDto {
  return { id, parentId, opdId: null, name, shortName: null, kind, employeeCount };
}

const units: UnitDto[] = [
  unit(5, 1, 'Bidang Pelayanan Kesehatan', 'BIDANG', 12),
  unit(1, null, 'Dinas Kesehatan', 'DINAS', 8),
  unit(2, null, 'Sekretariat Daerah', 'SEKRETARIAT', 20),
  unit(6, 5, 'Seksi Pelayanan Kesehatan Primer', 'SEKSI', 4),
  unit(3, null, 'Kecamatan Banda Sakti', 'KECAMATAN', 15),
  unit(7, 3, 'Gampong Kampung Jawa Lama', 'GAMPONG', 3),
  unit(4, 1, 'Bidang Pencegahan Penyakit', 'BIDANG', 5),
];

describe('buildUnitTree', () => {
  it('nests units under their parent and orders them like an org chart', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((n) => n.unit.name)).toEqual(['Sekretariat Daerah', 'Dinas Kesehatan', 'Kecamatan Banda Sakti']);
    const dinkes = tree[1];
    // Alphabetical within a kind: "Pelayanan" before "Pencegahan".
    expect(dinkes?.children.map((n) => n.unit.id)).toEqual([5, 4]);
    expect(dinkes?.children[0]?.children[0]?.unit.id).toBe(6);
    expect(dinkes?.children[0]?.children[0]?.depth).toBe(2);
  });

  it('adds up employees in each subtree', () => {
    const tree = buildUnitTree(units);
    const dinkes = tree.find((n) => n.unit.id === 1);
    expect(dinkes?.subtreeCount).toBe(8 + 5 + 12 + 4);
    expect(tree.find((n) => n.unit.id === 3)?.subtreeCount).toBe(18);
  });

  it('makes a unit whose parent is not visible a root', () => {
    const tree = buildUnitTree([unit(5, 1, 'Bidang Pelayanan Kesehatan', 'BIDANG', 1), unit(6, 5, 'Seksi', 'SEKSI', 1)]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.unit.id).toBe(5);
    expect(tree[0]?.subtreeCount).toBe(2);
  });

  it('does not loop on a parent cycle and keeps every unit', () => {
    const tree = buildUnitTree([unit(1, 2, 'A', 'BIDANG'), unit(2, 1, 'B', 'BIDANG'), unit(3, 3, 'C', 'SEKSI')]);
    expect(flattenTree(tree).map((n) => n.unit.id).sort()).toEqual([1, 2, 3]);
  });

  it('returns an empty forest for no units', () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe('flattenTree and branchIds', () => {
  it('walks depth-first and lists branches', () => {
    const tree = buildUnitTree(units);
    expect(flattenTree(tree).map((n) => n.unit.id)).toEqual([2, 1, 5, 6, 4, 3, 7]);
    expect([...branchIds(tree)].sort()).toEqual([1, 3, 5]);
  });
});

describe('filterTree', () => {
  it('keeps matches with their ancestors, ignoring case', () => {
    const { nodes, matchCount } = filterTree(buildUnitTree(units), 'primer');
    expect(matchCount).toBe(1);
    expect(nodes.map((n) => n.unit.id)).toEqual([1]);
    expect(nodes[0]?.children.map((n) => n.unit.id)).toEqual([5]);
    expect(nodes[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual([6]);
  });

  it('keeps the whole subtree of a matching unit', () => {
    const { nodes } = filterTree(buildUnitTree(units), 'dinas kesehatan');
    expect(flattenTree(nodes).map((n) => n.unit.id)).toEqual([1, 5, 6, 4]);
  });

  it('returns everything for an empty query', () => {
    expect(filterTree(buildUnitTree(units), '  ').nodes).toHaveLength(3);
  });
});
