// H5 build only: writes a brotli (.br) and a gzip (.gz) copy beside every text asset, so the
// server (cloud/runtime/static.ts, @fastify/static `preCompressed`) sends them without compressing
// on each request — brotli at its best level costs seconds once here and nothing per visitor.
// Also writes landing.json: the scripts and styles of the exhibit page's own chunk, which the
// server preloads on the scan landing (/e/<code>) together with the entry scripts.
import zlib from 'node:zlib'
import type { Compiler } from 'webpack'

const TEXT = /\.(js|css|html|json|svg|txt|map)$/
/** Smaller files fit in one packet either way; compressing them only adds a file. */
const MIN_BYTES = 512

export class PrecompressPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      // After every other plugin (html, copy, the precache list) has emitted its files.
      compilation.hooks.processAssets.tap({ name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT + 100 }, (assets) => {
        for (const [name, asset] of Object.entries(assets)) {
          if (!TEXT.test(name) || name.endsWith('.LICENSE.txt')) continue
          const raw = asset.buffer()
          if (raw.length < MIN_BYTES) continue
          const br = zlib.brotliCompressSync(raw, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          })
          compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
          compilation.emitAsset(`${name}.gz`, new sources.RawSource(zlib.gzipSync(raw, { level: 9 })))
        }
      })
    })
  }
}

/** The files of the chunk that holds the exhibit page (`pages/exhibit/index`), for the server to preload. */
export class LandingManifestPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('LandingManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LandingManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = new Set<string>()
        for (const group of compilation.chunkGroups) {
          const fromExhibitPage = group.origins.some((o) => /pages[\\/]exhibit[\\/]index/.test(o.request ?? ''))
          if (!fromExhibitPage) continue
          for (const chunk of group.chunks) for (const f of chunk.files) files.add(f)
        }
        const list = [...files].sort()
        const manifest = { exhibit: { js: list.filter((f) => f.endsWith('.js')).map((f) => `/${f}`), css: list.filter((f) => f.endsWith('.css')).map((f) => `/${f}`) } }
        compilation.emitAsset('landing.json', new sources.RawSource(JSON.stringify(manifest)))
      })
    })
  }
}
