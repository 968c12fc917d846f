// The checkpoint scanner's service worker (scope /checkpoint, allowed by the Service-Worker-Allowed
// header WebInterface.cs sends with this file): the page and what it loads are kept in a cache, so
// that a phone that opened the scanner once opens it again without a network. Each is asked of the
// network first (a new version is used as soon as there is one), the kept copy when the network fails.
// The API is never cached: the page keeps the keys and revocation list itself (offline-verify.js).

const CACHE = 'checkpoint-v1';
const PAGE = '/checkpoint';
const FILES = [
  PAGE,
  '/assets/css/site.css',
  '/assets/js/checkpoint.js',
  '/assets/js/offline-verify.js',
  '/assets/js/qr-worker.js',
  '/assets/js/api.js',
  '/assets/js/dom.js',
  '/assets/js/format.js',
  '/assets/checkpoint.webmanifest',
  '/assets/checkpoint.en.webmanifest',
  '/assets/scanner-icon.svg',
  '/lib/jsqr/jsQR.js',
];

self.addEventListener('install', (event) => {
  // Each file on its own: one that fails (the page, once signed out) does not stop the others.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(FILES.map((file) =>
    fetch(file, { credentials: 'same-origin', redirect: 'error' })
      .then((response) => (response.ok ? cache.put(file, response) : undefined))
      .catch(() => undefined)))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('checkpoint-') && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = url.pathname === `${PAGE}/` ? PAGE : url.pathname;
  if (!FILES.includes(path)) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(event.request);
      // Only a page really served (not the sign-in page a lapsed session is redirected to) replaces the kept one.
      if (response.ok && response.type === 'basic' && !response.redirected) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(path, copy)));
      }
      return response;
    } catch (error) {
      const kept = await caches.match(path, { ignoreSearch: true });
      if (kept) return kept;
      throw error;
    }
  })());
});
