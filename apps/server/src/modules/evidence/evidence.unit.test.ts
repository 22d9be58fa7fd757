import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readJpegExif } from './exif.js';
import { DOCX_ENTRIES, jpegWithExif, zip } from './evidence.test-helpers.js';
import { officeType, sniff, zipDirectory, zipNames } from './file-type.js';

describe('readJpegExif', () => {
  it('reads the photo time and GPS position in both byte orders', () => {
    for (const little of [true, false]) {
      const meta = readJpegExif(
        jpegWithExif({ little, lat: { ref: 'N', dms: [5, 10, 30] }, lon: { ref: 'E', dms: [97, 8, 15] } }),
      );
      expect(meta.takenAt?.toISOString()).toBe('2025-01-08T02:15:30.000Z');
      expect(meta.latitude).toBeCloseTo(5.175, 6);
      expect(meta.longitude).toBeCloseTo(97.1375, 6);
    }
  });

  it('applies the recorded offset, south and west, and reads WIB when no offset is given', () => {
    const meta = readJpegExif(
      jpegWithExif({ little: true, offset: '+09:00', lat: { ref: 'S', dms: [6, 12, 0] }, lon: { ref: 'W', dms: [10, 30, 0] } }),
    );
    expect(meta.takenAt?.toISOString()).toBe('2025-01-08T00:15:30.000Z');
    expect(meta.latitude).toBeCloseTo(-6.2, 6);
    expect(meta.longitude).toBeCloseTo(-10.5, 6);
    expect(readJpegExif(jpegWithExif({ little: false, offset: 'xx' })).takenAt?.toISOString()).toBe('2025-01-08T02:15:30.000Z');
  });

  it('returns nulls for a photo without EXIF or broken bytes', () => {
    expect(readJpegExif(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({ takenAt: null, latitude: null, longitude: null });
    const broken = jpegWithExif({ little: true });
    broken.writeUInt16LE(0xffff, 6 + 10 + 8);
    expect(() => readJpegExif(broken)).not.toThrow();
    expect(readJpegExif(Buffer.from('not a jpeg'))).toEqual({ takenAt: null, latitude: null, longitude: null });
  });
});

describe('file types by content', () => {
  it('recognises images and PDF by their magic bytes, and nothing else', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ kind: 'jpeg' });
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({ kind: 'png' });
    expect(sniff(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toMatchObject({ kind: 'webp' });
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toMatchObject({ kind: 'pdf' });
    expect(sniff(Buffer.from('MZ\x90\x00\x03\x00', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from('<html>'))).toBeNull();
  });

  it('tells Word and Excel documents from other zips by their entries', async () => {
    const names = (buf: Buffer) => {
      const dir = zipDirectory(buf);
      if (!dir) throw new Error('no directory');
      return zipNames(buf.subarray(dir.offset, dir.offset + dir.size));
    };
    expect(officeType(names(zip(DOCX_ENTRIES)))).toMatchObject({ kind: 'docx' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Rekap').addRow(['a', 1]);
    expect(officeType(names(Buffer.from(await wb.xlsx.writeBuffer())))).toMatchObject({ kind: 'xlsx' });
    expect(officeType(names(zip({ 'virus.exe': 'MZ' })))).toBeNull();
    expect(officeType(names(zip({ ...DOCX_ENTRIES, 'word/vbaProject.bin': 'x' })))).toBeNull();
  });
});
