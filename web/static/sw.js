// Bianmin's service worker: after the first visit the app starts with no network at all.
//
// The whole site (page, script, WebAssembly, fonts, manifest, icons) is kept in one cache
// per build, named after the build's version (sw-version.js, written at build time by
// web/pwa/make_sw_version.py). Requests are answered from that cache first, so a start
// never waits for the network. On each start the browser checks sw.js and sw-version.js
// for changes; a new build installs a new cache in the background, takes over at once and
// deletes the old cache, so the next start runs the new version.
'use strict';
importScripts('sw-version.js');

const BUILD = self.BIANMIN_BUILD;
const CACHE_PREFIX = 'bianmin-shell-';
const CACHE = CACHE_PREFIX + BUILD.version;

self.addEventListener('install', (event) => {
  // Take over as soon as installed (not awaited: the old worker may still be answering
  // the page). The page's files all come from one build's cache, so the switch is safe.
  self.skipWaiting();
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: never fill the new cache from an older copy in the HTTP cache.
    await cache.addAll(BUILD.files.map((file) => new Request(file, { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  // The page is opened with query parameters (?test=1, ?mode=board): same page.
  const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    // Offline and not cached: for a page load, the cached page is better than nothing.
    if (request.mode === 'navigate') {
      const page = await cache.match('./');
      if (page) return page;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
