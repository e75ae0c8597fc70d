// The functions are created with CLOUD_NODE_RUNTIME; every package they install must accept it.
// (With Nodejs16.13, sharp 0.35 — engines ">=20.9.0" — could not load in the console function.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CLOUD_NODE_RUNTIME, CLOUD_NODE_VERSION } from '../../cloud/runtime/wxcloud/manifest'
import { buildCloud, ROOT, type BuiltFunction } from './build'
import { checkEngines } from './engines'

jest.setTimeout(60_000)

describe('runtime versus the engines of what each function installs', () => {
  let out: string
  let built: BuiltFunction[]
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-engines-'))
    built = await buildCloud({ outDir: out })
  })
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

  it(`the runtime's Node version is the one its name says (${CLOUD_NODE_RUNTIME})`, () => {
    expect(CLOUD_NODE_RUNTIME).toBe(`Nodejs${CLOUD_NODE_VERSION.split('.').slice(0, 2).join('.')}`)
  })

  it('no installed package (nor what it pulls in for linux x64) excludes the runtime', () => {
    for (const f of built) {
      const pkg = JSON.parse(fs.readFileSync(path.join(f.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
      const report = checkEngines(Object.keys(pkg.dependencies), CLOUD_NODE_VERSION, ROOT)
      expect({ function: f.name, excluded: report.excluded }).toEqual({ function: f.name, excluded: [] })
      expect(report.checked).toBeGreaterThanOrEqual(Object.keys(pkg.dependencies).length)
    }
  })

  it('would catch an older runtime: sharp is excluded on Node 16.13', () => {
    const report = checkEngines(['sharp'], '16.13.0', ROOT)
    expect(report.excluded.join('\n')).toMatch(/^sharp@\S+ 需要 Node >=20/m)
    // Native: the prebuilt binary's glibc need is reported (CloudBase does not document its glibc).
    expect(report.glibc.join('\n')).toMatch(/glibc >=2\.\d+/)
  })
})
