import { describe, expect, it } from 'vitest';
import {
  attendanceNeeded,
  canMoveEnrolment,
  checkInState,
  closesNeed,
  complaintWeakness,
  evaluationWeaknesses,
  isLastQuarter,
  jpReminderMonth,
  qrWindow,
  qrWindowAccepted,
  seatsLeft,
  sessionDays,
  sessionReminderDate,
  suggestCourses,
  type CourseFocus,
} from './index.js';

const session = { startDate: '2026-05-12', endDate: '2026-05-13', startTime: '08:00', endTime: '12:00' };

describe('check-in window of a session', () => {
  it('opens 30 minutes before the start on each day and closes at the end time', () => {
    expect(checkInState(session, '2026-05-11', '09:00')).toBe('NOT_YET');
    expect(checkInState(session, '2026-05-12', '07:29')).toBe('NOT_YET');
    expect(checkInState(session, '2026-05-12', '07:30')).toBe('OPEN');
    expect(checkInState(session, '2026-05-12', '12:00')).toBe('OPEN');
    expect(checkInState(session, '2026-05-12', '12:01')).toBe('NOT_YET');
    expect(checkInState(session, '2026-05-13', '09:00')).toBe('OPEN');
    expect(checkInState(session, '2026-05-13', '12:01')).toBe('OVER');
    expect(checkInState(session, '2026-05-14', '07:00')).toBe('OVER');
  });

  it('lists the days and how many must be attended (80 %, at least one)', () => {
    expect(sessionDays(session)).toEqual(['2026-05-12', '2026-05-13']);
    expect(attendanceNeeded(1)).toBe(1);
    expect(attendanceNeeded(2)).toBe(2);
    expect(attendanceNeeded(5)).toBe(4);
    expect(attendanceNeeded(10)).toBe(8);
    // A configured share (PANTAU_TRAINING_ATTENDANCE_PERCENT): rounded up, at least one day.
    expect(attendanceNeeded(2, 0.5)).toBe(1);
    expect(attendanceNeeded(3, 0.5)).toBe(2);
    expect(attendanceNeeded(4, 0.01)).toBe(1);
    expect(attendanceNeeded(3, 1)).toBe(3);
  });

  it('accepts a QR code in its own rotation window and the next, never older ones', () => {
    const w = qrWindow(Date.UTC(2026, 4, 12, 1, 0, 0), 60);
    expect(qrWindow(Date.UTC(2026, 4, 12, 1, 0, 59), 60)).toBe(w);
    expect(qrWindowAccepted(w, w)).toBe(true);
    expect(qrWindowAccepted(w, w + 1)).toBe(true);
    expect(qrWindowAccepted(w, w + 2)).toBe(false);
    expect(qrWindowAccepted(w + 1, w)).toBe(false);
  });
});

describe('places and seats', () => {
  it('never reports negative seats', () => {
    expect(seatsLeft(30, 12)).toBe(18);
    expect(seatsLeft(10, 12)).toBe(0);
  });

  it('allows only the documented moves', () => {
    expect(canMoveEnrolment('REQUESTED', 'ENROLLED')).toBe(true);
    expect(canMoveEnrolment('REQUESTED', 'COMPLETED')).toBe(false);
    expect(canMoveEnrolment('ENROLLED', 'COMPLETED')).toBe(true);
    expect(canMoveEnrolment('COMPLETED', 'CANCELLED')).toBe(false);
    expect(canMoveEnrolment('REJECTED', 'ENROLLED')).toBe(false);
  });
});

