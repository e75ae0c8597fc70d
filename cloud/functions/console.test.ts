// The operator console's actions through the real dispatch on a real SQLite file: who may call
// what, closing a day (and its crash safety), notices, photos, zone import, scans and the audit log.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { ROLES, type MediaStorage, type Role } from './types'
import { dispatch } from './dispatch'
import { functions } from '.'
import { consoleFn, ConsoleErrors, CONSOLE_ROLES } from './console'
import { aacFile, m4aFile, mp3File, wavFile } from '../testing/audio-files'
import { companyToRow, policyToRow } from '../zone/import'
import { cancelBookingsOfClosedDay, closeDay } from '../ops/close-day'
import { bj, bookPeople, caller, personName, residentId } from '../testing/booking'
import { contextFor, tempSqliteStore } from '../testing/stores'
import type { Store } from '../store/port'
import { statusFor } from '../runtime/http-status'
import { changeLines, describeAudit } from '../contracts/audit-view'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0
/** Names must be letters: 观众 + two characters from the serial. */
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

/** Where console uploads (photos, recordings) land in each test: the runtime's /uploads folder. */
let mediaDir: string
const media = (): MediaStorage => ({
  async save(name, data) {
    fs.mkdirSync(path.dirname(path.join(mediaDir, name)), { recursive: true })
    fs.writeFileSync(path.join(mediaDir, name), data)
    return `/uploads/${name}`
  },
})
beforeEach(() => (mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-media-'))))
afterEach(() => fs.rmSync(mediaDir, { recursive: true, force: true }))

const NOW = bj('2026-11-26 10:00') // Thursday
const FRI = '2026-11-27'
const SAT = '2026-11-28'

/** Console calls as a role; `media` writes into a temp folder. */
async function asRole(role: Role, action: string, req: object, media?: MediaStorage) {
  return dispatch(functions.console, { action, ...req }, { ...contextFor(env.store, { openid: `op-${role}`, role, now: NOW }), media })
}

const bookFor = (openid: string, sessionId: string, people = 1) => bookPeople(call, { openid, now: NOW }, sessionId, people, () => ++seq)

async function left(sessionId: string): Promise<number> {
  const res = await call('booking', 'calendar', {}, { openid: null, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  for (const d of res.data.days) for (const s of d.sessions) if (s.id === sessionId) return s.left
  throw new Error(`no session ${sessionId}`)
}

// ----- who may do what -----

/** A valid-enough request for every action, so that the role check is what decides. */
const SAMPLE: Record<string, object> = {
  exhibits: {},
  saveExhibit: { code: 'helmet', name: '头盔', hallId: 'x', summary: '介绍', figures: [], company: { name: '企业' }, imageAlt: '图', published: true },
  uploadPhoto: { code: 'helmet', data: '', alt: '图' },
  uploadTicket: { purpose: 'photo', fileName: 'a.jpg', size: 1 },
  codeSheet: {},
  halls: {},
  uploadAudio: { code: 'helmet', lang: 'zh', data: '' },
  regenerateAudio: { code: 'helmet', lang: 'zh' },
  decideAudio: { code: 'helmet', lang: 'zh', decision: 'keep' },
  saveHall: { id: 'none', name: '展区', order: 1 },
  notices: {},
  saveNotice: { title: 't', body: 'b', priority: 1, validFrom: '2026-11-26T00:00:00Z', validTo: '2026-11-25T00:00:00Z', published: false },
  removeNotice: { id: 'none' },
  closures: {},
  closeDay: { day: '2020-01-01', reason: '测试' },
  closureImpact: { from: FRI, to: FRI },
  closeDays: { from: '2020-01-01', to: '2020-01-02', reason: '测试' },
  reopenDay: { day: '2020-01-01' },
  reopenSession: { sessionId: '2020-01-01.am' },
  bookingConfig: {},
  saveSessionTemplates: { weekday: 'default', sessions: null },
  setCapacity: { sessionId: '2020-01-01.am', capacity: 1 },
  closeSession: { sessionId: '2020-01-01.am', reason: '测试' },
  saveHolidays: { holidays: [{ name: '测试', from: '2027-01-02', to: '2027-01-01' }] },
  roster: { day: FRI },
  rosterXlsx: { day: FRI },
  cancelBooking: { bookingId: 'none', reason: '测试' },
  previewImport: { fileName: 'x.csv', data: '' },
  importZone: { fileName: 'x.csv', data: '', mode: 'merge', baseline: 'none' },
  exportZone: { kind: 'companies' },
  zoneTemplate: { kind: 'policies' },
  zoneData: {},
  saveCompany: { row: {}, isNew: true },
  removeCompany: { id: 'none', rev: 0 },
  savePolicy: { row: {}, isNew: true },
  removePolicy: { id: 'none', rev: 0 },
  testRules: { rules: [], profile: { inZone: true, qualifications: [], talent: [], financingNeed: false } },
  saveChart: { chart: { id: 'none' } },
  dashboard: {},
  audit: {},
  auditXlsx: {},
  holds: { from: FRI },
  holdPlaces: { sessionId: `${FRI}.am`, places: 1, name: '团体' },
  releaseHold: { holdId: 'hold-000000' },
  closureNotices: { day: FRI },
  dayReport: { from: FRI },
  qrSheet: { codes: ['helmet'] },
  transferRequests: {},
  setRequestStatus: { id: 'tr-aaaaaaaaaaaaaaaa', rev: 0, status: 'accepted' },
  transferNeeds: {},
  reviewNeed: { id: 'demo-need-door', rev: 0, decision: 'publish' },
  transferLists: {},
  savePlatform: { platform: { id: 'pilot-base', kind: '孵化平台', name: '某孵化器', counts: [], offers: ['工位'], howToApply: '提交入驻申请', source: 'document' }, isNew: true },
  removePlatform: { id: 'no-such', rev: 0 },
  saveResult: { result: { id: 'no-such', title: '某成果', field: '新材料', kind: '发明专利', trl: 5, owner: '某研究所', coOwners: [], ip: [], indicators: [], modes: ['许可'], priceMode: '面议', summary: '一句话', keywords: [], policyIds: [], source: 'document' }, isNew: false, rev: 0 },
  removeResult: { id: 'no-such', rev: 0 },
  waitlist: { day: '2026-11-27' },
  groupRequests: { day: '2026-11-27' },
  approveGroup: { requestId: 'AAAAAAAAAAAAAAAA' },
  rejectGroup: { requestId: 'AAAAAAAAAAAAAAAA', reason: '名额调整' },
  cancelGroup: { requestId: 'AAAAAAAAAAAAAAAA', reason: '展厅检修' },
  groupRoster: { requestId: 'AAAAAAAAAAAAAAAA' },
  // The defaults: allowed calls save what is already in force.
  saveGroupRules: { minPeople: 10, maxPeople: 150, pupilsPerTeacher: 20, quotaPerSession: 150 },
  walkIn: {},
  saveWalkIn: { releaseAfterMinutes: 0, to: 'waitlist' },
}

const ALLOWED: Record<string, readonly Role[]> = {
  exhibits: CONSOLE_ROLES.content,
  saveExhibit: CONSOLE_ROLES.content,
  uploadPhoto: CONSOLE_ROLES.content,
  /** Photos and recordings for content editors, sheets for zone editors (refused per purpose inside). */
  uploadTicket: [...CONSOLE_ROLES.content, ...CONSOLE_ROLES.zone],
  codeSheet: CONSOLE_ROLES.content,
  halls: CONSOLE_ROLES.content,
  uploadAudio: CONSOLE_ROLES.content,
  regenerateAudio: CONSOLE_ROLES.content,
  decideAudio: CONSOLE_ROLES.content,
  saveHall: CONSOLE_ROLES.content,
  notices: CONSOLE_ROLES.content,
  saveNotice: CONSOLE_ROLES.content,
  removeNotice: CONSOLE_ROLES.content,
  closures: ['booking_operator'],
  closeDay: ['booking_operator'],
  closureImpact: ['booking_operator'],
  closeDays: ['booking_operator'],
  reopenDay: ['booking_operator'],
  reopenSession: ['booking_operator'],
  bookingConfig: ['booking_operator'],
  saveSessionTemplates: ['booking_operator'],
  setCapacity: ['booking_operator'],
  closeSession: ['booking_operator'],
  saveHolidays: ['booking_operator'],
  roster: ['booking_operator'],
  rosterXlsx: ['booking_operator'],
  cancelBooking: ['booking_operator'],
  previewImport: ['zone_editor'],
  importZone: ['zone_editor'],
  exportZone: ['zone_editor'],
  zoneTemplate: ['zone_editor'],
  zoneData: ['zone_editor'],
  saveCompany: ['zone_editor'],
  removeCompany: ['zone_editor'],
  savePolicy: ['zone_editor'],
  removePolicy: ['zone_editor'],
  testRules: ['zone_editor'],
  saveChart: ['zone_editor'],
  dashboard: ['content_editor', 'booking_operator', 'zone_editor'],
  audit: [],
  auditXlsx: [],
  holds: ['booking_operator'],
  holdPlaces: ['booking_operator'],
  releaseHold: ['booking_operator'],
  closureNotices: ['booking_operator'],
  dayReport: ['booking_operator'],
  qrSheet: ['content_editor'],
  transferRequests: CONSOLE_ROLES.transfer,
  setRequestStatus: CONSOLE_ROLES.transfer,
  transferNeeds: CONSOLE_ROLES.transfer,
  reviewNeed: CONSOLE_ROLES.transfer,
  transferLists: CONSOLE_ROLES.transfer,
  savePlatform: CONSOLE_ROLES.transfer,
  removePlatform: CONSOLE_ROLES.transfer,
  saveResult: CONSOLE_ROLES.transfer,
  removeResult: CONSOLE_ROLES.transfer,
  waitlist: ['booking_operator'],
  groupRequests: CONSOLE_ROLES.booking,
  approveGroup: CONSOLE_ROLES.booking,
  rejectGroup: CONSOLE_ROLES.booking,
  cancelGroup: CONSOLE_ROLES.booking,
  groupRoster: CONSOLE_ROLES.booking,
  saveGroupRules: CONSOLE_ROLES.booking,
  walkIn: CONSOLE_ROLES.booking,
  saveWalkIn: CONSOLE_ROLES.booking,
}

describe('authorization: every console action × every role', () => {
  it('the table covers every action the console function has', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(consoleFn.actions).sort())
  })
  const cases = Object.keys(ALLOWED).flatMap((action) => ROLES.map((role) => [action, role] as const))
  it.each(cases)('%s as %s', async (action, role) => {
    const res = await asRole(role, action, SAMPLE[action])
    const allowed = role === 'admin' || ALLOWED[action].includes(role)
    if (allowed) expect(res.ok || res.error.code !== 'FORBIDDEN').toBe(true)
    else expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
  it('refuses every console action without a signed-in identity', async () => {
    for (const action of Object.keys(ALLOWED)) {
      const res = await dispatch(functions.console, { action, ...SAMPLE[action] }, contextFor(env.store, { openid: null, now: NOW }))
      expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })
})

// ----- closing a day -----

describe('closing a day', () => {
  it('cancels every booking of that day with the reason, gives back places and IDs, queues one message each; other days untouched', async () => {
    const a = await bookFor('alice', `${FRI}.am`, 2)
    const b = await bookFor('bob', `${FRI}.pm`, 1)
    const other = await bookFor('carol', `${SAT}.am`, 1)
    expect(await left(`${FRI}.am`)).toBe(298)

    const res = await asRole('booking_operator', 'closeDay', { day: FRI, reason: '台风预警' })
    expect(res).toMatchObject({ ok: true, data: { day: FRI, cancelled: 2, released: 2, total: 2 } })

    expect(await left(`${FRI}.am`)).toBe(300)
    expect(await left(`${FRI}.pm`)).toBe(300)
    expect(await left(`${SAT}.am`)).toBe(299)
    const mine = await call('booking', 'mine', {}, { openid: 'alice', now: NOW })
    expect(mine.ok && mine.data.bookings.find((x: any) => x.id === a)).toMatchObject({ status: 'cancelled', cancelReason: '台风预警' })
    expect((await env.store.booking.getBooking(other))?.status).toBe('confirmed')
    const messages = await env.store.outbox.pending(100)
    expect(messages.filter((m) => m.kind === 'closure-notice').map((m) => m.touser).sort()).toEqual(['alice', 'bob'])
    // subscribeMessage's `time` field is documented with the year (e.g. 2019年10月1日 15:01): without it the send is refused.
    for (const m of messages.filter((x) => x.kind === 'closure-notice')) {
      expect((m.data as Record<string, { value: string }>).time2.value).toMatch(new RegExp(`^${FRI.slice(0, 4)}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}$`))
    }
    void b
    // The calendar now shows the day closed with the reason, and booking it is refused.
    const cal = await call('booking', 'calendar', {}, { openid: null, now: NOW })
    expect(cal.ok && cal.data.days.find((d: any) => d.date === FRI)).toMatchObject({ status: 'closed', closedReason: '台风预警' })

    // The same ID numbers can book another day (their claims for FRI are gone, SAT untouched).
    // Run again: nothing more happens.
    const again = await asRole('booking_operator', 'closeDay', { day: FRI, reason: '台风预警' })
    expect(again).toMatchObject({ ok: true, data: { cancelled: 0, released: 0, total: 2 } })
    expect(await left(`${FRI}.am`)).toBe(300)
    expect((await env.store.outbox.pending(100)).filter((m) => m.kind === 'closure-notice')).toHaveLength(2)
  })

  it('is crash-safe: killed at any store step and run again, every booking is cancelled once and no place is given back twice', async () => {
    // Count the steps of a clean run, then crash a fresh copy at each step in turn.
    const setup = async (store: Store) => {
      const c = caller(store)
      const ids: string[] = []
      for (const [who, session, n] of [['p1', `${FRI}.am`, 2], ['p2', `${FRI}.am`, 1], ['p3', `${FRI}.pm`, 3], ['p4', `${SAT}.am`, 1]] as const) {
        ids.push(await bookPeople(c, { openid: who, now: NOW }, session, n, () => ++seq))
      }
      return ids
    }
    /** A store whose writing steps throw after `budget` of them (a process killed mid-job). */
    const crashing = (store: Store, budget: number) => {
      let steps = 0
      const step = () => {
        if (++steps > budget) throw new Error('killed')
      }
      const wrap = <T extends object>(obj: T, names: string[]): T =>
        new Proxy(obj, {
          get(target, key) {
            const v = (target as any)[key]
            if (typeof v !== 'function') return v
            return names.includes(String(key)) ? async (...args: unknown[]) => (step(), v.apply(target, args)) : v.bind(target)
          },
        })
      return {
        ...store,
        booking: wrap(store.booking, ['transition', 'releasePlaces', 'releaseIds']),
        ops: wrap(store.ops, ['markOnce']),
        outbox: wrap(store.outbox, ['enqueue']),
        steps: () => steps,
      }
    }
    const released: string[] = []
    let totalSteps = 0
    {
      const probe = crashing(env.store, Infinity)
      await setup(env.store)
      await closeDay(probe, FRI, '设备检修', NOW)
      totalSteps = probe.steps()
      expect(totalSteps).toBe(3 * 5) // per booking: transition, markOnce, releasePlaces, releaseIds, enqueue
    }
    for (let budget = 0; budget < totalSteps; budget++) {
      const fresh = await tempSqliteStore()
      try {
        const ids = await setup(fresh.store)
        const order = await fresh.store.booking.listOnDay(FRI)
        const broken = crashing(fresh.store, budget)
        await expect(cancelBookingsOfClosedDay(broken, FRI, '设备检修', NOW)).rejects.toThrow('killed')
        // Count the give-backs of the rerun by spying on the real store.
        const calls: string[] = []
        const spy = { ...fresh.store, booking: new Proxy(fresh.store.booking, { get: (t, k) => (k === 'releasePlaces' ? async (s: string, n: number) => (calls.push(s), t.releasePlaces(s, n)) : (t as any)[k].bind(t)) }) }
        await closeDay(spy, FRI, '设备检修', NOW)
        const records = await Promise.all(ids.map((id) => fresh.store.booking.getBooking(id)))
        expect(records.slice(0, 3).map((r) => r?.status)).toEqual(['cancelled', 'cancelled', 'cancelled'])
        expect(records[3]?.status).toBe('confirmed')
        const booked = await fresh.store.booking.placesBooked([`${FRI}.am`, `${FRI}.pm`, `${SAT}.am`])
        // A crash exactly between the once-marker and its release keeps that booking's places taken
        // (the accepted window, never a double give-back): booked is the places of such a booking or 0.
        const stuck = budget % 5 === 2 ? order[Math.floor(budget / 5)].places : 0
        expect((booked[`${FRI}.am`] ?? 0) + (booked[`${FRI}.pm`] ?? 0)).toBe(stuck)
        expect(booked[`${SAT}.am`]).toBe(1)
        expect((await fresh.store.outbox.pending(100)).filter((m) => m.kind === 'closure-notice')).toHaveLength(3)
        released.push(`${budget}:${calls.length}`)
      } finally {
        await fresh.cleanup()
      }
    }
    expect(released).toHaveLength(totalSteps)
  })

  it('refuses a day already past', async () => {
    expect(await asRole('booking_operator', 'closeDay', { day: '2026-11-25', reason: '台风' })).toMatchObject({ ok: false, error: { code: 'DAY_PAST', message: '不能关闭已经过去的日期' } })
    expect((await call('booking', 'calendar', {}, { openid: null, now: NOW })).ok).toBe(true)
  })

  it('needs a reason, and answers in Chinese when it is missing', async () => {
    const res = await asRole('booking_operator', 'closeDay', { day: FRI, reason: ' ' })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { reason: '请填写闭馆原因（将告知已预约的观众）' } } })
  })
})

// ----- roster -----

describe('the day roster', () => {
  it('lists names, masked IDs and status, and exports the same rows to .xlsx', async () => {
    await bookFor('alice', `${FRI}.am`, 2)
    const res = await asRole('booking_operator', 'roster', { day: FRI })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const rows = (res.data as any).rows
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ sessionName: '上午场', statusText: '待参观', idType: '居民身份证' })
    expect(rows[0].idMasked).toMatch(/\*/)
    expect(JSON.stringify(rows)).not.toContain(residentId(seq))
    const file = await asRole('booking_operator', 'rosterXlsx', { day: FRI })
    expect(file.ok).toBe(true)
    if (!file.ok) return
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from((file.data as any).data, 'base64') as any)
    const sheet = wb.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe('日期')
    expect(sheet.getRow(1).getCell(4).value).toBe('姓名')
    expect(sheet.rowCount).toBe(3)
    expect(sheet.getRow(2).getCell(1).value).toBe(FRI)
    expect(sheet.getRow(2).getCell(6).value).toBe(rows[0].idMasked)
    expect(sheet.getRow(2).getCell(8).value).toBe(`${rows[0].shortCode.slice(0, 4)} ${rows[0].shortCode.slice(4)}`)
  })
})

