// weapp offline files, the part that downloads: a webpack entry of its own written to
// exhibits/keeper.js (config/index.ts), so it sits in the exhibits subpackage, not in the main package
// a cold scan downloads. The main package loads it with require.async the first time something is to
// be kept (src/services/offline-shell.weapp.ts keepFiles); running, it installs itself there.
import Taro from '@tarojs/taro'
import { makeRoom, type KeptKind } from '@/services/kept-files'
import { installKeeper, keptFiles } from '@/services/offline-shell.weapp'

// Promise chains, not async/await: the ES5 build turns each async function into a generator state machine.
const fsCall = <T>(run: (cb: { success: (r: T) => void; fail: (e: unknown) => void }) => void) => new Promise<T>((success, fail) => run({ success, fail }))

function keepOne(url: string, kind: KeptKind): Promise<unknown> {
  const have = keptFiles().find((f) => f.url === url)
  if (have) {
    // A track of a chosen hall is not demoted by being played; a played one becomes chosen.
    const next: KeptKind = have.kind === 'picture' ? 'picture' : have.kind === 'hall' || kind === 'hall' ? 'hall' : 'played'
    keptFiles(keptFiles().map((f) => (f === have ? { ...f, kind: next, usedAt: Date.now() } : f)))
    return Promise.resolve()
  }
  if (url.startsWith('data:')) return Promise.resolve()
  const fs = Taro.getFileSystemManager()
  const download: Promise<{ tempFilePath: string; statusCode?: number }> = url.startsWith('cloud:') ? Taro.cloud.downloadFile({ fileID: url }) : Taro.downloadFile({ url })
  return download.then((res) => {
    if (res.statusCode !== undefined && res.statusCode !== 200) return
    return fsCall<{ size: number }>((cb) => fs.getFileInfo({ filePath: res.tempFilePath, ...cb })).then(({ size }) => {
      const evict = makeRoom(keptFiles(), { url, bytes: size, kind })
      if (!evict) return
      evict.forEach((f) => fs.unlink({ filePath: f.path, fail: () => undefined }))
      const path = `${Taro.env.USER_DATA_PATH}/gxq-${url.replace(/[^\w.]+/g, '_').slice(-80)}`
      return fsCall((cb) => fs.saveFile({ tempFilePath: res.tempFilePath, filePath: path, ...cb })).then(() =>
        keptFiles(keptFiles().filter((f) => f.url !== url && evict.indexOf(f) < 0).concat({ url, path, bytes: size, kind, usedAt: Date.now() })),
      )
    })
  })
}

/** One file at a time (never competing with a page); resolves to how many of `urls` are kept. */
installKeeper((urls, kind) =>
  urls
    .reduce<Promise<unknown>>((chain, url) => chain.then(() => keepOne(url, kind).catch(() => undefined)), Promise.resolve())
    .then(() => urls.filter((u) => keptFiles().some((f) => f.url === u)).length),
)
