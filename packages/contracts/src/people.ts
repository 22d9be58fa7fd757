import { z } from 'zod';

/**
 * Import and export of people (employees) as CSV/XLSX with SIASN-like columns. The columns of
 * an export are exactly the columns an import reads, so an export re-imports with no changes.
 */
export const PEOPLE_COLUMNS = [
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
] as const;
export const PeopleColumn = z.enum(PEOPLE_COLUMNS);
export type PeopleColumn = z.infer<typeof PeopleColumn>;

export const ImportMode = z.enum(['dry-run', 'commit']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportQuery = z.object({
  mode: ImportMode.default('dry-run').describe(
    'dry-run (default): validate and show the differences, write nothing. commit: apply everything in one transaction, or nothing when any row is bad',
  ),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportRowError = z.object({
  row: z.number().int().describe('Row number as shown by a spreadsheet: the header is row 1, the first data row is 2'),
  column: z.string().describe('Column header as written in the file (or the expected header when it is missing)'),
  code: z.string().describe('Stable code of the problem, e.g. NIP_LENGTH, UNIT_UNKNOWN, ATASAN_CYCLE'),
  message: z.string().describe("Explanation in the caller's language"),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportFieldChange = z.object({
  column: z.enum([...PEOPLE_COLUMNS, 'Status']).describe('A column of the file, or "Status" when an inactive employee returns'),
  old: z.string().nullable(),
  new: z.string().nullable(),
});

export const ImportChangeKind = z.enum(['new', 'changed', 'leaving']);
export const ImportChange = z.object({
  kind: ImportChangeKind,
  nip: z.string(),
  name: z.string().describe('Name with gelar'),
  fields: z.array(ImportFieldChange).optional().describe('For kind "changed": the columns that differ'),
});
export type ImportChange = z.infer<typeof ImportChange>;

export const ImportSummary = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  leaving: z.number().int().describe('Active employees of the importer\'s scope absent from the file'),
  unchanged: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportResult = z.object({
  mode: ImportMode,
  ok: z.boolean().describe('False when any row is bad; a commit then writes nothing'),
  errors: z.array(ImportRowError),
  summary: ImportSummary,
  changes: z.array(ImportChange),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;