describe('finding and cancelling one booking from the roster', () => {
  it('shows the date and short code, finds by name or code, cancels one booking with a reason the visitor sees, once', async () => {
    const id = await bookFor('dora', `${FRI}.pm`, 2)
    const other = await bookFor('ed', `${FRI}.pm`, 1)
    const before = await left(`${FRI}.pm`)
    const all = ((await asRole('booking_operator', 'roster', { day: FRI })) as any).data.rows
    const row = all.find((r: any) => r.bookingId === id)
    expect(row).toMatchObject({ day: FRI, shortCode: expect.stringMatching(/^[2-9A-Z]{8}$/) })
    // The visitor reads the same code from their ticket.
    const ticket = (await call('booking', 'get', { bookingId: id }, { openid: 'dora', now: NOW })) as any
    expect(ticket.data.booking.shortCode).toBe(row.shortCode)
    const byCode = ((await asRole('booking_operator', 'roster', { day: FRI, q: `${row.shortCode.slice(0, 4).toLowerCase()} ${row.shortCode.slice(4)}` })) as any).data.rows
    expect(byCode.map((r: any) => r.bookingId)).toEqual([id, id])
    const byName = ((await asRole('booking_operator', 'roster', { day: FRI, q: row.name })) as any).data.rows
    expect(byName.map((r: any) => r.name)).toEqual([row.name])

    expect(await asRole('booking_operator', 'cancelBooking', { bookingId: id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { reason: expect.any(String) } } })
    expect(await left(`${FRI}.pm`)).toBe(before)
    const done = await asRole('booking_operator', 'cancelBooking', { bookingId: id, reason: '团队包场，请改约其他场次' })
    expect(done).toMatchObject({ ok: true, data: { bookingId: id, status: 'cancelled' } })
    // The places come back; the visitor sees why; the other booking stands.
    expect(await left(`${FRI}.pm`)).toBe(before + 2)
    const mine = (await call('booking', 'mine', {}, { openid: 'dora', now: NOW })) as any
    expect(mine.data.bookings.find((b: any) => b.id === id)).toMatchObject({ status: 'cancelled', cancelReason: '团队包场，请改约其他场次' })
    expect((await env.store.booking.getBooking(other))?.status).toBe('confirmed')
    // A second click changes nothing and says why.
    expect(await asRole('booking_operator', 'cancelBooking', { bookingId: id, reason: '团队包场' })).toMatchObject({ ok: false, error: { code: 'NOT_CANCELLABLE', message: expect.stringContaining('已取消') } })
    expect(await left(`${FRI}.pm`)).toBe(before + 2)
    expect(await asRole('booking_operator', 'cancelBooking', { bookingId: 'no-such-booking', reason: '测试' })).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    // The roster now shows it cancelled with the reason; the audit names who and why.
    const after = ((await asRole('booking_operator', 'roster', { day: FRI, q: row.shortCode })) as any).data.rows
    expect(after[0]).toMatchObject({ statusText: '已取消', cancelReason: '团队包场，请改约其他场次' })
    const audit = (await asRole('admin', 'audit', { operation: 'console.cancelBooking' })) as any
    expect(audit.data.entries).toHaveLength(1)
    expect(audit.data.entries[0]).toMatchObject({ account: 'op-booking_operator', target: id, after: { status: 'cancelled', reason: '团队包场，请改约其他场次' } })
    expect(JSON.stringify(audit.data.entries)).not.toMatch(/idHash|\d{17}[\dX]/)
  })

  it('gives the places back once when the museum and the visitor cancel the same booking at the same moment', async () => {
    const id = await bookFor('fay', `${SAT}.pm`, 3)
    const before = await left(`${SAT}.pm`)
    const results = await Promise.all([
      asRole('booking_operator', 'cancelBooking', { bookingId: id, reason: '设备检修' }),
      asRole('booking_operator', 'cancelBooking', { bookingId: id, reason: '设备检修' }),
      call('booking', 'cancel', { bookingId: id }, { openid: 'fay', now: NOW }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await left(`${SAT}.pm`)).toBe(before + 3)
  })
})

// ----- notices -----

describe('notices', () => {
  it('shows only published notices inside their window to anyone, highest priority first', async () => {
    const save = (title: string, priority: number, from: string, to: string, published = true) =>
      asRole('content_editor', 'saveNotice', { title, body: `${title}内容`, priority, validFrom: from, validTo: to, published })
    await save('低', 10, '2026-11-25T00:00:00Z', '2026-11-30T00:00:00Z')
    await save('高', 90, '2026-11-25T00:00:00Z', '2026-11-30T00:00:00Z')
    await save('过期', 99, '2026-11-01T00:00:00Z', '2026-11-20T00:00:00Z')
    await save('未开始', 99, '2026-11-27T00:00:00Z', '2026-11-30T00:00:00Z')
    await save('草稿', 99, '2026-11-25T00:00:00Z', '2026-11-30T00:00:00Z', false)
    const res = await dispatch(functions.notices, { action: 'active' }, contextFor(env.store, { openid: null, now: NOW }))
    expect(res.ok && (res.data as any).notices.map((n: any) => n.title)).toEqual(['高', '低'])
  })
  it('refuses a window that ends before it starts, and saves nothing', async () => {
    const res = await asRole('content_editor', 'saveNotice', SAMPLE.saveNotice)
    expect(res).toMatchObject({ ok: false, error: { code: 'NOTICE_WINDOW', message: '结束时间须晚于开始时间' } })
    expect(await env.store.ops.listNotices()).toEqual([])
  })
})

// ----- exhibits and photos -----

describe('exhibit edits and photos', () => {

  it('edits the texts the visitor page shows, and unpublishing hides the exhibit', async () => {
    const before = (await env.store.content.getExhibit('helmet'))!
    const edit = { code: 'helmet', name: '冬奥头盔', hallId: before.hallId, summary: '新的介绍文字', figures: [{ label: '重量', value: '约700克' }], company: before.company, imageAlt: before.imageAlt, published: true }
    expect(await asRole('content_editor', 'saveExhibit', edit)).toMatchObject({ ok: true })
    const seen = await call('exhibits', 'get', { code: 'helmet' }, { openid: null, now: NOW })
    expect(seen.ok && seen.data.exhibit).toMatchObject({ name: '冬奥头盔', summary: '新的介绍文字' })
    await asRole('content_editor', 'saveExhibit', { ...edit, published: false })
    expect(await call('exhibits', 'get', { code: 'helmet' }, { openid: null, now: NOW })).toMatchObject({ ok: false, error: { code: 'EXHIBIT_NOT_FOUND' } })
    const list = await call('exhibits', 'list', {}, { openid: null, now: NOW })
    expect(list.ok && list.data.halls.flatMap((h: any) => h.exhibits.map((e: any) => e.code))).not.toContain('helmet')
  })

  it('resizes an uploaded photo into 1280 and 640 px JPEGs, sets the alt text, and the exhibit shows it', async () => {
    const png = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3366cc' } }).png().toBuffer()
    const res = await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: png.toString('base64'), alt: '冬奥头盔正面照' }, media())
    expect(res.ok).toBe(true)
    const exhibit = (await env.store.content.getExhibit('helmet'))!
    expect(exhibit).toMatchObject({ imageAlt: '冬奥头盔正面照' })
    expect(exhibit.image).toMatch(/^\/uploads\/exhibits\/helmet-[0-9a-f]{12}-1280\.jpg$/)
    const big = await sharp(path.join(mediaDir, exhibit.image.replace('/uploads/', ''))).metadata()
    const small = await sharp(path.join(mediaDir, exhibit.imageSmall!.replace('/uploads/', ''))).metadata()
    expect([big.format, big.width, big.height]).toEqual(['jpeg', 1280, 960])
    expect([small.format, small.width]).toEqual(['jpeg', 640])
  })

  it('refuses a file that is not a picture, a picture without alt text, and a photo over 8 MB; nothing changes', async () => {
    const before = await env.store.content.getExhibit('helmet')
    const text = Buffer.from('not a picture at all').toString('base64')
    expect(await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: text, alt: '说明' }, media())).toMatchObject({ ok: false, error: { code: 'PHOTO_UNREADABLE' } })
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').toString('base64')
    expect(await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: svg, alt: '说明' }, media())).toMatchObject({ ok: false, error: { code: 'PHOTO_TYPE' } })
    const png = (await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer()).toString('base64')
    expect(await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: png, alt: '  ' }, media())).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { alt: expect.any(String) } } })
    const huge = Buffer.alloc(8 * 1024 * 1024 + 1).toString('base64')
    expect(await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: huge, alt: '说明' }, media())).toMatchObject({ ok: false, error: { code: 'PHOTO_TOO_LARGE' } })
    expect(await env.store.content.getExhibit('helmet')).toEqual(before)
    expect(fs.readdirSync(mediaDir)).toEqual([])
  })

  it('refuses a truncated JPEG (its header reads, its pixels do not) as unreadable, with a 4xx status; nothing changes', async () => {
    const before = await env.store.content.getExhibit('helmet')
    const noise = Buffer.alloc(400 * 300 * 3, 0).map((_, i) => (i * 7919) % 251)
    const jpeg = await sharp(noise, { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer()
    const truncated = jpeg.subarray(0, jpeg.length >> 1)
    const res = await asRole('content_editor', 'uploadPhoto', { code: 'helmet', data: truncated.toString('base64'), alt: '说明' }, media())
    expect(res).toEqual({ ok: false, error: { code: 'PHOTO_UNREADABLE', message: '无法读取这张图片，文件可能已损坏' } })
    expect(statusFor(res)).toBe(422)
    expect(await env.store.content.getExhibit('helmet')).toEqual(before)
    expect(fs.readdirSync(mediaDir)).toEqual([])
  })
})

