/**
 * Jenis ASN: PNS (Pegawai Negeri Sipil) or PPPK (Pegawai Pemerintah dengan Perjanjian Kerja),
 * UU 20/2023. PPPK paruh waktu are PPPK for the rules in this package.
 */
export const JENIS_ASN = ['PNS', 'PPPK'] as const;

/** 'PNS' | 'PPPK'. */
export type JenisAsn = (typeof JENIS_ASN)[number];

/** True when `value` is a known jenis ASN. */
export function isJenisAsn(value: unknown): value is JenisAsn {
  return value === 'PNS' || value === 'PPPK';
}
