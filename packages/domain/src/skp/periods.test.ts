import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { clampDate, evaluationPeriods, isPeriodLength, rangesOverlap, skpSegments } from './periods.js';

describe('evaluationPeriods — periodik dan tahunan (§1.7.1)', () => {
  it('defaults to four triwulan plus the annual period', () => {
    const p = evaluationPeriods(2026);
    expect(p.map((x) => [x.kind, x.seq, x.startDate, x.endDate])).toEqual([
      ['PERIODIC', 1, '2026-01-01', '2026-03-31'],
      ['PERIODIC', 2, '2026-04-01', '2026-06-30'],
      ['PERIODIC', 3, '2026-07-01', '2026-09-30'],
      ['PERIODIC', 4, '2026-10-01', '2026-12-31'],
      ['ANNUAL', 0, '2026-01-01', '2026-12-31'],
    ]);
    expect(p[0]?.label.id).toBe('Triwulan I 2026');
    expect(p[4]?.label.id).toBe('Tahunan (Akhir) 2026');
  });

  it('makes two semesters', () => {
    const p = evaluationPeriods(2026, 'SEMESTER');
    expect(p).toHaveLength(3);
    expect(p[1]).toMatchObject({ startDate: '2026-07-01', endDate: '2026-12-31', label: { id: 'Semester II 2026' } });
  });

  it('makes twelve months with the right month ends, leap years included', () => {
    const p = evaluationPeriods(2028, 'MONTHLY');
    expect(p).toHaveLength(13);
    expect(p[1]).toMatchObject({ startDate: '2028-02-01', endDate: '2028-02-29', label: { id: 'Februari 2028', en: 'February 2028' } });
    expect(evaluationPeriods(2027, 'MONTHLY')[1]?.endDate).toBe('2027-02-28');
  });

  it('rejects a silly year or an unknown length', () => {
    expect(() => evaluationPeriods(1999)).toThrow(DomainError);
    expect(() => evaluationPeriods(2026, 'WEEKLY' as never)).toThrow(DomainError);
    expect(isPeriodLength('QUARTERLY')).toBe(true);
    expect(isPeriodLength('WEEKLY')).toBe(false);
  });
});

describe('rangesOverlap and clampDate', () => {
  it('treats both ends as inclusive', () => {
    expect(rangesOverlap('2026-01-01', '2026-03-31', '2026-03-31', '2026-06-30')).toBe(true);
    expect(rangesOverlap('2026-01-01', '2026-03-30', '2026-03-31', '2026-06-30')).toBe(false);
  });
  it('clamps into a range', () => {
    expect(clampDate('2027-01-10', '2026-01-01', '2026-12-31')).toBe('2026-12-31');
    expect(clampDate('2025-12-10', '2026-01-01', '2026-12-31')).toBe('2026-01-01');
    expect(clampDate('2026-05-10', '2026-01-01', '2026-12-31')).toBe('2026-05-10');
  });
});

describe('skpSegments — a mid-year transfer splits the SKP', () => {
  it('gives one segment for a whole year in one post', () => {
    expect(skpSegments(2026, [{ positionId: 1, validFrom: '2020-01-01', validTo: null }])).toEqual([
      { positionId: 1, startDate: '2026-01-01', endDate: '2026-12-31' },
    ]);
  });

  it('splits at a transfer', () => {
    expect(
      skpSegments(2026, [
        { positionId: 1, validFrom: '2020-01-01', validTo: '2026-06-30' },
        { positionId: 2, validFrom: '2026-07-01', validTo: null },
      ]),
    ).toEqual([
      { positionId: 1, startDate: '2026-01-01', endDate: '2026-06-30' },
      { positionId: 2, startDate: '2026-07-01', endDate: '2026-12-31' },
    ]);
  });

  it('merges consecutive rows of the same post and leaves gaps uncovered', () => {
    expect(
      skpSegments(2026, [
        { positionId: 1, validFrom: '2026-01-01', validTo: '2026-02-28' },
        { positionId: 1, validFrom: '2026-03-01', validTo: '2026-04-30' },
        { positionId: 3, validFrom: '2026-06-01', validTo: null },
        { positionId: 9, validFrom: '2027-01-01', validTo: null },
      ]),
    ).toEqual([
      { positionId: 1, startDate: '2026-01-01', endDate: '2026-04-30' },
      { positionId: 3, startDate: '2026-06-01', endDate: '2026-12-31' },
    ]);
  });

  it('lets a later overlapping row win from its start', () => {
    expect(
      skpSegments(2026, [
        { positionId: 1, validFrom: '2026-01-01', validTo: null },
        { positionId: 2, validFrom: '2026-09-01', validTo: null },
      ]),
    ).toEqual([
      { positionId: 1, startDate: '2026-01-01', endDate: '2026-08-31' },
      { positionId: 2, startDate: '2026-09-01', endDate: '2026-12-31' },
    ]);
  });

  it('gives nothing without assignments', () => {
    expect(skpSegments(2026, [])).toEqual([]);
  });
});
