import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

describe('@pantau/domain entry', () => {
  it('exports the API named in the issues', () => {
    const functions = [
      'parseNip', 'isValidNip', 'formatNip', 'makeNip',
      'pangkatFor', 'isValidGolongan',
      'predikatKinerja', 'checkDistribution', 'checkDistributionDetailed', 'angkaKredit',
      'computeIkm', 'ikmCategory',
      'addWorkingDays', 'isWorkingDay', 'workingDaysBetween', 'toWibDate', 'formatWib', 'dailyNormMinutes',
      'complaintDeadline', 'jpStatus',
    ] as const;
    for (const name of functions) expect(typeof domain[name], name).toBe('function');
    const values = [
      'nipErrorMessages', 'PNS_GOLONGAN', 'PPPK_GOLONGAN', 'JABATAN_TYPES', 'JENJANG_FUNGSIONAL_LABELS',
      'RULE_SET_PERMENPANRB_6_2022', 'RATING_LABELS', 'PREDIKAT_KINERJA_LABELS', 'IKM_UNSUR', 'IKM_QUESTIONS_EN',
      'WORK_HOURS_PERPRES_21_2023', 'COMPLAINT_SLA_LAPOR', 'MIN_JP_PER_YEAR',
    ] as const;
    for (const name of values) expect(domain[name], name).toBeDefined();
    expect(new domain.NipError('NIP_SEX')).toBeInstanceOf(Error);
  });
});
