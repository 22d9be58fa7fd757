import { describe, expect, it } from 'vitest';
import { formatNip, normalizeNipInput } from './nip';

describe('formatNip', () => {
  it('groups an 18-digit NIP the way it is printed', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
  });

  it('leaves other identifiers alone', () => {
    expect(formatNip('superadmin')).toBe('superadmin');
    expect(formatNip('12345')).toBe('12345');
  });
});

describe('normalizeNipInput', () => {
  it('removes the spaces people type', () => {
    expect(normalizeNipInput(' 19860926 201505 1 001 ')).toBe('198609262015051001');
  });

  it('keeps login names as typed, trimmed', () => {
    expect(normalizeNipInput(' super.admin ')).toBe('super.admin');
  });
});
