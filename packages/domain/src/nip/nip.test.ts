import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { NIP_ERROR_CODES, NipError, nipErrorMessages } from './nip-error.js';
import type { NipErrorCode } from './nip-error.js';
import { formatNip, isValidNip, makeNip, parseNip } from './nip.js';
import type { NipOptions } from './nip.js';

function codeOf(fn: () => unknown): NipErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof NipError) return error.code;
    throw error;
  }
  return undefined;
}

const pns = (nip: string, options?: NipOptions) => () => parseNip(nip, 'PNS', options);
const pppk = (nip: string, options?: NipOptions) => () => parseNip(nip, 'PPPK', options);

describe('parseNip — PNS (§6.1)', () => {
  it('parses the reference example', () => {
    expect(parseNip('198609262015051001')).toStrictEqual({
      birthDate: '1986-09-26',
      tmtCpns: '2015-05',
      sex: 'L',
      sequence: 1,
    });
  });

  it('ignores whitespace inside and around the number', () => {
    expect(parseNip('19860926 201505 1 001')).toEqual(parseNip('198609262015051001'));
    expect(parseNip(' 19860926\t201505 2\n999 ')).toEqual({
      birthDate: '1986-09-26', tmtCpns: '2015-05', sex: 'P', sequence: 999,
    });
  });

  it('checks digits before length', () => {
    expect(codeOf(pns('19860926-201505-1-001'))).toBe('NIP_DIGITS');
    expect(codeOf(pns('19860926201505100A'))).toBe('NIP_DIGITS');
    expect(codeOf(pns('１９８６09262015051001'))).toBe('NIP_DIGITS');
  });

  it('needs exactly 18 digits', () => {
    expect(codeOf(pns('19860926201505100'))).toBe('NIP_LENGTH');
    expect(codeOf(pns('1986092620150510011'))).toBe('NIP_LENGTH');
    expect(codeOf(pns(''))).toBe('NIP_LENGTH');
    expect(codeOf(pns('131110468'))).toBe('NIP_LENGTH');
  });

  it('rejects impossible birth dates and accepts the real ones next to them', () => {
    expect(codeOf(pns('198602302015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('198602282015051001'))).toBeUndefined();
    expect(codeOf(pns('198613012015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('198600102015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('198601002015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('198609312015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('198612312015051001'))).toBeUndefined();
  });

  it('knows leap years (2000 yes, 1900 and 1983 no, 1984 yes)', () => {
    expect(codeOf(pns('198402292015051001'))).toBeUndefined();
    expect(codeOf(pns('198302292015051001'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('190002291950051001', { minAgeAtAppointment: null }))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pns('200002292020051001'))).toBeUndefined();
  });

  it('needs a TMT month 01–12', () => {
    expect(codeOf(pns('198609262015001001'))).toBe('NIP_TMT_MONTH');
    expect(parseNip('198609262015011001').tmtCpns).toBe('2015-01');
    expect(parseNip('198609262015121001').tmtCpns).toBe('2015-12');
    expect(codeOf(pns('198609262015131001'))).toBe('NIP_TMT_MONTH');
    expect(codeOf(pns('199009132025242014'))).toBe('NIP_TMT_MONTH');
  });

  it('needs TMT year ≥ birth year + 18 by default', () => {
    expect(parseNip('198609262004011001').tmtCpns).toBe('2004-01');
    expect(codeOf(pns('198609262003121001'))).toBe('NIP_TMT_YEAR');
    expect(codeOf(pns('198609261980011001'))).toBe('NIP_TMT_YEAR');
  });

  it('takes the minimum age as an option, null switching the check off', () => {
    expect(codeOf(pns('198609262005011001', { minAgeAtAppointment: 20 }))).toBe('NIP_TMT_YEAR');
    expect(codeOf(pns('198609262006011001', { minAgeAtAppointment: 20 }))).toBeUndefined();
    expect(codeOf(pns('198609262003011001', { minAgeAtAppointment: 17 }))).toBeUndefined();
    expect(codeOf(pns('198609261980011001', { minAgeAtAppointment: null }))).toBeUndefined();
    expect(codeOf(pns('198609261985011001', { minAgeAtAppointment: 0 }))).toBe('NIP_TMT_YEAR');
  });

  it('reads sex digit 1 as L and 2 as P, anything else is an error', () => {
    expect(parseNip('198609262015051001').sex).toBe('L');
    expect(parseNip('198609262015052001').sex).toBe('P');
    expect(codeOf(pns('198609262015050001'))).toBe('NIP_SEX');
    expect(codeOf(pns('198609262015053001'))).toBe('NIP_SEX');
  });

  it('rejects sequence 000 and accepts 001 and 999', () => {
    expect(codeOf(pns('198609262015051000'))).toBe('NIP_SEQUENCE');
    expect(parseNip('198609262015051001').sequence).toBe(1);
    expect(parseNip('198609262015051999').sequence).toBe(999);
  });

  it('throws a NipError that is also a DomainError and an Error, with the English message', () => {
    let caught: unknown;
    try {
      parseNip('123');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NipError);
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as NipError).code).toBe('NIP_LENGTH');
    expect((caught as NipError).name).toBe('NipError');
    expect((caught as NipError).message).toContain(nipErrorMessages.NIP_LENGTH.en);
  });

  it('rejects a non-string at runtime', () => {
    // A number (as from a spreadsheet cell) loses precision and must be refused, not guessed.
    // eslint-disable-next-line no-loss-of-precision
    expect(codeOf(() => parseNip(198609262015051001 as unknown as string))).toBe('NIP_DIGITS');
  });
});

describe('parseNip — PPPK (§6.2)', () => {
  it('parses the reference example with code 24 (not a month)', () => {
    expect(parseNip('199009132025242014', 'PPPK')).toStrictEqual({
      birthDate: '1990-09-13',
      appointmentYear: 2025,
      sex: 'P',
      sequence: 14,
    });
  });

  it('never range-checks the two-digit code', () => {
    expect(codeOf(pppk('199009132025002014'))).toBeUndefined();
    expect(codeOf(pppk('199009132025992014'))).toBeUndefined();
    expect(parseNip('199009132025211001', 'PPPK').appointmentYear).toBe(2025);
  });

  it('applies the same birth-date, age, sex and sequence rules', () => {
    expect(codeOf(pppk('199002302025242014'))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(pppk('199009132008242014'))).toBeUndefined();
    expect(codeOf(pppk('199009132007242014'))).toBe('NIP_TMT_YEAR');
    expect(codeOf(pppk('199009132007242014', { minAgeAtAppointment: null }))).toBeUndefined();
    expect(codeOf(pppk('199009132025243014'))).toBe('NIP_SEX');
    expect(codeOf(pppk('199009132025242000'))).toBe('NIP_SEQUENCE');
    expect(codeOf(pppk('19900913 2025 24 2 014'))).toBeUndefined();
  });
});

describe('isValidNip', () => {
  it('is true for valid and false for invalid numbers', () => {
    expect(isValidNip('198609262015051001')).toBe(true);
    expect(isValidNip('19860926 201505 1 001', 'PNS')).toBe(true);
    expect(isValidNip('198609262015051000', 'PNS')).toBe(false);
    expect(isValidNip('abc', 'PNS')).toBe(false);
  });

  it('depends on jenis ASN for digits 13–14', () => {
    expect(isValidNip('199009132025242014', 'PPPK')).toBe(true);
    expect(isValidNip('199009132025242014', 'PNS')).toBe(false);
  });

  it('passes options through', () => {
    expect(isValidNip('198609262003011001', 'PNS')).toBe(false);
    expect(isValidNip('198609262003011001', 'PNS', { minAgeAtAppointment: 17 })).toBe(true);
  });
});

describe('formatNip', () => {
  it('groups 8-6-1-3', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatNip('  19860926201505 1001 ')).toBe('19860926 201505 1 001');
    expect(formatNip('199009132025242014')).toBe('19900913 202524 2 014');
  });

  it('returns other input trimmed and unchanged', () => {
    expect(formatNip(' 131110468 ')).toBe('131110468');
    expect(formatNip('1986092620150510011')).toBe('1986092620150510011');
  });
});

describe('makeNip', () => {
  it('builds the reference PNS example and round-trips', () => {
    const nip = makeNip({ birthDate: '1986-09-26', tmt: '2015-05', sex: 'L', sequence: 1, jenisAsn: 'PNS' });
    expect(nip).toBe('198609262015051001');
    expect(parseNip(nip)).toEqual({ birthDate: '1986-09-26', tmtCpns: '2015-05', sex: 'L', sequence: 1 });
  });

  it('defaults to PNS', () => {
    expect(makeNip({ birthDate: '1990-01-31', tmt: '2019-03', sex: 'P', sequence: 12 })).toBe('199001312019032012');
  });

  it('builds PPPK numbers with the given or default code', () => {
    expect(makeNip({ birthDate: '1990-09-13', tmt: 2025, sex: 'P', sequence: 14, jenisAsn: 'PPPK', code: '24' }))
      .toBe('199009132025242014');
    expect(makeNip({ birthDate: '1990-09-13', tmt: 2025, sex: 'L', sequence: 7, jenisAsn: 'PPPK' }))
      .toBe('199009132025211007');
    expect(makeNip({ birthDate: '1990-09-13', tmt: '2024-07', sex: 'L', sequence: 7, jenisAsn: 'PPPK', code: 24 }))
      .toBe('199009132024241007');
  });

  it('reports the wrong part with the matching code', () => {
    const base = { birthDate: '1986-09-26', tmt: '2015-05', sex: 'L', sequence: 1 } as const;
    expect(codeOf(() => makeNip({ ...base, birthDate: '1986-02-30' }))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(() => makeNip({ ...base, birthDate: '26-09-1986' }))).toBe('NIP_BIRTH_DATE');
    expect(codeOf(() => makeNip({ ...base, tmt: 2015 }))).toBe('NIP_TMT_MONTH');
    expect(codeOf(() => makeNip({ ...base, tmt: '2015-13' }))).toBe('NIP_TMT_MONTH');
    expect(codeOf(() => makeNip({ ...base, code: '21' }))).toBe('NIP_TMT_MONTH');
    expect(codeOf(() => makeNip({ ...base, tmt: '2003-05' }))).toBe('NIP_TMT_YEAR');
    expect(codeOf(() => makeNip({ ...base, sex: 'X' as 'L' }))).toBe('NIP_SEX');
    expect(codeOf(() => makeNip({ ...base, sequence: 0 }))).toBe('NIP_SEQUENCE');
    expect(codeOf(() => makeNip({ ...base, sequence: 1000 }))).toBe('NIP_SEQUENCE');
    expect(codeOf(() => makeNip({ ...base, sequence: 1.5 }))).toBe('NIP_SEQUENCE');
    expect(makeNip({ ...base, sequence: 999 })).toBe('198609262015051999');
  });

  it('validates PPPK year and code', () => {
    const base = { birthDate: '1990-09-13', sex: 'P', sequence: 1, jenisAsn: 'PPPK' } as const;
    expect(codeOf(() => makeNip({ ...base, tmt: 25 }))).toBe('NIP_TMT_YEAR');
    expect(codeOf(() => makeNip({ ...base, tmt: '2025-1' }))).toBe('NIP_TMT_YEAR');
    expect(codeOf(() => makeNip({ ...base, tmt: 2025, code: '2' }))).toBe('NIP_DIGITS');
    expect(codeOf(() => makeNip({ ...base, tmt: 2007 }))).toBe('NIP_TMT_YEAR');
    expect(makeNip({ ...base, tmt: 2007 }, { minAgeAtAppointment: 17 })).toBe('199009132007212001');
  });
});

describe('nipErrorMessages', () => {
  it('has distinct Indonesian and English texts for every code', () => {
    expect(Object.keys(nipErrorMessages).sort()).toEqual([...NIP_ERROR_CODES].sort());
    for (const code of NIP_ERROR_CODES) {
      expect(nipErrorMessages[code].id.length).toBeGreaterThan(10);
      expect(nipErrorMessages[code].en.length).toBeGreaterThan(10);
      expect(nipErrorMessages[code].id).not.toBe(nipErrorMessages[code].en);
    }
    expect(new Set(NIP_ERROR_CODES.map((c) => nipErrorMessages[c].id)).size).toBe(NIP_ERROR_CODES.length);
  });
});
