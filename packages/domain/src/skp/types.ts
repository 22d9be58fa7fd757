/**
 * Value types of the SKP evaluation (PermenPANRB 6/2022, SE MenPANRB 3/2023; §1.7 of the reference).
 */

/** Rating hasil kerja / perilaku kerja: Di Atas, Sesuai, Di Bawah Ekspektasi (§1.7.3). */
export const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type Rating = (typeof RATINGS)[number];

/** Predikat kinerja pegawai, best first (§1.7.4). */
export const PREDIKAT_KINERJA = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatKinerja = (typeof PREDIKAT_KINERJA)[number];

/** Predikat kinerja organisasi, best first (§1.7.2, §1.7.5). */
export const PREDIKAT_ORGANISASI = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatOrganisasi = (typeof PREDIKAT_ORGANISASI)[number];

/** A label in Bahasa Indonesia (`id`, as printed on BKN forms) and English (`en`). */
export interface Label {
  readonly id: string;
  readonly en: string;
}

/** Display labels of the ratings; the spaced regulation spelling ("Di Atas", not "Diatas"). */
export const RATING_LABELS: Readonly<Record<Rating, Label>> = {
  DI_ATAS: { id: 'Di Atas Ekspektasi', en: 'Above expectations' },
  SESUAI: { id: 'Sesuai Ekspektasi', en: 'Meets expectations' },
  DI_BAWAH: { id: 'Di Bawah Ekspektasi', en: 'Below expectations' },
};

/** Display labels of predikat kinerja pegawai; KURANG is shown as "Kurang/Misconduct" (§1.7.4). */
export const PREDIKAT_KINERJA_LABELS: Readonly<Record<PredikatKinerja, Label>> = {
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Outstanding' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG: { id: 'Kurang/Misconduct', en: 'Poor/Misconduct' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
};

/** Display labels of predikat kinerja organisasi (§1.7.2). */
export const PREDIKAT_ORGANISASI_LABELS: Readonly<Record<PredikatOrganisasi, Label>> = {
  ISTIMEWA: { id: 'Istimewa', en: 'Exceptional' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG: { id: 'Kurang', en: 'Poor' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
};

/** True when `value` is a known rating. */
export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

/** True when `value` is a known predikat kinerja pegawai. */
export function isPredikatKinerja(value: unknown): value is PredikatKinerja {
  return typeof value === 'string' && (PREDIKAT_KINERJA as readonly string[]).includes(value);
}

/** True when `value` is a known predikat kinerja organisasi. */
export function isPredikatOrganisasi(value: unknown): value is PredikatOrganisasi {
  return typeof value === 'string' && (PREDIKAT_ORGANISASI as readonly string[]).includes(value);
}
