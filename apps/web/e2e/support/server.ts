import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The built web app; PANTAU_WEB_DIST points a run at a private build (parallel work). */
export const WEB_DIST = process.env.PANTAU_WEB_DIST ?? join(REPO_ROOT, 'apps/web/dist');
export const DEFAULT_DEMO_PASSWORD = 'pantau-demo-2026';

export interface DemoLogin {
  /** The whole line the server printed, for error messages. */
  line: string;
  login: string;
  password: string;
}

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /**
   * First demo login whose printed line matches `pattern`. The server prints a table:
   * `Peran | Login (NIP) | Kata sandi | Nama | Keterangan`, e.g. pattern /^ADMIN_BKPSDM\b/.
   */
  findLogin: (pattern: RegExp) => DemoLogin | undefined;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds apps/web when dist/ is missing, so the spec can run on its own. */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  await run('npx', ['vite', 'build', '--outDir', WEB_DIST, '--emptyOutDir'], join(REPO_ROOT, 'apps/web'));
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

// An 18-digit NIP, possibly printed in its grouped form "19860926 201505 1 001".
const NIP_PATTERN = /^\d{8}\s?\d{6}\s?\d\s?\d{3}$/;

/** Reads one row of the demo-login table; the password is the cell after the NIP. */
export function parseDemoLoginLine(line: string): DemoLogin | undefined {
  const cells = line.split('|').map((c) => c.trim());
  const at = cells.findIndex((c) => NIP_PATTERN.test(c));
  if (at < 0) return undefined;
  const login = (cells[at] ?? '').replace(/\s+/g, '');
  const password = process.env.E2E_DEMO_PASSWORD ?? (cells[at + 1] || DEFAULT_DEMO_PASSWORD);
  return { line, login, password };
}

/**
 * Starts `node --import tsx apps/server/src/main.ts` (or PANTAU_E2E_SERVER_ENTRY) on a free port with a fresh, empty data
 * directory and demo data, and waits until GET /api/health answers.
 */
export async function startServer(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'pantau-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';

  // PANTAU_E2E_SERVER_ENTRY runs another entry (e.g. a built server) instead of the source.
  const entry = process.env.PANTAU_E2E_SERVER_ENTRY ?? 'apps/server/src/main.ts';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PANTAU_DATA_DIR: dataDir,
      PANTAU_DEMO: 'true',
      PANTAU_DEMO_SIZE: 'small',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 240_000);
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`Server exited with code ${exited} before it was healthy. Output:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Server did not become healthy in time. Output:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  return {
    baseUrl,
    output: () => output,
    findLogin: (pattern) => {
      for (const line of output.split('\n')) {
        if (!pattern.test(line)) continue;
        const parsed = parseDemoLoginLine(line);
        if (parsed) return parsed;
      }
      return undefined;
    },
    stop,
  };
}
