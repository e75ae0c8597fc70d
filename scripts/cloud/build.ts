// `npm run build:cloud`: one deployable folder per cloud function under project.config.json's
// cloudfunctionRoot — index.js (esbuild bundle exporting main), package.json (only wx-server-sdk),
// config.json (open API permissions, timer trigger). Functions come from cloud/functions/index.ts
// and timer jobs from cloud/jobs/index.ts, so new functions get folders without touching this file.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { functions } from '../../cloud/functions'
import { jobs } from '../../cloud/jobs'
import { CLOUD_NODE_VERSION, FUNCTION_OPENAPI, timeoutOf, WX_SERVER_SDK_RANGE } from '../../cloud/runtime/wxcloud/manifest'
import { variablesOfInputs } from './variables'
import { SHEET_WORKER_FILE } from '../../cloud/zone/spreadsheet'

export const ROOT = path.resolve(__dirname, '..', '..')
/** Packages a bundle requires on use instead of carrying (the ranges of this repository's package.json). */
const ON_USE_DEPENDENCIES: Record<string, string> = {
  sharp: (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.sharp,
  'music-metadata': (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['music-metadata'],
  exceljs: (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.exceljs,
}

export const GENERATED_MARK = '由 npm run build:cloud 生成，请勿手改'

export function cloudfunctionRoot(root = ROOT): string {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { cloudfunctionRoot?: string }
  return path.join(root, config.cloudfunctionRoot ?? 'cloudfunctions/')
}

export interface FunctionSource {
  name: string
  kind: 'function' | 'job'
  /** Module (relative to root, no extension) and export that hold the function, when it could be read from the registry file. */
  module: string
  exportName: string
}

/** Reads which module each registered function comes from, so each bundle carries only its own handlers. */
export function enumerateSources(root = ROOT): FunctionSource[] {
  const out: FunctionSource[] = []
  const registry = (file: string, constName: string, names: string[], kind: FunctionSource['kind']) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    const imports = new Map<string, string>()
    for (const m of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'(\.[^']+)'/g)) {
      for (const part of m[1].split(',')) {
        const [orig, alias] = part.trim().split(/\s+as\s+/)
        if (orig && !orig.startsWith('type ')) imports.set((alias ?? orig).trim(), orig.trim())
        if (orig) imports.set(`${(alias ?? orig).trim()}#module`, m[2])
      }
    }
    const body = new RegExp(`export const ${constName}[^=]*=\\s*\\{([\\s\\S]*?)\\}`).exec(source)?.[1] ?? ''
    const entries = new Map<string, string>()
    for (const item of body.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
      const [key, value] = item.split(':').map((s) => s.trim())
      entries.set(key, value ?? key)
    }
    for (const name of names) {
      const ident = entries.get(name)
      const mod = ident ? imports.get(`${ident}#module`) : undefined
      if (ident && mod) {
        out.push({ name, kind, module: path.posix.join(path.posix.dirname(file), mod), exportName: imports.get(ident) ?? ident })
      } else {
        // Not a plain `name: imported` entry: bundle the whole registry and pick by name.
        out.push({ name, kind, module: file.replace(/\.ts$/, ''), exportName: `${constName}[${JSON.stringify(name)}]` })
      }
    }
  }
  registry('cloud/functions/index.ts', 'functions', Object.keys(functions), 'function')
  registry('cloud/jobs/index.ts', 'jobs', Object.keys(jobs), 'job')
  return out
}

function entryStub(src: FunctionSource): string {
  const indexed = src.exportName.includes('[')
  const importName = indexed ? src.exportName.slice(0, src.exportName.indexOf('[')) : src.exportName
  const pick = indexed ? src.exportName : importName
  const factory = src.kind === 'function' ? 'createFunctionMain' : 'createJobMain'
  return [
    `import { ${factory} } from './cloud/runtime/wxcloud/entry'`,
    `import { ${importName} } from './${src.module}'`,
    // Required at load like any cloud function does; installed by WeChat from package.json.
    `const sdk = require('wx-server-sdk')`,
    `export const main = ${factory}(${pick}, sdk)`,
  ].join('\n')
}

export interface BuiltFunction {
  name: string
  kind: FunctionSource['kind']
  dir: string
  bytes: number
  openapi: string[]
  /** Seconds (config.json `timeout`). */
  timeout: number
  trigger?: { name: string; type: 'timer'; config: string }
  /** Environment variables the bundle's own source files read (scripts/cloud/variables.ts). */
  variables: string[]
}

