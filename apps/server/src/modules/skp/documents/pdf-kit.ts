import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Content, TDocumentDefinitions, TFontDictionary, TableCell } from 'pdfmake/interfaces';
import type { SkpPersonRef } from '@pantau/contracts';

/**
 * pdfmake set-up and the building blocks of the official SKP forms: kop, identity tables,
 * signature blocks and the verification QR code. Roboto (shipped in pdfmake) is embedded so
 * names with any Latin character print correctly (stack.md G21); no file outside the font
 * folder and no URL may be read.
 */

interface PdfMake {
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let cached: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (cached) return cached;
  // pdfmake 0.3 is CommonJS exporting an instance; its named exports are not visible to ESM.
  const instance = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as TFontDictionary;
  const fontsDir = dirname(require.resolve('pdfmake/fonts/Roboto.js'));
  instance.setFonts(fonts);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  cached = instance;
  return instance;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "15 Mei 2026" from YYYY-MM-DD. */
export function tanggal(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''} ${y ?? ''}`;
}

/** "01 JANUARI SD 31 DESEMBER TAHUN 2026" as printed on BKN forms. */
export function periodeText(start: string, end: string): string {
  const part = (date: string) => {
    const [, m, d] = date.split('-');
    return `${d ?? ''} ${(MONTHS[Number(m) - 1] ?? '').toUpperCase()}`;
  };
  return `${part(start)} SD ${part(end)} TAHUN ${end.slice(0, 4)}`;
}

/** Kop: instansi name, title lines. */
export function kop(instansiName: string, titles: readonly string[]): Content[] {
  return [
    { text: instansiName.toUpperCase(), style: 'kop' },
    { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 770, y2: 2, lineWidth: 1.5 }], margin: [0, 2, 0, 8] },
    ...titles.map((t, i): Content => ({ text: t, style: i === 0 ? 'title' : 'subtitle' })),
  ];
}

const IDENTITY_ROWS: readonly [string, (p: SkpPersonRef | null) => string][] = [
  ['NAMA', (p) => p?.name ?? '-'],
  ['NIP', (p) => p?.nip ?? '-'],
  ['PANGKAT/GOL RUANG', (p) => (p ? [p.pangkat, p.golongan].filter(Boolean).join(', ') || '-' : '-')],
  ['JABATAN', (p) => p?.positionName ?? '-'],
  ['UNIT KERJA', (p) => p?.unitName ?? '-'],
];

/** Side-by-side identity blocks (pegawai / pejabat penilai / atasan pejabat penilai). */
export function identityTable(blocks: readonly { title: string; person: SkpPersonRef | null }[]): Content {
  const header: TableCell[] = blocks.flatMap((b, i): TableCell[] => [{ text: `${i + 1}`, style: 'th' }, { text: b.title, style: 'th', colSpan: 2 }, {}]);
  const body: TableCell[][] = [header];
  IDENTITY_ROWS.forEach(([label, value], n) => {
    body.push(blocks.flatMap((b): TableCell[] => [{ text: String(n + 1), style: 'td' }, { text: label, style: 'td' }, { text: value(b.person), style: 'td' }]));
  });
  return {
    table: { widths: blocks.flatMap(() => [14, 90, '*']), body },
    layout: 'grid',
    margin: [0, 6, 0, 10],
  };
}

/** Signature blocks: date and place above the right one, names and NIP under the space. */
export function signatures(place: string, date: string, left: { title: string; person: SkpPersonRef | null }, right: { title: string; person: SkpPersonRef | null }): Content {
  const block = (b: { title: string; person: SkpPersonRef | null }, dated: boolean): Content => ({
    stack: [
      { text: dated ? `${place}, ${tanggal(date)}` : ' ' },
      { text: b.title, margin: [0, 2, 0, 46] },
      { text: b.person?.name ?? '-', bold: true, decoration: 'underline' },
      { text: `NIP. ${b.person?.nip ?? '-'}` },
    ],
    alignment: 'center',
  });
  return { columns: [block(left, false), { width: '*', text: '' }, block(right, true)], margin: [0, 18, 0, 0], unbreakable: true };
}

/** QR code with the verification URL and the document code. */
export function verification(url: string, code: string): Content {
  return {
    columns: [
      { qr: url, fit: 80, eccLevel: 'M', width: 90 },
      {
        stack: [
          { text: 'Dokumen ini diterbitkan oleh Pantau. Pindai kode QR untuk memeriksa keasliannya di server.', fontSize: 8 },
          { text: `Kode verifikasi: ${code}`, fontSize: 8, bold: true, margin: [0, 4, 0, 0] },
          { text: url, fontSize: 7, color: '#444444' },
        ],
        margin: [6, 10, 0, 0],
      },
    ],
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

export const styles: TDocumentDefinitions['styles'] = {
  kop: { fontSize: 13, bold: true, alignment: 'center' },
  title: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
  subtitle: { fontSize: 9.5, alignment: 'center' },
  section: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
  th: { bold: true, fontSize: 8.5, fillColor: '#e8e8e8', alignment: 'center' },
  td: { fontSize: 8.5 },
};
