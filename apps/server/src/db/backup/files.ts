import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files of the content-addressed store (evidence, certificates: `<filesDir>/sha256/ab/cd/<sha256>`)
 * go next to the database backup, in `<backup file>.files/` with the same layout. Files are
 * immutable and named by their hash, so a name already present is the same content: backing up
 * into the same folder again copies only new files, and restoring into a store that already has
 * some copies only the missing ones. Restore checks every file's hash before it enters the store.
 * Previews and tmp/ are not backed up (previews are made again on demand).
 */
export const backupFilesDir = (backupFile: string): string => `${backupFile}.files`;

const SHA = /^[0-9a-f]{64}$/;

async function storedNames(root: string): Promise<string[]> {
  const dir = join(root, 'sha256');
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && SHA.test(e.name)).map((e) => e.name);
}

const pathIn = (root: string, sha256: string) => join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Copies `name` from one store layout to another via a temporary name (never a half file). */
async function copyInto(fromRoot: string, toRoot: string, name: string, check: boolean): Promise<void> {
  const from = pathIn(fromRoot, name);
  if (check) {
    const actual = await sha256Of(from);
    if (actual !== name) throw new Error(`File ${from} is damaged (its content hash is ${actual}); nothing of it was restored.`);
  }
  const to = pathIn(toRoot, name);
  await mkdir(join(toRoot, 'sha256', name.slice(0, 2), name.slice(2, 4)), { recursive: true });
  const part = `${to}.part`;
  try {
    await copyFile(from, part);
    await chmod(part, 0o444);
    await rename(part, to);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}

async function copyStore(fromRoot: string, toRoot: string, check: boolean): Promise<{ copied: number; present: number }> {
  let copied = 0;
  let present = 0;
  for (const name of await storedNames(fromRoot)) {
    if (existsSync(pathIn(toRoot, name))) {
      present++;
      continue;
    }
    await copyInto(fromRoot, toRoot, name, check);
    copied++;
  }
  return { copied, present };
}

/** Copies the store's files into `<backupFile>.files/`. */
export function backupFiles(filesDir: string, backupFile: string) {
  return copyStore(filesDir, backupFilesDir(backupFile), false);
}

/** Copies the files of `<backupFile>.files/` (if the backup has them) into the store, hash-checked. */
export async function restoreFiles(backupFile: string, filesDir: string) {
  const from = backupFilesDir(backupFile);
  if (!existsSync(from)) return { copied: 0, present: 0 };
  return copyStore(from, filesDir, true);
}
