// `npm run size`: bytes of the weapp main package and each subpackage, as WeChat counts them
// (every file in the package folder). `--check` enforces the budgets and exits non-zero.
import fs from 'node:fs'
import path from 'node:path'

// The main package is what a cold scan of an exhibit code downloads. Its ceiling is the issue's "1.2× the
// Taro floor", counted strictly: the floor measured with this toolchain — an empty Taro 4.2 React app,
// one page — is TARO_FLOOR bytes (docs/performance.md, "Main package under 1.2× the floor").
export const TARO_FLOOR = 304_805
export const MAIN_BUDGET = Math.floor(TARO_FLOOR * 1.2) // 365,766 bytes
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024 // WeChat's own limit per subpackage

const DIST = path.resolve(__dirname, '..', 'dist', 'weapp')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    return d.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface PackageSizes {
  main: number
  subpackages: Record<string, number>
  total: number
}

export function measure(dist = DIST): PackageSizes {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 }
  for (const file of filesUnder(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/')
    if (rel.endsWith('.map')) continue // source maps are not uploaded
    const bytes = fs.statSync(file).size
    sizes.total += bytes
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    if (root) sizes.subpackages[root] += bytes
    else sizes.main += bytes
  }
  return sizes
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function main() {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.error('未找到 dist/weapp：请先运行 npm run build:weapp')
    process.exit(1)
  }
  const sizes = measure()
  console.log('weapp package sizes (bytes)')
  console.log(`  main package   ${String(sizes.main).padStart(9)}  ${kb(sizes.main)}  (budget ${kb(MAIN_BUDGET)}; ${(sizes.main / TARO_FLOOR).toFixed(2)}× the Taro floor)`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  ${root.padEnd(14)} ${String(bytes).padStart(9)}  ${kb(bytes)}`)
  console.log(`  total          ${String(sizes.total).padStart(9)}  ${kb(sizes.total)}`)
  if (process.argv.includes('--check')) {
    const problems = [
      ...(sizes.main > MAIN_BUDGET ? [`main package ${kb(sizes.main)} exceeds the ${kb(MAIN_BUDGET)} budget`] : []),
      ...Object.entries(sizes.subpackages)
        .filter(([, b]) => b > SUBPACKAGE_LIMIT)
        .map(([r, b]) => `subpackage ${r} ${kb(b)} exceeds WeChat's 2 MB limit`),
    ]
    if (problems.length) {
      console.error(`size check failed:\n  ${problems.join('\n  ')}`)
      process.exit(1)
    }
    console.log('size check: within budget')
  }
}

if (require.main === module) main()
