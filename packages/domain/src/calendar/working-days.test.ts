import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { addDays } from './iso-date.js';
import {
  WIB_OFFSET_MINUTES,
  addWorkingDays,
  formatWib,
  isWorkingDay,
  toWibDate,
  toWibTime,
  wibToInstant,
  workingDaysBetween,
} from './working-days.js';

// Idul Fitri 1446 H and cuti bersama 2025 (Mon 31 Mar – Mon 7 Apr, weekdays only)
const LEBARAN_2025 = ['2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07'];

describe('isWorkingDay', () => {
  it('is true Senin–Jumat and false Sabtu/Minggu', () => {
    expect(isWorkingDay('2025-01-03', [])).toBe(true); // Friday
    expect(isWorkingDay('2025-01-04', [])).toBe(false); // Saturday
    expect(isWorkingDay('2025-01-05', [])).toBe(false); // Sunday
    expect(isWorkingDay('2025-01-06', [])).toBe(true); // Monday
  });

  it('is false on a given holiday', () => {
    expect(isWorkingDay('2025-01-01', [])).toBe(true);
    expect(isWorkingDay('2025-01-01', ['2025-01-01'])).toBe(false);
    expect(isWorkingDay('2025-01-01', new Set(['2025-01-01']))).toBe(false);
  });

  it('rejects malformed dates and holidays', () => {
    expect(() => isWorkingDay('2025-02-30', [])).toThrow(DomainError);
    expect(() => isWorkingDay('2025-01-02', ['2025-1-1'])).toThrow(DomainError);
  });

  it('checks a Set again when it has grown since it was last checked', () => {
    const set = new Set(['2025-01-01']);
    expect(isWorkingDay('2025-01-01', set)).toBe(false);
    set.add('2025-1-9');
    expect(() => isWorkingDay('2025-01-02', set)).toThrow(DomainError);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day', () => {
    expect(addWorkingDays('2025-01-02', 1, [])).toBe('2025-01-03'); // Thu → Fri
    expect(addWorkingDays('2025-01-06', 5, [])).toBe('2025-01-13'); // Mon → next Mon
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2025-01-03', 1, [])).toBe('2025-01-06'); // Fri → Mon
    expect(addWorkingDays('2025-01-03', 3, [])).toBe('2025-01-08');
    expect(addWorkingDays('2025-01-04', 1, [])).toBe('2025-01-06'); // Sat → Mon
    expect(addWorkingDays('2025-01-05', 1, [])).toBe('2025-01-06'); // Sun → Mon
  });

  it('skips holidays, given as array, Set or any iterable', () => {
    expect(addWorkingDays('2025-03-28', 1, LEBARAN_2025)).toBe('2025-04-08');
    expect(addWorkingDays('2025-03-28', 1, new Set(LEBARAN_2025))).toBe('2025-04-08');
    expect(addWorkingDays('2025-03-28', 1, LEBARAN_2025.values())).toBe('2025-04-08');
    expect(addWorkingDays('2025-03-28', 1, [])).toBe('2025-03-31');
    expect(addWorkingDays('2024-12-31', 1, ['2025-01-01'])).toBe('2025-01-02');
    expect(addWorkingDays('2025-01-01', 1, ['2025-01-01'])).toBe('2025-01-02');
  });

  it('ignores holidays that fall on a weekend', () => {
    expect(addWorkingDays('2025-01-03', 1, ['2025-01-04', '2025-01-05'])).toBe('2025-01-06');
  });

  it('returns the date itself for n = 0, even on a weekend', () => {
    expect(addWorkingDays('2025-01-02', 0, [])).toBe('2025-01-02');
    expect(addWorkingDays('2025-01-04', 0, [])).toBe('2025-01-04');
  });

  it('goes backwards for negative n', () => {
    expect(addWorkingDays('2025-01-06', -1, [])).toBe('2025-01-03'); // Mon → Fri
    expect(addWorkingDays('2025-01-07', -1, [])).toBe('2025-01-06');
    expect(addWorkingDays('2025-04-08', -1, LEBARAN_2025)).toBe('2025-03-28');
    expect(addWorkingDays('2025-01-04', -1, [])).toBe('2025-01-03'); // Sat → Fri
  });

  it('rejects a fractional n and bad dates', () => {
    expect(() => addWorkingDays('2025-01-02', 1.5, [])).toThrow(DomainError);
    expect(() => addWorkingDays('2025-13-01', 1, [])).toThrow(DomainError);
  });

  it('is consistent with workingDaysBetween', () => {
    for (let i = 0; i < 60; i++) {
      const start = addDays('2025-03-20', i);
      for (const n of [1, 2, 7, 23]) {
        const end = addWorkingDays(start, n, LEBARAN_2025);
        expect(isWorkingDay(end, LEBARAN_2025)).toBe(true);
        expect(workingDaysBetween(addDays(start, 1), end, LEBARAN_2025)).toBe(n);
        expect(addWorkingDays(end, -n, LEBARAN_2025) <= start).toBe(true);
      }
    }
  });
});