describe('needs from evaluations and complaints', () => {
  it('turns each below-expectation behaviour and RHK into a weakness with a stable key', () => {
    const w = evaluationWeaknesses({
      evaluationId: 7,
      hasilKerjaRating: 'DI_BAWAH',
      perilakuRating: 'SESUAI',
      items: [
        { rhkKey: null, rhkText: null, behaviour: 'BERORIENTASI_PELAYANAN', rating: 'DI_BAWAH' },
        { rhkKey: null, rhkText: null, behaviour: 'AKUNTABEL', rating: 'SESUAI' },
        { rhkKey: 'k31', rhkText: 'Tertib administrasi arsip', behaviour: null, rating: 'DI_BAWAH' },
      ],
    });
    expect(w.map((x) => [x.sourceKey, x.areaKey, x.source])).toEqual([
      ['skp:7:behaviour:BERORIENTASI_PELAYANAN', 'behaviour:BERORIENTASI_PELAYANAN', 'SKP_PERILAKU'],
      ['skp:7:rhk:k31', 'rhk:k31', 'SKP_HASIL_KERJA'],
    ]);
  });

  it('falls back to a general area when only the overall rating is below expectation', () => {
    const w = evaluationWeaknesses({ evaluationId: 8, hasilKerjaRating: 'DI_BAWAH', perilakuRating: 'DI_BAWAH', items: [] });
    expect(w.map((x) => x.areaKey)).toEqual(['hasil-kerja', 'perilaku']);
  });

  it('makes a complaint a service-orientation weakness', () => {
    expect(complaintWeakness(12)).toMatchObject({ sourceKey: 'complaint:12', areaKey: 'behaviour:BERORIENTASI_PELAYANAN', source: 'KELUHAN' });
  });

  const courses: CourseFocus[] = [
    { id: 1, kind: 'SOSIAL_KULTURAL', behaviours: ['BERORIENTASI_PELAYANAN'], competencies: ['Komunikasi pelayanan'], title: 'Lokakarya Pelayanan Prima' },
    { id: 2, kind: 'TEKNIS', behaviours: ['KOMPETEN'], competencies: ['Kearsipan'], title: 'Pengelolaan Arsip Dinamis' },
    { id: 3, kind: 'MANAJERIAL', behaviours: ['KOLABORATIF'], competencies: [], title: 'Kepemimpinan Tim' },
  ];

  it('suggests courses that develop the behaviour, or share words with the result', () => {
    expect(suggestCourses({ behaviour: 'BERORIENTASI_PELAYANAN', competency: null, source: 'KELUHAN' }, courses).map((c) => c.id)).toEqual([1]);
    expect(suggestCourses({ behaviour: null, competency: 'Tertib administrasi arsip dinamis', source: 'SKP_HASIL_KERJA' }, courses).map((c) => c.id)).toEqual([2]);
    expect(suggestCourses({ behaviour: 'LOYAL', competency: null, source: 'SKP_PERILAKU' }, courses)).toEqual([]);
  });

  it('closes a need by behaviour, by the agreed course, or by the need the place was asked for', () => {
    const need = { id: 5, behaviour: 'BERORIENTASI_PELAYANAN' as const, competency: null, source: 'SKP_PERILAKU' as const, plannedCourseId: null };
    expect(closesNeed(need, { courseId: 1, behaviours: ['BERORIENTASI_PELAYANAN'], needId: null })).toBe(true);
    expect(closesNeed(need, { courseId: 3, behaviours: ['KOLABORATIF'], needId: null })).toBe(false);
    const result = { id: 6, behaviour: null, competency: 'Arsip', source: 'SKP_HASIL_KERJA' as const, plannedCourseId: 2 };
    expect(closesNeed(result, { courseId: 2, behaviours: ['KOMPETEN'], needId: null })).toBe(true);
    expect(closesNeed(result, { courseId: null, behaviours: ['KOMPETEN'], needId: null })).toBe(false);
    expect(closesNeed(result, { courseId: 9, behaviours: [], needId: 6 })).toBe(true);
  });
});

describe('reminder dates', () => {
  it('reminds the day before a session and monthly in the last quarter', () => {
    expect(sessionReminderDate('2026-03-01')).toBe('2026-02-28');
    expect(isLastQuarter('2026-09-30')).toBe(false);
    expect(isLastQuarter('2026-10-01')).toBe(true);
    expect(jpReminderMonth('2026-11-15')).toBe('2026-11');
    expect(jpReminderMonth('2026-06-15')).toBeNull();
  });
});
