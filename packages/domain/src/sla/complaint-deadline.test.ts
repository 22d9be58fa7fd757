import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { COMPLAINT_SLA_LAPOR, complaintDeadline, slaStatus } from './complaint-deadline.js';
import type { ComplaintSlaConfig, ComplaintStage } from './complaint-deadline.js';

const HOLIDAYS_JAN_2025 = ['2025-01-01', '2025-01-27', '2025-01-29'];

describe('COMPLAINT_SLA_LAPOR (§5.2)', () => {
  it('is 3 / 5 / 10 hari kerja', () => {
    expect(COMPLAINT_SLA_LAPOR.workingDays).toEqual({ VERIFIKASI: 3, TINDAK_LANJUT: 5, PENUTUPAN: 10 });
  });
});

describe('complaintDeadline', () => {
  it('adds the stage working days, start day not counted', () => {
    expect(complaintDeadline('VERIFIKASI', '2025-01-06', [])).toBe('2025-01-09');
    expect(complaintDeadline('TINDAK_LANJUT', '2025-01-09', [])).toBe('2025-01-16');
    expect(complaintDeadline('PENUTUPAN', '2025-01-16', [])).toBe('2025-01-30');
  });

  it('skips holidays', () => {
    expect(complaintDeadline('PENUTUPAN', '2025-01-16', HOLIDAYS_JAN_2025)).toBe('2025-02-03');
    expect(complaintDeadline('VERIFIKASI', '2024-12-30', HOLIDAYS_JAN_2025)).toBe('2025-01-03');
    expect(complaintDeadline('VERIFIKASI', '2024-12-30', [])).toBe('2025-01-02');
  });

  it('starts counting on Monday for a report made on Saturday', () => {
    expect(complaintDeadline('VERIFIKASI', '2025-01-04', [])).toBe('2025-01-08');
    expect(complaintDeadline('VERIFIKASI', '2025-01-03', [])).toBe('2025-01-08');
  });

  it('reads a Date instant in WIB', () => {
    // 2025-01-02T17:30Z is Friday 3 January 00:30 WIB (Thursday in UTC)
    expect(complaintDeadline('VERIFIKASI', new Date('2025-01-02T17:30:00Z'), [])).toBe('2025-01-08');
    expect(complaintDeadline('VERIFIKASI', new Date('2025-01-02T16:30:00Z'), [])).toBe('2025-01-07');
  });

  it('uses a replacement config', () => {
    const local: ComplaintSlaConfig = {
      id: 'local',
      name: 'Standar lokal',
      workingDays: { VERIFIKASI: 2, TINDAK_LANJUT: 14, PENUTUPAN: 0 },
    };
    expect(complaintDeadline('VERIFIKASI', '2025-01-06', [], local)).toBe('2025-01-08');
    expect(complaintDeadline('TINDAK_LANJUT', '2025-01-06', [], local)).toBe('2025-01-24');
    expect(complaintDeadline('PENUTUPAN', '2025-01-06', [], local)).toBe('2025-01-06');
  });

  it('rejects an unknown stage or a bad config', () => {
    expect(() => complaintDeadline('ARSIP' as ComplaintStage, '2025-01-06', [])).toThrow(DomainError);
    const bad: ComplaintSlaConfig = { ...COMPLAINT_SLA_LAPOR, workingDays: { ...COMPLAINT_SLA_LAPOR.workingDays, VERIFIKASI: -1 } };
    expect(() => complaintDeadline('VERIFIKASI', '2025-01-06', [], bad)).toThrow(DomainError);
  });
});

describe('slaStatus', () => {
  it('is ON_TIME before, DUE_TODAY on and OVERDUE after the deadline day', () => {
    expect(slaStatus('2025-01-09', '2025-01-08')).toBe('ON_TIME');
    expect(slaStatus('2025-01-09', '2025-01-09')).toBe('DUE_TODAY');
    expect(slaStatus('2025-01-09', '2025-01-10')).toBe('OVERDUE');
  });
});
