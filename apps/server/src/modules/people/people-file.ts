import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { PEOPLE_COLUMNS, type PeopleColumn } from '@pantau/contracts';
import type { FileMessageCode } from './people-messages.js';

/**
 * Reading an uploaded CSV/XLSX into rows of cells, and matching its header row to our columns.
 * Pure CPU work on a buffer: it runs before any transaction is opened.
 */

/** A cell as read: text, or a number when a spreadsheet stored one (a NIP stored as a number has lost digits). */
export type Cell = string | number | null;

export interface SheetRow {
  /** Row number as the spreadsheet shows it (1-based). */
  row: number;
  cells: Cell[];
}

export interface PeopleSheet {
  format: 'csv' | 'xlsx';
  rows: SheetRow[];
}

/** The file itself is unusable: 415 for a wrong kind of file, 400 for a broken or empty one. */
export class PeopleFileError extends Error {
  constructor(
    readonly status: 400 | 415,
    readonly reason: FileMessageCode,
    readonly params?: Record<string, unknown>,
  ) {
    super(reason);
  }
}

/** Unpacked size we are willing to read from an .xlsx (guards against zip bombs). */
export const MAX_XLSX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_COLUMNS = 200;

export async function readPeopleFile(data: Buffer, filename: string | undefined): Promise<PeopleSheet> {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext !== undefined && ext !== 'csv' && ext !== 'xlsx') throw new PeopleFileError(415, 'UNSUPPORTED');
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (ext === 'xlsx' || (ext === undefined && isZip)) {
    if (!isZip) throw new PeopleFileError(415, 'UNSUPPORTED');
    return { format: 'xlsx', rows: await readXlsx(data) };
  }
  if (isZip) throw new PeopleFileError(415, 'UNSUPPORTED');
  return { format: 'csv', rows: readCsv(decodeUtf8(data)) };
}

function decodeUtf8(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Binary (an executable, an old .xls) versus a CSV saved in a legacy code page.
    const binary = data.subarray(0, 4096).some(isControl);
    throw new PeopleFileError(415, binary ? 'UNSUPPORTED' : 'NOT_UTF8');
  }
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) throw new PeopleFileError(415, 'UNSUPPORTED');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL and the other control characters that never occur in a text file (tab, CR, LF… do). */
function isControl(code: number): boolean {
  return code < 0x09 || (code > 0x0d && code < 0x20);
}

function readCsv(text: string): SheetRow[] {
  let body = text;
  let delimiter: string | undefined;
  // Excel writes a "sep=;" line when asked to; it is not shown as a row.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(body);
  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
    });
  } catch (err) {
    const line = typeof err === 'object' && err !== null && 'lines' in err ? Number(err.lines) : 0;
    throw new PeopleFileError(400, 'CSV_INVALID', { line: line || '?' });
  }
  return records.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, MAX_COLUMNS) }));
}

/** Comma or semicolon (Indonesian Excel writes ';'), whichever the header line uses more; tab as a last resort. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  const commas = count(',');
  const semicolons = count(';');
  if (commas === 0 && semicolons === 0 && count('\t') > 0) return '\t';
  return semicolons > commas ? ';' : ',';
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const zip = zipDirectory(data);
  if (!zip) throw new PeopleFileError(400, 'BROKEN');
  if (!zip.names.has('xl/workbook.xml')) throw new PeopleFileError(415, 'UNSUPPORTED');
  if (zip.unpackedBytes > MAX_XLSX_UNPACKED_BYTES) {
    throw new PeopleFileError(400, 'TOO_BIG', { max: Math.round(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024) });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer), which Node's Buffer no longer matches.
    await workbook.xlsx.load(toArrayBuffer(data));
  } catch {
    throw new PeopleFileError(400, 'BROKEN');
  }
  const sheets = workbook.worksheets.map(sheetRows);
  // SIASN exports have one sheet; a workbook with a cover sheet is read from the first one with a NIP header.
  return sheets.find((rows) => rows.slice(0, 20).some((r) => headerHasNip(r.cells))) ?? sheets[0] ?? [];
}

function toArrayBuffer(data: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  return copy;
}

function sheetRows(ws: ExcelJS.Worksheet): SheetRow[] {
  const out: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const count = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= count; c++) cells.push(cellValue(row.getCell(c).value));
    out.push({ row: rowNumber, cells });
  });
  return out;
}

function cellValue(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellValue(v.result) : null;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return String(v.error);
  return null;
}

/** Reads the zip central directory: entry names and total unpacked size, without unpacking. */
function zipDirectory(buf: Buffer): { names: Set<string>; unpackedBytes: number } | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  let unpackedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    // 0xFFFFFFFF means a zip64 size: far beyond anything a roster needs.
    unpackedBytes += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    names.add(buf.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extra + comment;
  }
  return { names, unpackedBytes };
}

