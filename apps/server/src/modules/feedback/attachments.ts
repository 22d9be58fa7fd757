/**
 * Files sent with a complaint: the type is read from the content (never from the name or the
 * browser's claim), and photos lose their metadata — EXIF can hold GPS position, device serial
 * and owner name, which would unmask an anonymous complainant. PDFs are stored as sent.
 */

export type AttachmentType = 'image/jpeg' | 'image/png' | 'application/pdf';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffType(data: Buffer): AttachmentType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** JPEG without APP1–APP15 (EXIF, XMP, ICC…) and COM segments; image data untouched. */
export function stripJpeg(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return data; // not a marker where one must be: keep the file as it is
    const marker = data[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      out.push(data.subarray(i)); // start of scan: the rest is image data
      return Buffer.concat(out);
    }
    if (marker === 0xd9) break;
    const length = data.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > data.length) return data;
    const drop = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!drop) out.push(data.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  out.push(data.subarray(i));
  return Buffer.concat(out);
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG without text, EXIF and time chunks. */
export function stripPng(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= data.length) {
    const length = data.readUInt32BE(i);
    const type = data.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + length;
    if (end > data.length) return data;
    if (!PNG_DROP.has(type)) out.push(data.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

export function stripMetadata(type: AttachmentType, data: Buffer): Buffer {
  if (type === 'image/jpeg') return stripJpeg(data);
  if (type === 'image/png') return stripPng(data);
  return data;
}

const EXTENSION: Record<AttachmentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** A harmless file name: no path, no control or quote characters, the extension of the real type. */
export function safeFileName(name: string | undefined, type: AttachmentType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()
    ?.replace(/[^\p{L}\p{N} ._()-]+/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 150);
  return `${base && base.length > 0 ? base : 'lampiran'}.${EXTENSION[type]}`;
}
