import type { PeopleColumn } from '@pantau/contracts';
import { NipError, normalizeGolongan, normalizeNip, parseNip, type JabatanType, type JenisAsn } from '@pantau/domain';
import { cellText, type Cell, type HeaderMap, type SheetRow } from './people-file.js';
import type { RowMessageCode } from './people-messages.js';
import type { UnitIndex } from './people-units.js';

/**
 * Checks each data row on its own (formats, lengths, known units, the importer's units) and
 * turns it into typed values. Checks that need other rows or the database are in people-diff.ts.
 *
 * Optional columns: when the "Gelar Depan"/"Gelar Belakang" column is absent from the file the
 * stored gelar is kept; an empty "Jenis Jabatan" keeps the type of an existing post (a new post
 * is Pelaksana); when both "Unit" and "Jabatan" are empty an existing employee keeps their post.
 */

export interface RowProblem {
  row: number;
  column: string;
  code: RowMessageCode;
  params?: Record<string, unknown>;
}

export interface ParsedRow {
  row: number;
  nip: string;
  name: string;
  /** undefined = the column is not in the file: keep what is stored. */
  gelarDepan: string | null | undefined;
  gelarBelakang: string | null | undefined;
  jenisAsn: JenisAsn;
  golongan: string | null;
  /** null (with unitId null) = keep the employee's current post. */
  jabatan: string | null;
  unitId: number | null;
  /** null = not given. */
  jenisJabatan: JabatanType | null;
  atasanNip: string | null;
}

/** Column lengths of the tables (employees, positions). */
export const MAX_LENGTH = { Nama: 120, 'Gelar Depan': 40, 'Gelar Belakang': 60, Jabatan: 200 } as const;


export const JENIS_JABATAN_LABEL: Record<JabatanType, string> = {
  JPT: 'JPT',
  ADMINISTRATOR: 'Administrator',
  PENGAWAS: 'Pengawas',
  PELAKSANA: 'Pelaksana',
  FUNGSIONAL: 'Fungsional',
};

export interface RowContext {
  header: HeaderMap;
  units: UnitIndex;
  /** Roots of the importer's subtrees; null = the whole instansi. */
  scopeRoots: readonly number[] | null;
}

export interface RowsResult {
  rows: ParsedRow[];
  problems: RowProblem[];
  /** Every NIP written in the file (also on bad rows), with its first row. */
  fileNips: Map<string, number>;
}

export function validateRows(data: readonly SheetRow[], ctx: RowContext): RowsResult {
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const fileNips = new Map<string, number>();
  for (const sheetRow of data) {
    const before = problems.length;
    const parsed = validateRow(sheetRow, ctx, problems, fileNips);
    if (parsed && problems.length === before) rows.push(parsed);
  }
  return { rows, problems, fileNips };
}

function validateRow(sheetRow: SheetRow, ctx: RowContext, problems: RowProblem[], fileNips: Map<string, number>): ParsedRow | null {
  const { columns } = ctx.header;
  const row = sheetRow.row;
  const raw = (c: PeopleColumn): Cell | undefined => {
    const ref = columns[c];
    return ref ? sheetRow.cells[ref.index] : undefined;
  };
  const text = (c: PeopleColumn) => cellText(raw(c));
  const fail = (c: PeopleColumn, code: RowMessageCode, params?: Record<string, unknown>) => {
    problems.push({ row, column: columns[c]?.header ?? c, code, params });
  };
  const bounded = (c: keyof typeof MAX_LENGTH, required: boolean): string | null => {
    const value = text(c);
    if (value === '') {
      if (required) fail(c, 'REQUIRED');
      return null;
    }
    if (value.length > MAX_LENGTH[c]) {
      fail(c, 'TOO_LONG', { max: MAX_LENGTH[c] });
      return null;
    }
    return value;
  };

  const jenisText = text('Jenis ASN');
  const jenisAsn = parseJenisAsn(jenisText);
  if (jenisText === '') fail('Jenis ASN', 'REQUIRED');
  else if (!jenisAsn) fail('Jenis ASN', 'JENIS_ASN_UNKNOWN', { value: jenisText });

  const nip = readNip(raw('NIP'), jenisAsn ?? 'PPPK', (code) => fail('NIP', code));
  if (nip !== null) {
    const first = fileNips.get(nip);
    if (first !== undefined) fail('NIP', 'NIP_DUPLICATE', { row: first });
    else fileNips.set(nip, row);
  }

  const name = bounded('Nama', true);
  const gelarDepan = columns['Gelar Depan'] ? bounded('Gelar Depan', false) : undefined;
  const gelarBelakang = columns['Gelar Belakang'] ? bounded('Gelar Belakang', false) : undefined;

  const golonganText = text('Golongan');
  let golongan: string | null = null;
  if (golonganText !== '' && jenisAsn) {
    golongan = parseGolongan(jenisAsn, golonganText) ?? null;
    if (golongan === null) fail('Golongan', 'GOLONGAN_UNKNOWN', { value: golonganText, jenisAsn });
  }

  const jabatan = bounded('Jabatan', false);
  const unitText = text('Unit');
  let unitId: number | null = null;
  if (unitText !== '') {
    const found = ctx.units.resolve(unitText);
    if (!found.ok) fail('Unit', found.code, { value: unitText, example: found.code === 'UNIT_AMBIGUOUS' ? found.example : '' });
    else if (!ctx.units.covers(ctx.scopeRoots, found.unit.id)) fail('Unit', 'UNIT_OUT_OF_SCOPE');
    else unitId = found.unit.id;
  }
  // Both empty: keep the current post (checked against the database later). One empty: required.
  if (unitText === '' && text('Jabatan') !== '') fail('Unit', 'REQUIRED');
  if (unitText !== '' && text('Jabatan') === '') fail('Jabatan', 'REQUIRED');

  const jenisJabatanText = text('Jenis Jabatan');
  let jenisJabatan: JabatanType | null = null;
  if (jenisJabatanText !== '') {
    jenisJabatan = parseJenisJabatan(jenisJabatanText) ?? null;
    if (jenisJabatan === null) fail('Jenis Jabatan', 'JENIS_JABATAN_UNKNOWN', { value: jenisJabatanText });
  }

  let atasanNip: string | null = null;
  const atasanRaw = raw('NIP Atasan');
  if (cellText(atasanRaw) !== '') {
    atasanNip = readNipShape(atasanRaw, (code) => fail('NIP Atasan', code));
    if (atasanNip !== null && atasanNip === nip) {
      fail('NIP Atasan', 'ATASAN_SELF');
      atasanNip = null;
    }
  }

  if (nip === null || name === null || !jenisAsn) return null;
  return { row, nip, name, gelarDepan, gelarBelakang, jenisAsn, golongan, jabatan, unitId, jenisJabatan, atasanNip };
}