describe('audio guides', () => {
  const upload = (req: object) => asRole('content_editor', 'uploadAudio', req, media())
  const visitorSees = async (code: string) => ((await call('exhibits', 'get', { code }, { openid: null, now: NOW })) as any).data.exhibit

  it('takes an MP3 recording for one language: stored under its digest, the visitor’s exhibit plays it, the other language keeps its own', async () => {
    const before = (await env.store.content.getExhibit('vanadium'))!
    const mp3 = mp3File()
    const res = (await upload({ code: 'vanadium', lang: 'zh', data: mp3.toString('base64'), voice: '讲解员小林录制' })) as any
    expect(res).toMatchObject({ ok: true, data: { source: 'upload', track: { url: expect.stringMatching(/^\/uploads\/audio\/vanadium\.zh\.[0-9a-f]{12}\.mp3$/), voice: '讲解员小林录制', recorded: true } } })
    expect(res.data.track.seconds).toBeGreaterThan(1)
    expect(fs.readFileSync(path.join(mediaDir, res.data.track.url.replace('/uploads/', '')))).toEqual(mp3)
    const seen = await visitorSees('vanadium')
    expect(seen.audio.zh).toEqual(res.data.track)
    expect(seen.audio.en).toEqual(before.audio?.en)
    const [entry] = await env.store.ops.listAudit({ operation: 'console.uploadAudio' })
    expect(entry).toMatchObject({ target: 'vanadium.zh', before: before.audio?.zh, after: { url: res.data.track.url, source: 'upload' } })
  })

  it('reads the type from the bytes: M4A and AAC are taken with their length; WAV, a picture named .mp3, an oversized file are refused and nothing is stored', async () => {
    const m4a = (await upload({ code: 'helmet', lang: 'zh', data: m4aFile(12).toString('base64') })) as any
    expect(m4a).toMatchObject({ ok: true, data: { track: { url: expect.stringMatching(/\.m4a$/), seconds: 12, voice: '馆方录音' } } })
    const aac = (await upload({ code: 'helmet', lang: 'zh', data: aacFile(400).toString('base64') })) as any
    expect(aac).toMatchObject({ ok: true, data: { track: { url: expect.stringMatching(/\.aac$/) } } })
    expect(aac.data.track.seconds).toBeGreaterThan(8)
    const stored = fs.readdirSync(path.join(mediaDir, 'audio')).sort()

    const photo = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).jpeg().toBuffer()
    const refusals = [
      [wavFile(3), 'AUDIO_TYPE'],
      [photo, 'AUDIO_TYPE'],
      [Buffer.from('这不是录音'), 'AUDIO_TYPE'],
      [Buffer.concat([mp3File(), Buffer.alloc(8 * 1024 * 1024)]), 'AUDIO_TOO_LARGE'],
    ] as const
    for (const [bytes, code] of refusals) {
      expect(await upload({ code: 'helmet', lang: 'zh', data: bytes.toString('base64') })).toMatchObject({ ok: false, error: { code, message: ConsoleErrors[code] } })
    }
    expect(fs.readdirSync(path.join(mediaDir, 'audio')).sort()).toEqual(stored)
    expect((await visitorSees('helmet')).audio.zh.url).toBe(aac.data.track.url)
  })

  it('refuses English audio for an exhibit without English text, and any upload where no media storage is configured', async () => {
    const helmet = (await env.store.content.getExhibit('helmet'))!
    // The operator clears the English texts.
    await asRole('content_editor', 'saveExhibit', { code: 'helmet', name: helmet.name, nameEn: '', hallId: helmet.hallId, summary: helmet.summary, summaryEn: '', figures: helmet.figures, company: helmet.company, imageAlt: helmet.imageAlt, published: true })
    expect(await upload({ code: 'helmet', lang: 'en', data: mp3File().toString('base64') })).toMatchObject({ ok: false, error: { code: 'AUDIO_NO_ENGLISH' } })
    expect(await asRole('content_editor', 'uploadAudio', { code: 'helmet', lang: 'zh', data: mp3File().toString('base64') })).toMatchObject({ ok: false, error: { code: 'MEDIA_UNAVAILABLE' } })
  })

  it('regenerates from the text: the prepared recording while it matches, else the synthesiser speaks the new text; without one the console is told to upload', async () => {
    const seed = (await env.store.content.getExhibit('helmet'))!
    expect(seed.audio?.zh?.url).toMatch(/^\/media\/audio\//)
    // An upload, then 重新生成: the text is unchanged, so the prepared recording comes back.
    await upload({ code: 'helmet', lang: 'zh', data: m4aFile(5).toString('base64') })
    expect(await asRole('content_editor', 'regenerateAudio', { code: 'helmet', lang: 'zh' })).toMatchObject({ ok: true, data: { source: 'prepared', track: seed.audio!.zh } })

    // The operator rewrites the text: the old recording stays, marked stale, and nothing prepared matches.
    const edit = { code: 'helmet', name: seed.name, nameEn: seed.nameEn, hallId: seed.hallId, summary: '运营改写的介绍：轻量化头盔。', summaryEn: seed.summaryEn, figures: seed.figures, company: seed.company, imageAlt: seed.imageAlt, published: true }
    await asRole('content_editor', 'saveExhibit', edit)
    expect((await visitorSees('helmet')).audio.zh).toEqual({ ...seed.audio!.zh, stale: true })
    expect(await asRole('content_editor', 'regenerateAudio', { code: 'helmet', lang: 'zh' }, media())).toMatchObject({ ok: false, error: { code: 'AUDIO_GENERATOR_UNAVAILABLE' } })

    // With a synthesiser (a stand-in for espeak-ng here: it returns a real MP3 and records what it was asked to say).
    const spoken: string[] = []
    const speech = { available: () => true, synthesise: async (text: string) => (spoken.push(text), { mp3: mp3File(), seconds: 9.5, voice: 'espeak-ng cmn' }) }
    const res = (await dispatch(functions.console, { action: 'regenerateAudio', code: 'helmet', lang: 'zh' }, { ...contextFor(env.store, { openid: 'op-content_editor', role: 'content_editor', now: NOW }), media: media(), speech })) as any
    expect(res).toMatchObject({ ok: true, data: { source: 'synthesised', track: { url: expect.stringMatching(/^\/uploads\/audio\/helmet\.zh\.[0-9a-f]{12}\.mp3$/), seconds: 9.5, voice: 'espeak-ng cmn' } } })
    expect(spoken).toEqual([`${seed.name}。运营改写的介绍：轻量化头盔。`])
    expect((await visitorSees('helmet')).audio.zh).toEqual(res.data.track)
  })
})

