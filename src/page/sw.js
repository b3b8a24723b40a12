/* The file page's service worker: keeps the page's own files so it opens and works offline after
 * the first visit. The build fills in VERSION and FILES (webpack.config.js, PagePrecachePlugin).
 * Nothing but these same-origin files is cached; the page sends nothing anywhere. */
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `cchc-page-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("cchc-page-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = (await cache.match(req, { ignoreSearch: true })) || (req.mode === "navigate" ? await cache.match("app.html") : undefined);
      if (hit) return hit;
      return fetch(req);
    }),
  );
});
