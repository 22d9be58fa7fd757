import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { MIN_JP_PER_YEAR, jpStatus } from './jp.js';

describe('jpStatus — 20 JP per year (PP 11/2017 Pasal 203 ayat 4, §8.3)', () => {
  it('uses 20 JP as the minimum', () => {
    expect(MIN_JP_PER_YEAR).toBe(20);
  });

  it('is met at exactly 20 and not just below', () => {
    expect(jpStatus(20)).toEqual({ met: true, totalJp: 20, minimum: 20, shortfall: 0, progress: 1 });
    expect(jpStatus(19.99)).toMatchObject({ met: false, shortfall: 0.01 });
    expect(jpStatus(19)).toMatchObject({ met: false, shortfall: 1 });
  });

  it('reports progress capped at 1', () => {
    expect(jpStatus(0)).toMatchObject({ met: false, shortfall: 20, progress: 0 });
    expect(jpStatus(5).progress).toBe(0.25);
    expect(jpStatus(32).progress).toBe(1);
    expect(jpStatus(32).shortfall).toBe(0);
  });

  it('takes another minimum', () => {
    expect(jpStatus(20, 24)).toMatchObject({ met: false, minimum: 24, shortfall: 4 });
    expect(jpStatus(24, 24).met).toBe(true);
    expect(jpStatus(0, 0)).toMatchObject({ met: true, progress: 1 });
  });

  it('rejects negative and non-finite values', () => {
    expect(() => jpStatus(-1)).toThrow(DomainError);
    expect(() => jpStatus(Number.NaN)).toThrow(DomainError);
    expect(() => jpStatus(10, -5)).toThrow(DomainError);
    expect(() => jpStatus(10, Number.POSITIVE_INFINITY)).toThrow(DomainError);
  });
});
