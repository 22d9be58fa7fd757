import { describe, expect, it } from 'vitest';
import { parseNip } from '@pantau/domain';
import { roleName } from '../schema/auth.js';
import { ACTING_ASSIGNMENTS, generateDemoOrg, VACANT_POSITIONS, type DemoOrg, type DemoPosition } from './demo-data.js';
import { addDays } from './demo-prng.js';
import { SEKDA_KEY } from './demo-structure.js';

const TODAY = '2026-11-27';
const small = generateDemoOrg({ size: 'small', today: TODAY });
const full = generateDemoOrg({ size: 'full', today: TODAY });

const onDate = (org: DemoOrg, date: string) =>
  org.assignments.filter((a) => a.validFrom <= date && (a.validTo === null || a.validTo >= date));

/** The reporting chain above a position, ending at the root. */
function chain(org: DemoOrg, start: DemoPosition): DemoPosition[] {
  const byKey = new Map(org.positions.map((p) => [p.key, p]));
  const out: DemoPosition[] = [];
  let p: DemoPosition | undefined = start;
  while (p !== undefined) {
    if (out.includes(p)) throw new Error(`cycle at ${p.key}`);
    out.push(p);
    p = p.parentKey === null ? undefined : byKey.get(p.parentKey);
  }
  return out;
}

