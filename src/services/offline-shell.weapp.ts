import Taro from '@tarojs/taro'
import { makeRoom, type KeptFile, type KeptKind } from './kept-files'

// weapp: the mini-program package is already on the phone; nothing to cache for the shell.
export function registerOfflineShell(): void {}

/** weapp: a scan opens the exhibit page itself (scene / q), there is no landing path to route. */
export function routeScanLanding(): void {}

// Pictures and audio kept as saved files under the user data path; their index is one storage key.
const FILES_KEY = 'gxq.files'
let memo: KeptFile[] | null = null
const kept = (): KeptFile[] => {
  if (!memo) {
    try {
      const v: unknown = Taro.getStorageSync(FILES_KEY)
      memo = Array.isArray(v) ? (v as KeptFile[]) : []
    } catch {
      memo = []
    }
  }
  return memo
}
const save = (files: KeptFile[]) => {
  memo = files
  try {
    Taro.setStorageSync(FILES_KEY, files)
  } catch {
    // Storage full: the files stay on disk, unindexed; the next save tries again.
  }
}

/** The saved copy's local path when this picture or track is kept, else the URL itself. */
export function offlineSrc(url: string): string {
  return kept().find((f) => f.url === url)?.path ?? url
}

// Written with promise chains, not async/await: the ES5 build turns each async function into a
// generator state machine, and this code sits in the main package a cold scan downloads.
const fsCall = <T>(run: (cb: { success: (r: T) => void; fail: (e: unknown) => void }) => void) => new Promise<T>((success, fail) => run({ success, fail }))

function keepOne(url: string, kind: KeptKind): Promise<unknown> {
  const have = kept().find((f) => f.url === url)
  if (have) {
    // A track of a chosen hall is not demoted by being played; a played one becomes chosen.
    const next: KeptKind = have.kind === 'picture' ? 'picture' : have.kind === 'hall' || kind === 'hall' ? 'hall' : 'played'
    save(kept().map((f) => (f === have ? { ...f, kind: next, usedAt: Date.now() } : f)))
    return Promise.resolve()
  }
  if (url.startsWith('data:')) return Promise.resolve()
  const fs = Taro.getFileSystemManager()
  const download: Promise<{ tempFilePath: string; statusCode?: number }> = url.startsWith('cloud:') ? Taro.cloud.downloadFile({ fileID: url }) : Taro.downloadFile({ url })
  return download.then((res) => {
    if (res.statusCode !== undefined && res.statusCode !== 200) return
    return fsCall<{ size: number }>((cb) => fs.getFileInfo({ filePath: res.tempFilePath, ...cb })).then(({ size }) => {
      const evict = makeRoom(kept(), { url, bytes: size, kind })
      if (!evict) return
      evict.forEach((f) => fs.unlink({ filePath: f.path, fail: () => undefined }))
      const path = `${Taro.env.USER_DATA_PATH}/gxq-${url.replace(/[^\w.]+/g, '_').slice(-80)}`
      return fsCall((cb) => fs.saveFile({ tempFilePath: res.tempFilePath, filePath: path, ...cb })).then(() =>
        save(kept().filter((f) => f.url !== url && evict.indexOf(f) < 0).concat({ url, path, bytes: size, kind, usedAt: Date.now() })),
      )
    })
  })
}

/** Downloads and saves the files not kept yet, one at a time (never competing with a page); resolves to how many are kept. */
export function keepFiles(urls: string[], kind: KeptKind): Promise<number> {
  return urls
    .reduce<Promise<unknown>>((chain, url) => chain.then(() => keepOne(url, kind).catch(() => undefined)), Promise.resolve())
    .then(() => urls.filter((u) => kept().some((f) => f.url === u)).length)
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
