import { describe, expect, it } from 'vitest';
import {
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
  formatPangkatGolongan,
  golonganRank,
  isValidGolongan,
  normalizeGolongan,
  pangkatFor,
} from './golongan.js';

describe('PNS_GOLONGAN', () => {
  it('lists the 17 golongan/ruang with the pangkat names of §6.3', () => {
    expect(PNS_GOLONGAN.map((g) => `${g.golongan} ${g.pangkat}`)).toEqual([
      'I/a Juru Muda',
      'I/b Juru Muda Tingkat I',
      'I/c Juru',
      'I/d Juru Tingkat I',
      'II/a Pengatur Muda',
      'II/b Pengatur Muda Tingkat I',
      'II/c Pengatur',
      'II/d Pengatur Tingkat I',
      'III/a Penata Muda',
      'III/b Penata Muda Tingkat I',
      'III/c Penata',
      'III/d Penata Tingkat I',
      'IV/a Pembina',
      'IV/b Pembina Tingkat I',
      'IV/c Pembina Utama Muda',
      'IV/d Pembina Utama Madya',
      'IV/e Pembina Utama',
    ]);
  });
});

describe('PPPK_GOLONGAN', () => {
  it('runs I to XVII', () => {
    expect(PPPK_GOLONGAN).toHaveLength(17);
    expect(PPPK_GOLONGAN[0]).toBe('I');
    expect(PPPK_GOLONGAN[8]).toBe('IX');
    expect(PPPK_GOLONGAN[16]).toBe('XVII');
  });
});

describe('pangkatFor', () => {
  it('returns the pangkat of every PNS golongan', () => {
    for (const g of PNS_GOLONGAN) expect(pangkatFor(g.golongan)).toBe(g.pangkat);
    expect(pangkatFor('III/b')).toBe('Penata Muda Tingkat I');
  });

  it('returns undefined for PPPK and unknown golongan', () => {
    expect(pangkatFor('IX')).toBeUndefined();
    expect(pangkatFor('III/e')).toBeUndefined();
    expect(pangkatFor('iii/b')).toBeUndefined();
  });
});

describe('isValidGolongan', () => {
  it('accepts both ends of the PNS table and rejects what lies beyond', () => {
    expect(isValidGolongan('PNS', 'I/a')).toBe(true);
    expect(isValidGolongan('PNS', 'IV/e')).toBe(true);
    expect(isValidGolongan('PNS', 'IV/f')).toBe(false);
    expect(isValidGolongan('PNS', 'III/e')).toBe(false);
    expect(isValidGolongan('PNS', 'II/e')).toBe(false);
    expect(isValidGolongan('PNS', 'V/a')).toBe(false);
  });

  it('accepts I–XVII for PPPK only', () => {
    expect(isValidGolongan('PPPK', 'I')).toBe(true);
    expect(isValidGolongan('PPPK', 'XVII')).toBe(true);
    expect(isValidGolongan('PPPK', 'XVIII')).toBe(false);
    expect(isValidGolongan('PPPK', 'III/a')).toBe(false);
    expect(isValidGolongan('PNS', 'XVII')).toBe(false);
  });
});

describe('normalizeGolongan', () => {
  it('fixes case and separators', () => {
    expect(normalizeGolongan('PNS', 'iii b')).toBe('III/b');
    expect(normalizeGolongan('PNS', ' IIIB ')).toBe('III/b');
    expect(normalizeGolongan('PNS', 'iv/E')).toBe('IV/e');
    expect(normalizeGolongan('PNS', 'IIa')).toBe('II/a');
    expect(normalizeGolongan('PPPK', ' xvii ')).toBe('XVII');
  });

  it('returns undefined for invalid input', () => {
    expect(normalizeGolongan('PNS', 'III/e')).toBeUndefined();
    expect(normalizeGolongan('PNS', 'IX')).toBeUndefined();
    expect(normalizeGolongan('PPPK', 'XVIII')).toBeUndefined();
  });
});

describe('formatPangkatGolongan', () => {
  it('prints "Pangkat, Gol" with optional Tk. I', () => {
    expect(formatPangkatGolongan('III/b')).toBe('Penata Muda Tingkat I, III/b');
    expect(formatPangkatGolongan('IV/b', { short: true })).toBe('Pembina Tk. I, IV/b');
    expect(formatPangkatGolongan('IV/a', { short: true })).toBe('Pembina, IV/a');
    expect(formatPangkatGolongan('IX')).toBe('Golongan IX');
    expect(formatPangkatGolongan('Z')).toBeUndefined();
  });
});

describe('golonganRank', () => {
  it('orders golongan ascending', () => {
    expect(golonganRank('PNS', 'I/a')).toBe(0);
    expect(golonganRank('PNS', 'IV/e')).toBe(16);
    expect(golonganRank('PNS', 'III/a')).toBeGreaterThan(golonganRank('PNS', 'II/d'));
    expect(golonganRank('PPPK', 'XVII')).toBe(16);
    expect(golonganRank('PPPK', 'III/a')).toBe(-1);
  });
});