describe.each([
  ['small', small, 700, 315],
  ['full', full, 6666, 2996],
] as const)('generateDemoOrg(%s)', (_size, org, total, pns) => {
  const positions = new Map(org.positions.map((p) => [p.key, p]));
  const employees = new Map(org.employees.map((e) => [e.key, e]));

  it('has the target size and PNS/PPPK share (about 45/55)', () => {
    expect(org.employees).toHaveLength(total);
    const pnsCount = org.employees.filter((e) => e.jenisAsn === 'PNS').length;
    expect(pnsCount).toBe(pns);
    expect(pnsCount / total).toBeGreaterThan(0.43);
    expect(pnsCount / total).toBeLessThan(0.47);
  });

  it('gives every employee a valid, unique NIP matching their data', () => {
    expect(new Set(org.employees.map((e) => e.nip)).size).toBe(total);
    for (const e of org.employees) {
      const parsed = parseNip(e.nip, e.jenisAsn);
      expect(parsed.birthDate).toBe(e.birthDate);
      expect(parsed.sex).toBe(e.sex);
      expect(e.birthDate >= '1966-01-01' && e.birthDate <= '2001-12-31').toBe(true);
      if (e.jenisAsn === 'PNS') {
        const [y, m, d] = e.birthDate.split('-');
        expect(`${parsed.tmtCpns ?? ''}-01` >= `${Number(y) + 21}-${m}-${d}`).toBe(true);
      } else {
        expect(parsed.appointmentYear).toBeGreaterThanOrEqual(2022);
        expect(parsed.appointmentYear).toBeLessThanOrEqual(2025);
        expect(['21', '24']).toContain(e.nip.slice(12, 14));
        expect(e.golongan).toMatch(/^(V|VI|VII|VIII|IX|X|XI)$/);
      }
      if (e.name.startsWith('Teuku ')) expect(e.sex).toBe('L');
      if (e.name.startsWith('Cut ')) expect(e.sex).toBe('P');
    }
  });

  it('forms one tree of units and one reporting tree of positions under the Sekda', () => {
    const unitKeys = new Set(org.units.map((u) => u.key));
    for (const u of org.units) if (u.parentKey !== null) expect(unitKeys.has(u.parentKey)).toBe(true);
    expect(new Set(org.units.map((u) => `${u.parentKey ?? ''}|${u.name}`)).size).toBe(org.units.length);
    expect(new Set(org.positions.map((p) => `${p.unitKey}|${p.name}`)).size).toBe(org.positions.length);
    const roots = org.positions.filter((p) => p.parentKey === null);
    expect(roots.map((r) => r.key)).toEqual([SEKDA_KEY]);
    expect(roots[0]?.name).toBe('Sekretaris Daerah');
    for (const p of org.positions) {
      expect(unitKeys.has(p.unitKey)).toBe(true);
      if (p.parentKey !== null) expect(positions.has(p.parentKey)).toBe(true);
      expect(chain(org, p).at(-1)?.key).toBe(SEKDA_KEY);
    }
  });

  it('chains a seksi pelaksana through kasi, kabid and kepala dinas to the Sekda', () => {
    const pelaksana = positions.get('dinkes/bid1/sek1#penata-layanan-operasional');
    expect(pelaksana).toBeDefined();
    if (pelaksana === undefined) return;
    expect(chain(org, pelaksana).map((p) => p.type)).toEqual(['PELAKSANA', 'PENGAWAS', 'ADMINISTRATOR', 'JPT', 'JPT']);
    const gampongStaff = org.positions.find((p) => p.unitKey.startsWith('kec-bs/gp'));
    expect(gampongStaff?.parentKey).toBe('kec-bs/sek1#head');
  });

  it('staffs every post correctly today: one DEFINITIF per employee, one holder per head', () => {
    const today = onDate(org, TODAY);
    const definitif = today.filter((a) => a.kind === 'DEFINITIF');
    expect(new Set(definitif.map((a) => a.employeeKey)).size).toBe(total);
    expect(definitif).toHaveLength(total);
    const headHolders = new Map<string, number>();
    for (const a of definitif) {
      const p = positions.get(a.positionKey);
      if (p?.isHead) headHolders.set(p.key, (headHolders.get(p.key) ?? 0) + 1);
      const e = employees.get(a.employeeKey);
      if (p === undefined || e === undefined) throw new Error('dangling assignment');
      if (p.type !== 'PELAKSANA' && p.type !== 'FUNGSIONAL') expect(e.jenisAsn).toBe('PNS');
      if (e.jenisAsn === 'PNS') {
        const expected: Record<string, RegExp> = {
          JPT: /^IV\/[cd]$/,
          ADMINISTRATOR: /^IV\/[ab]$/,
          PENGAWAS: /^III\/[cd]$/,
          PELAKSANA: /^(II\/[cd]|III\/[ab])$/,
          FUNGSIONAL: /^(II|III|IV)\/[a-e]$/,
        };
        expect(e.golongan).toMatch(expected[p.type] ?? /^$/);
      }
    }
    for (const p of org.positions.filter((x) => x.isHead)) {
      expect(headHolders.get(p.key) ?? 0).toBe((VACANT_POSITIONS as readonly string[]).includes(p.key) ? 0 : 1);
    }
    // No employee has two DEFINITIF rows that overlap.
    const byEmployee = new Map<string, typeof org.assignments>();
    for (const a of org.assignments.filter((x) => x.kind === 'DEFINITIF')) {
      byEmployee.set(a.employeeKey, [...(byEmployee.get(a.employeeKey) ?? []), a]);
    }
    for (const rows of byEmployee.values()) {
      const sorted = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i - 1]?.validTo).toBe(addDays(sorted[i]?.validFrom ?? '', -1));
      }
    }
  });

  it('has about 5% closed history last year and Plt/Plh rows covering today', () => {
    const closed = org.assignments.filter((a) => a.validTo !== null && a.kind === 'DEFINITIF');
    expect(closed.length / total).toBeGreaterThan(0.04);
    expect(closed.length / total).toBeLessThan(0.06);
    for (const a of closed) expect(a.validTo?.startsWith('2025-')).toBe(true);
    const acting = org.assignments.filter((a) => a.kind !== 'DEFINITIF');
    expect(acting.length).toBeGreaterThanOrEqual(3);
    expect(acting.length).toBeLessThanOrEqual(6);
    expect(acting.length).toBe(ACTING_ASSIGNMENTS.length);
    for (const a of acting) {
      expect(a.validFrom <= TODAY && (a.validTo ?? '9999') >= TODAY).toBe(true);
      expect(positions.get(a.positionKey)?.isHead).toBe(true);
    }
    expect(acting.some((a) => a.kind === 'PLT' && a.positionKey === 'disdukcapil#head')).toBe(true);
    expect(acting.some((a) => a.kind === 'PLH' && a.positionKey.startsWith('kec-'))).toBe(true);
  });

  it('has a demo login for every role, mapped to fitting employees', () => {
    const roles = new Set<string>(org.logins.map((l) => l.role));
    for (const r of [...roleName.enumValues, 'ATASAN', 'PEGAWAI']) expect(roles.has(r)).toBe(true);
    expect(new Set(org.logins.map((l) => l.login)).size).toBe(org.logins.length);
    const current = onDate(org, TODAY);
    const postsOf = (employeeKey: string | null) =>
      current.filter((a) => a.employeeKey === employeeKey).map((a) => ({ kind: a.kind, p: positions.get(a.positionKey) }));
    for (const l of org.logins) {
      if (l.role === 'SUPER_ADMIN') {
        expect(l.login).toBe('superadmin');
        expect(l.employeeKey).toBeNull();
        continue;
      }
      const e = l.employeeKey === null ? undefined : employees.get(l.employeeKey);
      expect(e?.nip).toBe(l.login);
    }
    const byRole = (role: string, i = 0) => org.logins.filter((l) => l.role === role)[i];
    expect(postsOf(byRole('PIMPINAN')?.employeeKey ?? null)[0]?.p?.key).toBe(SEKDA_KEY);
    expect(postsOf(byRole('ADMIN_BKPSDM')?.employeeKey ?? null)[0]?.p?.name).toBe('Analis SDM Aparatur Ahli Muda');
    expect(postsOf(byRole('INSPEKTORAT')?.employeeKey ?? null)[0]?.p?.unitKey).toMatch(/^inspektorat\//);
    expect(byRole('ADMIN_OPD')?.grant).toEqual({ role: 'ADMIN_OPD', unitKey: 'dinkes' });
    expect(postsOf(byRole('ATASAN')?.employeeKey ?? null)[0]?.p?.name).toBe('Kepala Bidang Kesehatan Masyarakat');
    expect(postsOf(byRole('ATASAN', 1)?.employeeKey ?? null).some((x) => x.kind === 'PLT')).toBe(true);
    expect(postsOf(byRole('PEGAWAI')?.employeeKey ?? null)[0]?.p?.type).toBe('PELAKSANA');
  });
});

describe('generateDemoOrg determinism', () => {
  it('gives identical output for the same seed and today', () => {
    expect(generateDemoOrg({ size: 'small', today: TODAY })).toEqual(small);
    expect(generateDemoOrg({ size: 'small', seed: 7, today: TODAY })).toEqual(
      generateDemoOrg({ size: 'small', seed: 7, today: TODAY }),
    );
  });

  it('changes people (not structure) with another seed', () => {
    const other = generateDemoOrg({ size: 'small', seed: 7, today: TODAY });
    expect(other.units).toEqual(small.units);
    expect(other.positions).toEqual(small.positions);
    expect(other.employees.map((e) => e.nip)).not.toEqual(small.employees.map((e) => e.nip));
  });

  it('rejects a malformed today', () => {
    expect(() => generateDemoOrg({ size: 'small', today: '2026-13-01' })).toThrow(/YYYY-MM-DD/);
  });
});
