// The console's service worker: the app shell and its files offline, never the API.
//  - navigations: network first (a new deploy shows at once), the cached shell when offline;
//  - hashed bundles (name-HASH.js/.css): cache first, they never change;
//  - other static files (icons, manifest): cached copy at once, refreshed in the background.
// /api is never touched: CRM data always comes from the server, with the user's token.
const CACHE = 'crm-console-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
// Old bundles of earlier deploys pile up in the cache; beyond this many files the oldest go.
const MAX_FILES = 200;
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;
const STATIC = /\.(js|css|png|svg|ico|webmanifest|woff2?)$/;

// The shell and the bundles index.html loads, so the next start works offline; lazy chunks are kept
// as the pages that use them are opened.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      const index = await (await cache.match('/')).text();
      const bundles = [...index.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
        (m) => new URL(m[1], self.location.origin).pathname,
      );
      await cache.addAll([...new Set(bundles)]); // addAll refuses duplicates (styles are linked twice)
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) store(new Request('/'), response.clone());
          return response;
        })
        .catch(() => caches.match('/')),
    );
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetchAndStore(request)));
  } else if (STATIC.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then((hit) => {
        const fresh = fetchAndStore(request);
        return hit ?? fresh;
      }),
    );
  }
});

function fetchAndStore(request) {
  return fetch(request).then((response) => {
    if (response.ok) store(request, response.clone());
    return response;
  });
}

async function store(request, response) {
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_FILES))) await cache.delete(old);
}
