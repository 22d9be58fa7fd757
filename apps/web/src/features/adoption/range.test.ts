import { describe, expect, it } from 'vitest';
import { monthRange, percent, recentMonths } from './range';

describe('adoption ranges', () => {
  it('caps the current month at today', () => {
    expect(monthRange('2026-11', '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-28' });
    expect(monthRange('2026-02', '2026-11-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('lists recent months across a year boundary', () => {
    expect(recentMonths('2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
  it('rounds shares to whole percentages', () => {
    expect(percent(0.456)).toBe(46);
    expect(percent(1.2)).toBe(100);
  });
});