describe('halls', () => {
  it('renames a hall: the visitor hall list and every exhibit page in it follow; the change is audited', async () => {
    const [first] = await env.store.content.listHalls()
    const inside = (await env.store.content.listExhibits()).filter((e) => e.hallId === first.id)
    expect(inside.length).toBeGreaterThan(0)
    const res = await asRole('content_editor', 'saveHall', { id: first.id, name: '新材料与结构展区', nameEn: 'New Materials Hall', floor: '2F', intro: '运营改写的展区介绍。', order: 1 })
    expect(res).toMatchObject({ ok: true, data: { hall: { id: first.id, name: '新材料与结构展区', floor: '2F', plan: first.plan }, order: 1 } })

    const list = (await call('exhibits', 'list', {}, { openid: null, now: NOW })) as any
    expect(list.data.halls[0]).toMatchObject({ id: first.id, name: '新材料与结构展区', nameEn: 'New Materials Hall', intro: '运营改写的展区介绍。' })
    const page = (await call('exhibits', 'get', { code: inside[0].code }, { openid: null, now: NOW })) as any
    expect(page.data.exhibit).toMatchObject({ hall: '新材料与结构展区', hallEn: 'New Materials Hall', floor: '2F' })

    const [entry] = await env.store.ops.listAudit({ operation: 'console.saveHall' })
    expect(entry).toMatchObject({ account: 'op-content_editor', target: first.id, before: { name: first.name, order: 1 }, after: { name: '新材料与结构展区', order: 1 } })
  })

  it('creates a hall at a position, moves halls, lets exhibits pick it, and refuses a taken id or an unknown hall', async () => {
    const before = await env.store.content.listHalls()
    expect(await asRole('content_editor', 'saveHall', { id: 'future', name: '未来展区', floor: '3F', order: 2, isNew: true })).toMatchObject({ ok: true, data: { order: 2 } })
    expect((await env.store.content.listHalls()).map((h) => h.id)).toEqual([before[0].id, 'future', ...before.slice(1).map((h) => h.id)])
    expect(await asRole('content_editor', 'saveHall', { id: 'future', name: '重名', order: 1, isNew: true })).toMatchObject({ ok: false, error: { code: 'HALL_ID_TAKEN', fields: { id: '这个展区编号已被使用，请换一个' } } })
    expect(await asRole('content_editor', 'saveHall', { id: 'nowhere', name: '没有', order: 1 })).toMatchObject({ ok: false, error: { code: 'HALL_NOT_FOUND' } })
    expect(await asRole('content_editor', 'saveHall', { id: 'Bad Id', name: '', order: 0, isNew: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { id: expect.any(String), name: '请填写展区名称', order: '排序从 1 开始' } } })
    // Past the end goes last.
    expect(await asRole('content_editor', 'saveHall', { id: 'future', name: '未来展区', floor: '3F', order: 99 })).toMatchObject({ ok: true, data: { order: before.length + 1 } })
    expect((await env.store.content.listHalls()).map((h) => h.id).at(-1)).toBe('future')

    const listed = (await asRole('content_editor', 'halls', {})) as any
    expect(listed.data.halls.find((h: any) => h.id === 'future')).toMatchObject({ name: '未来展区', exhibitCount: 0 })
    const helmet = (await env.store.content.getExhibit('helmet'))!
    const moved = await asRole('content_editor', 'saveExhibit', { code: 'helmet', name: helmet.name, hallId: 'future', summary: helmet.summary, figures: helmet.figures, company: helmet.company, imageAlt: helmet.imageAlt, published: true })
    expect(moved).toMatchObject({ ok: true, data: { exhibit: { hallId: 'future', hall: '未来展区', floor: '3F' } } })
    expect(((await asRole('content_editor', 'halls', {})) as any).data.halls.find((h: any) => h.id === 'future').exhibitCount).toBe(1)
  })
})

