import type { Locale } from '@pantau/contracts';
import { NIP_ERROR_CODES, nipErrorMessages, type NipErrorCode } from '@pantau/domain';

/**
 * Row-level problems of an import, in the words a kepegawaian clerk would use. Bahasa Indonesia
 * is the source; English follows. NIP rules reuse the domain's own messages.
 */
const rowMessages = {
  REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  TOO_LONG: { id: 'Terlalu panjang (maksimal {max} karakter).', en: 'Too long (at most {max} characters).' },
  NIP_NUMERIC: {
    id: 'NIP terbaca sebagai angka sehingga digit terakhirnya hilang. Ubah format kolom NIP menjadi Teks, ketik ulang, lalu unggah lagi.',
    en: 'The NIP was stored as a number, so its last digits were lost. Format the NIP column as Text, re-enter it and upload again.',
  },
  NIP_DUPLICATE: { id: 'NIP ini sudah ada di baris {row}.', en: 'This NIP already appears in row {row}.' },
  NIP_OTHER_INSTANSI: { id: 'NIP ini terdaftar di instansi lain.', en: 'This NIP is registered with another instansi.' },
  JENIS_ASN_UNKNOWN: { id: 'Jenis ASN harus PNS atau PPPK (tertulis "{value}").', en: 'Jenis ASN must be PNS or PPPK (found "{value}").' },
  GOLONGAN_UNKNOWN: {
    id: 'Golongan "{value}" tidak dikenal untuk {jenisAsn} (contoh: III/a untuk PNS, IX untuk PPPK).',
    en: 'Golongan "{value}" is not valid for {jenisAsn} (e.g. III/a for PNS, IX for PPPK).',
  },
  JENIS_JABATAN_UNKNOWN: {
    id: 'Jenis jabatan harus JPT, Administrator, Pengawas, Pelaksana, atau Fungsional (tertulis "{value}").',
    en: 'Jenis jabatan must be JPT, Administrator, Pengawas, Pelaksana or Fungsional (found "{value}").',
  },
  JENIS_JABATAN_CONFLICT: {
    id: 'Jenis jabatan berbeda dengan baris {row} untuk jabatan yang sama di unit yang sama.',
    en: 'Jenis jabatan differs from row {row} for the same post in the same unit.',
  },
  UNIT_UNKNOWN: { id: 'Unit "{value}" tidak ditemukan di instansi ini.', en: 'Unit "{value}" does not exist in this instansi.' },
  UNIT_AMBIGUOUS: {
    id: 'Ada beberapa unit bernama "{value}". Tulis lengkap dengan induknya, misalnya "{example}".',
    en: 'Several units are called "{value}". Write it with its parent, e.g. "{example}".',
  },
  UNIT_OUT_OF_SCOPE: { id: 'Unit di luar wewenang Anda.', en: 'This unit is outside your authority.' },
  EMPLOYEE_OUT_OF_SCOPE: {
    id: 'Pegawai ini saat ini terdaftar di unit di luar wewenang Anda.',
    en: 'This employee currently belongs to a unit outside your authority.',
  },
  ATASAN_FORMAT: { id: 'NIP Atasan harus 18 angka.', en: 'NIP Atasan must have 18 digits.' },
  ATASAN_SELF: { id: 'NIP Atasan tidak boleh sama dengan NIP pegawai itu sendiri.', en: 'NIP Atasan cannot be the employee\'s own NIP.' },
  ATASAN_UNKNOWN: {
    id: 'NIP Atasan {nip} tidak ada di berkas ini maupun di data pegawai.',
    en: 'NIP Atasan {nip} is neither in this file nor among the employees.',
  },
  ATASAN_LEAVING: {
    id: 'Atasan (NIP {nip}) tidak ada di berkas ini sehingga akan dinonaktifkan. Cantumkan atasan tersebut atau ganti NIP Atasan.',
    en: 'The supervisor (NIP {nip}) is not in this file and would become inactive. Include them or change NIP Atasan.',
  },
  ATASAN_NO_POSITION: {
    id: 'Atasan (NIP {nip}) tidak memiliki jabatan definitif hari ini.',
    en: 'The supervisor (NIP {nip}) holds no definitive post today.',
  },
  ATASAN_CYCLE: { id: 'Rantai atasan berputar kembali (baris {chain}).', en: 'The supervisor chain loops back (rows {chain}).' },
  HEADER_MISSING: { id: 'Kolom "{column}" tidak ditemukan di baris judul.', en: 'Column "{column}" is missing from the header row.' },
  HEADER_DUPLICATE: {
    id: 'Kolom "{column}" muncul lebih dari sekali (juga sebagai "{other}").',
    en: 'Column "{column}" appears more than once (also as "{other}").',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type RowMessageCode = keyof typeof rowMessages | NipErrorCode;

/** Problems with the file as a whole (field errors on 'file'). */
const fileMessages = {
  UNSUPPORTED: {
    id: 'Unggah berkas .xlsx (Excel) atau .csv (teks UTF-8). Berkas .xls lama: simpan ulang sebagai .xlsx.',
    en: 'Upload an .xlsx (Excel) or .csv (UTF-8 text) file. Old .xls files: save again as .xlsx.',
  },
  NOT_UTF8: {
    id: 'Berkas CSV bukan teks UTF-8. Di Excel pilih "Simpan sebagai" → "CSV UTF-8".',
    en: 'The CSV file is not UTF-8 text. In Excel choose "Save as" → "CSV UTF-8".',
  },
  CSV_INVALID: {
    id: 'Format CSV rusak di sekitar baris {line} (periksa tanda kutip).',
    en: 'The CSV is malformed around line {line} (check the quotes).',
  },
  BROKEN: { id: 'Berkas tidak dapat dibaca (rusak atau terpotong).', en: 'The file cannot be read (damaged or truncated).' },
  TOO_BIG: {
    id: 'Isi berkas terlalu besar setelah dibuka (maksimal {max} MB).',
    en: 'The file is too large once unpacked (at most {max} MB).',
  },
  EMPTY: { id: 'Berkas kosong atau tidak berisi baris data di bawah baris judul.', en: 'The file is empty or has no data rows below the header.' },
  TOO_MANY_ROWS: { id: 'Berkas berisi lebih dari {max} baris data.', en: 'The file has more than {max} data rows.' },
  MISSING_FILE: { id: 'Pilih berkas untuk diunggah (isian "file").', en: 'Choose a file to upload (field "file").' },
} as const satisfies Record<string, { id: string; en: string }>;

export type FileMessageCode = keyof typeof fileMessages;

function fill(template: string, params?: Record<string, unknown>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function isNipCode(code: string): code is NipErrorCode {
  return (NIP_ERROR_CODES as readonly string[]).includes(code);
}

export function rowMessage(code: RowMessageCode, locale: Locale, params?: Record<string, unknown>): string {
  if (isNipCode(code)) return nipErrorMessages[code][locale];
  return fill(rowMessages[code][locale], params);
}

export function fileMessage(code: FileMessageCode, locale: Locale, params?: Record<string, unknown>): string {
  return fill(fileMessages[code][locale], params);
}
