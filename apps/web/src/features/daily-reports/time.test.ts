import { describe, expect, it } from 'vitest';
import { activityDuration, fromDto, sameSubmission, toInput, type DaySubmission } from './model';
import { formatTime, nowTimeWib, splitMinutes } from './time';

describe('time helpers', () => {
  it('writes times the Indonesian way', () => {
    expect(formatTime('08:30', 'id')).toBe('08.30');
    expect(formatTime('08:30', 'en')).toBe('08:30');
  });
  it('takes the time now in WIB, rounded down to 5 minutes', () => {
    expect(nowTimeWib(new Date('2026-11-27T01:43:00Z'))).toBe('08:40');
  });
  it('splits minutes into hours and minutes', () => {
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(45)).toEqual({ hours: 0, minutes: 45 });
  });
});

describe('day model', () => {
  const dto = {
    id: 5,
    seq: 1,
    startTime: '08:00',
    endTime: '09:30',
    minutes: 90,
    description: 'Rekap data',
    rhkId: null,
    indicatorId: null,
    linked: false,
    outputQuantity: 3,
    outputUnit: 'dokumen',
    status: 'RETURNED' as const,
    note: 'Lampirkan bukti',
    evidence: [],
  };

  it('keeps times and drops minutes that only repeat them', () => {
    const a = fromDto(dto);
    expect(a.minutes).toBeNull();
    expect(activityDuration(a)).toBe(90);
    expect(toInput(a, true)).toMatchObject({ id: 5, startTime: '08:00', endTime: '09:30', minutes: null, evidenceIds: [] });
    expect(toInput(a, false)).not.toHaveProperty('id');
  });

  it('sees a double tap as the same submission', () => {
    const day: DaySubmission = { date: '2026-11-27', reportId: null, activities: [fromDto(dto)], submit: true };
    expect(sameSubmission(day, { ...day, activities: [fromDto(dto)] })).toBe(true);
    expect(sameSubmission(day, { ...day, submit: false })).toBe(false);
  });
});

describe('chooseDate', () => {
  it('opens today, else the latest reportable day, and skips a weekend offline', async () => {
    const { chooseDate } = await import('./day-status');
    expect(chooseDate(null, ['2026-11-26', '2026-11-27'], '2026-11-27')).toBe('2026-11-27');
    expect(chooseDate(null, ['2026-11-25', '2026-11-26', '2026-11-27'], '2026-11-28')).toBe('2026-11-27');
    expect(chooseDate('2026-11-25', ['2026-11-25', '2026-11-27'], '2026-11-28')).toBe('2026-11-25');
    expect(chooseDate(null, [], '2026-11-29')).toBe('2026-11-27');
  });
});
