// What the console reports, through the real dispatch on a real SQLite file: per booking the
// museum cancelled, whether its notice was queued, sent or failed; the daily report per session as
// .xlsx; and the QR sheet for chosen halls and exhibits, its links from H5_ORIGIN read at call time.
import ExcelJS from 'exceljs'
import { dispatch } from '../dispatch'
import { functions } from '..'
import type { Role } from '../types'
import { bj, bookPeople, caller } from '../../testing/booking'
import { contextFor, tempSqliteStore } from '../../testing/stores'
import { drainOutbox } from '../../reminders/job'
import { groupSubmit, schoolRoster } from '../../testing/roster'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let seq = 0
beforeEach(async () => {
  env = await tempSqliteStore()
})
afterEach(() => env.cleanup())

const NOW = bj('2026-11-26 10:00') // Thursday
const SAT = '2026-11-28'
const SUN = '2026-11-29'

const asRole = (role: Role, action: string, req: object): Promise<any> =>
  dispatch(functions.console, { action, ...req }, contextFor(env.store, { openid: `op-${role}`, account: `op-${role}`, role, now: NOW }))
const book = (openid: string, sessionId: string, people: number) => bookPeople(caller(env.store), { openid, now: NOW }, sessionId, people, () => ++seq)

describe('closure notices: queued, sent or failed, per booking', () => {
  it('after a two-day closure every cancelled booking shows its notice queued; once the sender ran, sent or failed with the reason', async () => {
    const a = await book('va', `${SAT}.am`, 2)
    const b = await book('vb', `${SAT}.pm`, 1)
    const c = await book('vc', `${SUN}.am`, 1)
    const own = await book('vd', `${SAT}.pm`, 1)
    expect(await caller(env.store)('booking', 'cancel', { bookingId: own }, { openid: 'vd', now: NOW })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'closeDays', { from: SAT, to: SUN, reason: '台风红色预警' })).toMatchObject({ ok: true, data: { cancelled: 3 } })

    const sat = await asRole('booking_operator', 'closureNotices', { day: SAT })
    // The visitor's own cancel sent nothing and is not listed.
    expect(sat.data.notices.map((n: { bookingId: string }) => n.bookingId).sort()).toEqual([a, b].sort())
    expect(sat.data.counts).toEqual({ pending: 2, sent: 0, failed: 0, none: 0 })

    // The message job, one at a time: the first send succeeds, WeChat refuses the others.
    let n = 0
    await drainOutbox({
      outbox: env.store.outbox,
      now: () => NOW,
      concurrency: 1,
      send: async () => {
        if (++n > 1) throw new Error('43101 用户拒绝接受消息')
      },
    })
    const after = [...(await asRole('booking_operator', 'closureNotices', { day: SAT })).data.notices, ...(await asRole('booking_operator', 'closureNotices', { day: SUN })).data.notices]
    expect(after.filter((x: { state: string }) => x.state === 'sent')).toHaveLength(1)
    const failed = after.filter((x: { state: string }) => x.state === 'failed')
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatchObject({ error: expect.stringContaining('43101'), settledAt: NOW.toISOString() })
    expect(after.map((x: { bookingId: string }) => x.bookingId).sort()).toEqual([a, b, c].sort())
  })

  it('a single booking the museum cancelled shows its notice too; the content editor may not read the list', async () => {
    const a = await book('va', `${SAT}.am`, 1)
    expect(await asRole('booking_operator', 'cancelBooking', { bookingId: a, reason: '团队包场' })).toMatchObject({ ok: true })
    expect((await asRole('booking_operator', 'closureNotices', { day: SAT })).data.notices).toEqual([{ bookingId: a, state: 'pending' }])
    expect(await asRole('content_editor', 'closureNotices', { day: SAT })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('daily report (.xlsx)', () => {
  it('per session: capacity, booked, held, checked in, no-shows and cancelled, in places, with a total row; the file says the same as the answer', async () => {
    const x = await book('v1', `${SAT}.am`, 3)
    const y = await book('v2', `${SAT}.am`, 2)
    const z = await book('v3', `${SAT}.am`, 1)
    const w = await book('v4', `${SAT}.pm`, 2)
    await env.store.booking.transition(x, 'confirmed', 'checked_in', { at: bj(`${SAT} 09:10`).toISOString() })
    await env.store.booking.transition(y, 'confirmed', 'no_show', { at: bj(`${SAT} 12:00`).toISOString() })
    expect(await caller(env.store)('booking', 'cancel', { bookingId: w }, { openid: 'v4', now: NOW })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'holdPlaces', { sessionId: `${SAT}.am`, places: 30, name: '贵宾团' })).toMatchObject({ ok: true })
    void z

    const res = await asRole('booking_operator', 'dayReport', { from: SAT })
    expect(res.ok).toBe(true)
    expect(res.data.rows).toEqual([
      expect.objectContaining({ sessionId: `${SAT}.am`, capacity: 300, booked: 6, held: 30, checkedIn: 3, noShow: 2, cancelled: 0, groupApproved: 0, groupCheckedIn: 0 }),
      expect.objectContaining({ sessionId: `${SAT}.pm`, capacity: 300, booked: 0, held: 0, checkedIn: 0, noShow: 0, cancelled: 2 }),
    ])
    expect(res.data.fileName).toBe(`预约日报-${SAT}.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(res.data.data, 'base64') as never)
    const sheet = workbook.worksheets[0]
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
    expect(values(1)).toEqual(['日期', '场次', '时间', '容量', '已预约（人）', '团体保留（人）', '已入馆（人）', '未到场（人）', '已取消（人）', '团体获批（人）', '团体已入馆（人）', '状态'])
    expect(values(2)).toEqual([SAT, '上午场', '09:00–12:00', 300, 6, 30, 3, 2, 0, 0, 0, '开放'])
    expect(values(4).slice(0, 9)).toEqual(['合计', undefined, undefined, 600, 6, 30, 3, 2, 2])
  })

  it('per session: the group places approved and the heads counted in, apart from individuals, with a total; pending and rejected groups are not counted', async () => {
    const call = caller(env.store)
    const group = async (openid: string, sessionId: string, students: number, teachers: number, firstSerial: number) => {
      const res = await call('groups', 'submit', await groupSubmit(sessionId, schoolRoster(students, teachers, firstSerial), `grp-${firstSerial}-abcdef`, { organisation: `学校${firstSerial}` }), { openid, now: NOW })
      if (!res.ok) throw new Error(res.error.message)
      return res.data.request.id
    }
    const a = await group('la', `${SAT}.am`, 40, 2, 1)
    const b = await group('lb', `${SAT}.am`, 10, 1, 100)
    const c = await group('lc', `${SAT}.pm`, 20, 1, 200)
    await group('ld', `${SAT}.pm`, 9, 1, 300) // stays pending
    for (const id of [a, b, c]) expect(await asRole('booking_operator', 'approveGroup', { requestId: id })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'rejectGroup', { requestId: b, reason: 'x' })).toMatchObject({ ok: false })
    const gate = { openid: 'g', role: 'staff' as const, account: 'gate1', now: bj(`${SAT} 09:10`) }
    expect(await call('groups', 'countIn', { code: a, count: 30 }, gate)).toMatchObject({ ok: true })
    expect(await call('groups', 'countIn', { code: a, count: 12 }, gate)).toMatchObject({ ok: true })
    await book('v1', `${SAT}.am`, 2)

    const res = await asRole('booking_operator', 'dayReport', { from: SAT })
    expect(res.data.rows).toEqual([
      expect.objectContaining({ sessionId: `${SAT}.am`, booked: 2, groupApproved: 53, groupCheckedIn: 42 }),
      expect.objectContaining({ sessionId: `${SAT}.pm`, booked: 0, groupApproved: 21, groupCheckedIn: 0 }),
    ])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(res.data.data, 'base64') as never)
    const sheet = workbook.worksheets[0]
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
    expect(values(1).slice(9, 12)).toEqual(['团体获批（人）', '团体已入馆（人）', '状态'])
    expect(values(2).slice(9, 11)).toEqual([53, 42])
    expect(values(3).slice(9, 11)).toEqual([21, 0])
    expect(values(4).slice(9, 11)).toEqual([74, 42])
  })

  it('a range covers each day (a closed day says so); a backwards or too-long range is refused with a reason', async () => {
    expect(await asRole('booking_operator', 'closeDays', { from: SUN, to: SUN, reason: '设备检修' })).toMatchObject({ ok: true })
    const res = await asRole('booking_operator', 'dayReport', { from: SAT, to: SUN })
    expect(res.data.rows.map((r: { sessionId: string }) => r.sessionId)).toEqual([`${SAT}.am`, `${SAT}.pm`, `${SUN}.am`, `${SUN}.pm`])
    expect(res.data.rows[2].closedReason).toBe('设备检修')
    expect(res.data.fileName).toBe(`预约日报-${SAT}至${SUN}.xlsx`)
    expect(await asRole('booking_operator', 'dayReport', { from: SUN, to: SAT })).toMatchObject({ ok: false, error: { code: 'RANGE_INVALID', fields: { to: expect.any(String) } } })
    expect(await asRole('booking_operator', 'dayReport', { from: '2026-11-01', to: '2026-12-31' })).toMatchObject({ ok: false, error: { code: 'RANGE_INVALID' } })
  })
})

describe('QR sheet for chosen halls and exhibits', () => {
  const saved = process.env.H5_ORIGIN
  afterEach(() => (saved === undefined ? delete process.env.H5_ORIGIN : (process.env.H5_ORIGIN = saved)))

  it('prints only what was chosen (a hall’s exhibits plus single ones), with links from H5_ORIGIN as set when called — changing it needs no rebuild', async () => {
    const exhibits = (await env.store.content.listExhibits()).filter((e) => !e.unpublished)
    const hall = exhibits[0].hallId
    const inHall = exhibits.filter((e) => e.hallId === hall)
    const single = exhibits.find((e) => e.hallId !== hall)!
    process.env.H5_ORIGIN = 'https://kjg.example.cn/'
    const first = await asRole('content_editor', 'qrSheet', { halls: [hall], codes: [single.code] })
    expect(first).toMatchObject({ ok: true, data: { count: inHall.length + 1, origin: 'https://kjg.example.cn', configured: true, unpublished: [] } })
    const links = [...first.data.html.matchAll(/data-link="([^"]+)"/g)].map((m: RegExpMatchArray) => m[1])
    expect(links.sort()).toEqual([...inHall, single].map((e) => `https://kjg.example.cn/e/${e.code}`).sort())

    process.env.H5_ORIGIN = 'https://museum.example.org'
    const second = await asRole('content_editor', 'qrSheet', { codes: [single.code] })
    expect([...second.data.html.matchAll(/data-link="([^"]+)"/g)].map((m: RegExpMatchArray) => m[1])).toEqual([`https://museum.example.org/e/${single.code}`])

    delete process.env.H5_ORIGIN
    expect((await asRole('content_editor', 'qrSheet', { codes: [single.code] })).data).toMatchObject({ configured: false })
  })

  it('refuses an empty choice and unknown codes; leaves out unpublished exhibits and names them', async () => {
    expect(await asRole('content_editor', 'qrSheet', {})).toMatchObject({ ok: false, error: { code: 'QR_EMPTY', message: '请至少选择一个展区或展品' } })
    expect(await asRole('content_editor', 'qrSheet', { codes: ['no-such'] })).toMatchObject({ ok: false, error: { code: 'QR_UNKNOWN' } })
    const [a, b] = await env.store.content.listExhibits()
    await env.store.content.putExhibit({ ...b, unpublished: true })
    const res = await asRole('content_editor', 'qrSheet', { codes: [a.code, b.code] })
    expect(res).toMatchObject({ ok: true, data: { count: 1, unpublished: [b.name] } })
    expect(await asRole('content_editor', 'qrSheet', { codes: [b.code] })).toMatchObject({ ok: false, error: { code: 'QR_NONE_PUBLISHED' } })
    expect(await asRole('booking_operator', 'qrSheet', { codes: [a.code] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