// ---------------------------------------------------------------------------------------------
// Header matching

/** Accepted header spellings, after normalising (lower case, punctuation to spaces). */
const HEADER_ALIASES: Record<PeopleColumn, readonly string[]> = {
  NIP: ['nip', 'nip baru', 'nip 18', 'nip 18 digit', 'nip ni pppk', 'ni pppk', 'nip pppk', 'nomor induk pegawai'],
  Nama: ['nama', 'nama lengkap', 'nama pegawai', 'nama asn', 'nama tanpa gelar'],
  'Gelar Depan': ['gelar depan', 'glr depan', 'gelardepan'],
  'Gelar Belakang': ['gelar belakang', 'glr belakang', 'gelarbelakang'],
  'Jenis ASN': ['jenis asn', 'jenis pegawai', 'status asn', 'status pegawai', 'jenis kepegawaian', 'asn'],
  Golongan: ['golongan', 'gol', 'gol ruang', 'golongan ruang', 'gol akhir', 'golongan akhir', 'gol akhir nama', 'golongan terakhir', 'pangkat golongan'],
  Jabatan: ['jabatan', 'nama jabatan', 'jabatan nama', 'jabatan terakhir'],
  'Jenis Jabatan': ['jenis jabatan', 'jenis jabatan nama', 'tipe jabatan', 'jenis jab'],
  Unit: ['unit', 'unor', 'unor nama', 'nama unor', 'unit organisasi', 'unit kerja', 'satuan kerja', 'satker'],
  'NIP Atasan': ['nip atasan', 'atasan nip', 'nip atasan langsung', 'atasan langsung nip', 'nip penilai', 'nip pejabat penilai'],
};

/** Columns a file must have. The others are optional (see people-rows.ts for what their absence means). */
export const REQUIRED_COLUMNS: readonly PeopleColumn[] = ['NIP', 'Nama', 'Jenis ASN', 'Golongan', 'Jabatan', 'Unit'];

const aliasToColumn = new Map<string, PeopleColumn>(
  PEOPLE_COLUMNS.flatMap((c) => HEADER_ALIASES[c].map((a) => [a, c] as const)),
);

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function headerHasNip(cells: Cell[]): boolean {
  return cells.some((c) => typeof c === 'string' && aliasToColumn.get(normaliseHeader(c)) === 'NIP');
}

export interface ColumnRef {
  index: number;
  /** The header as written in the file, used in error messages. */
  header: string;
}

export interface HeaderProblem {
  code: 'HEADER_MISSING' | 'HEADER_DUPLICATE';
  column: string;
  params: Record<string, unknown>;
}

export interface HeaderMap {
  row: number;
  columns: Partial<Record<PeopleColumn, ColumnRef>>;
  problems: HeaderProblem[];
}

/**
 * Maps the header row to our columns; unknown columns (SIASN has many) are ignored. The header
 * is the first non-empty row, or a later one with a NIP column when a report title sits above it.
 */
export function mapHeader(sheet: PeopleSheet): { header: HeaderMap; data: SheetRow[] } | null {
  const firstRows = sheet.rows.slice(0, 20);
  const titled = firstRows.findIndex((r) => headerHasNip(r.cells));
  const start = titled >= 0 ? titled : sheet.rows.findIndex((r) => !isBlank(r.cells));
  const headerRow = sheet.rows[start];
  if (!headerRow) return null;
  const columns: Partial<Record<PeopleColumn, ColumnRef>> = {};
  const problems: HeaderProblem[] = [];
  headerRow.cells.forEach((cell, index) => {
    const header = cellText(cell);
    const column = aliasToColumn.get(normaliseHeader(header));
    if (!column) return;
    const seen = columns[column];
    if (seen) {
      problems.push({ code: 'HEADER_DUPLICATE', column: header, params: { column: header, other: seen.header } });
      return;
    }
    columns[column] = { index, header };
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns[c]) problems.push({ code: 'HEADER_MISSING', column: c, params: { column: c } });
  }
  const data = sheet.rows.slice(start + 1).filter((r) => !isBlank(r.cells));
  return { header: { row: headerRow.row, columns, problems }, data };
}

/** Cell as trimmed text; the apostrophe our export puts before = + - @ (CSV injection guard) is dropped. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/\s+/g, ' ').trim().replace(/^'(?=[=+\-@])/, '');
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