describe('new exhibits, floor-plan positions and the code sheet', () => {
  const draft = { code: 'robotarm', name: '协作机械臂', hallId: '', summary: '六轴协作机械臂，可与人同场工作。', figures: [], company: { name: '示例企业' }, imageAlt: '协作机械臂', published: false, isNew: true }

  it('creates an exhibit under a new code (unpublished until it has a photo), places it on the plan, and refuses a taken code', async () => {
    const halls = await env.store.content.listHalls()
    const hall = halls[1]
    const req = { ...draft, hallId: hall.id, plan: { x: 40, y: 55 } }
    expect(await asRole('content_editor', 'saveExhibit', { ...req, published: true })).toMatchObject({ ok: false, error: { code: 'EXHIBIT_NO_PHOTO' } })
    expect(await env.store.content.getExhibit('robotarm')).toBeNull()
    const created = await asRole('content_editor', 'saveExhibit', req)
    expect(created).toMatchObject({ ok: true, data: { exhibit: { code: 'robotarm', hallId: hall.id, hall: hall.name, plan: { x: 40, y: 55 }, unpublished: true } } })
    expect(await asRole('content_editor', 'saveExhibit', req)).toMatchObject({ ok: false, error: { code: 'EXHIBIT_CODE_TAKEN' } })
    // Unpublished: visitors do not find it yet.
    expect(await call('exhibits', 'get', { code: 'robotarm' }, { openid: null, now: NOW })).toMatchObject({ ok: false })

    // Moved to another hall and another spot: the visitor's hall list follows.
    const other = halls[0]
    const helmet = (await env.store.content.getExhibit('helmet'))!
    const moved = await asRole('content_editor', 'saveExhibit', { code: 'helmet', name: helmet.name, hallId: other.id, summary: helmet.summary, figures: helmet.figures, company: helmet.company, imageAlt: helmet.imageAlt, published: true, plan: { x: 12.5, y: 80 } })
    expect(moved).toMatchObject({ ok: true, data: { exhibit: { hallId: other.id, plan: { x: 12.5, y: 80 } } } })
    const list = (await call('exhibits', 'list', {}, { openid: null, now: NOW })) as any
    expect(list.data.halls.find((h: any) => h.id === other.id).exhibits.find((e: any) => e.code === 'helmet')).toMatchObject({ plan: { x: 12.5, y: 80 } })
    expect(await asRole('content_editor', 'saveExhibit', { code: 'helmet', name: helmet.name, hallId: other.id, summary: helmet.summary, figures: [], company: helmet.company, imageAlt: helmet.imageAlt, published: true, plan: { x: 120, y: 0 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { 'plan.x': '位置为 0–100' } } })
  })

  it('serves the printable code sheet of the published exhibits: one QR card each, linking to its scan page', async () => {
    const res = (await asRole('content_editor', 'codeSheet', {})) as any
    const published = (await env.store.content.listExhibits()).filter((e) => !e.unpublished)
    expect(res.ok).toBe(true)
    expect(res.data.count).toBe(published.length)
    const cards = [...res.data.html.matchAll(/data-code="([^"]+)" data-link="([^"]+)"/g)].map((m: RegExpMatchArray) => [m[1], m[2]])
    expect(cards.map((c) => c[0])).toEqual(published.map((e) => e.code))
    expect(cards[0][1]).toBe(`${res.data.origin}/e/${published[0].code}`)
    expect(res.data.html).toContain('<svg')
  })
})

// ----- zone import -----

describe('zone import by upload', () => {
  it('lists the bad row and imports nothing; a clean file, previewed and confirmed, replaces the list when asked to', async () => {
    const template = fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'templates', 'companies.csv'), 'utf8')
    const lines = template.trimEnd().split('\n')
    const bad = [...lines, lines[1].replace(/^mingyun,大连铭云科技有限公司/, 'mingyun2,')].join('\n')
    const before = await env.store.zone.listCompanies()
    const res = await asRole('zone_editor', 'previewImport', { fileName: 'companies.csv', data: Buffer.from(bad).toString('base64') })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect((res.data as any).errors).toEqual([expect.objectContaining({ row: lines.length + 1, column: '企业名称' })])
    expect(await env.store.zone.listCompanies()).toEqual(before)

    const data = Buffer.from(template).toString('base64')
    const preview = (await asRole('zone_editor', 'previewImport', { fileName: 'companies.csv', data, mode: 'replace' })) as any
    expect(preview).toMatchObject({ ok: true, data: { kind: 'companies', errors: [], blocked: false } })
    const good = await asRole('zone_editor', 'importZone', { fileName: 'companies.csv', data, mode: 'replace', baseline: preview.data.baseline })
    expect(good).toMatchObject({ ok: true, data: { kind: 'companies', removed: before.length - (lines.length - 1) } })
    expect(await env.store.zone.listCompanies()).toHaveLength(lines.length - 1)
    // Each read starts a worker thread that loads exceljs: seconds on a busy machine.
  }, 30_000)
})

