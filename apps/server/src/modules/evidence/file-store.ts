import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/** A file received into the temporary area: hashed while written, not yet in the store. */
export interface Received {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for type detection and EXIF. */
  head: Buffer;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * Content-addressed store on disk: `<root>/sha256/ab/cd/<sha256>`. Identical bytes are kept
 * once. Uploads stream into `<root>/tmp/` (hashed on the way), are fsynced, and only then
 * renamed into place, so a crash or an error never leaves a half-written file in the store;
 * leftovers in tmp/ are swept at start-up. Stored files are read-only.
 */
export function createFileStore(root: string) {
  const tmpDir = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }

  return {
    root,
    pathOf,

    /** Streams into a temporary file; throws FileTooLargeError (and removes the file) past the limit. */
    async receive(stream: Readable, opts: { maxBytes: number; headBytes: number; truncated?: () => boolean }): Promise<Received> {
      await mkdir(tmpDir, { recursive: true });
      const tempPath = join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headLength = 0;
      let sizeBytes = 0;
      const fh = await open(tempPath, 'wx', 0o600);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          sizeBytes += chunk.length;
          if (sizeBytes > opts.maxBytes) throw new FileTooLargeError(opts.maxBytes);
          hash.update(chunk);
          if (headLength < opts.headBytes) {
            const part = chunk.subarray(0, opts.headBytes - headLength);
            head.push(part);
            headLength += part.length;
          }
          await fh.write(chunk);
        }
        if (opts.truncated?.()) throw new FileTooLargeError(opts.maxBytes);
        await fh.sync();
        await fh.close();
      } catch (err) {
        await fh.close().catch(() => undefined);
        await rm(tempPath, { force: true });
        throw err;
      }
      return { tempPath, sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
    },

    /** Reads `length` bytes at `offset` of a received file (e.g. a zip's central directory). */
    async readRange(path: string, offset: number, length: number): Promise<Buffer> {
      const fh = await open(path, 'r');
      try {
        const buf = Buffer.alloc(Math.max(0, length));
        const { bytesRead } = await fh.read(buf, 0, buf.length, Math.max(0, offset));
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },

    /** Moves a received file into the store; if the bytes are already there, drops the copy. */
    async commit(received: Received): Promise<string> {
      const final = pathOf(received.sha256);
      if (await exists(final)) {
        await rm(received.tempPath, { force: true });
        return final;
      }
      await mkdir(dirname(final), { recursive: true });
      await chmod(received.tempPath, 0o444);
      await rename(received.tempPath, final);
      return final;
    },

    async discard(received: Received): Promise<void> {
      await rm(received.tempPath, { force: true });
    },

    has: (sha256: string) => exists(pathOf(sha256)),

    openRead(sha256: string): ReadStream {
      return createReadStream(pathOf(sha256));
    },

    /** Removes a stored file and its cached previews; false when it was not there. */
    async remove(sha256: string): Promise<boolean> {
      const final = pathOf(sha256);
      const had = await exists(final);
      await rm(final, { force: true });
      const previewDir = join(root, 'previews', sha256.slice(0, 2));
      const names = await readdir(previewDir).catch((): string[] => []);
      for (const name of names) if (name.startsWith(`${sha256}-`)) await rm(join(previewDir, name), { force: true });
      return had;
    },

    /** Removes temporary files older than `olderThanMs` (left by a crash mid-upload). */
    async sweepTemp(olderThanMs: number): Promise<number> {
      let removed = 0;
      const names = await readdir(tmpDir).catch((): string[] => []);
      for (const name of names) {
        const p = join(tmpDir, name);
        const s = await stat(p).catch(() => null);
        if (s && Date.now() - s.mtimeMs > olderThanMs) {
          await rm(p, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
