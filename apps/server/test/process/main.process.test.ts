import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(pred: () => boolean, ms = 40_000) {
  const until = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  it('refuses a bad setting, naming the variable', async () => {
    const p = start({ PORT: 'tiga-ribu', PANTAU_DEMO_SIZE: 'besar' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT');
    expect(p.output()).toContain('PANTAU_DEMO_SIZE');
  });

  it('starts on the embedded database, keeps secrets out of its logs, and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-proc-'));
    const password = 'Rahasia-Proses-123';
    const port = 41_000 + Math.floor(Math.random() * 1000);
    try {
      const p = start({ PORT: String(port), HOST: '127.0.0.1', PANTAU_DATA_DIR: dir, PANTAU_DEMO: 'false', PANTAU_ADMIN_NIP: '198609262015051001', PANTAU_ADMIN_PASSWORD: password });
      await waitFor(() => p.output().includes('Pantau berjalan'));
      const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
      expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nip: '198609262015051001', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } });
      // A second process on the same directory refuses to start.
      const second = start({ PORT: String(port + 1), PANTAU_DATA_DIR: dir, PANTAU_DEMO: 'false' });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/in use by another Pantau process/);

      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      const logs = p.output();
      expect(logs).toMatch(/"reqId"/);
      expect(logs).not.toContain(password);
      expect(logs).not.toContain(cookie.split('=')[1] ?? 'no-cookie');
      expect(logs).toMatch(/shutting down/);
      expect(existsSync(join(dir, 'pantau.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
