import { describe, expect, it } from 'vitest';
import { dayPeriod, formatDate, formatDateRange, formatNumber, parseDate, todayIso } from './format';

describe('formatDate', () => {
  it('writes Indonesian dates with the month name', () => {
    expect(formatDate('2024-03-01', 'id')).toBe('1 Maret 2024');
    expect(formatDate('2015-12-31', 'id')).toBe('31 Desember 2015');
  });

  it('writes British English dates', () => {
    expect(formatDate('2024-03-01', 'en')).toBe('1 March 2024');
  });

  it('keeps a date-only value on its own calendar day in WIB', () => {
    // Midnight in Jakarta is still the previous day in UTC; the date must not shift.
    expect(parseDate('2024-03-01')?.toISOString()).toBe('2024-02-29T17:00:00.000Z');
    expect(formatDate('2024-03-01', 'id')).toBe('1 Maret 2024');
  });

  it('shows an instant as the WIB day', () => {
    // 20:00 UTC on 29 Feb is 03:00 on 1 March in Jakarta.
    expect(formatDate('2024-02-29T20:00:00Z', 'id')).toBe('1 Maret 2024');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDate('bukan tanggal', 'id')).toBe('bukan tanggal');
  });
});

describe('formatDateRange', () => {
  it('uses the present label for an open end', () => {
    expect(formatDateRange('2024-03-01', null, 'id', 'sekarang')).toBe('1 Maret 2024 – sekarang');
    expect(formatDateRange('2024-03-01', null, 'en', 'present')).toBe('1 March 2024 – present');
  });

  it('formats both ends', () => {
    expect(formatDateRange('2020-01-02', '2024-02-29', 'id', 'sekarang')).toBe(
      '2 Januari 2020 – 29 Februari 2024',
    );
  });
});

describe('formatNumber', () => {
  it('uses a dot for thousands in Indonesian and a comma in English', () => {
    expect(formatNumber(12345, 'id')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});

describe('dayPeriod', () => {
  it('follows the clock in Jakarta, not the device', () => {
    expect(dayPeriod(new Date('2024-03-01T01:00:00Z'))).toBe('morning'); // 08.00 WIB
    expect(dayPeriod(new Date('2024-03-01T05:00:00Z'))).toBe('midday'); // 12.00 WIB
    expect(dayPeriod(new Date('2024-03-01T09:00:00Z'))).toBe('afternoon'); // 16.00 WIB
    expect(dayPeriod(new Date('2024-03-01T13:00:00Z'))).toBe('evening'); // 20.00 WIB
  });
});

describe('todayIso', () => {
  it('gives the calendar day in Jakarta', () => {
    expect(todayIso(new Date('2024-02-29T18:30:00Z'))).toBe('2024-03-01'); // 01.30 WIB
    expect(todayIso(new Date('2024-03-01T16:59:00Z'))).toBe('2024-03-01'); // 23.59 WIB
  });
});
