// Does every package a cloud function installs (its package.json dependencies and what they pull in
// for the cloud's platform, linux x64 glibc) accept the Node runtime the functions are created with?
// Read from the `engines` field of the copies in this repository's node_modules, which the
// function's package.json ranges are taken from. A package not installed here (wx-server-sdk) is
// looked up once with `npm view` and its answer recorded in NOT_INSTALLED_HERE.
import fs from 'node:fs'
import path from 'node:path'
import semver from 'semver'

/** Packages the cloud installs that this repository does not: what `npm view <pkg>@<range> engines` answered. */
export const NOT_INSTALLED_HERE: Record<string, { engines: string | null; checked: string }> = {
  'wx-server-sdk': { engines: null, checked: 'npm view wx-server-sdk@3 engines → none declared (3.0.1–3.0.4), 2026-12-06' },
  '@cloudbase/node-sdk': { engines: '>=8.6.0', checked: 'npm view @cloudbase/node-sdk@2.10.0 engines (wx-server-sdk 3 pins it), 2026-12-06' },
}

/** The platform the cloud function runs on (Tencent SCF, linux x64); glibc version not documented. */
const CLOUD_PLATFORM = { os: 'linux', cpu: 'x64', libc: 'glibc' }

interface Manifest {
  name: string
  version: string
  engines?: { node?: string }
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  os?: string[]
  cpu?: string[]
  libc?: string[]
  config?: { glibc?: string }
}

function readManifest(name: string, from: string): (Manifest & { dir: string }) | null {
  // Nested copy first (npm puts a conflicting version under the dependent), then the root one.
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json')
    if (fs.existsSync(file)) return { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest), dir: path.dirname(file) }
    if (dir === path.dirname(dir)) return null
  }
}

const fitsPlatform = (m: Manifest) =>
  (!m.os || m.os.includes(CLOUD_PLATFORM.os)) && (!m.cpu || m.cpu.includes(CLOUD_PLATFORM.cpu)) && (!m.libc || m.libc.includes(CLOUD_PLATFORM.libc))

export interface EngineReport {
  /** Packages whose engines.node excludes the runtime, e.g. "sharp@0.35.5 需要 Node >=20.9.0". */
  excluded: string[]
  /** Native packages' glibc needs (not checkable here: CloudBase does not document its glibc). */
  glibc: string[]
  checked: number
}

/** Walks the dependencies a function installs and checks each one's engines against `nodeVersion`. */
export function checkEngines(dependencies: string[], nodeVersion: string, root: string): EngineReport {
  const report: EngineReport = { excluded: [], glibc: [], checked: 0 }
  const seen = new Set<string>()
  const visit = (name: string, from: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const known = NOT_INSTALLED_HERE[name]
    const m = readManifest(name, from)
    if (!m) {
      if (!known) report.excluded.push(`${name} 未安装在本仓库，无法核对 engines（请在 scripts/cloud/engines.ts 记录 npm view 的结果）`)
      else if (known.engines && !semver.satisfies(nodeVersion, known.engines)) report.excluded.push(`${name} 需要 Node ${known.engines}`)
      report.checked++
      return
    }
    report.checked++
    const range = m.engines?.node
    if (range && !semver.satisfies(nodeVersion, range)) report.excluded.push(`${m.name}@${m.version} 需要 Node ${range}`)
    if (m.config?.glibc) report.glibc.push(`${m.name}@${m.version} 需要 glibc ${m.config.glibc}`)
    const dir = m.dir
    for (const dep of Object.keys(m.dependencies ?? {})) visit(dep, dir)
    for (const dep of Object.keys(m.optionalDependencies ?? {})) {
      const opt = readManifest(dep, dir)
      // Optional platform packages (sharp's prebuilt binaries): only the one the cloud would install.
      if (opt && fitsPlatform(opt)) visit(dep, dir)
    }
  }
  for (const dep of dependencies) visit(dep, root)
  return report
}
