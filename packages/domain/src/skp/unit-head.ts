import type { PredikatOrganisasi, Rating } from './types.js';

/**
 * SE MenPANRB 3/2023 (regulations §1.7.2, step 3): "Apabila pimpinan organisasi adalah pegawai
 * yang dievaluasi, maka capaian kinerja satuan organisasi yang dipimpin ditetapkan sebagai rating
 * hasil kerja pegawai yang bersangkutan." The rule itself is quoted from the SE (existence
 * confirmed, text from a secondary source). How the five organisation predikat map onto the three
 * ratings is NOT written there (UNCONFIRMED); this default reads "Istimewa" as above expectation,
 * "Baik" as meeting it and the three lower predikat as below it. An instansi can switch the rule
 * off in the SKP settings (then the pejabat penilai rates the unit head like anyone else).
 */
export const UNIT_HEAD_HASIL_KERJA_DEFAULT: Readonly<Record<PredikatOrganisasi, Rating>> = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

/** The rating hasil kerja of the head of a unit, from the unit's organisation predikat. */
export function unitHeadHasilKerja(
  predikatOrganisasi: PredikatOrganisasi,
  mapping: Readonly<Record<PredikatOrganisasi, Rating>> = UNIT_HEAD_HASIL_KERJA_DEFAULT,
): Rating {
  return mapping[predikatOrganisasi];
}
