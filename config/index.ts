import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { LandingManifestPlugin, PrecompressPlugin } from './compress-plugin'
import { PrecacheManifestPlugin } from './precache-plugin'
import { SubpackageEntryPlugin } from './subpackage-entry-plugin'
import { mediaBaseFor } from './media-base'

const root = path.resolve(__dirname, '..')
// Shared types and pure rules live outside src; Taro compiles only src unless told.
const contracts = path.join(root, 'cloud/contracts')
// `npm run build:weapp:release` (scripts/build-weapp-release.ts) sets this: the upload build goes to
// the folder project.config.json points DevTools at; every other weapp build (tests, dev) goes to
// dist/weapp with a tourist-appid project file, so DevTools cannot upload one by mistake.
const release = process.env.TARO_ENV === 'weapp' && process.env.WEAPP_RELEASE === '1'
const isMini = process.env.TARO_ENV !== 'h5'

// One codebase, two targets: each build writes to its own folder so both can coexist.
export default defineConfig<'webpack5'>(async (merge) => {
  const media = mediaBaseFor(process.env)
  if (media.warning) console.warn(`\n⚠ ${media.warning}\n`)
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'gxq-kejiguan',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: release ? 'dist/weapp-release' : `dist/${process.env.TARO_ENV}`,
    // Which project file Taro copies into the output: see `release` above.
    projectConfigName: release ? 'project.config.json' : 'config/project.dev.config.json',
    // Mini-program builds: base.wxml without the element templates this app never renders (config/weapp-templates.ts).
    plugins: isMini ? [path.join(__dirname, 'weapp-templates.ts')] : [],
    defineConstants: {
      MEDIA_BASE: JSON.stringify(media.base),
      H5_ORIGIN: JSON.stringify(process.env.H5_ORIGIN ?? 'http://127.0.0.1:8787'),
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      REMINDER_TEMPLATE_ID: JSON.stringify(process.env.REMINDER_TEMPLATE_ID ?? ''),
      CLOSURE_TEMPLATE_ID: JSON.stringify(process.env.CLOSURE_TEMPLATE_ID ?? ''),
      TRANSFER_TEMPLATE_ID: JSON.stringify(process.env.TRANSFER_TEMPLATE_ID ?? ''),
      POLICY_ALERT_TEMPLATE_ID: JSON.stringify(process.env.POLICY_ALERT_TEMPLATE_ID ?? ''),
    },
    alias: {
      '@': path.join(root, 'src'),
      '@cloud/contracts': path.join(root, 'cloud/contracts'),
      '@data': path.join(root, 'data'),
    },
    // H5 only: the offline-shell service worker (src/services/offline-shell.ts) must sit at the site root.
    copy: { patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/h5/sw.js', to: 'dist/h5/sw.js' }] : [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // The main package is what a cold scan downloads (docs/performance.md, "Main package back under
    // 1.2× the floor"). Taro's base.wxml unrolls every element template once per DOM level; a tree
    // deeper than baseLevel continues through its recursive <comp> component (virtualHost, page
    // styles shared). 8 levels instead of 16 is 21 KB less template; home fits in 8, the exhibit
    // page's deepest parts (related policies, next-in-hall) render through comp. (Mini-program builds only.)
    baseLevel: 8,
    // Taro's default terser options turn most compressions off and escape every Chinese character
    // as \uXXXX (6 bytes instead of 3). Output stays ES5 (scripts/check-weapp.ts checks it). H5 keeps
    // Taro's defaults (undefined here).
    terser: !isMini
      ? undefined
      : {
          enable: true,
          config: {
            compress: { arrows: false, collapse_vars: true, comparisons: true, computed_props: true, hoist_props: true, inline: true, loops: true, negate_iife: true, properties: true, reduce_funcs: true, reduce_vars: true, switches: true, typeofs: true, passes: 2 },
            output: { ascii_only: false },
          },
        },
    mini: {
      // These packages ship ES2015+; transpile them like our own code so old WeChat clients can run
      // them (scripts/check-weapp.ts fails the build check on anything that is not ES5).
      compile: { include: [contracts, (file: string) => /node_modules[\\/](zustand|qrcode-generator)[\\/]/.test(file)] },
      // Modules used only by subpackages stay in those subpackages, not in the main package.
      optimizeMainPackage: { enable: true },
      // The offline-file keeper (download, budget, eviction) is an entry of its own in the exhibits
      // subpackage, which the main package loads with require.async when there is something to keep.
      // (Taro's MiniPlugin replaces webpack's entries with its own, so the entry is added by a plugin.)
      webpackChain(chain) {
        chain.plugin('keeper-entry').use(SubpackageEntryPlugin, ['exhibits/keeper', path.join(root, 'src/exhibits/keeper.weapp.ts')])
      },
      postcss: {
        // Prefixes for the engines a mini-program runs in (iOS WKWebView, Android WebView/XWeb), not
        // for IE/Edge/Firefox (package.json's browserslist is for H5): no -ms- prefixes, and none for
        // flexbox, which iOS 9 and Android 4.4 take unprefixed. (Android renders mini-programs in WeChat's
        // own Chromium-based engine; the WeChat versions this app's base library needs run on newer iOS.)
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 9', 'android >= 4.4'] } },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [contracts] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        chain.plugin('precache-manifest').use(PrecacheManifestPlugin)
        chain.plugin('landing-manifest').use(LandingManifestPlugin)
        // Production builds only: a watch build stays quick.
        if (process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin)
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  const env: UserConfigExport<'webpack5'> =
    process.env.NODE_ENV === 'development'
      ? { logger: { quiet: false, stats: true }, mini: {}, h5: {} }
      : { logger: { quiet: true, stats: false }, mini: {}, h5: {} }
  return merge({}, base, env)
})