describe('workingDaysBetween (inclusive)', () => {
  it('counts both ends', () => {
    expect(workingDaysBetween('2025-01-06', '2025-01-06', [])).toBe(1);
    expect(workingDaysBetween('2025-01-04', '2025-01-04', [])).toBe(0);
    expect(workingDaysBetween('2025-01-06', '2025-01-10', [])).toBe(5);
    expect(workingDaysBetween('2025-01-06', '2025-01-12', [])).toBe(5);
    expect(workingDaysBetween('2025-01-06', '2025-01-13', [])).toBe(6);
    expect(workingDaysBetween('2025-01-01', '2025-01-31', [])).toBe(23);
    expect(workingDaysBetween('2025-01-01', '2025-12-31', [])).toBe(261);
  });

  it('is 0 when from is after to', () => {
    expect(workingDaysBetween('2025-01-07', '2025-01-06', [])).toBe(0);
  });

  it('subtracts weekday holidays inside the range once', () => {
    expect(workingDaysBetween('2025-03-24', '2025-04-11', LEBARAN_2025)).toBe(9);
    expect(workingDaysBetween('2025-01-01', '2025-01-31', ['2025-01-01', '2025-01-01'])).toBe(22);
    expect(workingDaysBetween('2025-01-02', '2025-01-31', ['2025-01-01'])).toBe(22);
    expect(workingDaysBetween('2025-01-01', '2025-01-31', ['2025-01-04'])).toBe(23);
  });

  it('matches a day-by-day count', () => {
    for (let len = 0; len < 30; len++) {
      const from = '2025-03-26';
      const to = addDays(from, len);
      let expected = 0;
      for (let i = 0; i <= len; i++) if (isWorkingDay(addDays(from, i), LEBARAN_2025)) expected++;
      expect(workingDaysBetween(from, to, LEBARAN_2025)).toBe(expected);
    }
  });
});

describe('WIB helpers (UTC+7, §6.5)', () => {
  it('uses a fixed +07:00 offset', () => {
    expect(WIB_OFFSET_MINUTES).toBe(420);
  });

  it('changes the date at 17:00 UTC', () => {
    expect(toWibDate(new Date('2025-01-01T16:59:59.999Z'))).toBe('2025-01-01');
    expect(toWibDate(new Date('2025-01-01T17:00:00Z'))).toBe('2025-01-02');
    expect(toWibDate(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('formats times in WIB', () => {
    const instant = new Date('2025-01-01T17:30:05Z');
    expect(toWibTime(instant)).toBe('00:30');
    expect(formatWib(instant)).toBe('2025-01-02 00:30 WIB');
    expect(formatWib(instant, { seconds: true })).toBe('2025-01-02 00:30:05 WIB');
    expect(formatWib(new Date('2025-06-15T09:05:00Z'))).toBe('2025-06-15 16:05 WIB');
  });

  it('converts WIB wall-clock times to instants', () => {
    expect(wibToInstant('2025-01-02', '07:30').toISOString()).toBe('2025-01-02T00:30:00.000Z');
    expect(wibToInstant('2025-01-02').toISOString()).toBe('2025-01-01T17:00:00.000Z');
    expect(wibToInstant('2025-01-02', '23:59:59').toISOString()).toBe('2025-01-02T16:59:59.000Z');
    expect(toWibDate(wibToInstant('2025-03-01', '00:00'))).toBe('2025-03-01');
  });

  it('rejects invalid instants and times', () => {
    expect(() => toWibDate(new Date('nope'))).toThrow(DomainError);
    expect(() => wibToInstant('2025-01-02', '24:00')).toThrow(DomainError);
    expect(() => wibToInstant('2025-01-02', '7:30')).toThrow(DomainError);
  });
});
