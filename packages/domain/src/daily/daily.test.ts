import { describe, expect, it } from 'vitest';
import {
  activityMinutes,
  dayTotalMinutes,
  overlappingActivities,
} from './activity.js';
import { supervisionAlerts, adoptionShare, verificationDelayWorkingDays, DEFAULT_ALERT_RULES } from './alerts.js';
import { isReminderDue } from './reminders.js';
import { canDelete, canDecide, canSubmit, decideActivities, isEditableByOwner } from './report-status.js';
import { earliestReportableDate, reportDateProblem, reportableDates } from './report-window.js';

// 2025-01-06 is a Monday; 2025-01-01 (Tahun Baru) is a Wednesday.
const HOLIDAYS = ['2025-01-01'];

describe('report window', () => {
  it('opens three working days back, skipping the weekend and holidays', () => {
    expect(earliestReportableDate('2025-01-06', 3, HOLIDAYS)).toBe('2024-12-31'); // Fri 3, Thu 2, (Wed 1 holiday), Tue 31
    expect(reportableDates('2025-01-06', 3, HOLIDAYS)).toEqual(['2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06']);
  });

  it('on a Saturday lists the last working days without the Saturday', () => {
    expect(reportableDates('2025-01-04', 2, [])).toEqual(['2025-01-02', '2025-01-03']);
  });

  it('explains why a date cannot carry a report', () => {
    expect(reportDateProblem('2025-01-07', '2025-01-06', 3, HOLIDAYS)).toBe('FUTURE');
    expect(reportDateProblem('2025-01-04', '2025-01-06', 3, HOLIDAYS)).toBe('NOT_WORKING_DAY');
    expect(reportDateProblem('2025-01-01', '2025-01-06', 3, HOLIDAYS)).toBe('NOT_WORKING_DAY');
    expect(reportDateProblem('2024-12-30', '2025-01-06', 3, HOLIDAYS)).toBe('TOO_OLD');
    expect(reportDateProblem('2024-12-31', '2025-01-06', 3, HOLIDAYS)).toBeNull();
    expect(reportDateProblem('2025-01-06', '2025-01-06', 0, HOLIDAYS)).toBeNull();
    expect(reportDateProblem('2025-01-03', '2025-01-06', 0, HOLIDAYS)).toBe('TOO_OLD');
  });

  it('rejects a nonsense window', () => {
    expect(() => earliestReportableDate('2025-01-06', -1, [])).toThrow();
    expect(() => reportableDates('2025-01-06', 1.5, [])).toThrow();
  });
});

describe('activity minutes', () => {
  it('takes the span of start and end, or the minutes given', () => {
    expect(activityMinutes({ startTime: '08:00', endTime: '09:30' })).toEqual({ minutes: 90 });
    expect(activityMinutes({ startTime: '08:00', endTime: '09:30', minutes: 60 })).toEqual({ minutes: 60 });
    expect(activityMinutes({ minutes: 45 })).toEqual({ minutes: 45 });
  });

  it('names the problem', () => {
    expect(activityMinutes({})).toEqual({ problem: 'TIME_REQUIRED' });
    expect(activityMinutes({ startTime: '08:00' })).toEqual({ problem: 'TIME_PAIR' });
    expect(activityMinutes({ startTime: '10:00', endTime: '09:00' })).toEqual({ problem: 'TIME_ORDER' });
    expect(activityMinutes({ startTime: '10:00', endTime: '10:00' })).toEqual({ problem: 'TIME_ORDER' });
    expect(activityMinutes({ startTime: '08:00', endTime: '09:00', minutes: 61 })).toEqual({ problem: 'MINUTES_MISMATCH' });
    expect(activityMinutes({ minutes: 0 })).toEqual({ problem: 'MINUTES_RANGE' });
    expect(activityMinutes({ minutes: 1441 })).toEqual({ problem: 'MINUTES_RANGE' });
  });

  it('finds overlapping spans but not touching ones', () => {
    expect(
      overlappingActivities([
        { startTime: '08:00', endTime: '09:00' },
        { startTime: '09:00', endTime: '10:00' },
        { minutes: 30 },
        { startTime: '09:30', endTime: '11:00' },
        { startTime: '07:00', endTime: '12:00' },
      ]),
    ).toEqual([[0, 4], [1, 3], [1, 4], [3, 4]]);
  });

  it('refuses a day longer than 24 hours', () => {
    expect(dayTotalMinutes([600, 600])).toBe(1200);
    expect(() => dayTotalMinutes([1000, 500])).toThrow();
  });
});