// ----- booking configuration -----

describe('booking configuration (stored in the store, read by the calendar and booking)', () => {
  const calendarDay = async (date: string) => {
    const cal = (await call('booking', 'calendar', {}, { openid: null, now: NOW })) as any
    return cal.data.days.find((d: any) => d.date === date)
  }

  it('closes one session with a reason through the same job: only its bookings are cancelled, the other session keeps its own', async () => {
    const am = await bookFor('alice', `${FRI}.am`, 2)
    const pm = await bookFor('bob', `${FRI}.pm`, 1)
    const res = await asRole('booking_operator', 'closeSession', { sessionId: `${FRI}.am`, reason: '设备检修，上午停场' })
    expect(res).toMatchObject({ ok: true, data: { day: FRI, sessionId: `${FRI}.am`, cancelled: 1, released: 1, total: 1 } })

    const mine = (await call('booking', 'mine', {}, { openid: 'alice', now: NOW })) as any
    expect(mine.data.bookings.find((x: any) => x.id === am)).toMatchObject({ status: 'cancelled', cancelReason: '设备检修，上午停场' })
    expect((await env.store.booking.getBooking(pm))?.status).toBe('confirmed')
    expect(await left(`${FRI}.am`)).toBe(300)
    expect(await left(`${FRI}.pm`)).toBe(299)
    expect((await env.store.outbox.pending(100)).filter((m) => m.kind === 'closure-notice').map((m) => m.touser)).toEqual(['alice'])

    // The calendar: that session closed with the reason, the day and its other session open.
    const day = await calendarDay(FRI)
    expect(day.status).toBe('open')
    expect(day.sessions.map((s: any) => [s.key, s.status, s.closedReason])).toEqual([['am', 'closed', '设备检修，上午停场'], ['pm', 'open', undefined]])
    // Booking the stopped session is refused with its own code and the operator's reason (not 闭馆: the day is open).
    const carol = await call('booking', 'addVisitor', { name: personName(++seq), idType: 'resident', idNumber: residentId(seq) }, { openid: 'carol', now: NOW })
    if (!carol.ok) throw new Error(carol.error.message)
    const refused = await call('booking', 'book', { sessionId: `${FRI}.am`, visitorIds: [carol.data.visitor.id], clientRequestId: 'req-carol-stopped' }, { openid: 'carol', now: NOW })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SESSION_CLOSED', message: '该场次已停止预约：设备检修，上午停场，请选择其他场次' } })
    expect(statusFor(refused)).toBe(200)
    await bookFor('carol', `${FRI}.pm`)

    // Run again (after a crash, or a double click): nothing more happens.
    expect(await asRole('booking_operator', 'closeSession', { sessionId: `${FRI}.am`, reason: '设备检修，上午停场' })).toMatchObject({ ok: true, data: { cancelled: 0, released: 0, total: 1 } })
    expect(await left(`${FRI}.am`)).toBe(300)
    expect(await asRole('booking_operator', 'closeSession', { sessionId: `${FRI}.eve`, reason: '测试' })).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } })
    // A closed day still answers 闭馆, even when one of its sessions was stopped before.
    await asRole('booking_operator', 'closeDay', { day: FRI, reason: '台风' })
    expect(await call('booking', 'book', { sessionId: `${FRI}.am`, visitorIds: [carol.data.visitor.id], clientRequestId: 'req-carol-day' }, { openid: 'carol', now: NOW })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } })
  })

  it('refuses a template edit that would drop a session that still has live bookings, and changes nothing', async () => {
    // Friday 27th (weekday 5) runs on the default templates; someone holds its afternoon.
    const held = await bookFor('gina', `${FRI}.pm`, 2)
    const morningOnly = [{ key: 'am', name: '上午场', start: '09:00', end: '12:00', capacity: 300 }]
    const expectRefused = (res: unknown) =>
      expect(res).toMatchObject({ ok: false, error: { code: 'SESSION_HAS_BOOKINGS', message: expect.stringContaining(`${FRI}.pm（1 笔预约，2 人）`) } })
    // Fridays of their own without an afternoon; the default without one; a weekday given back a default without one.
    expectRefused(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '5', sessions: morningOnly }))
    expectRefused(await asRole('booking_operator', 'saveSessionTemplates', { weekday: 'default', sessions: morningOnly }))
    const refused = (await asRole('booking_operator', 'saveSessionTemplates', { weekday: 'default', sessions: morningOnly })) as any
    expect(refused.error.message).toContain('请先在该日期停场')
    // Nothing changed: the afternoon is still on the calendar and the booking still stands.
    expect((await calendarDay(FRI)).sessions.map((s: any) => s.key)).toEqual(['am', 'pm'])
    expect(await left(`${FRI}.pm`)).toBe(298)
    expect((await call('booking', 'get', { bookingId: held }, { openid: 'gina', now: NOW })) as any).toMatchObject({ ok: true, data: { booking: { status: 'confirmed' } } })

    // Saturday's own templates may drop what nobody booked; giving Saturday back the default is
    // refused once someone holds the evening only Saturday had.
    const withEvening = [...morningOnly, { key: 'eve', name: '夜场', start: '18:00', end: '20:00', capacity: 50 }]
    expect(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: withEvening })).toMatchObject({ ok: true })
    await bookFor('hank', `${SAT}.eve`, 1)
    expect(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: null })).toMatchObject({ ok: false, error: { code: 'SESSION_HAS_BOOKINGS', message: expect.stringContaining(`${SAT}.eve（1 笔预约，1 人）`) } })
    // Once the afternoon is stopped (its bookings cancelled and the visitors told), the edit goes through.
    await asRole('booking_operator', 'closeSession', { sessionId: `${FRI}.pm`, reason: '下午场取消' })
    expect(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '5', sessions: morningOnly })).toMatchObject({ ok: true })
    expect((await calendarDay(FRI)).sessions.map((s: any) => s.key)).toEqual(['am'])
  })

  it('a weekday’s own session templates and a day’s capacity override are what the calendar shows and booking enforces', async () => {
    // Saturdays get an extra evening session; Friday 27th's morning takes only 2 people.
    const saturday = [
      { key: 'am', name: '上午场', start: '09:00', end: '12:00', capacity: 300 },
      { key: 'pm', name: '下午场', start: '13:00', end: '16:30', capacity: 300 },
      { key: 'eve', name: '夜场', start: '18:00', end: '20:00', capacity: 50 },
    ]
    expect(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: saturday })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'setCapacity', { sessionId: `${FRI}.am`, capacity: 2 })).toMatchObject({ ok: true })

    expect((await calendarDay(SAT)).sessions.map((s: any) => [s.key, s.capacity])).toEqual([['am', 300], ['pm', 300], ['eve', 50]])
    expect((await calendarDay(FRI)).sessions.map((s: any) => [s.key, s.capacity])).toEqual([['am', 2], ['pm', 300]])
    await bookFor('dave', `${SAT}.eve`, 1)
    expect(await left(`${SAT}.eve`)).toBe(49)
    await bookFor('erin', `${FRI}.am`, 2)
    await expect(bookFor('fred', `${FRI}.am`, 1)).rejects.toThrow()

    // A bad template changes nothing.
    const bad = await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: [{ ...saturday[0], start: '12:00', end: '09:00' }] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'SESSION_TEMPLATES' } })
    expect((await calendarDay(SAT)).sessions).toHaveLength(3)
    // Cleared, Saturday has the default sessions again (once dave's evening is stopped: a booked
    // session is not dropped silently); the override removed, Friday morning is back to 300.
    await asRole('booking_operator', 'closeSession', { sessionId: `${SAT}.eve`, reason: '夜场取消' })
    expect(await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: null })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'setCapacity', { sessionId: `${FRI}.am`, capacity: null })).toMatchObject({ ok: true })
    expect((await calendarDay(SAT)).sessions.map((s: any) => s.key)).toEqual(['am', 'pm'])
    expect((await calendarDay(FRI)).sessions[0].capacity).toBe(300)
    const audit = (await asRole('admin', 'audit', {})) as any
    expect(audit.data.entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['console.saveSessionTemplates', 'console.setCapacity']))
  })

  it('the holidays list decides whether a closed weekday opens: a Monday made a holiday shows open', async () => {
    const monday = '2026-11-30'
    expect((await calendarDay(monday)).status).toBe('closed')
    const cfg = (await asRole('booking_operator', 'bookingConfig', {})) as any
    expect(cfg.data.days.find((d: any) => d.date === monday).sessions[0].closedReason).toContain('闭馆')
    const holidays = [...cfg.data.holidays, { name: '馆庆日', from: monday, to: monday }]
    expect(await asRole('booking_operator', 'saveHolidays', { holidays })).toMatchObject({ ok: true })
    expect(await calendarDay(monday)).toMatchObject({ holiday: '馆庆日' })
    expect((await calendarDay(monday)).status).not.toBe('closed')
    const backwards = await asRole('booking_operator', 'saveHolidays', { holidays: [{ name: '错', from: '2027-01-02', to: '2027-01-01' }] })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'HOLIDAY_RANGE' } })
    expect(((await asRole('booking_operator', 'bookingConfig', {})) as any).data.holidays).toHaveLength(holidays.length)
  })
})