export async function buildCloud(options: { root?: string; outDir?: string } = {}): Promise<BuiltFunction[]> {
  const root = options.root ?? ROOT
  const outDir = options.outDir ?? cloudfunctionRoot(root)
  fs.mkdirSync(outDir, { recursive: true })
  // Remove folders this script made before (a function may have been removed); leave others alone.
  for (const entry of fs.readdirSync(outDir, { withFileTypes: true })) {
    const pkg = path.join(outDir, entry.name, 'package.json')
    if (entry.isDirectory() && fs.existsSync(pkg) && fs.readFileSync(pkg, 'utf8').includes(GENERATED_MARK)) {
      fs.rmSync(path.join(outDir, entry.name), { recursive: true, force: true })
    }
  }
  const built: BuiltFunction[] = []
  for (const src of enumerateSources(root)) {
    const dir = path.join(outDir, src.name)
    fs.mkdirSync(dir, { recursive: true })
    const result = await build({
      stdin: { contents: entryStub(src), resolveDir: root, loader: 'ts', sourcefile: `${src.name}.entry.ts` },
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: `node${CLOUD_NODE_VERSION.split('.').slice(0, 2).join('.')}`,
      format: 'cjs',
      // sharp (native), exceljs and music-metadata are loaded on use by the console's actions and installed by
      // WeChat from the function's package.json, not bundled.
      external: ['wx-server-sdk', ...Object.keys(ON_USE_DEPENDENCIES)],
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: path.join(dir, 'index.js'),
      logLevel: 'error',
      metafile: true,
    })
    const variables = variablesOfInputs(Object.keys(result.metafile.inputs), root)
    const job = src.kind === 'job' ? jobs[src.name] : undefined
    const openapi = job ? job.openapi : FUNCTION_OPENAPI[src.name] ?? []
    const trigger = job ? { name: job.trigger.name, type: 'timer' as const, config: job.trigger.config } : undefined
    const code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
    // A function that reads spreadsheets starts their worker from a file beside its bundle; the worker requires exceljs.
    const readsSheets = code.includes(SHEET_WORKER_FILE)
    if (readsSheets) fs.copyFileSync(path.join(root, 'cloud', 'zone', SHEET_WORKER_FILE), path.join(dir, SHEET_WORKER_FILE))
    const onUse = Object.fromEntries(
      Object.entries(ON_USE_DEPENDENCIES).filter(([name]) => code.includes(`require("${name}")`) || code.includes(`import("${name}")`) || (readsSheets && name === 'exceljs')),
    )
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: src.name, version: '1.0.0', private: true, description: GENERATED_MARK, main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK_RANGE, ...onUse } }, null, 2)}\n`,
    )
    // timeout travels with the folder: DevTools' 上传并部署 and tcb both read config.json.
    const timeout = timeoutOf(src.name)
    const config: Record<string, unknown> = { permissions: { openapi }, timeout }
    if (trigger) config.triggers = [trigger]
    fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`)
    built.push({ name: src.name, kind: src.kind, dir, bytes: fs.statSync(path.join(dir, 'index.js')).size, openapi, timeout, trigger, variables })
  }
  return built
}

/**
 * Cold `require` time of a bundle in a fresh Node process (median of `runs`), with wx-server-sdk
 * replaced by an empty object: this measures our bundle only, not the real SDK's own load.
 */
export function measureRequireMs(indexJs: string, runs = 5): number {
  const script = `
    const Module = require('module'); const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'wx-server-sdk' ? {} : load.call(this, request, ...rest) };
    const t = process.hrtime.bigint(); const m = require(${JSON.stringify(indexJs)});
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (typeof m.main !== 'function') throw new Error('no main export');
    process.stdout.write(String(ms));`
  const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })))
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

export const SIZE_TARGET_BYTES = 1024 * 1024

async function cli(argv: string[]) {
  // --out DIR builds elsewhere than the project's cloudfunctionRoot (a test builds into its own
  // folder, so it never races the deploy test over the shared one).
  const outAt = argv.indexOf('--out')
  if (outAt >= 0 && !argv[outAt + 1]) {
    console.error('--out 后面需要一个文件夹，例如 --out /tmp/cloudfunctions')
    process.exit(2)
  }
  const outDir = outAt >= 0 ? path.resolve(argv[outAt + 1]) : cloudfunctionRoot()
  const built = await buildCloud({ outDir })
  const rel = (p: string) => path.relative(ROOT, p)
  console.log(`云函数已生成到 ${rel(outDir)}（每个函数一个文件夹，可在微信开发者工具中右键“上传并部署：云端安装依赖”）\n`)
  console.log('函数           类型      大小(KB)  开放接口 / 触发器')
  let over = false
  for (const f of built) {
    // Sizes only: they are the same on every machine. Cold require time depends on the machine's
    // load, so it is measured by `npm run bench:cloud`, never a reason for a build to fail.
    const flag = f.bytes > SIZE_TARGET_BYTES ? '  ← 超出目标' : ''
    over ||= flag !== ''
    const extra = [...f.openapi, ...(f.trigger ? [`timer ${f.trigger.config}`] : [])].join(', ') || '-'
    console.log(`${f.name.padEnd(14)} ${f.kind.padEnd(9)} ${(f.bytes / 1024).toFixed(1).padStart(8)}  ${extra}${flag}`)
  }
  console.log(`\n目标：每个 index.js < 1 MB。冷启动 require 时间见 npm run bench:cloud。`)
  if (over) process.exitCode = 1
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('构建云函数失败:', error)
    process.exit(1)
  })
}
