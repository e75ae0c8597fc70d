// Offline shell for the H5 site. Cache-first for hashed scripts/styles and exhibit pictures,
// network-first for the page itself (so a new release is picked up), nothing for /api (POST,
// handled by the app's own offline cache and offline pack, which can tell the visitor a copy is
// saved). It holds the app shell (precache.json: the entry, the main-package pages, the guide pages
// and the ticket), the pictures of every exhibit in the offline pack (the page sends their list)
// and what the visitor has seen — not the whole app.
// Audio: a track the visitor played is kept whole (URLs carry the recording's hash), and the media
// element's range requests are answered from it, so it plays again without network.
// The page registers it only once it is idle (src/services/offline-shell.ts).
const CACHE = 'gxq-shell-v1'
const AUDIO = 'gxq-audio-v1'

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
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k !== AUDIO).map((k) => caches.delete(k))))
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

const isAudio = (url) => url.origin === self.location.origin && url.pathname.startsWith('/media/audio/')

/** The whole track, once: the media element itself asks only for ranges. */
function keepAudio(href) {
  return caches.open(AUDIO).then((c) =>
    c.match(href).then((hit) => {
      if (hit) return undefined
      return fetch(href).then((res) => (res.ok && res.status === 200 ? c.put(href, res) : undefined))
    }),
  ).catch(() => undefined)
}

/** A kept track, or the range of it the media element asked for (206), or null when not kept. */
function fromKeptAudio(req) {
  return caches.open(AUDIO).then((c) => c.match(req.url)).then((hit) => {
    if (!hit) return null
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.get('range') || '')
    if (!range) return hit
    return hit.arrayBuffer().then((buf) => {
      const size = buf.byteLength
      let start = range[1] ? Number(range[1]) : size - Number(range[2])
      let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
      if (start < 0) start = 0
      if (start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } })
      return new Response(buf.slice(start, end + 1), {
        status: 206,
        headers: {
          'Content-Type': hit.headers.get('Content-Type') || 'audio/mpeg',
          'Content-Range': `bytes ${start}-${end}/${size}`,
          'Content-Length': String(end - start + 1),
          'Accept-Ranges': 'bytes',
        },
      })
    })
  })
}

self.addEventListener('fetch', (event) => {
  const req = event.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (isAudio(url)) {
    event.waitUntil(keepAudio(url.href))
    event.respondWith(fromKeptAudio(req).then((kept) => kept || fetch(req)))
    return
  }
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
