// H5 build only: writes precache.json, the list of scripts and styles the offline-shell service
// worker (src/h5/sw.js) stores on install, so pages the visitor has not opened yet (the trail,
// the hall list) also open without network. File names carry content hashes, so the list changes
// with every release and the worker replaces its cache.
import type { Compiler } from 'webpack'

export class PrecacheManifestPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecacheManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecacheManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = Object.keys(compilation.assets)
          .filter((f) => /\.(js|css)$/.test(f))
          .sort()
          .map((f) => `/${f}`)
        compilation.emitAsset('precache.json', new sources.RawSource(JSON.stringify({ files })))
      })
    })
  }
}
