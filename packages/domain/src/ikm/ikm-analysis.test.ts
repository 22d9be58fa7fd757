import { describe, expect, it } from 'vitest';
import { computeIkm } from './ikm.js';
import { computeIkmFromTotals, isLowScore, isSuppressed, median, responseIkm, unsurMentionedIn, weakestUnsurFirst } from './ikm-analysis.js';

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('computeIkmFromTotals', () => {
  it('equals computeIkm on the same responses, both weight variants', () => {
    const rnd = lcg(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 40);
      const responses = Array.from({ length: n }, () => Array.from({ length: 9 }, () => 1 + Math.floor(rnd() * 4)));
      const sums = Array.from({ length: 9 }, (_, i) => responses.reduce((a, r) => a + (r[i] ?? 0), 0));
      for (const weightVariant of ['exact', '0.111'] as const) {
        expect(computeIkmFromTotals({ sums, count: n }, { weightVariant })).toEqual(computeIkm(responses, { weightVariant }));
      }
    }
  });

  it('rejects impossible totals', () => {
    expect(() => computeIkmFromTotals({ sums: [1, 1, 1, 1, 1, 1, 1, 1, 1], count: 0 })).toThrow();
    expect(() => computeIkmFromTotals({ sums: [9, 1, 1, 1, 1, 1, 1, 1, 1], count: 2 })).toThrow();
    expect(() => computeIkmFromTotals({ sums: [1, 1], count: 1 })).toThrow();
  });
});

describe('responseIkm and isLowScore', () => {
  it('scores one sheet on the 25–100 scale', () => {
    expect(responseIkm([4, 4, 4, 4, 4, 4, 4, 4, 4])).toBe(100);
    expect(responseIkm([1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(25);
    expect(responseIkm([3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(75);
  });

  it('is low strictly below the threshold', () => {
    // Σ = 23 → 25 × 23 / 9 = 63,89 (D); Σ = 24 → 66,67 (C).
    expect(isLowScore([3, 3, 3, 2, 2, 2, 3, 3, 2], 65)).toBe(true);
    expect(isLowScore([3, 3, 3, 3, 2, 2, 3, 3, 2], 65)).toBe(false);
    expect(isLowScore([2, 2, 2, 2, 2, 2, 2, 2, 2], 50)).toBe(false);
  });
});

describe('weakestUnsurFirst', () => {
  it('orders by NRR, ties in display order', () => {
    const order = weakestUnsurFirst([3.5, 2.1, 3.9, 2.1, 3, 3, 1.8, 4, 3]).map((u) => u.kode);
    expect(order).toEqual(['U7', 'U2', 'U4', 'U5', 'U6', 'U9', 'U1', 'U3', 'U8']);
  });
});

describe('unsurMentionedIn', () => {
  it('finds unsur by keyword at word starts', () => {
    expect(unsurMentionedIn('Petugasnya judes dan antreannya lama sekali')).toEqual(['U2', 'U3', 'U7']);
    expect(unsurMentionedIn('Toilet kotor, tidak ada kursi.')).toEqual(['U9']);
    expect(unsurMentionedIn('Ada pungli Rp50.000!')).toEqual(['U4']);
    expect(unsurMentionedIn('Mantap')).toEqual([]);
  });

  it('does not match inside other words', () => {
    // "placebo" contains "ac" but not at a word start.
    expect(unsurMentionedIn('placebo')).toEqual([]);
    // Keywords at the start of unrelated words: acara (ac), lamaran (lama), jaminan (jam).
    expect(unsurMentionedIn('Acara lamaran, jaminan kesehatan')).toEqual([]);
    expect(unsurMentionedIn('Mudah-mudahan pelayanan hari ini tetap bagus')).toEqual([]);
  });

  it('reads Indonesian affixes and colloquial spellings', () => {
    expect(unsurMentionedIn('Kelamaan menunggu, ACnya mati')).toEqual(['U3', 'U9']);
    expect(unsurMentionedIn('Dipersulit, harus bolak-balik fotokopi berkas')).toEqual(['U1', 'U2']);
    expect(unsurMentionedIn('Petugas membentak saya')).toEqual(['U7']);
    expect(unsurMentionedIn('lamaaaa bgt ngantri')).toEqual(['U2', 'U3']);
    expect(unsurMentionedIn('pengaduan saya tidak ditanggapi')).toEqual(['U8']);
  });

  it('does not file every mention of staff under behaviour', () => {
    expect(unsurMentionedIn('Petugasnya lambat sekali, nunggu 3 jam')).toEqual(['U3']);
  });

  it('matches phrases as consecutive words', () => {
    expect(unsurMentionedIn('Tidak ada kotak saran')).toEqual(['U8']);
    expect(unsurMentionedIn('Salah cetak nama di KTP')).toEqual(['U5']);
  });
});

describe('isSuppressed and median', () => {
  it('hides groups of 1 … minGroupSize − 1, never 0', () => {
    expect(isSuppressed(0, 5)).toBe(false);
    expect(isSuppressed(1, 5)).toBe(true);
    expect(isSuppressed(4, 5)).toBe(true);
    expect(isSuppressed(5, 5)).toBe(false);
  });

  it('takes the middle value', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
