import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

/**
 * The service worker (src/sw/sw.ts) is built on its own into ONE classic script emitted as /sw.js
 * (no hash: browsers look for updates at a fixed address; no shared chunks: a classic worker
 * cannot import them). It shares the outbox code with the app: docs/decisions/0009-background-sync.md.
 */
function serviceWorker(): Plugin {
  let root = '';
  return {
    name: 'pantau-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      const built = await build({
        configFile: false,
        root,
        publicDir: false,
        logLevel: 'warn',
        build: {
          write: false,
          sourcemap: false,
          minify: true,
          lib: { entry: resolve(root, 'src/sw/sw.ts'), formats: ['iife'], name: 'pantauServiceWorker', fileName: () => 'sw.js' },
        },
      });
      const outputs = (Array.isArray(built) ? built : [built]).flatMap((b) => ('output' in b ? b.output : []));
      const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry);
      if (!entry || entry.type !== 'chunk' || outputs.length !== 1) throw new Error('service worker: expected one script');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: entry.code });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Loaded on every page; one long-cached file that changes only with upgrades.
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|i18next|react-i18next|@tanstack)[\\/]/,
            },
            // Pure rules (formatNip…): kept apart so pages that only format a NIP do not
            // download zod and the schemas with them.
            { name: 'domain', test: /packages[\\/]domain[\\/]/ },
            // zod and the shared schemas: only the pages whose forms validate with them.
            { name: 'contracts', test: /(packages[\\/]contracts[\\/]|node_modules[\\/]zod[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    // The API runs separately in development (`npm start --workspace @pantau/server`).
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
