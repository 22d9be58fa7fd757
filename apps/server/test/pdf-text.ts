import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a real PDF, read back with Mozilla's PDF.js (pure JavaScript, so `npm test` needs
 * no poppler on the machine). Tests open the files the app generates and check their content.
 *
 * - `layout: true` (default): like `pdftotext -layout`, one line per row of the page, top to
 *   bottom, the pieces of a row ordered left to right and separated by spaces in proportion to
 *   the gap between them — so the cells of one table row stay on one line.
 * - `layout: false`: the text in the order it was drawn, each drawn line on its own line — so a
 *   phrase wrapped inside a table cell can be found whole after collapsing whitespace.
 */
export async function pdfText(data: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  const layout = options.layout ?? true;
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , , scaleY, x, y] = item.transform as number[];
        items.push({ str: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size: Math.abs(scaleY ?? 10) || 10, eol: item.hasEOL });
      }
      pages.push(layout ? layoutLines(items) : drawnLines(items));
      page.cleanup();
    }
    return pages.join('\f');
  } finally {
    await doc.destroy();
  }
}

interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

function drawnLines(items: Piece[]): string {
  let out = '';
  for (const it of items) out += it.str + (it.eol ? '\n' : '');
  return out;
}

function layoutLines(items: Piece[]): string {
  const rows: { y: number; pieces: Piece[] }[] = [];
  for (const it of items) {
    if (it.str === '') continue;
    // Pieces whose baselines are within a third of the font size belong to one row.
    const row = rows.find((r) => Math.abs(r.y - it.y) <= it.size / 3);
    if (row) row.pieces.push(it);
    else rows.push({ y: it.y, pieces: [it] });
  }
  rows.sort((a, b) => b.y - a.y); // PDF y grows upwards: the top of the page first
  return rows
    .map((row) => {
      row.pieces.sort((a, b) => a.x - b.x);
      let line = '';
      let end: number | null = null;
      for (const p of row.pieces) {
        if (end !== null) {
          const gap = p.x - end;
          const charWidth = p.size / 2;
          if (gap > charWidth * 0.3) line += ' '.repeat(Math.max(1, Math.round(gap / charWidth)));
        }
        line += p.str;
        end = p.x + p.width;
      }
      return line.trimEnd();
    })
    .join('\n');
}
