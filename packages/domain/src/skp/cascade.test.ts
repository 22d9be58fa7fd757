import { describe, expect, it } from 'vitest';
import { cascadeGaps, type CascadeNode } from './cascade.js';
import { suggestHasilKerjaRating } from './hasil-kerja.js';

const node = (key: string, employeeId: number, parentKey: string | null, needsParent = true, cascadable = true): CascadeNode => ({
  key, employeeId, parentKey, needsParent, cascadable,
});

describe('cascadeGaps — RHK that support nothing and leader RHK nobody supports (§1.4)', () => {
  it('flags unlinked and dangling RHK and unsupported leader RHK', () => {
    const nodes = [
      node('kadis-1', 1, null, false),
      node('kadis-2', 1, null, false),
      node('kabid-1', 2, 'kadis-1'),
      node('kabid-2', 2, null),
      node('staff-1', 3, 'gone'),
      node('staff-tambahan', 3, null, true, false),
    ];
    const gaps = cascadeGaps(nodes, new Set([1, 2]));
    expect(gaps.get('kadis-1')).toBeUndefined();
    expect(gaps.get('kadis-2')).toEqual(['UNSUPPORTED']);
    expect(gaps.get('kabid-1')).toEqual(['UNSUPPORTED']);
    expect(gaps.get('kabid-2')).toEqual(['NO_PARENT', 'UNSUPPORTED']);
    expect(gaps.get('staff-1')).toEqual(['PARENT_MISSING']);
    expect(gaps.get('staff-tambahan')).toEqual(['NO_PARENT']);
  });

  it('does not ask JPT RHK for a parent nor staff RHK for support', () => {
    expect(cascadeGaps([node('jpt', 1, null, false), node('s', 2, 'jpt')], new Set([1])).size).toBe(0);
  });
});

describe('suggestHasilKerjaRating — definitions of §1.7.3', () => {
  const u = (rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH') => ({ kind: 'UTAMA' as const, rating });
  const t = (rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH') => ({ kind: 'TAMBAHAN' as const, rating });
  it('returns null when nothing is rated', () => expect(suggestHasilKerjaRating([])).toBeNull());
  it('is Di Atas when most are above and no utama is below', () => {
    expect(suggestHasilKerjaRating([u('DI_ATAS'), u('DI_ATAS'), u('SESUAI')])).toBe('DI_ATAS');
    expect(suggestHasilKerjaRating([u('DI_ATAS'), u('DI_ATAS'), t('DI_BAWAH')])).toBe('DI_ATAS');
  });
  it('is not Di Atas when an utama is below', () => {
    expect(suggestHasilKerjaRating([u('DI_ATAS'), u('DI_ATAS'), u('DI_ATAS'), u('DI_BAWAH')])).toBe('SESUAI');
  });
  it('is Sesuai for a mix mostly meeting expectation', () => {
    expect(suggestHasilKerjaRating([u('SESUAI'), u('SESUAI'), u('DI_ATAS')])).toBe('SESUAI');
  });
  it('is Di Bawah when most are below or half the utama are below', () => {
    expect(suggestHasilKerjaRating([u('DI_BAWAH'), u('DI_BAWAH'), u('SESUAI')])).toBe('DI_BAWAH');
    expect(suggestHasilKerjaRating([u('DI_BAWAH'), u('SESUAI'), t('SESUAI')])).toBe('DI_BAWAH');
  });
});
