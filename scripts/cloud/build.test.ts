// Loads each built cloud function the way WeChat does — `require` its index.js, call
// main(event, context) with the OPENID in the context — over the wx-server-sdk STAND-IN placed in
// node_modules/wx-server-sdk beside the bundles. Proves the bundles are self-contained and wired to
// the same handlers; it does not prove anything about the real cloud (see docs/wechat-cloud.md).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { functions } from '../../cloud/functions'
import { jobs } from '../../cloud/jobs'
import { seedIfEmpty, readExhibitFile } from '../../cloud/store/seed'
import { COLLECTIONS } from '../../cloud/store/wxcloud/collections'
import { openWxCloudStore } from '../../cloud/store/wxcloud'
import type { StandinSdk } from '../../cloud/store/wxcloud/standin/sdk'
import { buildCloud, measureRequireMs, ROOT, SIZE_TARGET_BYTES, type BuiltFunction } from './build'

jest.setTimeout(60_000)

const contextFor = (openid: string) => ({
  request_id: 'req-1',
  environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test-app', WX_SOURCE: 'wx_client' }),
})

describe('built cloud functions, required as WeChat would, over the wx-server-sdk STAND-IN', () => {
  let out: string
  let built: BuiltFunction[]
  let sdk: StandinSdk
  type Main = (event: unknown, context?: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string } }>
  const mainOf = (name: string): Main => require(path.join(out, name, 'index.js')).main

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-cloudfn-'))
    built = await buildCloud({ outDir: out })
    await build({
      entryPoints: [path.join(ROOT, 'cloud/store/wxcloud/standin/sdk-module.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: path.join(out, 'node_modules/wx-server-sdk/index.js'),
      logLevel: 'error',
    })
    sdk = require(path.join(out, 'node_modules/wx-server-sdk'))
    for (const c of COLLECTIONS) await sdk.__standin.db.createCollection(c.name)
    await seedIfEmpty(openWxCloudStore(sdk.__standin.db))
  })
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

  it('writes one folder per registered function and job, each with index.js, package.json and config.json only', () => {
    expect(built.map((b) => b.name).sort()).toEqual([...Object.keys(functions), ...Object.keys(jobs)].sort())
    for (const b of built) {
      expect(fs.readdirSync(b.dir).sort()).toEqual(['config.json', 'index.js', 'package.json'])
      const pkg = JSON.parse(fs.readFileSync(path.join(b.dir, 'package.json'), 'utf8'))
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
      expect(pkg.devDependencies).toBeUndefined()
      expect(pkg.main).toBe('index.js')
    }
  })

  it('declares open APIs and the timer trigger in config.json', () => {
    const config = (name: string) => JSON.parse(fs.readFileSync(path.join(out, name, 'config.json'), 'utf8'))
    expect(config('admin').permissions.openapi).toEqual(['wxacode.getUnlimited'])
    expect(config('exhibits').permissions.openapi).toEqual([])
    expect(config('reminders')).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'dailyVisitReminders', type: 'timer', config: expect.stringMatching(/^(\S+ ){6}\S+$/) }],
    })
  })

  it('keeps bundles small and free of local-runtime code (SQLite, Fastify) and of the stand-in', () => {
    for (const b of built) {
      expect(b.bytes).toBeLessThan(SIZE_TARGET_BYTES)
      const code = fs.readFileSync(path.join(b.dir, 'index.js'), 'utf8')
      expect(code).not.toMatch(/better-sqlite3|fastify|STAND-IN|standin/)
      expect(code).toMatch(/require\("wx-server-sdk"\)/)
    }
  })

  it('exports main from every bundle when required in a fresh Node process', () => {
    for (const b of built) expect(measureRequireMs(path.join(b.dir, 'index.js'), 1)).toBeGreaterThan(0)
  })

  it('exhibits: answers a cold scan with the helmet, ignoring the userInfo WeChat injects into the event', async () => {
    const res = await mainOf('exhibits')({ action: 'get', code: 'helmet', userInfo: { appId: 'wx-test-app', openId: 'o-visitor' } }, contextFor('o-visitor'))
    expect(res.ok).toBe(true)
    expect(res.data.exhibit.name).toContain('头盔')
    expect(res.data.exhibit.company.name).toBe('大连铭云科技有限公司')
    const list = await mainOf('exhibits')({ action: 'list' }, contextFor('o-visitor'))
    expect(list.data.halls.flatMap((h: { exhibits: Array<{ code: string }> }) => h.exhibits.map((e) => e.code)).sort()).toEqual(
      readExhibitFile().exhibits.map((e) => e.code).sort(),
    )
    expect(await mainOf('exhibits')({ action: 'drop' }, contextFor('o-visitor'))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(sdk.__standin.inits[0]).toEqual({ env: Symbol.for('DYNAMIC_CURRENT_ENV') })
  })

  it('system: ping answers pong', async () => {
    expect(await mainOf('system')({ action: 'ping' }, contextFor('o-1'))).toMatchObject({ ok: true, data: { pong: true } })
  })

  it('admin: refuses an OPENID not in the roles document, then makes codes for the one that is', async () => {
    const main = mainOf('admin')
    await sdk.__standin.db.collection('config').add({ data: { _id: 'roles', admins: ['o-admin'], staff: ['o-staff'] } })
    expect(await main({ action: 'exhibitCodes' }, contextFor('o-visitor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await main({ action: 'exhibitCodes' }, contextFor('o-staff'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await main({ action: 'exhibitCodes' }, { environment: '{}' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(sdk.__standin.codes).toHaveLength(0)
    const res = await main({ action: 'exhibitCodes', envVersion: 'trial' }, contextFor('o-admin'))
    expect(res.ok).toBe(true)
    const codes = readExhibitFile().exhibits.map((e) => e.code).sort()
    expect(res.data.files.map((f: { code: string }) => f.code).sort()).toEqual(codes)
    expect(sdk.__standin.codes.map((c) => c.scene).sort()).toEqual(codes.map((c) => `e=${c}`).sort())
    expect(sdk.__standin.codes.every((c) => c.page === 'pages/exhibit/index' && c.checkPath === false && c.envVersion === 'trial')).toBe(true)
    expect(res.data.files[0].fileId).toMatch(/^cloud:\/\/.+\/exhibit-codes\/trial\/.+\.png$/)
  })

  it('reminders: the timer entry runs and reports what it did', async () => {
    const res = await mainOf('reminders')({ Type: 'Timer', TriggerName: 'dailyVisitReminders', Time: '2026-11-26T02:00:00Z' }, contextFor(''))
    expect(res).toMatchObject({ ok: true, data: { drained: { sent: 0, failed: 0 } } })
  })
})
