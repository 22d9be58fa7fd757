import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  RAMADAN_WEEKLY_NORM_MINUTES,
  RAMADAN_WORK_SCHEDULE,
  REGULAR_WORK_SCHEDULE,
  WEEKLY_NORM_MINUTES,
  WORK_HOURS_PERPRES_21_2023,
  dailyNormMinutes,
  dayScheduleMinutes,
  normMinutesBetween,
  scheduleForDate,
  timeToMinutes,
  weeklyNormMinutes,
} from './work-hours.js';
import type { WorkHoursConfig, WorkSchedule } from './work-hours.js';

const RAMADAN_2026: WorkHoursConfig = {
  ...WORK_HOURS_PERPRES_21_2023,
  ramadanPeriods: [{ from: '2026-02-18', to: '2026-03-19' }],
};

describe('Perpres 21/2023 norms (§8.1)', () => {
  it('is 37 jam 30 menit a week, 32 jam 30 menit in Ramadan', () => {
    expect(WEEKLY_NORM_MINUTES).toBe(37 * 60 + 30);
    expect(RAMADAN_WEEKLY_NORM_MINUTES).toBe(32 * 60 + 30);
  });

  it('the default schedules add up to their weekly norm', () => {
    expect(weeklyNormMinutes(REGULAR_WORK_SCHEDULE)).toBe(REGULAR_WORK_SCHEDULE.weeklyMinutes);
    expect(weeklyNormMinutes(REGULAR_WORK_SCHEDULE)).toBe(2250);
    expect(weeklyNormMinutes(RAMADAN_WORK_SCHEDULE)).toBe(1950);
  });

  it('starts at 07.30 (08.00 in Ramadan) with 60/90 menit breaks (60 on Ramadan Fridays)', () => {
    expect(REGULAR_WORK_SCHEDULE.days[1]).toMatchObject({ start: '07:30', end: '16:00', breakMinutes: 60 });
    expect(REGULAR_WORK_SCHEDULE.days[5]).toMatchObject({ start: '07:30', end: '16:30', breakMinutes: 90 });
    expect(RAMADAN_WORK_SCHEDULE.days[1]?.start).toBe('08:00');
    expect(RAMADAN_WORK_SCHEDULE.days[5]?.breakMinutes).toBe(60);
    expect(REGULAR_WORK_SCHEDULE.days[0]).toBeNull();
    expect(REGULAR_WORK_SCHEDULE.days[6]).toBeNull();
  });
});

describe('dailyNormMinutes', () => {
  it('is 450 Senin–Jumat and 0 on the weekend', () => {
    expect(dailyNormMinutes('2025-01-06')).toBe(450); // Monday
    expect(dailyNormMinutes('2025-01-09')).toBe(450); // Thursday
    expect(dailyNormMinutes('2025-01-10')).toBe(450); // Friday
    expect(dailyNormMinutes('2025-01-11')).toBe(0); // Saturday
    expect(dailyNormMinutes('2025-01-12')).toBe(0); // Sunday
  });

  it('is 0 on a holiday', () => {
    expect(dailyNormMinutes('2025-01-01', REGULAR_WORK_SCHEDULE, ['2025-01-01'])).toBe(0);
    expect(dailyNormMinutes('2025-01-02', REGULAR_WORK_SCHEDULE, ['2025-01-01'])).toBe(450);
  });

  it('switches to 390 only inside a configured Ramadan period', () => {
    expect(dailyNormMinutes('2026-02-17', RAMADAN_2026)).toBe(450);
    expect(dailyNormMinutes('2026-02-18', RAMADAN_2026)).toBe(390);
    expect(dailyNormMinutes('2026-03-19', RAMADAN_2026)).toBe(390);
    expect(dailyNormMinutes('2026-03-20', RAMADAN_2026)).toBe(450);
    expect(dailyNormMinutes('2026-02-18')).toBe(450);
    expect(dailyNormMinutes('2026-02-18', RAMADAN_WORK_SCHEDULE)).toBe(390);
  });

  it('follows a custom schedule, e.g. a 6-day service unit', () => {
    const sixDays: WorkSchedule = {
      id: 'six',
      name: 'Layanan 6 hari',
      weeklyMinutes: 2250,
      days: [
        null,
        { start: '08:00', end: '14:45', breakStart: '12:00', breakMinutes: 0 },
        { start: '08:00', end: '14:45', breakStart: '12:00', breakMinutes: 0 },
        { start: '08:00', end: '14:45', breakStart: '12:00', breakMinutes: 0 },
        { start: '08:00', end: '14:45', breakStart: '12:00', breakMinutes: 0 },
        { start: '08:00', end: '14:45', breakStart: '12:00', breakMinutes: 0 },
        { start: '08:00', end: '14:15', breakStart: '12:00', breakMinutes: 0 },
      ],
    };
    expect(dailyNormMinutes('2025-01-11', sixDays)).toBe(375);
    expect(dailyNormMinutes('2025-01-06', sixDays)).toBe(405);
    expect(weeklyNormMinutes(sixDays)).toBe(2400);
  });
});

describe('normMinutesBetween', () => {
  it('sums a week and a month', () => {
    expect(normMinutesBetween('2025-01-06', '2025-01-12')).toBe(2250);
    expect(normMinutesBetween('2025-01-01', '2025-01-31')).toBe(23 * 450);
    expect(normMinutesBetween('2025-01-01', '2025-01-31', REGULAR_WORK_SCHEDULE, ['2025-01-01', '2025-01-27', '2025-01-29']))
      .toBe(20 * 450);
    expect(normMinutesBetween('2025-01-02', '2025-01-01')).toBe(0);
  });

  it('mixes regular and Ramadan days', () => {
    // Mon 16 – Fri 20 Feb 2026: Mon, Tue regular; Wed–Fri Ramadan
    expect(normMinutesBetween('2026-02-16', '2026-02-20', RAMADAN_2026)).toBe(2 * 450 + 3 * 390);
    expect(scheduleForDate('2026-02-20', RAMADAN_2026).id).toBe(RAMADAN_WORK_SCHEDULE.id);
    expect(scheduleForDate('2026-02-20').id).toBe(REGULAR_WORK_SCHEDULE.id);
  });
});

describe('time helpers', () => {
  it('parses HH:mm', () => {
    expect(timeToMinutes('00:00')).toBe(0);
    expect(timeToMinutes('07:30')).toBe(450);
    expect(timeToMinutes('23:59')).toBe(1439);
    expect(() => timeToMinutes('24:00')).toThrow(DomainError);
    expect(() => timeToMinutes('7:30')).toThrow(DomainError);
  });

  it('rejects a day whose break is longer than the day', () => {
    expect(dayScheduleMinutes({ start: '08:00', end: '09:00', breakStart: '08:30', breakMinutes: 60 })).toBe(0);
    expect(() => dayScheduleMinutes({ start: '08:00', end: '09:00', breakStart: '08:30', breakMinutes: 61 })).toThrow(DomainError);
  });
});