// ----- zone data editing -----

describe('zone data editing (companies, policies, rules preview, figures)', () => {
  const companyRow = async (id: string) => companyToRow((await env.store.zone.getCompany(id))!)

  it('edits a company through the import’s own validation: the visitor’s search shows the new name, the audit log the before/after', async () => {
    const row = { ...(await companyRow('houren')), 企业名称: '厚仁教育科技（大连）有限公司' }
    const res = await asRole('zone_editor', 'saveCompany', { row, isNew: false, rev: 0 })
    expect(res).toMatchObject({ ok: true, data: { company: { id: 'houren', name: '厚仁教育科技（大连）有限公司' } } })
    const visitor = await call('zone', 'getCompany', { id: 'houren' }, { openid: null, now: NOW })
    expect(visitor).toMatchObject({ ok: true, data: { company: { name: '厚仁教育科技（大连）有限公司' } } })
    const search = await call('zone', 'searchCompanies', { q: '厚仁教育科技' }, { openid: null, now: NOW })
    expect((search as any).data.items.map((c: any) => c.id)).toContain('houren')
    const audit = (await asRole('admin', 'audit', { operation: 'console.saveCompany' })) as any
    expect(audit.data.entries[0]).toMatchObject({ target: 'houren', before: { name: '厚仁教育' }, after: { name: '厚仁教育科技（大连）有限公司' } })
  })

  it('refuses a bad row with the same column-named messages as the spreadsheet import, and changes nothing', async () => {
    const before = await env.store.zone.listCompanies()
    const row = { ...(await companyRow('houren')), 行业: '餐饮', 展品编号: 'nosuch' }
    const res = await asRole('zone_editor', 'saveCompany', { row, isNew: false, rev: 0 })
    expect(res).toMatchObject({ ok: false, error: { code: 'ZONE_ROW_INVALID', fields: { 行业: expect.stringContaining('行业只能是'), 展品编号: '展品 nosuch 不存在' } } })
    expect(await env.store.zone.listCompanies()).toEqual(before)
  })

  it('creates a company under a new id only, refuses a taken one, and deletes one no exhibit links to', async () => {
    const row = { ...(await companyRow('houren')), 企业编号: 'newco', 企业名称: '大连新创科技有限公司' }
    expect(await asRole('zone_editor', 'saveCompany', { row, isNew: true })).toMatchObject({ ok: true })
    expect(await asRole('zone_editor', 'saveCompany', { row, isNew: true })).toMatchObject({ ok: false, error: { code: 'ZONE_ID_TAKEN', fields: { 企业编号: expect.any(String) } } })
    expect(await asRole('zone_editor', 'saveCompany', { row: { ...row, 企业编号: 'ghost' }, isNew: false, rev: 0 })).toMatchObject({ ok: false, error: { code: 'COMPANY_NOT_FOUND' } })
    expect(await asRole('zone_editor', 'removeCompany', { id: 'newco', rev: 1 })).toMatchObject({ ok: true })
    expect(await env.store.zone.getCompany('newco')).toBeNull()
    // 铭云 is the helmet's company: removing it would break the exhibit's link.
    expect(await asRole('zone_editor', 'removeCompany', { id: 'mingyun', rev: 0 })).toMatchObject({ ok: false, error: { code: 'COMPANY_LINKED', message: expect.stringContaining('头盔') } })
    expect(await env.store.zone.getCompany('mingyun')).not.toBeNull()
  })

  it('edits a policy’s rules: the calculator answers by the new rules at once; a bad rule is refused like the import’s', async () => {
    const policy = (await env.store.zone.getPolicy('kechuang'))!
    const profile = { inZone: true, founded: '2024-01-01', otherIp: 0, qualifications: [], talent: [], financingNeed: false }
    const fitsBefore = (await call('zone', 'match', { profile }, { openid: null, now: NOW })) as any
    expect(fitsBefore.data.fits.map((f: any) => f.policy.id)).not.toContain('kechuang')
    // Drop the IP rule: the same profile now fits.
    const rules = policy.rules!.filter((r) => r.type !== 'min')
    const row = { ...policyToRow(policy), 匹配规则: JSON.stringify(rules) }
    expect(await asRole('zone_editor', 'savePolicy', { row, isNew: false, rev: 0 })).toMatchObject({ ok: true, data: { policy: { rules } } })
    const fitsAfter = (await call('zone', 'match', { profile }, { openid: null, now: NOW })) as any
    expect(fitsAfter.data.fits.map((f: any) => f.policy.id)).toContain('kechuang')

    const bad = { ...row, 匹配规则: JSON.stringify([{ type: 'min', field: 'height', value: 1, label: 'x', missing: 'y' }]) }
    expect(await asRole('zone_editor', 'savePolicy', { row: bad, isNew: false, rev: 1 })).toMatchObject({ ok: false, error: { code: 'ZONE_ROW_INVALID', fields: { 匹配规则: expect.stringContaining('第1条规则有误') } } })
    expect((await env.store.zone.getPolicy('kechuang'))!.rules).toEqual(rules)
    expect(await asRole('zone_editor', 'removePolicy', { id: 'kechuang', rev: 1 })).toMatchObject({ ok: true })
    expect(await call('zone', 'getPolicy', { id: 'kechuang' }, { openid: null, now: NOW })).toMatchObject({ ok: false })
  })

  it('previews draft rules against a test profile with the calculator’s logic, without saving anything', async () => {
    const rules = (await env.store.zone.getPolicy('kechuang'))!.rules!
    const version = await env.store.zone.version()
    const young = { inZone: true, founded: '2024-01-01', otherIp: 2, qualifications: [], talent: [], financingNeed: false }
    expect(await asRole('zone_editor', 'testRules', { rules, profile: young })).toMatchObject({ ok: true, data: { verdict: 'fit', rules: [{ holds: true }, { holds: true }, { holds: true }] } })
    // No IP yet: one attainable rule fails — a near miss, and the rule says what is missing.
    const noIp = await asRole('zone_editor', 'testRules', { rules, profile: { ...young, otherIp: 0 } })
    expect(noIp).toMatchObject({ ok: true, data: { verdict: 'near', rules: [{ holds: true }, { holds: true }, { holds: false, missing: expect.stringContaining('知识产权') }] } })
    // Too old is not something a company can change: no match.
    expect(await asRole('zone_editor', 'testRules', { rules, profile: { ...young, founded: '2010-01-01' } })).toMatchObject({ ok: true, data: { verdict: 'none' } })
    expect(await asRole('zone_editor', 'testRules', { rules: [{ type: 'nope' }], profile: young })).toMatchObject({ ok: false, error: { code: 'RULES_INVALID' } })
    expect(await env.store.zone.version()).toBe(version)
  })

  it('edits a figure with its year and source; a chart without a year or source is refused', async () => {
    const chart = (await env.store.zone.listCharts())[0]
    const edited = { ...chart, year: '2025年', source: '大连高新区管委会 2025 年统计', figures: chart.figures.map((f, i) => (i === 0 ? { ...f, value: 2400 } : f)) }
    expect(await asRole('zone_editor', 'saveChart', { chart: edited })).toMatchObject({ ok: true })
    const shown = (await call('zone', 'figures', {}, { openid: null, now: NOW })) as any
    expect(shown.data.charts[0]).toMatchObject({ id: chart.id, year: '2025年', source: '大连高新区管委会 2025 年统计' })
    expect(shown.data.charts[0].figures[0].value).toBe(2400)
    const noYear = await asRole('zone_editor', 'saveChart', { chart: { ...edited, year: ' ', source: '' } })
    expect(noYear).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { 'chart.year': '请填写数据年份', 'chart.source': '请填写数据来源' } } })
    expect((await env.store.zone.listCharts())[0].year).toBe('2025年')
  })
})

