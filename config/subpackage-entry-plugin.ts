import type { Compiler } from 'webpack'

/**
 * A script of its own in a subpackage (e.g. `exhibits/keeper`), for the main package to load with
 * WeChat's `require.async` instead of carrying the code itself. Taro's MiniPlugin replaces webpack's
 * `entry` with the app, pages and components it finds, so the entry is added here, at `make`, like
 * webpack's own EntryPlugin does. The script runs with the main package's webpack runtime (app.js
 * has loaded runtime, taro, vendors and common before anything can ask for it).
 */
export class SubpackageEntryPlugin {
  constructor(
    private readonly name: string,
    private readonly file: string,
  ) {}

  apply(compiler: Compiler): void {
    new compiler.webpack.EntryPlugin(compiler.context, this.file, { name: this.name }).apply(compiler)
    // Taro writes an empty template and style beside every chunk it emits; a script has no use for them.
    compiler.hooks.thisCompilation.tap('SubpackageEntryPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SubpackageEntryPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const ext of ['.wxml', '.wxss']) {
          const asset = compilation.getAsset(this.name + ext)
          if (asset && asset.source.size() === 0) compilation.deleteAsset(asset.name)
        }
      })
    })
  }
}
