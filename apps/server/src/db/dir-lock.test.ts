import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './dir-lock.js';

describe('acquireDirLock', () => {
  it('refuses a directory locked by a live process with a clear message, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-lock-'));
    try {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
      writeFileSync(join(dir, 'pantau.lock'), String(child.pid));
      try {
        expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
        expect(() => acquireDirLock(dir)).toThrow(/in use by another Pantau process/);
      } finally {
        child.kill();
        await new Promise((r) => child.once('exit', r));
      }
      const lock = acquireDirLock(dir);
      expect(existsSync(join(dir, 'pantau.lock'))).toBe(true);
      lock.release();
      expect(existsSync(join(dir, 'pantau.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
