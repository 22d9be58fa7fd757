/**
 * The service worker's caching (unchanged from the hand-written public/sw.js it replaces):
 *
 * - The app shell (index.html) is network-first with a short timeout, so a weak signal still opens
 *   the app from the phone; every fresh copy of index.html is kept for next time.
 * - Built files under /assets/ have content hashes in their names: cache-first, kept forever until
 *   a new index.html no longer names them. On install and whenever index.html changes, every
 *   file it reaches (entry, lazy page chunks, CSS, locale chunks) is fetched into the cache, so
 *   the daily report page opens offline even if it was never visited.
 * - /api/ is never handled here: requests go straight to the network and no API answer (they
 *   carry personal data) is ever stored by this worker. The live event stream is left alone too.
 */

const SHELL_CACHE = 'pantau-shell-v1';
const ASSET_CACHE = 'pantau-assets-v1';
const SHELL_URL = '/index.html';
const STATIC_FILES = ['/favicon.svg', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png'];
const NAVIGATION_TIMEOUT_MS = 4000;
const MAX_CRAWL = 300;

export function installCaching(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const response = await fetch(SHELL_URL, { cache: 'no-store' });
        if (response.ok) await updateShell(response);
        const statics = await caches.open(SHELL_CACHE);
        await Promise.all(STATIC_FILES.map((url) => statics.add(url).catch(() => undefined)));
        await sw.skipWaiting();
      })(),
    );
  });

  sw.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
        for (const name of await caches.keys()) {
          if (name.startsWith('pantau-') && !keep.has(name)) await caches.delete(name);
        }
        await sw.clients.claim();
      })(),
    );
  });

  sw.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== sw.location.origin) return;
    if (url.pathname.startsWith('/api/')) return;
    if (request.mode === 'navigate') {
      event.respondWith(navigation(event));
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      event.respondWith(cacheFirst(request, ASSET_CACHE));
      return;
    }
    if (STATIC_FILES.includes(url.pathname)) event.respondWith(cacheFirst(request, SHELL_CACHE));
  });
}

/** Network first, but never make a person stare at a blank page for more than a few seconds. */
async function navigation(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(SHELL_URL);
  const network = fetch(event.request).then((response) => {
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.includes('text/html')) event.waitUntil(updateShell(response.clone()));
    return response;
  });
  if (!cached) return network;
  const fallback = new Promise<Response>((resolve) => setTimeout(() => resolve(cached), NAVIGATION_TIMEOUT_MS));
  return Promise.race([network.then((response) => (response.ok ? response : cached)).catch(() => cached), fallback]);
}

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Keeps a new index.html and everything it reaches; drops assets the new one no longer uses. */
async function updateShell(response: Response): Promise<void> {
  const html = await response.text();
  const shell = await caches.open(SHELL_CACHE);
  const old = await shell.match(SHELL_URL);
  if (old && (await old.text()) === html) return;
  const assets = await caches.open(ASSET_CACHE);
  const reached = await crawl(html, assets);
  await shell.put(SHELL_URL, new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  for (const request of await assets.keys()) {
    if (!reached.has(new URL(request.url).pathname)) await assets.delete(request);
  }
}

const ABSOLUTE_ASSET = /["'`(](\/?assets\/[\w.-]+\.(?:js|css|svg|png|webp|woff2?))["'`)]/g;
const RELATIVE_CHUNK = /["'`(]\.\/([\w.-]+\.(?:js|css|svg|png|webp|woff2?))["'`)]/g;

export function referencedAssets(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(ABSOLUTE_ASSET)) found.add(`/${(m[1] ?? '').replace(/^\//, '')}`);
  for (const m of text.matchAll(RELATIVE_CHUNK)) found.add(`/assets/${m[1] ?? ''}`);
  return found;
}

async function crawl(html: string, assets: Cache): Promise<Set<string>> {
  const reached = new Set<string>();
  const queue = [...referencedAssets(html)];
  while (queue.length > 0 && reached.size < MAX_CRAWL) {
    const path = queue.shift();
    if (path === undefined || reached.has(path)) continue;
    reached.add(path);
    let response = await assets.match(path);
    if (!response) {
      try {
        response = await fetch(path);
      } catch {
        continue;
      }
      if (!response.ok) continue;
      await assets.put(path, response.clone());
    }
    if (path.endsWith('.js') || path.endsWith('.css')) {
      for (const next of referencedAssets(await response.text())) if (!reached.has(next)) queue.push(next);
    }
  }
  return reached;
}