// ----- scans, dashboard, audit -----

describe('scans, the dashboard and the audit log', () => {
  it('counts each exhibit page opened per exhibit per day, without who opened it, on the dashboard', async () => {
    await call('exhibits', 'get', { code: 'helmet' }, { openid: null, now: NOW })
    await call('exhibits', 'get', { code: 'helmet' }, { openid: 'someone', now: NOW })
    await call('exhibits', 'get', { code: 'vanadium' }, { openid: null, now: NOW })
    const res = await asRole('content_editor', 'dashboard', {})
    expect(res.ok && (res.data as any).scans).toEqual([
      { counter: 'scan:helmet', day: '2026-11-26', count: 2 },
      { counter: 'scan:vanadium', day: '2026-11-26', count: 1 },
    ])
  })

  it('records every change with account, time, action, before and after; filterable; nothing edits it', async () => {
    await asRole('booking_operator', 'closeDay', { day: FRI, reason: '台风预警' })
    await asRole('content_editor', 'saveNotice', { title: '开馆时间调整', body: '内容', priority: 1, validFrom: '2026-11-25T00:00:00Z', validTo: '2026-11-30T00:00:00Z', published: true })
    const all = await asRole('admin', 'audit', {})
    expect(all.ok && (all.data as any).entries.map((e: any) => [e.account, e.role, e.action])).toEqual([
      ['op-content_editor', 'content_editor', 'console.saveNotice'],
      ['op-booking_operator', 'booking_operator', 'console.closeDay'],
    ])
    const notice = all.ok ? (all.data as any).entries[0] : null
    expect(notice).toMatchObject({ at: NOW.toISOString(), after: { title: '开馆时间调整' } })
    expect(notice.before).toBeUndefined()
    const filtered = await asRole('admin', 'audit', { operation: 'console.closeDay' })
    expect(filtered.ok && (filtered.data as any).entries).toHaveLength(1)
    expect(await asRole('admin', 'audit', { fromDay: '2026-11-27' })).toMatchObject({ ok: true, data: { entries: [] } })
    // The database itself refuses to change an entry.
    expect(() => (env.store as any).db.prepare('UPDATE ops_audit SET account = ?').run('x')).toThrow('append-only')
    expect(() => (env.store as any).db.prepare('DELETE FROM ops_audit').run()).toThrow('append-only')
  })
})

describe('the audit as an operator reads it', () => {
  it('names the operator, the notice and the weekday, shows only what changed, and exports the same words as xlsx', async () => {
    // The operator is a named account: the log keeps the username, the page shows the name.
    await dispatch(functions.accounts, { action: 'create', username: 'op-content_editor', name: '李编辑', role: 'content_editor', password: 'long-enough-1' }, contextFor(env.store, { openid: 'boss', role: 'admin', now: NOW }))
    const saved = (await asRole('content_editor', 'saveNotice', { title: '周末延时开放', body: '内容', priority: 1, validFrom: '2026-11-25T00:00:00Z', validTo: '2026-11-30T00:00:00Z', published: true })) as any
    await asRole('content_editor', 'saveNotice', { id: saved.data.notice.id, title: '周末延时开放', body: '内容', priority: 20, validFrom: '2026-11-25T00:00:00Z', validTo: '2026-11-30T00:00:00Z', published: true })
    await asRole('booking_operator', 'saveSessionTemplates', { weekday: '6', sessions: [{ key: 'am', name: '上午场', start: '09:00', end: '12:00', capacity: 200 }] })

    const res = (await asRole('admin', 'audit', {})) as any
    expect(res.data.names.accounts['op-content_editor']).toBe('李编辑')
    const views = res.data.entries.map((e: any) => describeAudit(e, res.data.names))
    expect(views.find((v: any) => v.actionLabel === '修改场次模板').targetLabel).toBe('周六')
    const edit = views.find((v: any) => v.actionLabel === '保存公告' && v.changes.length === 1)
    expect(edit).toMatchObject({ who: '李编辑（op-content_editor）', roleLabel: '内容编辑', targetLabel: `周末延时开放（${saved.data.notice.id}）` })
    expect(changeLines(edit)).toEqual(['优先级：1 → 20'])

    // The export takes the same filter and writes what the page shows.
    const file = (await asRole('admin', 'auditXlsx', { operation: 'console.saveNotice' })) as any
    expect(file.ok).toBe(true)
    expect(file.data.fileName).toMatch(/^操作日志.*\.xlsx$/)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.data.data, 'base64') as any)
    const rows = wb.worksheets[0].getSheetValues().slice(2).map((r: any) => r.slice(1).map(String))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toEqual(expect.arrayContaining(['李编辑（op-content_editor）', '内容编辑', '保存公告', `周末延时开放（${saved.data.notice.id}）`, '优先级：1 → 20']))
    expect((await asRole('content_editor', 'auditXlsx', {})) as any).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('zone usage counters', () => {
  it('counts searches that found nothing (by their words) and policy-match runs, shown on the dashboard', async () => {
    await call('zone', 'searchCompanies', { q: '量子计算机' }, { openid: null, now: NOW })
    await call('zone', 'searchCompanies', { q: '量子计算机' }, { openid: null, now: NOW })
    await call('zone', 'searchCompanies', { q: '铭云' }, { openid: null, now: NOW })
    await call('zone', 'searchPolicies', { q: '不存在的政策名' }, { openid: null, now: NOW })
    const matched = await call('zone', 'match', { profile: { inZone: true, qualifications: [], talent: [], financingNeed: false } }, { openid: null, now: NOW })
    expect(matched.ok).toBe(true)
    const res = await asRole('zone_editor', 'dashboard', {})
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect((res.data as any).zoneNoHits).toEqual([
      { counter: 'zone.nohit:不存在的政策名', day: '2026-11-26', count: 1 },
      { counter: 'zone.nohit:量子计算机', day: '2026-11-26', count: 2 },
    ])
    expect((res.data as any).policyMatches).toEqual([{ counter: 'zone.match', day: '2026-11-26', count: 1 }])
  })
})