describe('report status', () => {
  it('lets the owner edit drafts and returned days only', () => {
    expect(isEditableByOwner('DRAFT')).toBe(true);
    expect(isEditableByOwner('RETURNED')).toBe(true);
    expect(isEditableByOwner('SUBMITTED')).toBe(false);
    expect(isEditableByOwner('VERIFIED')).toBe(false);
    expect(canSubmit('DRAFT', 0)).toBe(false);
    expect(canSubmit('RETURNED', 2)).toBe(true);
    expect(canDecide('SUBMITTED')).toBe(true);
    expect(canDecide('VERIFIED')).toBe(false);
    expect(canDelete('DRAFT', false)).toBe(true);
    expect(canDelete('DRAFT', true)).toBe(false);
  });

  it('returns the day when any activity is returned and keeps verified activities', () => {
    const acts = [
      { id: 1, status: 'PENDING' as const },
      { id: 2, status: 'VERIFIED' as const },
      { id: 3, status: 'RETURNED' as const },
    ];
    const all = decideActivities(acts, 'VERIFIED', new Map());
    expect(all.day).toBe('VERIFIED');
    expect([...all.activities.values()]).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED']);
    const one = decideActivities(acts, 'VERIFIED', new Map([[3, 'RETURNED']]));
    expect(one.day).toBe('RETURNED');
    expect(one.activities.get(1)).toBe('VERIFIED');
    const back = decideActivities(acts, 'RETURNED', new Map());
    expect(back.activities.get(2)).toBe('VERIFIED');
    expect(back.activities.get(1)).toBe('RETURNED');
  });
});

describe('supervision alerts', () => {
  const quiet = { lastReportedDate: '2025-01-03', oldestReturned: null, monthMinutes: 900, monthNormMinutes: 900, monthWorkingDays: 2 };

  it('is quiet for someone who reported on the last working day', () => {
    expect(supervisionAlerts(quiet, '2025-01-06', '2024-12-01', HOLIDAYS)).toEqual([]);
  });

  it('counts working days without a report, not weekends or holidays, nor today', () => {
    // Last report Mon 30 Dec; missed Tue 31, (Wed 1 holiday), Thu 2, Fri 3 → 3 on Mon 6 Jan.
    const alerts = supervisionAlerts({ ...quiet, lastReportedDate: '2024-12-30' }, '2025-01-06', '2024-12-01', HOLIDAYS);
    expect(alerts).toEqual([{ kind: 'NO_REPORT', workingDays: 3, since: '2024-12-30' }]);
    expect(supervisionAlerts({ ...quiet, lastReportedDate: '2024-12-31' }, '2025-01-06', '2024-12-01', HOLIDAYS)).toEqual([]);
  });

  it('counts from the tracking start for someone who never reported', () => {
    const alerts = supervisionAlerts({ ...quiet, lastReportedDate: null }, '2025-01-06', '2025-01-02', HOLIDAYS);
    expect(alerts).toEqual([]);
    const later = supervisionAlerts({ ...quiet, lastReportedDate: null }, '2025-01-08', '2025-01-02', HOLIDAYS);
    expect(later).toEqual([{ kind: 'NO_REPORT', workingDays: 4, since: null }]);
  });

  it('flags a returned day left unfixed', () => {
    const facts = { ...quiet, oldestReturned: { date: '2025-01-02', returnedOn: '2025-01-02' } };
    expect(supervisionAlerts(facts, '2025-01-03', '2024-12-01', HOLIDAYS)).toEqual([]);
    expect(supervisionAlerts(facts, '2025-01-06', '2024-12-01', HOLIDAYS)).toEqual([
      { kind: 'RETURNED_NOT_FIXED', workingDays: 2, date: '2025-01-02' },
    ]);
  });

  it('flags minutes far behind the norm only after a few working days', () => {
    const behind = { ...quiet, monthMinutes: 400, monthNormMinutes: 1350, monthWorkingDays: 3 };
    expect(supervisionAlerts(behind, '2025-01-07', '2024-12-01', HOLIDAYS)).toEqual([
      { kind: 'BEHIND', ratio: 0.296, minutes: 400, normMinutes: 1350 },
    ]);
    expect(supervisionAlerts({ ...behind, monthWorkingDays: 2 }, '2025-01-07', '2024-12-01', HOLIDAYS)).toEqual([]);
    expect(DEFAULT_ALERT_RULES.behindRatio).toBe(0.5);
  });

  it('computes shares and verification delays in working days', () => {
    expect(adoptionShare(1, 3)).toBe(0.333);
    expect(adoptionShare(1, 0)).toBe(0);
    expect(verificationDelayWorkingDays('2025-01-03', '2025-01-03', [])).toBe(0);
    expect(verificationDelayWorkingDays('2025-01-03', '2025-01-06', [])).toBe(1);
    expect(verificationDelayWorkingDays('2024-12-31', '2025-01-02', HOLIDAYS)).toBe(1);
  });
});

describe('reminders', () => {
  it('is due on a working day from the configured WIB time on', () => {
    // 15:00 WIB = 08:00 UTC
    expect(isReminderDue(new Date('2025-01-06T07:59:00Z'), '2025-01-06', '15:00', [])).toBe(false);
    expect(isReminderDue(new Date('2025-01-06T08:00:00Z'), '2025-01-06', '15:00', [])).toBe(true);
    expect(isReminderDue(new Date('2025-01-04T09:00:00Z'), '2025-01-04', '15:00', [])).toBe(false);
    expect(isReminderDue(new Date('2025-01-01T09:00:00Z'), '2025-01-01', '15:00', HOLIDAYS)).toBe(false);
  });
});
