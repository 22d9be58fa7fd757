import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.js';
import { firstWorkingDayFrom, holidaysInRange, isHolidayKind, workingDaysAfter } from './holidays.js';

// Idul Fitri 1447 H in 2026: cuti bersama 20, 23, 24 March; libur 21–22 March (SKB 3 Menteri 2026).
const LEBARAN_2026 = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'];

describe('workingDaysAfter', () => {
  it('is the inverse of addWorkingDays across weekends and holidays', () => {
    for (const start of ['2026-03-13', '2026-03-16', '2026-03-17', '2026-03-21', '2026-12-23']) {
      for (let n = 0; n <= 12; n++) {
        const end = addWorkingDays(start, n, LEBARAN_2026);
        expect(workingDaysAfter(start, end, LEBARAN_2026)).toBe(n);
      }
    }
  });

  it('does not count the start day and is 0 for an end on or before the start', () => {
    expect(workingDaysAfter('2026-03-16', '2026-03-16', [])).toBe(0);
    expect(workingDaysAfter('2026-03-16', '2026-03-13', [])).toBe(0);
    expect(workingDaysAfter('2026-03-13', '2026-03-16', [])).toBe(1);
    expect(workingDaysAfter('2026-03-13', '2026-03-15', [])).toBe(0);
  });

  it('counts nothing during the Lebaran break', () => {
    expect(workingDaysAfter('2026-03-17', '2026-03-24', LEBARAN_2026)).toBe(0);
    expect(workingDaysAfter('2026-03-17', '2026-03-25', LEBARAN_2026)).toBe(1);
  });
});

describe('firstWorkingDayFrom', () => {
  it('returns the day itself when it is a working day, else the next one', () => {
    expect(firstWorkingDayFrom('2026-03-17', LEBARAN_2026)).toBe('2026-03-17');
    expect(firstWorkingDayFrom('2026-03-18', LEBARAN_2026)).toBe('2026-03-25');
    expect(firstWorkingDayFrom('2026-03-14', [])).toBe('2026-03-16');
  });
});

describe('holidaysInRange and isHolidayKind', () => {
  it('filters inclusively and sorts by date', () => {
    const list = [
      { date: '2026-12-25', name: 'Natal', kind: 'NASIONAL' as const },
      { date: '2026-01-01', name: 'Tahun Baru', kind: 'NASIONAL' as const },
      { date: '2026-12-24', name: 'Cuti bersama Natal', kind: 'CUTI_BERSAMA' as const },
    ];
    expect(holidaysInRange(list, '2026-12-24', '2026-12-31').map((h) => h.date)).toEqual(['2026-12-24', '2026-12-25']);
    expect(() => holidaysInRange(list, '2026-13-01', '2026-12-31')).toThrow();
  });

  it('knows the three kinds', () => {
    expect(isHolidayKind('CUTI_BERSAMA')).toBe(true);
    expect(isHolidayKind('LIBUR')).toBe(false);
  });
});
