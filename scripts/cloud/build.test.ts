// Loads each built cloud function the way WeChat does — `require` its index.js, call
// main(event, context) with the OPENID in the context — over the wx-server-sdk STAND-IN placed in
// node_modules/wx-server-sdk beside the bundles. Proves the bundles are self-contained and wired to
// the same handlers; it does not prove anything about the real cloud (see docs/wechat-cloud.md).
import { execFileSync } from 'node:child_process'
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
import { bj, residentId } from '../../cloud/testing/booking'
import { xlsxBomb } from '../../cloud/testing/xlsx-bomb'
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
  /**
   * Invokes a function as the cloud-function runtime does: the caller's WX_* values go into
   * process.env for the duration of the call (where wx-server-sdk's getWXContext reads them).
   */
  const mainOf = (name: string): Main => {
    // The built bundles are loaded the way WeChat's Node runtime loads them: require() of a computed path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const main: Main = require(path.join(out, name, 'index.js')).main
    return async (event, context) => {
      const vars = JSON.parse((context as { environment?: string } | undefined)?.environment ?? '{}') as Record<string, string>
      const saved = { ...process.env }
      for (const k of ['WX_OPENID', 'WX_APPID', 'WX_UNIONID']) delete process.env[k]
      Object.assign(process.env, vars)
      try {
        return await main(event, context)
      } finally {
        for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
        Object.assign(process.env, saved)
      }
    }
  }

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
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the stand-in SDK the bundle resolves
    sdk = require(path.join(out, 'node_modules/wx-server-sdk'))
    for (const c of COLLECTIONS) await sdk.__standin.db.createCollection(c.name)
    await seedIfEmpty(openWxCloudStore(sdk.__standin.db))
  })
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

  it('writes one folder per registered function and job, each with index.js, package.json and config.json only', () => {
    expect(built.map((b) => b.name).sort()).toEqual([...Object.keys(functions), ...Object.keys(jobs)].sort())
    for (const b of built) {
      // The console (imports) and groups (rosters) read spreadsheets in a worker thread, from a file beside the bundle.
      const readsSheets = b.name === 'console' || b.name === 'groups'
      expect(fs.readdirSync(b.dir).sort()).toEqual(['config.json', 'index.js', 'package.json', ...(readsSheets ? ['sheet-worker.js'] : [])])
      const pkg = JSON.parse(fs.readFileSync(path.join(b.dir, 'package.json'), 'utf8'))
      // The console's photo, audio and spreadsheet actions load sharp, music-metadata and exceljs on use (installed by WeChat).
      expect(Object.keys(pkg.dependencies)).toEqual(b.name === 'console' ? ['wx-server-sdk', 'sharp', 'music-metadata', 'exceljs'] : b.name === 'groups' ? ['wx-server-sdk', 'exceljs'] : ['wx-server-sdk'])
      expect(pkg.devDependencies).toBeUndefined()
      expect(pkg.main).toBe('index.js')
    }
  })

  it('declares open APIs and the timer trigger in config.json', () => {
    const config = (name: string) => JSON.parse(fs.readFileSync(path.join(out, name, 'config.json'), 'utf8'))
    expect(config('admin').permissions.openapi).toEqual(['wxacode.getUnlimited'])
    expect(config('exhibits').permissions.openapi).toEqual([])
    expect(config('booking').permissions.openapi).toEqual([])
    // The platform default (3 s) would cut the timers and admin off: every function carries its own.
    expect(Object.fromEntries(built.map((b) => [b.name, config(b.name).timeout]))).toEqual({
      admin: 60, console: 60, reminders: 60, noShows: 60, waitlistSweep: 10, booking: 10, staff: 10, accounts: 10, transfer: 10, groups: 10, exhibits: 5, zone: 5, notices: 5, system: 5,
    })
    expect(config('noShows')).toEqual({
      permissions: { openapi: [] },
      timeout: 60,
      triggers: [{ name: 'noShowSweep', type: 'timer', config: expect.stringMatching(/^(\S+ ){6}\S+$/) }],
    })
    expect(config('reminders')).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: 60,
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
    // Refused, and told which OPENID to have added to ADMIN_OPENIDS / the roles document.
    expect(await main({ action: 'exhibitCodes' }, contextFor('o-visitor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('OPENID：o-visitor') } })
    expect(await main({ action: 'exhibitCodes' }, contextFor('o-staff'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The cloud console's 云端测试 carries no OPENID: refused, with where to call from instead.
    expect(await main({ action: 'exhibitCodes' }, { environment: '{}' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('只能从小程序内调用') } })
    // Identity comes from process.env as the real SDK reads it, never from the event: a forged userInfo is ignored.
    expect(await main({ action: 'exhibitCodes', userInfo: { openId: 'o-admin' } }, { environment: '{}' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(sdk.__standin.codes).toHaveLength(0)
    const res = await main({ action: 'exhibitCodes', envVersion: 'trial' }, contextFor('o-admin'))
    expect(res.ok).toBe(true)
    const codes = readExhibitFile().exhibits.map((e) => e.code).sort()
    expect(res.data.files.map((f: { code: string }) => f.code).sort()).toEqual(codes)
    expect(sdk.__standin.codes.map((c) => c.scene).sort()).toEqual(codes.map((c) => `e=${c}`).sort())
    expect(sdk.__standin.codes.every((c) => c.page === 'pages/exhibit/index' && c.checkPath === false && c.envVersion === 'trial')).toBe(true)
    expect(res.data.files[0].fileId).toMatch(/^cloud:\/\/.+\/exhibit-codes\/trial\/.+\.png$/)
  })

  it('console: reads spreadsheets in the worker beside its bundle — a bomb is refused, a real sheet imported', () => {
    // In a plain Node process: jest's transform cannot load the console bundle (its on-use
    // import()s need babel helpers), and a worker thread is what this is about anyway.
    // WeChat installs exceljs from the function's package.json; here the repository's stands in.
    fs.mkdirSync(path.join(out, 'node_modules'), { recursive: true })
    fs.symlinkSync(path.join(ROOT, 'node_modules', 'exceljs'), path.join(out, 'node_modules', 'exceljs'))
    const files = { bomb: xlsxBomb({ rows: 1_500_000, refs: false, dimension: 'none' }), template: fs.readFileSync(path.join(ROOT, 'data', 'templates', 'companies.csv')) }
    const input = path.join(out, 'import-input.json')
    fs.writeFileSync(input, JSON.stringify({ collections: COLLECTIONS.map((c) => c.name), bomb: files.bomb.toString('base64'), template: files.template.toString('base64') }))
    const script = `
      const input = JSON.parse(require('fs').readFileSync(${JSON.stringify(input)}, 'utf8'))
      const sdk = require(${JSON.stringify(path.join(out, 'node_modules', 'wx-server-sdk'))})
      const { main } = require(${JSON.stringify(path.join(out, 'console', 'index.js'))})
      const context = { request_id: 'r', environment: JSON.stringify({ WX_OPENID: 'o-zone' }) }
      ;(async () => {
        for (const name of input.collections) await sdk.__standin.db.createCollection(name)
        const bomb = await main({ action: 'previewImport', mode: 'merge', fileName: 'companies.xlsx', data: input.bomb }, context)
        const good = await main({ action: 'previewImport', mode: 'merge', fileName: 'companies.csv', data: input.template }, context)
        process.stdout.write(JSON.stringify({ bomb, good }))
      })()`
    const answers = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ZONE_EDITOR_OPENIDS: 'o-zone', WX_OPENID: 'o-zone' } }))
    expect(answers.bomb).toEqual({ ok: false, error: { code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' } })
    // Read in the worker and checked row by row: only the exhibit links fail, in a database without exhibits.
    expect(answers.good).toMatchObject({ ok: true, data: { kind: 'companies' } })
    expect(new Set(answers.good.data.errors.map((e: { column: string }) => e.column))).toEqual(new Set(['展品编号']))
  })

  it('reminders: the timer entry runs and reports what it did', async () => {
    const res = await mainOf('reminders')({ Type: 'Timer', TriggerName: 'dailyVisitReminders', Time: '2026-11-26T02:00:00Z' }, contextFor(''))
    expect(res).toMatchObject({ ok: true, data: { drained: { sent: 0, failed: 0 } } })
  })

  describe('booking and staff through the built bundles (clock set to Beijing time with jest fake Date)', () => {
    const saved = { APP_SECRET: process.env.APP_SECRET, STAFF_OPENIDS: process.env.STAFF_OPENIDS }
    beforeAll(() => {
      // Only Date is faked: the stand-in's setImmediate interleaving keeps running.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] })
      process.env.APP_SECRET = 'bundle-test-secret'
      process.env.STAFF_OPENIDS = 'o-gate'
    })
    afterAll(() => {
      jest.useRealTimers()
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
      else process.env[k] = v
    })

    it('books a visit with the OPENID from the context, then staff checks the e-ticket in once; others are refused', async () => {
      jest.setSystemTime(bj('2026-11-26 10:00')) // Thursday: book Friday morning
      const booking = mainOf('booking')
      const staff = mainOf('staff')
      const calendar = await booking({ action: 'calendar' }, contextFor('o-visitor'))
      expect(calendar.ok).toBe(true)
      const friAm = calendar.data.days.find((d: { date: string }) => d.date === '2026-11-27').sessions[0]
      expect(friAm).toMatchObject({ id: '2026-11-27.am', status: 'open', left: 300 })

      const added = await booking({ action: 'addVisitor', name: '王小明', idType: 'resident', idNumber: residentId(7) }, contextFor('o-visitor'))
      expect(added).toMatchObject({ ok: true, data: { visitor: { name: '王小明' } } })
      const req = { action: 'book', sessionId: friAm.id, visitorIds: [added.data.visitor.id], clientRequestId: 'bundle-req-0001', remind: true }
      const booked = await booking({ ...req, userInfo: { openId: 'o-visitor' } }, contextFor('o-visitor'))
      expect(booked).toMatchObject({ ok: true, data: { booking: { status: 'confirmed' } } })
      const ticket = booked.data.booking.ticketCode as string
      expect(ticket).toMatch(/^T2\.k0\./)
      // A retry of the same request is the same booking; the place was taken once.
      expect((await booking(req, contextFor('o-visitor'))).data.booking.id).toBe(booked.data.booking.id)
      const left = (await booking({ action: 'calendar' }, contextFor('o-visitor'))).data.days.find((d: { date: string }) => d.date === '2026-11-27').sessions[0].left
      expect(left).toBe(299)
      // Another OPENID cannot see it; stored with the remind flag under the cloud collections.
      expect(await booking({ action: 'get', bookingId: booked.data.booking.id }, contextFor('o-other'))).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
      expect(sdk.__standin.db.dump('bookings')).toEqual([expect.objectContaining({ _id: booked.data.booking.id, openid: 'o-visitor', remind: true, status: 'confirmed' })])

      jest.setSystemTime(bj('2026-11-27 09:10')) // Friday morning at the gate
      expect(await staff({ action: 'checkIn', code: ticket }, contextFor('o-visitor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await staff({ action: 'today' }, contextFor('o-visitor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const checked = await staff({ action: 'checkIn', code: ticket }, contextFor('o-gate'))
      expect(checked).toMatchObject({ ok: true, data: { result: { bookingId: booked.data.booking.id, visitors: [{ name: '王小明' }] } } })
      expect(await staff({ action: 'checkIn', code: ticket }, contextFor('o-gate'))).toMatchObject({ ok: false, error: { code: 'TICKET_USED' } })
      const today = await staff({ action: 'today' }, contextFor('o-gate'))
      expect(today.data.sessions[0]).toMatchObject({ sessionId: '2026-11-27.am', booked: 1, checkedIn: 1 })
      // The roles document names staff too (no redeploy needed).
      await sdk.__standin.db.collection('config').doc('roles').set({ data: { admins: ['o-admin'], staff: ['o-staff'] } })
      expect(await staff({ action: 'today' }, contextFor('o-staff'))).toMatchObject({ ok: true })
    })

    it('answers a clear Chinese NOT_CONFIGURED (not a crash) when APP_SECRET is missing', async () => {
      jest.setSystemTime(bj('2026-11-26 10:00'))
      delete process.env.APP_SECRET
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
      try {
        const res = await mainOf('booking')({ action: 'addVisitor', name: '李华', idType: 'resident', idNumber: residentId(8) }, contextFor('o-visitor'))
        expect(res).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('APP_SECRET') } })
        expect((res.error as unknown as { message: string }).message).toMatch(/服务尚未配置完成/)
        // What needs no secret still works.
        expect(await mainOf('booking')({ action: 'calendar' }, contextFor('o-visitor'))).toMatchObject({ ok: true })
        expect(logged).toHaveBeenCalledWith(expect.stringContaining('APP_SECRET is not configured'))
      } finally {
        logged.mockRestore()
        process.env.APP_SECRET = 'bundle-test-secret'
      }
    })

    it('noShows: the timer entry marks a confirmed booking whose session ended as 未到场', async () => {
      jest.setSystemTime(bj('2026-11-26 10:00'))
      const booking = mainOf('booking')
      const added = await booking({ action: 'addVisitor', name: '赵六', idType: 'resident', idNumber: residentId(9) }, contextFor('o-late'))
      const booked = await booking({ action: 'book', sessionId: '2026-11-27.pm', visitorIds: [added.data.visitor.id], clientRequestId: 'bundle-req-0002' }, contextFor('o-late'))
      expect(booked.ok).toBe(true)
      jest.setSystemTime(bj('2026-11-27 17:05'))
      const res = await mainOf('noShows')({ Type: 'Timer', TriggerName: 'noShowSweep' }, contextFor(''))
      expect(res).toMatchObject({ ok: true, data: { marked: 1, suspended: 0 } })
      expect((await booking({ action: 'get', bookingId: booked.data.booking.id }, contextFor('o-late'))).data.booking.status).toBe('no_show')
    })
  })
})
