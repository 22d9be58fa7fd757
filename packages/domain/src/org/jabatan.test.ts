import { describe, expect, it } from 'vitest';
import { isJenisAsn } from './asn.js';
import {
  JABATAN_TYPES,
  JABATAN_TYPE_LABELS,
  JENJANG_FUNGSIONAL,
  JENJANG_FUNGSIONAL_LABELS,
  JPT_LEVEL_LABELS,
  isJenjangFungsional,
  isManajerial,
  kategoriFungsional,
} from './jabatan.js';

describe('jabatan types', () => {
  it('has the five types with labels', () => {
    expect(JABATAN_TYPES).toEqual(['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL']);
    expect(JABATAN_TYPE_LABELS.JPT).toBe('Jabatan Pimpinan Tinggi');
  });

  it('marks JPT, administrator and pengawas as manajerial only', () => {
    expect(JABATAN_TYPES.filter(isManajerial)).toEqual(['JPT', 'ADMINISTRATOR', 'PENGAWAS']);
  });

  it('labels the JPT levels', () => {
    expect(JPT_LEVEL_LABELS.PRATAMA).toBe('JPT Pratama');
    expect(JPT_LEVEL_LABELS.UTAMA).toBe('JPT Utama');
  });
});

describe('jenjang fungsional', () => {
  it('labels all eight jenjang in Indonesian', () => {
    expect(JENJANG_FUNGSIONAL.map((j) => JENJANG_FUNGSIONAL_LABELS[j])).toEqual([
      'Pemula', 'Terampil', 'Mahir', 'Penyelia', 'Ahli Pertama', 'Ahli Muda', 'Ahli Madya', 'Ahli Utama',
    ]);
  });

  it('splits keterampilan and keahlian at Penyelia / Ahli Pertama', () => {
    expect(kategoriFungsional('PEMULA')).toBe('KETERAMPILAN');
    expect(kategoriFungsional('PENYELIA')).toBe('KETERAMPILAN');
    expect(kategoriFungsional('AHLI_PERTAMA')).toBe('KEAHLIAN');
    expect(kategoriFungsional('AHLI_UTAMA')).toBe('KEAHLIAN');
  });

  it('recognises known jenjang and jenis ASN only', () => {
    expect(isJenjangFungsional('AHLI_MUDA')).toBe(true);
    expect(isJenjangFungsional('AHLI')).toBe(false);
    expect(isJenjangFungsional(3)).toBe(false);
    expect(isJenisAsn('PPPK')).toBe(true);
    expect(isJenisAsn('PTT')).toBe(false);
  });
});
