import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { JenjangFungsional } from '../org/jabatan.js';
import { angkaKredit } from './angka-kredit.js';
import { RULE_SET_PERMENPANRB_6_2022 } from './rule-set.js';
import type { SkpRuleSet } from './rule-set.js';
import type { PredikatKinerja } from './types.js';

// Reference table §1.9 (b): jenjang → [koefisien, SB, B, BP, K, SK]
const TABLE: [JenjangFungsional, number, number, number, number, number, number][] = [
  ['PEMULA', 3.75, 5.63, 3.75, 2.81, 1.88, 0.94],
  ['TERAMPIL', 5, 7.5, 5, 3.75, 2.5, 1.25],
  ['MAHIR', 12.5, 18.75, 12.5, 9.38, 6.25, 3.13],
  ['PENYELIA', 25, 37.5, 25, 18.75, 12.5, 6.25],
  ['AHLI_PERTAMA', 12.5, 18.75, 12.5, 9.38, 6.25, 3.13],
  ['AHLI_MUDA', 25, 37.5, 25, 18.75, 12.5, 6.25],
  ['AHLI_MADYA', 37.5, 56.25, 37.5, 28.13, 18.75, 9.38],
  ['AHLI_UTAMA', 50, 75, 50, 37.5, 25, 12.5],
];
const ORDER: PredikatKinerja[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
const CELLS = TABLE.flatMap(([jenjang, , ...values]) =>
  ORDER.map((predikat, i) => [jenjang, predikat, values[i] ?? Number.NaN] as const),
);

describe('angkaKredit — PermenPANRB 1/2023 (§1.9 b)', () => {
  it('has 40 cells to check', () => {
    expect(CELLS).toHaveLength(40);
  });

  it.each(CELLS)('%s × %s = %d per year', (jenjang, predikat, expected) => {
    expect(angkaKredit(jenjang, predikat)).toBe(expected);
    expect(angkaKredit(jenjang, predikat, 12)).toBe(expected);
  });

  it('uses the koefisien of the table as the rule-set data', () => {
    for (const [jenjang, koefisien] of TABLE) {
      expect(RULE_SET_PERMENPANRB_6_2022.angkaKredit.koefisien[jenjang]).toBe(koefisien);
      expect(angkaKredit(jenjang, 'BAIK')).toBe(koefisien);
    }
  });

  it('prorates by months/12 and rounds half up once at the end', () => {
    expect(angkaKredit('AHLI_PERTAMA', 'BAIK', 6)).toBe(6.25);
    expect(angkaKredit('AHLI_UTAMA', 'SANGAT_BAIK', 1)).toBe(6.25);
    expect(angkaKredit('AHLI_PERTAMA', 'SANGAT_BAIK', 7)).toBe(10.94); // 10.9375
    expect(angkaKredit('AHLI_MUDA', 'BAIK', 1)).toBe(2.08); // 2.0833
    expect(angkaKredit('AHLI_MUDA', 'BAIK', 11)).toBe(22.92); // 22.9166
    expect(angkaKredit('PEMULA', 'SANGAT_KURANG', 3)).toBe(0.23); // 0.234375
    expect(angkaKredit('TERAMPIL', 'BAIK', 3)).toBe(1.25);
    expect(angkaKredit('MAHIR', 'BAIK', 0)).toBe(0);
  });

  it('accepts 0 and 12 months and rejects anything outside whole months 0–12', () => {
    expect(angkaKredit('MAHIR', 'BAIK', 12)).toBe(12.5);
    expect(() => angkaKredit('MAHIR', 'BAIK', 13)).toThrow(DomainError);
    expect(() => angkaKredit('MAHIR', 'BAIK', -1)).toThrow(DomainError);
    expect(() => angkaKredit('MAHIR', 'BAIK', 1.5)).toThrow(DomainError);
  });

  it('rejects unknown jenjang and predikat', () => {
    expect(() => angkaKredit('AHLI' as JenjangFungsional, 'BAIK')).toThrow(DomainError);
    expect(() => angkaKredit('PEMULA', 'CUKUP' as PredikatKinerja)).toThrow(DomainError);
  });

  it('follows the rule set for decimals and numbers', () => {
    const threeDecimals: SkpRuleSet = {
      ...RULE_SET_PERMENPANRB_6_2022,
      angkaKredit: { ...RULE_SET_PERMENPANRB_6_2022.angkaKredit, decimals: 3 },
    };
    expect(angkaKredit('PEMULA', 'SANGAT_BAIK', 12, threeDecimals)).toBe(5.625);
    expect(angkaKredit('PEMULA', 'SANGAT_BAIK', 12)).toBe(5.63);
    const doubled: SkpRuleSet = {
      ...RULE_SET_PERMENPANRB_6_2022,
      angkaKredit: {
        ...RULE_SET_PERMENPANRB_6_2022.angkaKredit,
        percentage: { ...RULE_SET_PERMENPANRB_6_2022.angkaKredit.percentage, BAIK: 200 },
      },
    };
    expect(angkaKredit('AHLI_MUDA', 'BAIK', 12, doubled)).toBe(50);
  });
});
