import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_STATUSES,
  canTransition,
  escalationLevel,
  isOpenComplaint,
  metDeadline,
  reopenCheck,
  stageOf,
} from './complaint-workflow.js';

const POLICY = { windowWorkingDays: 10, maxReopens: 2 };
// Cuti bersama + Idul Fitri 2026 (SKB 3 Menteri): 20–24 March; Nyepi 18–19 March.
const HOLIDAYS = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'];

describe('transitions', () => {
  it('follows diterima → diverifikasi/ditolak → didisposisikan → ditindaklanjuti → selesai', () => {
    expect(canTransition('DITERIMA', 'DIVERIFIKASI')).toBe(true);
    expect(canTransition('DITERIMA', 'DITOLAK')).toBe(true);
    expect(canTransition('DIVERIFIKASI', 'DIDISPOSISIKAN')).toBe(true);
    expect(canTransition('DIDISPOSISIKAN', 'DITINDAKLANJUTI')).toBe(true);
    expect(canTransition('DITINDAKLANJUTI', 'SELESAI')).toBe(true);
  });

  it('refuses skipping steps and leaving a final status', () => {
    expect(canTransition('DITERIMA', 'DIDISPOSISIKAN')).toBe(false);
    expect(canTransition('DITERIMA', 'SELESAI')).toBe(false);
    expect(canTransition('DIDISPOSISIKAN', 'SELESAI')).toBe(false);
    for (const to of COMPLAINT_STATUSES) {
      expect(canTransition('SELESAI', to)).toBe(false);
      expect(canTransition('DITOLAK', to)).toBe(false);
    }
  });

  it('maps statuses to SLA stages', () => {
    expect(stageOf('DITERIMA')).toBe('VERIFIKASI');
    expect(stageOf('DIVERIFIKASI')).toBe('VERIFIKASI');
    expect(stageOf('DIDISPOSISIKAN')).toBe('TINDAK_LANJUT');
    expect(stageOf('DITINDAKLANJUTI')).toBe('PENUTUPAN');
    expect(stageOf('SELESAI')).toBeNull();
    expect(isOpenComplaint('DITOLAK')).toBe(false);
    expect(isOpenComplaint('DITINDAKLANJUTI')).toBe(true);
  });
});

describe('reopenCheck', () => {
  it('allows a reopen up to the last day of the window, counted in working days', () => {
    // Closed Friday 2026-03-13; 10 hari kerja skipping Lebaran ends Friday 2026-04-03.
    const base = { status: 'SELESAI' as const, since: '2026-03-13', reopenCount: 0 };
    expect(reopenCheck({ ...base, today: '2026-04-03' }, POLICY, HOLIDAYS)).toEqual({ ok: true });
    expect(reopenCheck({ ...base, today: '2026-04-06' }, POLICY, HOLIDAYS)).toEqual({ ok: false, reason: 'REOPEN_WINDOW_PASSED' });
    // Without the holidays the window would have closed on 2026-03-27.
    expect(reopenCheck({ ...base, today: '2026-03-30' }, POLICY, [])).toEqual({ ok: false, reason: 'REOPEN_WINDOW_PASSED' });
  });

  it('refuses before a follow-up, after a rejection and beyond the cap', () => {
    const today = '2026-03-02';
    expect(reopenCheck({ status: 'DIDISPOSISIKAN', since: today, reopenCount: 0, today }, POLICY, [])).toEqual({ ok: false, reason: 'REOPEN_NOT_ALLOWED_STATUS' });
    expect(reopenCheck({ status: 'DITOLAK', since: today, reopenCount: 0, today }, POLICY, [])).toEqual({ ok: false, reason: 'REOPEN_NOT_ALLOWED_STATUS' });
    expect(reopenCheck({ status: 'DITINDAKLANJUTI', since: today, reopenCount: 2, today }, POLICY, [])).toEqual({ ok: false, reason: 'REOPEN_LIMIT' });
    expect(reopenCheck({ status: 'DITINDAKLANJUTI', since: today, reopenCount: 1, today }, POLICY, [])).toEqual({ ok: true });
  });
});

describe('escalationLevel', () => {
  it('is 0 up to and on the deadline day', () => {
    expect(escalationLevel('2026-03-10', '2026-03-09', [], 3)).toBe(0);
    expect(escalationLevel('2026-03-10', '2026-03-10', [], 3)).toBe(0);
  });

  it('goes one level up the day after the deadline, even on a weekend', () => {
    expect(escalationLevel('2026-03-13', '2026-03-14', [], 3)).toBe(1);
    expect(escalationLevel('2026-03-13', '2026-03-16', [], 3)).toBe(1);
  });

  it('adds a level for every further step of working days, skipping holidays', () => {
    expect(escalationLevel('2026-03-10', '2026-03-13', [], 3)).toBe(1);
    expect(escalationLevel('2026-03-10', '2026-03-16', [], 3)).toBe(2);
    // Due Tuesday 17 March; the Nyepi + Lebaran break adds no working days.
    expect(escalationLevel('2026-03-17', '2026-03-24', HOLIDAYS, 3)).toBe(1);
    expect(escalationLevel('2026-03-17', '2026-03-27', HOLIDAYS, 3)).toBe(1);
    expect(escalationLevel('2026-03-17', '2026-03-30', HOLIDAYS, 3)).toBe(2);
  });

  it('rejects a non-positive step', () => {
    expect(() => escalationLevel('2026-03-10', '2026-03-20', [], 0)).toThrow();
  });
});

describe('metDeadline', () => {
  it('counts the deadline day as on time', () => {
    expect(metDeadline('2026-03-10', '2026-03-10')).toBe(true);
    expect(metDeadline('2026-03-11', '2026-03-10')).toBe(false);
  });
});
