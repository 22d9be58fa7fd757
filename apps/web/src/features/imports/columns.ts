import type { PEOPLE_COLUMNS, PeopleColumn } from '@pantau/contracts';

/**
 * The import columns in file order. Checked at compile time to be exactly PEOPLE_COLUMNS, but
 * written out so this page does not download zod and every schema for ten strings.
 */
export const IMPORT_COLUMNS = [
  'NIP',
  'Nama',
  'Gelar Depan',
  'Gelar Belakang',
  'Jenis ASN',
  'Golongan',
  'Jabatan',
  'Jenis Jabatan',
  'Unit',
  'NIP Atasan',
] as const satisfies typeof PEOPLE_COLUMNS;

/**
 * What each column of the import file means. The headings themselves (PEOPLE_COLUMNS in
 * @pantau/contracts) are part of the file format and stay Indonesian in every UI language;
 * only the descriptions are translated. Examples are sample cell values, not prose.
 */
export const IMPORT_COLUMN_HELP = {
  NIP: { descriptionKey: 'nip', example: '198609262015051001' },
  Nama: { descriptionKey: 'name', example: 'Cut Nurul Aini' },
  'Gelar Depan': { descriptionKey: 'gelarDepan', example: 'dr.' },
  'Gelar Belakang': { descriptionKey: 'gelarBelakang', example: 'M.Kes.' },
  'Jenis ASN': { descriptionKey: 'jenisAsn', example: 'PNS' },
  Golongan: { descriptionKey: 'golongan', example: 'III/c' },
  Jabatan: { descriptionKey: 'jabatan', example: 'Kepala Seksi Pelayanan Kesehatan Primer' },
  'Jenis Jabatan': { descriptionKey: 'jenisJabatan', example: 'PENGAWAS' },
  Unit: { descriptionKey: 'unit', example: 'Seksi Pelayanan Kesehatan Primer' },
  'NIP Atasan': { descriptionKey: 'nipAtasan', example: '197805122006042003' },
} as const satisfies Record<PeopleColumn, { descriptionKey: string; example: string }>;