export function parseJenisAsn(text: string): JenisAsn | undefined {
  const t = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (t === 'PNS' || t === 'CPNS') return 'PNS';
  if (t.startsWith('PPPK') || t.startsWith('P3K')) return 'PPPK';
  return undefined;
}

/** 'JPT Pratama', 'Jabatan Fungsional Tertentu', 'JFU' (the old name of pelaksana)… 'Struktural' is too vague. */
export function parseJenisJabatan(text: string): JabatanType | undefined {
  const t = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ').trim()} `;
  if (t.includes(' pelaksana ') || t.includes(' jfu ') || t.includes(' fungsional umum ')) return 'PELAKSANA';
  if (t.includes(' fungsional ') || t.includes(' jft ')) return 'FUNGSIONAL';
  if (t.includes(' jpt ') || t.includes(' pimpinan tinggi ')) return 'JPT';
  if (t.includes(' administrator ')) return 'ADMINISTRATOR';
  if (t.includes(' pengawas ')) return 'PENGAWAS';
  return undefined;
}

/** Canonical golongan from "III/a", "iii b", "Penata Muda (III/a)", "Golongan IX". */
export function parseGolongan(jenisAsn: JenisAsn, text: string): string | undefined {
  const direct = normalizeGolongan(jenisAsn, text);
  if (direct) return direct;
  if (jenisAsn === 'PNS') {
    const m = /\b(IV|III|II|I)\s*\/\s*([a-e])\b/i.exec(text);
    return m ? normalizeGolongan('PNS', `${m[1] ?? ''}/${m[2] ?? ''}`) : undefined;
  }
  return normalizeGolongan('PPPK', text.replace(/^gol(ongan)?\.?\s*/i, ''));
}

/** Text of a NIP cell: spaces and a leading apostrophe (Excel's "keep as text") removed. */
function nipDigits(cell: Cell | undefined, onError: (code: RowMessageCode) => void): string | null {
  if (typeof cell === 'number') {
    // 18 digits do not fit a double: the spreadsheet has already rounded them away.
    if (!Number.isSafeInteger(cell)) {
      onError('NIP_NUMERIC');
      return null;
    }
    return String(cell);
  }
  const text = cellText(cell).replace(/^'/, '');
  if (text === '') {
    onError('REQUIRED');
    return null;
  }
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(text)) {
    onError('NIP_NUMERIC');
    return null;
  }
  return normalizeNip(text);
}

function readNip(cell: Cell | undefined, jenisAsn: JenisAsn, onError: (code: RowMessageCode) => void): string | null {
  const digits = nipDigits(cell, onError);
  if (digits === null) return null;
  try {
    parseNip(digits, jenisAsn);
  } catch (err) {
    if (err instanceof NipError) {
      onError(err.code);
      return null;
    }
    throw err;
  }
  return digits;
}

/** The supervisor's NIP only needs its shape: their jenis ASN is not in this row. */
function readNipShape(cell: Cell | undefined, onError: (code: RowMessageCode) => void): string | null {
  const digits = nipDigits(cell, onError);
  if (digits === null) return null;
  if (!/^\d{18}$/.test(digits)) {
    onError('ATASAN_FORMAT');
    return null;
  }
  return digits;
}
