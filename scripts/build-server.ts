// Builds the local runtime (cloud/runtime/main.ts) into one JavaScript file, dist/server/main.js,
// so `npm start` / `npm run serve` run plain node: one process, no TypeScript compiler at start
// (they run dist/server/start.js, which loads main.js through V8's code cache).
// Native modules (better-sqlite3, sharp) and exceljs stay outside, loaded from node_modules. The bundle sits two
// folders below the repository like the sources do, so paths built from __dirname (data/, .data/,
// dist/h5) resolve the same.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { SHEET_WORKER_FILE } from '../cloud/zone/spreadsheet'

const root = path.resolve(__dirname, '..')
export const SERVER_BUNDLE = path.join(root, 'dist', 'server', 'main.js')
/** What `npm start` runs: loads the bundle through V8's code cache (scripts/server-launcher.js). */
export const SERVER_START = path.join(root, 'dist', 'server', 'start.js')

export async function buildServerBundle(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'cloud', 'runtime', 'main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Native modules load from node_modules: better-sqlite3, and sharp (console photo uploads; its
    // bundled ESM build calls createRequire(import.meta.url), which a CJS bundle leaves undefined).
    // exceljs is large and only the console's roster export and imports need it.
    external: ['better-sqlite3', 'sharp', 'exceljs'],
    sourcemap: 'linked',
    legalComments: 'none',
    // Less to parse at every start; stack traces still point at the sources through the source map.
    minify: true,
    keepNames: true,
    logLevel: 'warning',
  })
  fs.copyFileSync(path.join(root, 'scripts', 'server-launcher.js'), SERVER_START)
  // The spreadsheet reader's worker is found beside the module that starts it: here, the bundle.
  fs.copyFileSync(path.join(root, 'cloud', 'zone', SHEET_WORKER_FILE), path.join(path.dirname(SERVER_BUNDLE), SHEET_WORKER_FILE))
  // A cache of the previous bundle would only be refused at the next start.
  fs.rmSync(`${SERVER_BUNDLE}.v8cache`, { force: true })
}

/** Newest modification time of what goes into the bundle (the runtime's sources, bundled data, locked packages). */
function newestInput(): number {
  let newest = 0
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name)
      if (d.isDirectory()) walk(p)
      else if (/\.(ts|js)$/.test(d.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs)
    }
  }
  walk(path.join(root, 'cloud'))
  for (const f of ['data/booking.json', 'package-lock.json']) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs)
  return newest
}

/** Builds the bundle when it is missing or older than its sources (the browser tests run it). */
export async function ensureServerBundle(): Promise<void> {
  const built = fs.existsSync(SERVER_BUNDLE) ? fs.statSync(SERVER_BUNDLE).mtimeMs : 0
  if (built < newestInput()) await buildServerBundle()
}

if (require.main === module) {
  const started = Date.now()
  buildServerBundle()
    .then(() => console.log(`服务端已打包: ${path.relative(root, SERVER_BUNDLE)}（${Date.now() - started} ms）`))
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
