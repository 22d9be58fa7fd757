import { describe, expect, it } from 'vitest';
import { decimal, groupSecret, megabytes, monthLabel, percent, ungroupSecret } from './format';
import { issuesByField } from './form';

describe('numbers for people', () => {
  it('formats IKM, shares and sizes the Indonesian way', () => {
    expect(decimal(88.305, 'id')).toBe('88,31');
    expect(decimal(3.5, 'en', 3)).toBe('3.500');
    expect(percent(0.875, 'id')).toMatch(/^88\s?%$/);
    expect(megabytes(5 * 1024 * 1024, 'id')).toBe('5');
    expect(megabytes(200, 'id')).toBe('0,1');
  });

  it('names months in WIB', () => {
    expect(monthLabel('2026-03', 'id', 'short')).toBe('Mar');
    expect(monthLabel('2026-08', 'id', 'long')).toBe('Agustus 2026');
  });
});

describe('tracking secret', () => {
  it('is shown in groups of four and read back without spaces', () => {
    const secret = 'e93K0cNOCLbQo-WIsCTduHItMmrPOaph';
    const shown = groupSecret(secret);
    expect(shown).toBe('e93K 0cNO CLbQ o-WI sCTd uHIt MmrP Oaph');
    expect(ungroupSecret(` ${shown}\n`)).toBe(secret);
  });
});

describe('zod issues by field', () => {
  it('keeps the first problem of each dotted path', () => {
    const map = issuesByField([
      { path: ['contact', 'phone'], code: 'invalid_format' },
      { path: ['contact', 'phone'], code: 'too_big' },
      { path: ['description'], code: 'too_small' },
    ]);
    expect([...map.keys()]).toEqual(['contact.phone', 'description']);
    expect(map.get('contact.phone')?.code).toBe('invalid_format');
  });
});
