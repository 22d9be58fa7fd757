import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
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
