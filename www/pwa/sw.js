// The service worker of the built site (written to dist/sw.js by www/build/offline-plugin.js,
// which fills in VERSION and FILES): after the first visit the page opens from its own
// cache, so a classroom with a bad network still has it.
//
// - Install: every built file goes into a cache named for this build's version.
// - Activate: the caches of older builds are deleted, and open pages are taken over (the
//   page then says, quietly, that it was updated).
// - The page itself (a navigation) comes from the network when it answers within a few
//   seconds, so a new deployment shows on the next visit; otherwise from the cache. Every
//   other file has a versioned name, so the cache can answer first.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `rnnp-${VERSION}`;
const NETWORK_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('rnnp-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The scope's folder: the site may live under any sub-path. */
const SCOPE = new URL(self.registration.scope).pathname;

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request, { ignoreSearch: request.mode === 'navigate' });
}

/** The page: the network if it answers in time, else the cached index.html. */
async function page(request) {
  const cached = () => caches.open(CACHE).then((c) => c.match('./index.html'));
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.ok) return response;
  } catch {
    // Offline: the cache answers below.
  }
  return (await cached()) || network;
}

/** A built file: the cache first (its name changes whenever its content does). */
async function asset(request) {
  const hit = await fromCache(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((c) => c.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname.endsWith('/sw.js')) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});
