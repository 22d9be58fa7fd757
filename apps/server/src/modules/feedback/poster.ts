import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/**
 * The printable QR poster for a service counter (A4): a big QR code to the public survey page,
 * the service and unit names and a short instruction in Bahasa Indonesia. Roboto is embedded
 * (the standard PDF fonts garble non-Latin-1 text, stack.md G21); no file or URL outside the
 * font folder may be read.
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

export interface PosterInput {
  instansiName: string;
  serviceName: string;
  unitName: string;
  opdName: string | null;
  surveyUrl: string;
}

export async function renderPoster(input: PosterInput): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title: `Survei Kepuasan Masyarakat — ${input.serviceName}`, creator: 'Pantau' },
    defaultStyle: { font: 'Roboto', fontSize: 14, alignment: 'center' },
    content: [
      { text: input.instansiName.toUpperCase(), fontSize: 12, color: '#444444', margin: [0, 0, 0, 4] },
      ...(input.opdName && input.opdName !== input.unitName ? [{ text: input.opdName, fontSize: 12, color: '#444444' }] : []),
      { text: 'SURVEI KEPUASAN MASYARAKAT', bold: true, fontSize: 26, margin: [0, 18, 0, 6] },
      { text: 'Bagaimana pelayanan kami hari ini?', fontSize: 16, margin: [0, 0, 0, 18] },
      { text: input.serviceName, bold: true, fontSize: 22, margin: [0, 0, 0, 4] },
      { text: input.unitName, fontSize: 14, margin: [0, 0, 0, 22] },
      { qr: input.surveyUrl, fit: 300, eccLevel: 'M', alignment: 'center', margin: [0, 0, 0, 22] },
      {
        text: 'Pindai kode QR ini dengan kamera ponsel Anda, lalu isi 9 pertanyaan singkat. Tidak perlu login dan nama Anda tidak dicatat.',
        fontSize: 14,
        margin: [24, 0, 24, 10],
      },
      { text: 'Atau buka alamat ini:', fontSize: 11, color: '#444444' },
      { text: input.surveyUrl, fontSize: 13, bold: true, margin: [0, 2, 0, 18] },
      {
        text: 'Ada keluhan? Sampaikan pengaduan melalui halaman yang sama. Kerahasiaan pelapor dijamin.',
        fontSize: 12,
        color: '#444444',
      },
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}
