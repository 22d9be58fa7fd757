/**
 * A small EXIF reader for JPEG photos: the time the photo was taken and its GPS position, read
 * from the APP1 "Exif" segment (TIFF structure, either byte order). Anything malformed yields
 * nulls rather than an error: EXIF is a hint shown to the atasan, not evidence of its own.
 */
export interface PhotoMeta {
  /** DateTimeOriginal; WIB (+07:00) when the camera recorded no offset. */
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

const NONE: PhotoMeta = { takenAt: null, latitude: null, longitude: null };
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

interface Entry {
  type: number;
  count: number;
  /** Offset of the value inside the TIFF block. */
  at: number;
}

class Tiff {
  constructor(
    private readonly buf: Buffer,
    private readonly little: boolean,
  ) {}

  u16(at: number) {
    return this.little ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u32(at: number) {
    return this.little ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  ifd(offset: number): Map<number, Entry> {
    const out = new Map<number, Entry>();
    if (offset + 2 > this.buf.length) return out;
    const n = this.u16(offset);
    for (let i = 0; i < n; i++) {
      const p = offset + 2 + i * 12;
      if (p + 12 > this.buf.length) break;
      const type = this.u16(p + 2);
      const count = this.u32(p + 4);
      const size = (TYPE_SIZE[type] ?? 0) * count;
      out.set(this.u16(p), { type, count, at: size <= 4 ? p + 8 : this.u32(p + 8) });
    }
    return out;
  }

  ascii(e: Entry | undefined): string | null {
    if (!e || e.type !== 2 || e.at + e.count > this.buf.length) return null;
    return this.buf.subarray(e.at, e.at + e.count).toString('latin1').replace(/\0+$/, '');
  }

  rationals(e: Entry | undefined): number[] | null {
    if (!e || e.type !== 5 || e.at + e.count * 8 > this.buf.length) return null;
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) {
      const den = this.u32(e.at + i * 8 + 4);
      out.push(den === 0 ? Number.NaN : this.u32(e.at + i * 8) / den);
    }
    return out;
  }

  long(e: Entry | undefined): number | null {
    if (!e) return null;
    if (e.type === 4) return this.u32(e.at);
    if (e.type === 3) return this.u16(e.at);
    return null;
  }
}

/** The TIFF block of the first APP1 Exif segment of a JPEG, or null. */
function exifBlock(jpeg: Buffer): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= jpeg.length) {
    if (jpeg[p] !== 0xff) return null;
    const marker = jpeg[p + 1] ?? 0;
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = jpeg.readUInt16BE(p + 2);
    if (marker === 0xe1 && jpeg.subarray(p + 4, p + 10).toString('latin1') === 'Exif\0\0') {
      return jpeg.subarray(p + 10, Math.min(jpeg.length, p + 2 + length));
    }
    p += 2 + length;
  }
  return null;
}

function toDate(value: string | null, offset: string | null): Date | null {
  const m = value ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const tz = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+07:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${tz}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function coordinate(parts: number[] | null, ref: string | null, negative: string, max: number): number | null {
  if (!parts || parts.length < 3 || !ref) return null;
  const [deg = Number.NaN, min = Number.NaN, sec = Number.NaN] = parts;
  const value = deg + min / 60 + sec / 3600;
  if (!Number.isFinite(value) || value > max) return null;
  return Math.round((ref.toUpperCase().startsWith(negative) ? -value : value) * 1e7) / 1e7;
}

export function readJpegExif(jpeg: Buffer): PhotoMeta {
  try {
    const block = exifBlock(jpeg);
    if (!block || block.length < 8) return NONE;
    const order = block.subarray(0, 2).toString('latin1');
    if (order !== 'II' && order !== 'MM') return NONE;
    const t = new Tiff(block, order === 'II');
    if (t.u16(2) !== 42) return NONE;
    const ifd0 = t.ifd(t.u32(4));
    const exifAt = t.long(ifd0.get(0x8769));
    const gpsAt = t.long(ifd0.get(0x8825));
    const exif = exifAt === null ? new Map<number, Entry>() : t.ifd(exifAt);
    const takenAt =
      toDate(t.ascii(exif.get(0x9003)), t.ascii(exif.get(0x9011))) ?? toDate(t.ascii(ifd0.get(0x0132)), null);
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (gpsAt !== null) {
      const gps = t.ifd(gpsAt);
      latitude = coordinate(t.rationals(gps.get(2)), t.ascii(gps.get(1)), 'S', 90);
      longitude = coordinate(t.rationals(gps.get(4)), t.ascii(gps.get(3)), 'W', 180);
      if (latitude === null || longitude === null) latitude = longitude = null;
    }
    return { takenAt, latitude, longitude };
  } catch {
    return NONE;
  }
}
