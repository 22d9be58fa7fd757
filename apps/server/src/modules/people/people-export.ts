import ExcelJS from 'exceljs';
import { PEOPLE_COLUMNS, type PeopleColumn } from '@pantau/contracts';
import type { ExportRow } from './people.repository.js';
import { JENIS_JABATAN_LABEL } from './people-rows.js';
import type { UnitIndex } from './people-units.js';

/**
 * Writes employees with exactly the columns the import reads, so a downloaded file can be
 * edited and uploaded again (unchanged rows stay unchanged).
 */

const WIDTHS: Record<PeopleColumn, number> = {
  NIP: 21,
  Nama: 32,
  'Gelar Depan': 12,
  'Gelar Belakang': 16,
  'Jenis ASN': 10,
  Golongan: 10,
  Jabatan: 40,
  'Jenis Jabatan': 15,
  Unit: 40,
  'NIP Atasan': 21,
};

export function exportCells(rows: readonly ExportRow[], units: UnitIndex): string[][] {
  return rows.map((r) => [
    r.nip,
    r.name,
    r.gelarDepan ?? '',
    r.gelarBelakang ?? '',
    r.jenisAsn,
    r.golongan ?? '',
    r.jabatan ?? '',
    r.type ? JENIS_JABATAN_LABEL[r.type] : '',
    r.unitId === null ? '' : units.label(r.unitId),
    r.atasanNip ?? '',
  ]);
}

export async function toXlsx(cells: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pantau';
  const sheet = workbook.addWorksheet('Pegawai', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PEOPLE_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: WIDTHS[c],
    // '@' = Text: an 18-digit NIP edited in Excel stays text instead of becoming 1.98609E+17.
    style: c === 'NIP' || c === 'NIP Atasan' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PEOPLE_COLUMNS.length } };
  for (const row of cells) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with BOM (so Excel reads the encoding), comma separated, RFC 4180 quoting. */
export function toCsv(cells: readonly string[][]): Buffer {
  const lines = [PEOPLE_COLUMNS.map(csvField).join(','), ...cells.map((r) => r.map(csvField).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet
  // (CSV injection); the apostrophe is removed again on import.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
