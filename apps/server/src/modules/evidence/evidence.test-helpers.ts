import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Test fixtures for evidence files: multipart bodies, a JPEG with EXIF, office zips. */

export function multipartBody(filename: string, content: Buffer, field = 'file') {
  const boundary = `----pantau${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface ExifSpec {
  little: boolean;
  taken?: string;
  offset?: string;
  lat?: { ref: string; dms: [number, number, number] };
  lon?: { ref: string; dms: [number, number, number] };
}

/** A tiny JPEG (SOI, APP1 Exif, EOI) laid out as the EXIF 2.3 spec says, in either byte order. */
export function jpegWithExif(spec: ExifSpec): Buffer {
  const tiff = Buffer.alloc(256);
  const u16 = (v: number, at: number) => (spec.little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (spec.little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    u16(tag, at);
    u16(type, at + 2);
    u32(count, at + 4);
    if (typeof value === 'number') u32(value, at + 8);
    else value.copy(tiff, at + 8);
  };
  tiff.write(spec.little ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  // IFD0 at 8: pointers to the Exif IFD (38) and the GPS IFD (68).
  u16(2, 8);
  entry(10, 0x8769, 4, 1, 38);
  entry(22, 0x8825, 4, 1, 68);
  u32(0, 34);
  // Exif IFD at 38.
  u16(2, 38);
  entry(40, 0x9003, 2, 20, 122);
  entry(52, 0x9011, 2, 7, 142);
  u32(0, 64);
  tiff.write(`${spec.taken ?? '2025:01:08 09:15:30'}\0`, 122, 'latin1');
  tiff.write(`${spec.offset ?? '+07:00'}\0`, 142, 'latin1');
  // GPS IFD at 68.
  u16(spec.lat ? 4 : 0, 68);
  if (spec.lat && spec.lon) {
    entry(70, 1, 2, 2, Buffer.from(`${spec.lat.ref}\0`, 'latin1'));
    entry(82, 2, 5, 3, 150);
    entry(94, 3, 2, 2, Buffer.from(`${spec.lon.ref}\0`, 'latin1'));
    entry(106, 4, 5, 3, 174);
    u32(0, 118);
    const rational = (v: number, at: number) => {
      u32(Math.round(v * 100), at);
      u32(100, at + 4);
    };
    spec.lat.dms.forEach((v, i) => rational(v, 150 + i * 8));
    spec.lon.dms.forEach((v, i) => rational(v, 174 + i * 8));
  }
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff.subarray(0, 198)]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, exif, Buffer.from([0xff, 0xd9])]);
}

/** A stored (uncompressed) zip with the given entries, with real CRCs and central directory. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

export const DOCX_ENTRIES = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
  'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
};
