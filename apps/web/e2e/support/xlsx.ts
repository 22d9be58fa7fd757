import ExcelJS from 'exceljs';

/** Reads the first sheet of an .xlsx into rows of cell text (row 1 = header). */
export async function readXlsxRows(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like "Buffer"; JSZip underneath takes an ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(data).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).text;
      cells.push(v ?? '');
    }
    rows[rowNumber - 1] = cells;
  });
  return rows.map((r) => r ?? []);
}

/** Writes rows (first row = header) to an .xlsx, every cell as text so NIPs keep all digits. */
export async function writeXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    added.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out);
}
