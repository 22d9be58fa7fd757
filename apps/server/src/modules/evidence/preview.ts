import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { FileStore } from './file-store.js';

export const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Wide enough for a phone or a laptop screen; a 12-megapixel photo becomes ~100 KB. */
export const PREVIEW_WIDTH = 1280;

/**
 * A resized JPEG for viewing, made once per stored file and kept beside the original
 * (previews/<sha256>-<width>.jpg). The original is never changed. Orientation from EXIF is
 * applied and metadata (GPS included) is not copied into the preview.
 */
export async function previewOf(store: FileStore, sha256: string, width = PREVIEW_WIDTH): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  const path = join(store.root, 'previews', sha256.slice(0, 2), `${sha256}-${width}.jpg`);
  const cached = await readFile(path).catch(() => null);
  if (cached) return cached;
  const made = await sharp(store.pathOf(sha256), { failOn: 'error', limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .jpeg({ quality: 75, mozjpeg: true })
    .toBuffer();
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.part`;
  await writeFile(temp, made);
  await rename(temp, path);
  return made;
}
