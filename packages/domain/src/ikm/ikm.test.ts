import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { IKM_INTERVALS, IkmError, computeIkm, ikmCategory } from './ikm.js';
import type { IkmErrorCode, IkmOptions } from './ikm.js';
import { IKM_ANSWER_SCALE, IKM_UNSUR } from './unsur.js';

const all = (v: number) => [v, v, v, v, v, v, v, v, v];

/** `n` questionnaires whose answers add up to `total` (filled from the first answer on). */
function responsesWithTotal(n: number, total: number): number[][] {
  let extra = total - 9 * n;
  return Array.from({ length: n }, () =>
    Array.from({ length: 9 }, () => {
      const add = Math.min(3, extra);
      extra -= add;
      return 1 + add;
    }),
  );
}

function errorCode(fn: () => unknown): IkmErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof IkmError) return error.code;
    throw error;
  }
  return undefined;
}

describe('ikmCategory — interval table of PermenPANRB 14/2017 (§4.4)', () => {
  it.each([
    [100, 'A', 'Sangat Baik'],
    [88.31, 'A', 'Sangat Baik'],
    [88.3, 'B', 'Baik'],
    [76.61, 'B', 'Baik'],
    [76.6, 'C', 'Kurang Baik'],
    [65, 'C', 'Kurang Baik'],
    [64.99, 'D', 'Tidak Baik'],
    [25, 'D', 'Tidak Baik'],
  ])('%d → %s %s', (ikm, mutu, kinerja) => {
    expect(ikmCategory(ikm)).toEqual({ mutu, kinerja });
  });

  it('rounds half up to 2 decimals before reading the table', () => {
    expect(ikmCategory(88.305).mutu).toBe('A');
    expect(ikmCategory(88.3049).mutu).toBe('B');
    expect(ikmCategory(76.605).mutu).toBe('B');
    expect(ikmCategory(76.6049).mutu).toBe('C');
    expect(ikmCategory(64.995).mutu).toBe('C');
    expect(ikmCategory(64.9949).mutu).toBe('D');
  });

  it('rejects values outside 25–100', () => {
    expect(errorCode(() => ikmCategory(24.99))).toBe('IKM_RANGE');
    expect(errorCode(() => ikmCategory(24.995))).toBeUndefined();
    expect(errorCode(() => ikmCategory(100.01))).toBe('IKM_RANGE');
    expect(errorCode(() => ikmCategory(Number.NaN))).toBe('IKM_RANGE');
  });

  it('publishes the table it uses', () => {
    expect(IKM_INTERVALS.map((r) => [r.mutu, r.min, r.max])).toEqual([
      ['A', 88.31, 100], ['B', 76.61, 88.3], ['C', 65, 76.6], ['D', 25, 64.99],
    ]);
  });
});

describe('computeIkm — formulas of PermenPANRB 14/2017 (§4.3)', () => {
  it('gives 100 / A for all-4 answers and 25 / D for all-1 answers', () => {
    expect(computeIkm([all(4), all(4)])).toEqual({
      nrrPerUnsur: all(4), ikm: 100, mutu: 'A', kinerja: 'Sangat Baik',
    });
    expect(computeIkm([all(1)])).toEqual({
      nrrPerUnsur: all(1), ikm: 25, mutu: 'D', kinerja: 'Tidak Baik',
    });
  });

  it('returns the unrounded NRR per unsur in U1…U9 order', () => {
    const result = computeIkm([
      [1, 2, 3, 4, 1, 2, 3, 4, 1],
      [2, 2, 3, 4, 4, 4, 4, 4, 4],
      [4, 2, 3, 4, 4, 4, 4, 4, 4],
    ]);
    expect(result.nrrPerUnsur[0]).toBeCloseTo(7 / 3, 12);
    expect(result.nrrPerUnsur.slice(1, 4)).toEqual([2, 3, 4]);
    expect(result.nrrPerUnsur[8]).toBeCloseTo(3, 12);
    // Σ = 7+6+9+12+9+10+11+12+9 = 85 → 25 × 85 / 27 = 78.7037… → 78.70
    expect(result.ikm).toBe(78.7);
    expect(result.mutu).toBe('B');
  });

  it('rounds an exact half up (28.125 → 28.13)', () => {
    expect(computeIkm(responsesWithTotal(8, 81)).ikm).toBe(28.13);
  });

  it('rounds a half up across the A/B boundary (88.305 → 88.31 → A)', () => {
    // 25 × 158949 / (9 × 5000) = 88.305 exactly
    const result = computeIkm(responsesWithTotal(5000, 158949));
    expect(result.ikm).toBe(88.31);
    expect(result.mutu).toBe('A');
  });

  it.each([
    [19, 604, 88.3, 'B'], // 88.3040…
    [24, 763, 88.31, 'A'], // 88.3101…
    [26, 717, 76.6, 'C'], // 76.6025…
    [19, 524, 76.61, 'B'], // 76.6081… — rounding first makes it B
    [5, 117, 65, 'C'], // 65.0000
    [38, 889, 64.99, 'D'], // 64.9853…
  ])('n=%d, Σ=%d → %d %s (boundary)', (n, total, ikm, mutu) => {
    const result = computeIkm(responsesWithTotal(n, total));
    expect(result.ikm).toBe(ikm);
    expect(result.mutu).toBe(mutu);
  });

  it('uses exact 1/9 by default and 0,111 on request', () => {
    const exact: IkmOptions = { weightVariant: 'exact' };
    const rounded: IkmOptions = { weightVariant: '0.111' };
    expect(computeIkm([all(4)], exact).ikm).toBe(100);
    expect(computeIkm([all(4)], rounded).ikm).toBe(99.9);
    expect(computeIkm([all(1)], rounded)).toMatchObject({ ikm: 24.98, mutu: 'D' });
    expect(computeIkm([all(3)], rounded).ikm).toBe(74.93);
    expect(computeIkm([all(3)]).ikm).toBe(75);
  });

  it('0,111 can move a survey from A to B', () => {
    const responses = responsesWithTotal(5, 159); // exact 88.33, 0,111 → 88.25
    expect(computeIkm(responses)).toMatchObject({ ikm: 88.33, mutu: 'A' });
    expect(computeIkm(responses, { weightVariant: '0.111' })).toMatchObject({ ikm: 88.25, mutu: 'B' });
  });

  it('does not drift with many questionnaires', () => {
    expect(computeIkm(Array.from({ length: 10_000 }, () => all(4))).ikm).toBe(100);
    expect(computeIkm(Array.from({ length: 9_999 }, () => all(3))).ikm).toBe(75);
  });
});

