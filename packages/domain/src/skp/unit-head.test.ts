import { describe, expect, it } from 'vitest';
import { PREDIKAT_ORGANISASI } from './types.js';
import { UNIT_HEAD_HASIL_KERJA_DEFAULT, unitHeadHasilKerja } from './unit-head.js';

describe('unitHeadHasilKerja (SE MenPANRB 3/2023: the unit\'s predikat is the head\'s rating hasil kerja)', () => {
  it.each([
    ['ISTIMEWA', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ] as const)('%s → %s by default', (org, rating) => {
    expect(unitHeadHasilKerja(org)).toBe(rating);
  });

  it('covers every organisation predikat and accepts another mapping', () => {
    expect(Object.keys(UNIT_HEAD_HASIL_KERJA_DEFAULT).sort()).toEqual([...PREDIKAT_ORGANISASI].sort());
    expect(unitHeadHasilKerja('BUTUH_PERBAIKAN', { ...UNIT_HEAD_HASIL_KERJA_DEFAULT, BUTUH_PERBAIKAN: 'SESUAI' })).toBe('SESUAI');
  });
});
