import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { predikatKinerja } from './predikat.js';
import { CURRENT_SKP_RULE_SET, RULE_SET_PERMENPANRB_6_2022, SKP_RULE_SETS, skpRuleSetFor } from './rule-set.js';
import type { SkpRuleSet } from './rule-set.js';
import type { PredikatKinerja, Rating } from './types.js';
import {
  PREDIKAT_KINERJA,
  PREDIKAT_KINERJA_LABELS,
  PREDIKAT_ORGANISASI,
  PREDIKAT_ORGANISASI_LABELS,
  RATINGS,
  RATING_LABELS,
  isPredikatKinerja,
  isPredikatOrganisasi,
  isRating,
} from './types.js';

describe('predikatKinerja — 3×3 matrix of PermenPANRB 6/2022 (§1.7.4)', () => {
  const cells: [Rating, Rating, PredikatKinerja][] = [
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
    ['DI_ATAS', 'SESUAI', 'BAIK'],
    ['DI_ATAS', 'DI_BAWAH', 'KURANG'],
    ['SESUAI', 'DI_ATAS', 'BAIK'],
    ['SESUAI', 'SESUAI', 'BAIK'],
    ['SESUAI', 'DI_BAWAH', 'KURANG'],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
  ];

  it.each(cells)('hasil kerja %s × perilaku %s → %s', (hasil, perilaku, expected) => {
    expect(predikatKinerja(hasil, perilaku)).toBe(expected);
  });

  it('covers all nine combinations exactly once', () => {
    expect(new Set(cells.map(([h, p]) => `${h}/${p}`)).size).toBe(RATINGS.length ** 2);
  });

  it('is not symmetric: bad behaviour gives Kurang, bad results give Butuh Perbaikan', () => {
    expect(predikatKinerja('DI_ATAS', 'DI_BAWAH')).not.toBe(predikatKinerja('DI_BAWAH', 'DI_ATAS'));
  });

  it('rejects unknown ratings at runtime', () => {
    expect(() => predikatKinerja('DIATAS' as Rating, 'SESUAI')).toThrow(DomainError);
    expect(() => predikatKinerja('SESUAI', '' as Rating)).toThrow(/INVALID|Ratings/);
  });

  it('uses the rule set it is given', () => {
    const strict: SkpRuleSet = {
      ...RULE_SET_PERMENPANRB_6_2022,
      id: 'test',
      matrix: { ...RULE_SET_PERMENPANRB_6_2022.matrix, SESUAI: { DI_ATAS: 'BAIK', SESUAI: 'BAIK', DI_BAWAH: 'SANGAT_KURANG' } },
    };
    expect(predikatKinerja('SESUAI', 'DI_BAWAH', strict)).toBe('SANGAT_KURANG');
    expect(predikatKinerja('SESUAI', 'DI_BAWAH')).toBe('KURANG');
  });
});

describe('labels (§1.7.3, §1.7.4)', () => {
  it('uses the spaced regulation spelling for ratings', () => {
    expect(RATINGS.map((r) => RATING_LABELS[r].id)).toEqual([
      'Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi',
    ]);
    expect(RATING_LABELS.DI_ATAS.en).toBe('Above expectations');
  });

  it('shows KURANG as "Kurang/Misconduct"', () => {
    expect(PREDIKAT_KINERJA.map((p) => PREDIKAT_KINERJA_LABELS[p].id)).toEqual([
      'Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Kurang',
    ]);
    for (const p of PREDIKAT_KINERJA) expect(PREDIKAT_KINERJA_LABELS[p].en.length).toBeGreaterThan(0);
  });

  it('labels the organisation predikat', () => {
    expect(PREDIKAT_ORGANISASI.map((p) => PREDIKAT_ORGANISASI_LABELS[p].id)).toEqual([
      'Istimewa', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang',
    ]);
  });

  it('has type guards that accept only the enum values', () => {
    expect(isRating('SESUAI')).toBe(true);
    expect(isRating('Sesuai')).toBe(false);
    expect(isPredikatKinerja('KURANG')).toBe(true);
    expect(isPredikatKinerja('ISTIMEWA')).toBe(false);
    expect(isPredikatOrganisasi('ISTIMEWA')).toBe(true);
    expect(isPredikatOrganisasi('SANGAT_BAIK')).toBe(false);
  });
});

describe('SKP rule sets', () => {
  it('makes PermenPANRB 6/2022 the current rule set', () => {
    expect(CURRENT_SKP_RULE_SET).toBe(RULE_SET_PERMENPANRB_6_2022);
    expect(SKP_RULE_SETS).toContain(RULE_SET_PERMENPANRB_6_2022);
    expect(RULE_SET_PERMENPANRB_6_2022.validFrom).toBe('2023-01-01');
  });

  it('picks the rule set in force on a date', () => {
    expect(skpRuleSetFor('2023-01-01')).toBe(RULE_SET_PERMENPANRB_6_2022);
    expect(skpRuleSetFor('2026-06-30')).toBe(RULE_SET_PERMENPANRB_6_2022);
    expect(() => skpRuleSetFor('2022-12-31')).toThrow(DomainError);
    expect(() => skpRuleSetFor('2023-13-01')).toThrow(DomainError);
  });

  it('prefers the newest rule set that has started', () => {
    const next: SkpRuleSet = { ...RULE_SET_PERMENPANRB_6_2022, id: 'next', validFrom: '2027-01-01' };
    const sets = [next, RULE_SET_PERMENPANRB_6_2022];
    expect(skpRuleSetFor('2026-12-31', sets).id).toBe('permenpanrb-6-2022');
    expect(skpRuleSetFor('2027-01-01', sets).id).toBe('next');
  });
});
