import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFiles, backupFilesDir, restoreFiles } from './files.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-backup-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const place = (root: string, content: Buffer) => {
  const h = sha(content);
  mkdirSync(join(root, 'sha256', h.slice(0, 2), h.slice(2, 4)), { recursive: true });
  writeFileSync(join(root, 'sha256', h.slice(0, 2), h.slice(2, 4), h), content);
  return h;
};
const at = (root: string, h: string) => join(root, 'sha256', h.slice(0, 2), h.slice(2, 4), h);

describe('evidence files in the backup', () => {
  it('copies the store next to the backup, incrementally, and restores it into an empty store', async () => {
    const store = join(dir, 'files');
    const a = place(store, Buffer.from('%PDF-1.4 surat tugas'));
    const b = place(store, Buffer.from('foto kegiatan posyandu'));
    mkdirSync(join(store, 'previews', a.slice(0, 2)), { recursive: true });
    writeFileSync(join(store, 'previews', a.slice(0, 2), `${a}-480.jpg`), 'preview');
    const backup = join(dir, 'cadangan.jsonl.gz');

    expect(await backupFiles(store, backup)).toEqual({ copied: 2, present: 0 });
    expect(readFileSync(at(backupFilesDir(backup), a)).toString()).toBe('%PDF-1.4 surat tugas');
    expect(existsSync(join(backupFilesDir(backup), 'previews'))).toBe(false);
    const c = place(store, Buffer.from('daftar hadir rapat'));
    expect(await backupFiles(store, backup)).toEqual({ copied: 1, present: 2 });

    const fresh = join(dir, 'restored');
    expect(await restoreFiles(backup, fresh)).toEqual({ copied: 3, present: 0 });
    for (const h of [a, b, c]) expect(sha(readFileSync(at(fresh, h)))).toBe(h);
    expect(await restoreFiles(backup, fresh)).toEqual({ copied: 0, present: 3 });
  });

  it('refuses a damaged file and leaves no part of it in the store', async () => {
    const store = join(dir, 'files2');
    const h = place(store, Buffer.from('bukti dukung asli'));
    const backup = join(dir, 'rusak.jsonl.gz');
    await backupFiles(store, backup);
    rmSync(at(backupFilesDir(backup), h), { force: true });
    writeFileSync(at(backupFilesDir(backup), h), 'diubah orang');
    const fresh = join(dir, 'restored2');
    await expect(restoreFiles(backup, fresh)).rejects.toThrow(/damaged/);
    const left = existsSync(fresh) ? readdirSync(fresh, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    expect(left).toEqual([]);
  });

  it('restores nothing when the backup has no files folder (an older backup)', async () => {
    expect(await restoreFiles(join(dir, 'lama.jsonl.gz'), join(dir, 'files3'))).toEqual({ copied: 0, present: 0 });
  });
});