describe('computeIkm — input validation', () => {
  it('needs at least one response', () => {
    expect(errorCode(() => computeIkm([]))).toBe('IKM_NO_RESPONSES');
  });

  it('needs exactly nine answers per response', () => {
    expect(errorCode(() => computeIkm([[4, 4, 4, 4, 4, 4, 4, 4]]))).toBe('IKM_RESPONSE_LENGTH');
    expect(errorCode(() => computeIkm([[...all(4), 4]]))).toBe('IKM_RESPONSE_LENGTH');
  });

  it('needs integers 1–4 and points at the bad response', () => {
    expect(errorCode(() => computeIkm([all(4), [0, 4, 4, 4, 4, 4, 4, 4, 4]]))).toBe('IKM_ANSWER');
    expect(errorCode(() => computeIkm([[5, 4, 4, 4, 4, 4, 4, 4, 4]]))).toBe('IKM_ANSWER');
    expect(errorCode(() => computeIkm([[3.5, 4, 4, 4, 4, 4, 4, 4, 4]]))).toBe('IKM_ANSWER');
    expect(errorCode(() => computeIkm([[1, 4, 4, 4, 4, 4, 4, 4, 4]]))).toBeUndefined();
    try {
      computeIkm([all(4), all(4), [4, 4, 4, 4, 4, 4, 4, 4, Number.NaN]]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as IkmError).responseIndex).toBe(2);
    }
  });

  it('rejects an unknown weight variant', () => {
    expect(() => computeIkm([all(4)], { weightVariant: '0.11' as 'exact' })).toThrow(DomainError);
  });
});

describe('unsur and answer wording (§4.1, §4.2)', () => {
  it('lists U1–U9 with the regulation names', () => {
    expect(IKM_UNSUR.map((u) => `${u.kode} ${u.nama}`)).toEqual([
      'U1 Persyaratan',
      'U2 Sistem, Mekanisme, dan Prosedur',
      'U3 Waktu Penyelesaian',
      'U4 Biaya/Tarif',
      'U5 Produk Spesifikasi Jenis Pelayanan',
      'U6 Kompetensi Pelaksana',
      'U7 Perilaku Pelaksana',
      'U8 Penanganan Pengaduan, Saran dan Masukan',
      'U9 Sarana dan Prasarana',
    ]);
    expect(IKM_UNSUR.map((u) => u.urutan)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('words the answers from worst (1) to best (4)', () => {
    expect(IKM_UNSUR[0]?.jawaban).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
    expect(IKM_UNSUR[3]?.jawaban).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(IKM_UNSUR[6]?.jawaban[3]).toBe('Sangat sopan dan ramah');
    expect(IKM_UNSUR[8]?.jawaban).toEqual(['Buruk', 'Cukup', 'Baik', 'Sangat Baik']);
    expect(IKM_ANSWER_SCALE.map((a) => `${a.huruf}=${a.nilai}`)).toEqual(['a=1', 'b=2', 'c=3', 'd=4']);
  });
});
