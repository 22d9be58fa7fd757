/// <reference types="vite/client" />

/**
 * Installs /sw.js, built from src/sw/sw.ts (production builds only: in development Vite serves
 * modules the worker must not cache). Registration failing (private mode, http on a LAN address) only means the app
 * is not installable; everything else keeps working.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
