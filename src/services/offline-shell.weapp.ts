import Taro from '@tarojs/taro'
import type { KeptFile, KeptKind } from './kept-files'

// weapp: the mini-program package is already on the phone; nothing to cache for the shell.
export function registerOfflineShell(): void {}

/** weapp: a scan opens the exhibit page itself (scene / q), there is no landing path to route. */
export function routeScanLanding(): void {}

// Pictures and audio kept as saved files under the user data path; their index is one storage key.
// The main package only reads the index (offlineSrc); downloading, the budget and eviction live in
// the exhibits subpackage (src/exhibits/keeper.weapp.ts), fetched the first time something is kept.
const FILES_KEY = 'gxq.files'
let memo: KeptFile[] | null = null
/** The index of kept files; given `next`, the new index is remembered and written (by the keeper). */
export const keptFiles = (next?: KeptFile[]): KeptFile[] => {
  try {
    if (next) Taro.setStorageSync(FILES_KEY, (memo = next))
    else if (!memo) {
      const v: unknown = Taro.getStorageSync(FILES_KEY)
      memo = Array.isArray(v) ? (v as KeptFile[]) : []
    }
  } catch {
    // Unreadable: nothing kept. Storage full: the files stay on disk, unindexed; the next save tries again.
  }
  return memo ?? (memo = [])
}

/** The saved copy's local path when this picture or track is kept, else the URL itself. */
export function offlineSrc(url: string): string {
  return keptFiles().find((f) => f.url === url)?.path ?? url
}

type Keeper = (urls: string[], kind: KeptKind) => Promise<number>
let keeper: Keeper | null = null
/** The keeper puts itself here when the exhibits subpackage's keeper.js runs. */
export function installKeeper(k: Keeper): void {
  keeper = k
}

// WeChat's cross-subpackage require (分包异步化, base library 2.11.2+): `require.async` of a file in a
// subpackage downloads that subpackage if needed and runs the file. webpack must not touch it, hence
// __non_webpack_require__ (emitted as the file's own `require`). This module lands in a file at the
// package root (app.js / common.js), so the path is relative to the root.
declare const __non_webpack_require__: { async: (path: string) => Promise<unknown> }

/** Downloads and saves the files not kept yet; resolves to how many of them are kept (0 when the keeper cannot load, e.g. offline). */
export function keepFiles(urls: string[], kind: KeptKind): Promise<number> {
  const load = keeper ? Promise.resolve() : __non_webpack_require__.async('./exhibits/keeper.js')
  return load.then(
    () => (keeper ? keeper(urls, kind) : 0),
    () => 0,
  )
}

/** weapp: the pack's small pictures are saved as files (within their budget), so an exhibit opened offline shows its picture. */
export function keepForOffline(urls: string[]): void {
  void keepFiles(urls, 'picture')
}

/** Long enough for a cold scan's first call and paint to go first. */
const SETTLE_MS = 1000

export function whenSettled(run: () => void): void {
  setTimeout(run, SETTLE_MS)
}
