// H5 build only: writes precache.json, the scripts and styles the offline-shell service worker
// (src/h5/sw.js) stores once the page is idle: the app shell — the entry, the main-package pages
// (home, exhibit, mine), the guide pages an exhibit leads to (listen, trail), and the e-ticket with
// 我的预约 (the gate is inside the museum) and the exhibit list, so a scanned exhibit, its trail and the ticket open
// without network. Other pages are kept as they are visited
// (the worker caches what it serves), not downloaded up front: on a first visit over a slow
// network the whole app would be three times the page. File names carry content hashes, so the
// list changes with every release and the worker replaces its cache.
import type { Compiler } from 'webpack'

/** Pages whose chunks belong to the offline shell. */
export const SHELL_PAGES = [
  /pages[\\/](home|exhibit|mine)[\\/]index/,
  /guide[\\/]pages[\\/](listen|trail)[\\/]index/,
  /booking[\\/]pages[\\/](ticket|mine)[\\/]index/,
  // The way onward from an exhibit (every exhibit with the floor plan), from the offline pack.
  /exhibits[\\/]pages[\\/]list[\\/]index/,
]

export class PrecacheManifestPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecacheManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecacheManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const shell = new Set<string>()
        for (const entry of compilation.entrypoints.values()) for (const f of entry.getFiles()) shell.add(f)
        for (const group of compilation.chunkGroups) {
          if (!group.origins.some((o) => SHELL_PAGES.some((p) => p.test(o.request ?? '')))) continue
          for (const chunk of group.chunks) for (const f of chunk.files) shell.add(f)
        }
        const files = [...shell]
          .filter((f) => /\.(js|css)$/.test(f))
          .sort()
          .map((f) => `/${f}`)
        compilation.emitAsset('precache.json', new sources.RawSource(JSON.stringify({ files })))
      })
    })
  }
}
