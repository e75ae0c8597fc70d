// Offline shell for the H5 site. Cache-first for hashed scripts/styles and exhibit pictures,
// network-first for the page itself (so a new release is picked up), nothing for /api (POST,
// handled by the app's own offline cache, which can tell the visitor a copy is saved) or audio
// (range requests; too large to keep). It holds the app shell (precache.json: the entry, the
// main-package pages and the guide pages) and what the visitor has seen — not the whole app.
// The page registers it only once it is idle (src/services/offline-shell.ts).
const CACHE = 'gxq-shell-v1'

// precache.json (written by the H5 build) lists every script and style of this release.
self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/precache.json', { cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : { files: [] }))
      .catch(() => ({ files: [] }))
      .then(({ files }) => caches.open(CACHE).then((c) => c.addAll(['/', ...files])))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

const cacheable = (url) =>
  url.origin === self.location.origin && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/media/audio/') && url.pathname !== '/sw.js' && url.pathname !== '/precache.json'

// The page lists what it loaded before this worker took control.
self.addEventListener('message', (event) => {
  const data = event.data || {}
  if (data.type !== 'cache-urls' || !Array.isArray(data.urls)) return
  const urls = data.urls.filter((u) => cacheable(new URL(u)))
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(urls.map((u) => c.add(u).catch(() => undefined)))))
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (!cacheable(url)) return
  const isPage = req.mode === 'navigate' || url.pathname === '/' || url.pathname.endsWith('.html')
  if (isPage) {
    // Only the plain app page is the shell. A scan landing (/e/<code>) carries one exhibit inlined;
    // offline it falls back to the shell, which opens the exhibit from the app's saved copy (and says so).
    const isShell = url.pathname === '/' || url.pathname === '/index.html'
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok && isShell) {
            const copy = res.clone()
            caches.open(CACHE).then((c) => c.put('/', copy))
          }
          return res
        })
        .catch(() => caches.match('/').then((hit) => hit || Response.error())),
    )
    return
  }
  event.respondWith(
    caches.match(req).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok && res.status === 200) {
            const copy = res.clone()
            caches.open(CACHE).then((c) => c.put(req, copy))
          }
          return res
        }),
    ),
  )
})
