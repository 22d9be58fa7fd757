/**
 * Jabatan types and levels (UU 20/2023 Pasal 13, 14, 18; §6.4 of the reference).
 */

/** Jenis jabatan: manajerial (JPT, administrator, pengawas) and nonmanajerial (pelaksana, fungsional). */
export const JABATAN_TYPES = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'] as const;
export type JabatanType = (typeof JABATAN_TYPES)[number];

/** Indonesian display names of the jabatan types. */
export const JABATAN_TYPE_LABELS: Readonly<Record<JabatanType, string>> = {
  JPT: 'Jabatan Pimpinan Tinggi',
  ADMINISTRATOR: 'Administrator',
  PENGAWAS: 'Pengawas',
  PELAKSANA: 'Pelaksana',
  FUNGSIONAL: 'Fungsional',
};

/** True for jabatan manajerial (JPT, administrator, pengawas), UU 20/2023. */
export function isManajerial(type: JabatanType): boolean {
  return type === 'JPT' || type === 'ADMINISTRATOR' || type === 'PENGAWAS';
}

/** JPT levels, highest first. In a kota only JPT Pratama exists (Sekda, kepala dinas/badan). */
export const JPT_LEVELS = ['UTAMA', 'MADYA', 'PRATAMA'] as const;
export type JptLevel = (typeof JPT_LEVELS)[number];

/** Display names of the JPT levels. */
export const JPT_LEVEL_LABELS: Readonly<Record<JptLevel, string>> = {
  UTAMA: 'JPT Utama',
  MADYA: 'JPT Madya',
  PRATAMA: 'JPT Pratama',
};

/**
 * Jenjang jabatan fungsional: keterampilan (Pemula … Penyelia) then keahlian (Ahli Pertama …
 * Ahli Utama), each in ascending order.
 */
export const JENJANG_FUNGSIONAL = [
  'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA',
  'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA',
] as const;
export type JenjangFungsional = (typeof JENJANG_FUNGSIONAL)[number];

/** Indonesian display names of the jenjang, e.g. 'Ahli Pertama'. */
export const JENJANG_FUNGSIONAL_LABELS: Readonly<Record<JenjangFungsional, string>> = {
  PEMULA: 'Pemula',
  TERAMPIL: 'Terampil',
  MAHIR: 'Mahir',
  PENYELIA: 'Penyelia',
  AHLI_PERTAMA: 'Ahli Pertama',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_UTAMA: 'Ahli Utama',
};

/** Kategori jabatan fungsional. */
export type KategoriFungsional = 'KETERAMPILAN' | 'KEAHLIAN';

/** Display names of the kategori. */
export const KATEGORI_FUNGSIONAL_LABELS: Readonly<Record<KategoriFungsional, string>> = {
  KETERAMPILAN: 'Fungsional Keterampilan',
  KEAHLIAN: 'Fungsional Keahlian',
};

/** Keahlian for the Ahli jenjang, keterampilan for Pemula/Terampil/Mahir/Penyelia (§6.4). */
export function kategoriFungsional(jenjang: JenjangFungsional): KategoriFungsional {
  return jenjang.startsWith('AHLI_') ? 'KEAHLIAN' : 'KETERAMPILAN';
}

/** True when `value` is a known jenjang fungsional. */
export function isJenjangFungsional(value: unknown): value is JenjangFungsional {
  return typeof value === 'string' && (JENJANG_FUNGSIONAL as readonly string[]).includes(value);
}
