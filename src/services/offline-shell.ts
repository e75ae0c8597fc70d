// H5: a small service worker (src/h5/sw.js, copied to /sw.js by the H5 build) keeps the app
// shell — index.html, the scripts and styles of the main pages and the guide (precache.json),
// pages and exhibit pictures as they are seen — so the app reloads without network. Exhibit data itself comes from the offline cache in storage, which is
// what lets the page say it shows a saved copy. Once the worker controls the page it is told
// which pictures this page has already loaded, since they were fetched before it existed.
export function registerOfflineShell(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || typeof location === 'undefined') return
  if (location.protocol !== 'https:' && location.hostname !== 'localhost' && location.hostname !== '127.0.0.1') return
  const send = () => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin))
    navigator.serviceWorker.controller?.postMessage({ type: 'cache-urls', urls: [location.origin + '/', ...urls] })
  }
  // Not while the page is loading: on a first visit over a slow network the worker's downloads
  // would compete with the page's own scripts and data.
  whenIdle(() =>
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        if (navigator.serviceWorker.controller) send()
        else navigator.serviceWorker.addEventListener('controllerchange', send, { once: true })
      })
      .catch(() => {
        // No offline shell (private mode, old browser): the app works online as before.
      }),
  )
}

/** After the load event, at the browser's next idle moment (or 2 s later where there is no idle callback). */
function whenIdle(run: () => void): void {
  const idle = () => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }
    if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 5000 })
    else setTimeout(run, 2000)
  }
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', idle, { once: true })
}
