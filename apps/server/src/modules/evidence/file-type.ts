/**
 * File types accepted as evidence, recognised by their content (magic bytes), never by the file
 * name or the browser's claimed type. A renamed .exe is not any of these and is refused.
 */
export type EvidenceType =
  | { kind: 'jpeg'; mime: 'image/jpeg' }
  | { kind: 'png'; mime: 'image/png' }
  | { kind: 'webp'; mime: 'image/webp' }
  | { kind: 'pdf'; mime: 'application/pdf' }
  | { kind: 'docx'; mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
  | { kind: 'xlsx'; mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind of file from its first bytes; 'zip' still needs `officeType` on its central directory. */
export function sniff(head: Buffer): EvidenceType | { kind: 'zip' } | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', mime: 'image/jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', mime: 'image/png' };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { kind: 'webp', mime: 'image/webp' };
  if (startsWith(head, ascii('%PDF-'))) return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  return null;
}

/** Where a zip's central directory is, from the End Of Central Directory record in its last bytes. */
export function zipDirectory(tail: Buffer): { offset: number; size: number; entries: number } | null {
  // EOCD is 22 bytes plus a comment of up to 65535 bytes.
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 0xffff; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      return { entries: tail.readUInt16LE(i + 10), size: tail.readUInt32LE(i + 12), offset: tail.readUInt32LE(i + 16) };
    }
  }
  return null;
}

/** File names listed in a zip central directory. */
export function zipNames(directory: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= directory.length && directory.readUInt32LE(p) === 0x02014b50) {
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    names.push(directory.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * A Word or Excel document (Office Open XML) from its zip entry names; null for any other zip,
 * including macro-enabled documents (they carry vbaProject.bin).
 */
export function officeType(names: readonly string[]): EvidenceType | null {
  const set = new Set(names);
  if (!set.has('[Content_Types].xml') || names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
  if (set.has('word/document.xml')) {
    return { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  if (set.has('xl/workbook.xml')) return { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return null;
}

/** Shown inline (images, PDF) or downloaded (office documents). */
export function isInline(mime: string): boolean {
  return mime.startsWith('image/') || mime === 'application/pdf';
}
