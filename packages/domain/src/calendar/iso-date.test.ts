import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addDays,
  compareIsoDate,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isValidCalendarDate,
  parseIsoDate,
  toDayNumber,
} from './iso-date.js';

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('gives 28/29/30/31 days and 0 for a bad month', () => {
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(daysInMonth(2025, 13)).toBe(0);
    expect(daysInMonth(2025, 0)).toBe(0);
  });

  it('validates calendar dates on both sides of month ends', () => {
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2025, 2, 29)).toBe(false);
    expect(isValidCalendarDate(2025, 4, 30)).toBe(true);
    expect(isValidCalendarDate(2025, 4, 31)).toBe(false);
    expect(isValidCalendarDate(2025, 1, 0)).toBe(false);
    expect(isValidCalendarDate(0, 1, 1)).toBe(false);
    expect(isValidCalendarDate(1, 1, 1)).toBe(true);
  });
});

describe('ISO strings', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2025-01-31')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-1-31')).toBe(false);
    expect(isIsoDate('2025-01-31T00:00')).toBe(false);
    expect(isIsoDate(20250131)).toBe(false);
  });

  it('parses and formats', () => {
    expect(parseIsoDate('2025-03-09')).toEqual({ year: 2025, month: 3, day: 9 });
    expect(formatIsoDate(987, 3, 9)).toBe('0987-03-09');
    expect(() => parseIsoDate('2025-02-29')).toThrow(DomainError);
    expect(() => parseIsoDate('31/01/2025')).toThrow(/YYYY-MM-DD/);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('agrees with Date.UTC and getUTCDay over 2 400 days around leap years', () => {
    for (let n = toDayNumber('1999-06-01'); n < toDayNumber('2001-06-01'); n += 1) {
      const iso = fromDayNumber(n);
      const utc = new Date(`${iso}T00:00:00Z`);
      expect(utc.getTime() / 86_400_000).toBe(n);
      expect(dayOfWeek(iso)).toBe(utc.getUTCDay());
      expect(toDayNumber(iso)).toBe(n);
    }
    for (let n = toDayNumber('2023-12-01'); n < toDayNumber('2024-03-15'); n += 1) {
      expect(new Date(`${fromDayNumber(n)}T00:00:00Z`).getTime() / 86_400_000).toBe(n);
    }
  });

  it('rejects day numbers outside years 1–9999 and non-integers', () => {
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(DomainError);
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(() => fromDayNumber(0.5)).toThrow(DomainError);
  });
});

describe('addDays, dayOfWeek, compareIsoDate', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-01-01', 0)).toBe('2025-01-01');
    expect(() => addDays('2025-01-01', 1.5)).toThrow(DomainError);
  });

  it('numbers days 0 = Minggu … 6 = Sabtu', () => {
    expect(dayOfWeek('2025-01-05')).toBe(0);
    expect(dayOfWeek('2025-01-06')).toBe(1);
    expect(dayOfWeek('2025-01-03')).toBe(5);
    expect(dayOfWeek('2025-01-04')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('compares dates', () => {
    expect(compareIsoDate('2025-01-01', '2025-01-02')).toBeLessThan(0);
    expect(compareIsoDate('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareIsoDate('2025-02-01', '2025-01-31')).toBeGreaterThan(0);
  });
});
