// H5: a small service worker (src/h5/sw.js, copied to /sw.js by the H5 build) keeps the app
// shell — index.html, the scripts and styles of the main pages and the guide (precache.json),
// pages and exhibit pictures as they are seen — so the app reloads without network. Exhibit data itself comes from the offline cache in storage, which is
// what lets the page say it shows a saved copy. Once the worker controls the page it is told
// which pictures this page has already loaded, since they were fetched before it existed.
import { paths } from '@/paths'

/**
 * A scan landing (/e/<code>) opened offline: the worker answers with the cached app page, which has
 * no hash route (the server adds it when online). Before the router starts, give it the exhibit's
 * route, so the scan opens the exhibit from the offline pack instead of the home page.
 */
export function routeScanLanding(): void {
  if (typeof location === 'undefined' || typeof history === 'undefined' || location.hash.length > 1) return
  const match = /^\/e\/([^/?#]+)\/?$/.exec(location.pathname)
  if (!match) return
  let code: string
  try {
    code = decodeURIComponent(match[1])
  } catch {
    code = match[1]
  }
  history.replaceState(null, '', `${location.pathname}${location.search}#${paths.exhibit(code)}`)
}

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

/** Asks the worker to keep these too (the offline pack's pictures): it fetches what it does not hold yet. */
export function keepForOffline(urls: string[]): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || typeof location === 'undefined') return
  const absolute = urls.map((u) => new URL(u, location.origin).href)
  // `ready` waits for the worker registered at launch; a page it does not control yet can still message it.
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: 'cache-urls', urls: absolute })).catch(() => undefined)
}

/** Work that must not compete with the first screen (a cold scan): after load, when the browser is idle. */
export function whenSettled(run: () => void): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return run()
  whenIdle(run)
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

/** H5: the service worker answers a kept picture or track at its own URL, so the URL is the source. */
export const offlineSrc = (url: string): string => url

/** H5 keeps files through the service worker (keepForOffline, src/exhibits/keep-audio.ts); weapp saves them (offline-shell.weapp.ts). */
export async function keepFiles(_urls: string[], _kind: import('./kept-files').KeptKind): Promise<number> {
  return 0
}
