import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { DailyRecapResponse } from '@pantau/contracts';

/** Files of the monthly recap: XLSX (exceljs) and PDF (pdfmake with embedded Roboto, stack.md G21). */

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
  // pdfmake 0.3 is CommonJS exporting an instance; only its fonts folder may be read.
  const instance = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as TFontDictionary;
  const fontsDir = dirname(require.resolve('pdfmake/fonts/Roboto.js'));
  instance.setFonts(fonts);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  cached = instance;
  return instance;
}

const HEADERS = ['NIP', 'Nama', 'Unit', 'Hari lapor', 'Hari kerja', 'Menit', 'Menit terverifikasi', 'Terverifikasi', 'Output per indikator'];

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const outputsText = (r: DailyRecapResponse['rows'][number]) =>
  r.outputs.map((o) => `${o.indicator ?? 'Tanpa indikator'}: ${o.quantity.toLocaleString('id-ID')} ${o.unit ?? ''}`.trim()).join('; ');

const percent = (v: number) => `${Math.round(v * 100)}%`;

export async function recapXlsx(recap: DailyRecapResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  const ws = wb.addWorksheet('Rekap');
  ws.addRow([`Rekap Laporan Harian — ${recap.unit.name}`]).font = { bold: true, size: 13 };
  ws.addRow([`Bulan ${monthLabel(recap.month)} · ${recap.workingDays} hari kerja`]);
  ws.addRow([]);
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of recap.rows) {
    const row = ws.addRow([r.nip, r.name, r.unitName ?? '', r.daysReported, r.workingDays, r.minutes, r.verifiedMinutes, r.verifiedShare, outputsText(r)]);
    row.getCell(1).numFmt = '@';
    row.getCell(8).numFmt = '0%';
  }
  ws.columns.forEach((c, i) => {
    c.width = [21, 32, 28, 11, 11, 10, 18, 13, 60][i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function recapPdf(recap: DailyRecapResponse): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 32, 28, 32],
    info: { title: `Rekap Laporan Harian ${recap.unit.name} ${recap.month}`, creator: 'Pantau' },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    content: [
      { text: `Rekap Laporan Harian — ${recap.unit.name}`, bold: true, fontSize: 13 },
      { text: `Bulan ${monthLabel(recap.month)} · ${recap.workingDays} hari kerja`, margin: [0, 2, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: [78, 110, 90, 32, 32, 36, 48, 42, '*'],
          body: [
            HEADERS.map((h) => ({ text: h, bold: true })),
            ...recap.rows.map((r) => [
              r.nip,
              r.name,
              r.unitName ?? '',
              String(r.daysReported),
              String(r.workingDays),
              r.minutes.toLocaleString('id-ID'),
              r.verifiedMinutes.toLocaleString('id-ID'),
              percent(r.verifiedShare),
              outputsText(r),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}
