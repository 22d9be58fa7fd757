import { describe, expect, it } from 'vitest';
import type { LocalActivity } from './model';
import { validateActivity, type ActivityFormValues } from './validate';

const base: ActivityFormValues = {
  description: 'Rekap data posyandu',
  timeMode: 'range',
  startTime: '08:00',
  endTime: '09:30',
  minutes: '',
  outputQuantity: '3',
  outputUnit: 'dokumen',
  link: '',
  evidence: [],
};

const other: LocalActivity = {
  localId: 'x',
  id: null,
  status: null,
  note: null,
  startTime: '09:00',
  endTime: '10:00',
  minutes: null,
  description: 'Rapat',
  rhkId: null,
  indicatorId: null,
  outputQuantity: null,
  outputUnit: null,
  evidence: [],
};

describe('validateActivity', () => {
  it('accepts a normal activity and reads 1,5 as one and a half', () => {
    const r = validateActivity({ ...base, outputQuantity: '1,5', link: '4:9' }, []);
    expect(r).toMatchObject({ ok: true, value: { outputQuantity: 1.5, rhkId: 4, indicatorId: 9, minutes: null } });
  });

  it('names the field of each problem', () => {
    const r = validateActivity({ ...base, description: '  ', endTime: '07:00', outputQuantity: 'tiga' }, []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.code])).toEqual([
      ['outputQuantity', 'NUMBER'],
      ['description', 'DESCRIPTION_REQUIRED'],
      ['endTime', 'TIME_ORDER'],
    ]);
  });

  it('refuses an activity that overlaps another one of the day', () => {
    const r = validateActivity(base, [other]);
    expect(r).toEqual({ ok: false, problems: [{ field: 'startTime', code: 'OVERLAP', other: 1 }] });
  });

  it('asks for minutes when no times are given', () => {
    const r = validateActivity({ ...base, timeMode: 'minutes', minutes: '' }, []);
    expect(r).toEqual({ ok: false, problems: [{ field: 'minutes', code: 'TIME_REQUIRED' }] });
    expect(validateActivity({ ...base, timeMode: 'minutes', minutes: '45' }, [other]).ok).toBe(true);
  });
});
