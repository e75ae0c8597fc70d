// Every booking rule and refusal, through the real handlers on a real SQLite file.
import { BookingErrors, maskIdNumber, type BookingView, type IdType } from '../contracts/booking'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { runNoShowJob } from '../booking/noshow'
import { createAccount } from '../accounts/service'
import { bj, caller, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0

beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

const NOW = bj('2026-11-26 10:00') // a Thursday
const FRI = '2026-11-27'

async function addVisitor(openid: string, name: string, idNumber = residentId(++seq), idType: IdType = 'resident') {
  const res = await call('booking', 'addVisitor', { name, idType, idNumber }, { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.visitor.id
}

const book = (openid: string, sessionId: string, visitorIds: string[], clientRequestId = `req-${++seq}-xxxx`, now = NOW) =>
  call('booking', 'book', { sessionId, visitorIds, clientRequestId }, { openid, now })

async function placesLeft(sessionId: string, now = NOW): Promise<number> {
  const res = await call('booking', 'calendar', {}, { openid: null, now })
  if (!res.ok) throw new Error(res.error.message)
  for (const d of res.data.days) for (const s of d.sessions) if (s.id === sessionId) return s.left
  throw new Error(`no session ${sessionId}`)
}

describe('the calendar', () => {
  it('shows today and the next 7 days in Beijing time, Mondays closed, unreleased days with their release time', async () => {
    const res = await call('booking', 'calendar', {}, { openid: null, now: NOW })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const days = res.data.days
    expect(days.map((d: any) => d.date)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'])
    const monday = days.find((d: any) => d.date === '2026-11-30')
    expect(monday).toMatchObject({ weekday: '周一', status: 'closed', closedReason: '每周一闭馆（法定节假日除外）' })
    // Day +7 opens at 08:00 on the same weekday: already released at 10:00.
    expect(days[7].status).toBe('open')
    const early = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-11-26 07:59') })
    if (!early.ok) throw new Error()
    expect(early.data.days[7]).toMatchObject({ status: 'notReleased', releaseText: '11月26日 08:00' })
    expect(early.data.days[7].sessions.every((s: any) => s.status === 'notReleased')).toBe(true)
    expect(days[1].sessions.map((s: any) => [s.name, s.start, s.end, s.left])).toEqual([
      ['上午场', '09:00', '12:00', 300],
      ['下午场', '13:00', '16:30', 300],
    ])
    // Today's morning session is still on at 10:00; at 12:00 it is over.
    expect(days[0].sessions[0].status).toBe('open')
    const noon = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-11-26 12:00') })
    expect(noon.ok && noon.data.days[0].sessions[0].status).toBe('over') // a refusal (ok: false) fails too
  })

  it('announces the next release of an open day, never of a closed one (12/15 is closed for maintenance)', async () => {
    // Monday 12/7 at 09:00: the list ends at 12/14; 12/15 (设备检修) is never released, 12/16 is next.
    const res = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-12-07 09:00') })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.days[res.data.days.length - 1].date).toBe('2026-12-14')
    expect(res.data.nextRelease).toEqual({ date: '2026-12-16', weekday: '周三', releaseAt: bj('2026-12-09 08:00').toISOString() })
    // Before 08:00 on 12/7 the list's last day (Monday 12/14) is closed too: still 12/16.
    const early = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-12-07 07:00') })
    if (!early.ok) throw new Error(early.error.message)
    expect(early.data.nextRelease?.date).toBe('2026-12-16')
    // On an ordinary morning before 08:00 the list's last day is itself the next to open.
    const thursday = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-11-26 07:59') })
    if (!thursday.ok) throw new Error(thursday.error.message)
    expect(thursday.data.nextRelease).toEqual({ date: '2026-12-03', weekday: '周四', releaseAt: bj('2026-11-26 08:00').toISOString() })
  })

  it('computes days in Asia/Shanghai whatever the server time zone', async () => {
    const previous = process.env.TZ
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz
        // 01:30 in Beijing on Friday is still Thursday in UTC and in Los Angeles.
        const res = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-11-27 01:30') })
        if (!res.ok) throw new Error(res.error.message)
        expect(res.data.today).toBe('2026-11-27')
        expect(res.data.days[3]).toMatchObject({ date: '2026-11-30', status: 'closed' })
      }
    } finally {
      process.env.TZ = previous
    }
  })

  it('opens Mondays that are public holidays and closes operator-set days', async () => {
    const cfg = { ...DEFAULT_BOOKING_CONFIG, closedDays: [{ date: '2027-04-07', reason: '设备检修' }] }
    await saveBookingConfig(env.store, cfg)
    const res = await call('booking', 'calendar', {}, { openid: null, now: bj('2027-04-03 09:00') })
    if (!res.ok) throw new Error(res.error.message)
    const byDate = Object.fromEntries(res.data.days.map((d: any) => [d.date, d]))
    expect(byDate['2027-04-05']).toMatchObject({ weekday: '周一', status: 'open', holiday: '清明节' })
    expect(byDate['2027-04-07']).toMatchObject({ status: 'closed', closedReason: '设备检修' })
    expect(byDate['2027-04-05'].sessions[0].status).toBe('open')
    // An operator's closure is the museum's own: no 示意 mark.
    expect(byDate['2027-04-07'].closedIllustrative).toBeUndefined()
  })

  it('marks a closure written for the app (the seed data) as illustrative, in the calendar and in the refusal', async () => {
    await saveBookingConfig(env.store, DEFAULT_BOOKING_CONFIG)
    const res = await call('booking', 'calendar', {}, { openid: null, now: bj('2026-12-10 09:00') })
    if (!res.ok) throw new Error(res.error.message)
    const byDate = Object.fromEntries(res.data.days.map((d: any) => [d.date, d]))
    expect(byDate['2026-12-15']).toMatchObject({ status: 'closed', closedReason: '设备检修', closedIllustrative: true })
    expect(byDate['2026-12-14']).toMatchObject({ status: 'closed', closedReason: '每周一闭馆（法定节假日除外）' })
    expect(byDate['2026-12-14'].closedIllustrative).toBeUndefined()
    const v = await addVisitor('u9', '赵六')
    expect(await book('u9', '2026-12-15.am', [v], undefined, bj('2026-12-10 09:00'))).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED', message: '12月15日闭馆：设备检修（示意），请选择其他日期' } })
  })
})

describe('常用参观人', () => {
  it('saves resident IDs, passports and HK/Macao/Taiwan permits, and returns them only masked', async () => {
    const id = residentId(7)
    const res = await call('booking', 'addVisitor', { name: '张三', idType: 'resident', idNumber: id.slice(0, 17) + id[17].toLowerCase() }, { openid: 'u1', now: NOW })
    expect(res).toMatchObject({ ok: true, data: { visitor: { name: '张三', idType: 'resident', idMasked: maskIdNumber(id) } } })
    expect(maskIdNumber(id)).toMatch(/^2\d{3}\*{10}\d{3}[\dX]$/)
    for (const [idType, idNumber] of [['passport', 'E12345678'], ['hkmo', 'H12345678'], ['tw', '12345678']] as const) {
      const r = await call('booking', 'addVisitor', { name: 'Lee Ming', idType, idNumber }, { openid: 'u1', now: NOW })
      expect(r.ok).toBe(true)
    }
    const list = await call('booking', 'visitors', {}, { openid: 'u1', now: NOW })
    if (!list.ok) throw new Error()
    expect(list.data.visitors).toHaveLength(4)
    expect(JSON.stringify(list.data)).not.toContain(id)
    expect(JSON.stringify(list.data)).not.toContain('E12345678')
  })

  it('refuses a resident ID with a wrong check digit, naming the field', async () => {
    const id = residentId(8)
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
    const res = await call('booking', 'addVisitor', { name: '李四', idType: 'resident', idNumber: wrong }, { openid: 'u1', now: NOW })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: '身份证号校验位不正确，请核对后重新输入' } })
    expect(!res.ok && res.error.fields?.idNumber).toBe('身份证号校验位不正确，请核对后重新输入')
    const badPermit = await call('booking', 'addVisitor', { name: '陈大文', idType: 'hkmo', idNumber: 'X1234' }, { openid: 'u1', now: NOW })
    expect(badPermit).toMatchObject({ ok: false, error: { fields: { idNumber: expect.stringContaining('港澳通行证') } } })
  })

  it('refuses the same ID twice for one account, and removes only the owner\'s visitors', async () => {
    const id = residentId(9)
    const vid = await addVisitor('u1', '王五', id)
    expect(await call('booking', 'addVisitor', { name: '王五', idType: 'resident', idNumber: id }, { openid: 'u1', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'VISITOR_EXISTS', message: BookingErrors.VISITOR_EXISTS },
    })
    expect(await call('booking', 'removeVisitor', { visitorId: vid }, { openid: 'u2', now: NOW })).toMatchObject({ ok: false, error: { code: 'VISITOR_NOT_FOUND' } })
    expect(await call('booking', 'removeVisitor', { visitorId: vid }, { openid: 'u1', now: NOW })).toMatchObject({ ok: true })
  })

  it('keeps no plain ID number anywhere in the database file', async () => {
    const id = residentId(10)
    const vid = await addVisitor('u1', '赵六', id)
    expect((await book('u1', `${FRI}.am`, [vid])).ok).toBe(true)
    const db = (env.store as any).db
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t.name}`).all())).join('\n')
    expect(dump).toContain(maskIdNumber(id))
    expect(dump).not.toContain(id)
    expect(dump).not.toContain(id.slice(4, 14))
  })

  it('needs an identity', async () => {
    expect(await call('booking', 'visitors', {}, { openid: null, now: NOW })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('booking', () => {
  it('books up to 5 visitors, answers with an e-ticket and takes the places', async () => {
    const ids = [await addVisitor('u1', '张三'), await addVisitor('u1', '张小明')]
    const res = await book('u1', `${FRI}.am`, ids)
    expect(res).toMatchObject({ ok: true, data: { booking: { status: 'confirmed', date: FRI, weekday: '周五', sessionName: '上午场', start: '09:00', end: '12:00' } } })
    if (!res.ok) return
    expect(res.data.booking.ticketCode).toMatch(/^T2\.k0\./)
    expect(res.data.booking.visitors.map((v: any) => v.name)).toEqual(['张三', '张小明'])
    expect(res.data.booking.visitors[0].idMasked).toContain('**********')
    expect(await placesLeft(`${FRI}.am`)).toBe(298)
  })

  it('books once when the same request is sent twice (double tap, retry after a timeout)', async () => {
    const ids = [await addVisitor('u1', '张三')]
    const [a, b] = await Promise.all([book('u1', `${FRI}.am`, ids, 'same-request-1'), book('u1', `${FRI}.am`, ids, 'same-request-1')])
    const c = await book('u1', `${FRI}.am`, ids, 'same-request-1')
    const oks = [a, b, c].filter((r) => r.ok)
    expect(oks.length).toBeGreaterThanOrEqual(2)
    expect(new Set(oks.map((r: any) => r.data.booking.id)).size).toBe(1)
    expect(await placesLeft(`${FRI}.am`)).toBe(299)
    const mine = await call('booking', 'mine', {}, { openid: 'u1', now: NOW })
    expect(mine.ok && mine.data.bookings).toHaveLength(1)
  })

  it('lets a refused request be sent again: it books once a place is free, and then stays that booking', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: 1 })) })
    const first = await book('u1', `${FRI}.am`, [await addVisitor('u1', '张三')])
    const mine = [await addVisitor('u2', '李四')]
    expect(await book('u2', `${FRI}.am`, mine, 'retry-me-1')).toMatchObject({ ok: false, error: { code: 'SESSION_FULL' } })
    if (!first.ok) throw new Error()
    await call('booking', 'cancel', { bookingId: first.data.booking.id }, { openid: 'u1', now: NOW })
    const second = await book('u2', `${FRI}.am`, mine, 'retry-me-1')
    expect(second).toMatchObject({ ok: true, data: { booking: { status: 'confirmed' } } })
    const third = await book('u2', `${FRI}.am`, mine, 'retry-me-1')
    expect(third.ok && second.ok && third.data.booking.id).toBe(second.ok && second.data.booking.id)
    expect(await placesLeft(`${FRI}.am`)).toBe(0)
    // The same request id cannot be reused for a different booking.
    expect(await book('u2', `${FRI}.pm`, mine, 'retry-me-1')).toMatchObject({ ok: true, data: { booking: { sessionId: `${FRI}.am` } } })
  })

  it('answers a retry of a confirmed request with its booking even after the session filled, and refuses a refused request id reused for another booking', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: 1 })) })
    const his = [await addVisitor('u1', '张三', residentId(9001))]
    const first = await book('u1', `${FRI}.am`, his, 'keep-me-1')
    if (!first.ok) throw new Error('first booking refused')
    // The session is full now: the retry still gets its own booking, not 已约满.
    expect(await book('u1', `${FRI}.am`, his, 'keep-me-1')).toMatchObject({ ok: true, data: { booking: { id: first.data.booking.id, status: 'confirmed' } } })
    expect(await placesLeft(`${FRI}.am`)).toBe(0)
    // The store refuses (and records) a request for the same ID number on the same day ...
    const sameId = [await addVisitor('u2', '张三', residentId(9001))]
    expect(await book('u2', `${FRI}.pm`, sameId, 'refused-1')).toMatchObject({ ok: false, error: { code: 'ID_ALREADY_BOOKED' } })
    // ... sent again unchanged it is decided afresh; its request id reused for other visitors is a bad request.
    expect(await book('u2', `${FRI}.pm`, sameId, 'refused-1')).toMatchObject({ ok: false, error: { code: 'ID_ALREADY_BOOKED' } })
    expect(await book('u2', `${FRI}.pm`, [await addVisitor('u2', '李四')], 'refused-1')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: '该请求编号已用于另一次预约，请刷新页面后重试' } })
    expect(await placesLeft(`${FRI}.pm`)).toBe(1)
  })

  it('refuses more than 5 visitors, and no visitors, changing nothing', async () => {
    const ids = await Promise.all(['甲一', '乙二', '丙三', '丁四', '戊五', '己六'].map((n) => addVisitor('u1', n)))
    expect(await book('u1', `${FRI}.am`, ids)).toMatchObject({ ok: false, error: { message: BookingErrors.TOO_MANY_VISITORS } })
    expect(await book('u1', `${FRI}.am`, [])).toMatchObject({ ok: false, error: { message: BookingErrors.NO_VISITORS } })
    expect(await placesLeft(`${FRI}.am`)).toBe(300)
  })

  it('refuses a full session with nothing changed', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: 3 })) })
    expect((await book('u1', `${FRI}.am`, [await addVisitor('u1', '张三'), await addVisitor('u1', '李四')])).ok).toBe(true)
    const res = await book('u2', `${FRI}.am`, [await addVisitor('u2', '王五'), await addVisitor('u2', '赵六')])
    expect(res).toMatchObject({ ok: false, error: { code: 'SESSION_FULL', message: '该场次已约满，请选择其他场次' } })
    expect(await placesLeft(`${FRI}.am`)).toBe(1)
    const mine = await call('booking', 'mine', {}, { openid: 'u2', now: NOW })
    expect(mine.ok && mine.data.bookings).toEqual([])
    // One place is left, and one visitor still fits.
    expect((await book('u2', `${FRI}.am`, [(await call('booking', 'visitors', {}, { openid: 'u2' }) as any).data.visitors[0].id])).ok).toBe(true)
  })

  it('refuses an ID that already holds a booking that day, even from another account', async () => {
    const id = residentId(42)
    const mine = await addVisitor('u1', '张三', id)
    const theirs = await addVisitor('u2', '张三', id)
    expect((await book('u1', `${FRI}.am`, [mine])).ok).toBe(true)
    const other = await addVisitor('u2', '李四')
    const res = await book('u2', `${FRI}.pm`, [other, theirs])
    expect(res).toMatchObject({ ok: false, error: { code: 'ID_ALREADY_BOOKED', message: `张三（${maskIdNumber(id)}）当天已有预约，同一证件每天只能预约一次` } })
    expect(await placesLeft(`${FRI}.pm`)).toBe(300)
    // Nothing of the refused booking stays behind: 李四 alone can still book that day.
    expect((await book('u2', `${FRI}.pm`, [other])).ok).toBe(true)
    // Another day is fine.
    expect((await book('u2', '2026-11-28.am', [theirs])).ok).toBe(true)
  })

  it('refuses a closed day, a day not yet released and a session that is over', async () => {
    const v = await addVisitor('u1', '张三')
    expect(await book('u1', '2026-11-30.am', [v])).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED', message: '11月30日闭馆：每周一闭馆（法定节假日除外），请选择其他日期' } })
    expect(await book('u1', '2026-12-04.am', [v])).toMatchObject({ ok: false, error: { code: 'NOT_RELEASED', message: '12月4日的场次将于11月27日 08:00开放预约，请届时再来' } })
    expect(await book('u1', '2026-11-26.am', [v], undefined, bj('2026-11-26 12:00'))).toMatchObject({ ok: false, error: { code: 'SESSION_OVER' } })
    expect(await book('u1', '2026-11-27.xx', [v])).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } })
    expect(await book('u1', '2026-12-04.am', [v], undefined, bj('2026-11-27 08:00'))).toMatchObject({ ok: true })
  })
})

describe('我的预约 and cancellation', () => {
  it('shows only the caller\'s bookings; someone else cannot open or cancel them', async () => {
    const res = await book('u1', `${FRI}.am`, [await addVisitor('u1', '张三')])
    if (!res.ok) throw new Error()
    const id = res.data.booking.id
    expect(await call('booking', 'get', { bookingId: id }, { openid: 'u2', now: NOW })).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    expect(await call('booking', 'cancel', { bookingId: id }, { openid: 'u2', now: NOW })).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    expect(await call('booking', 'mine', {}, { openid: 'u2', now: NOW })).toMatchObject({ ok: true, data: { bookings: [] } })
    expect(await call('booking', 'get', { bookingId: id }, { openid: 'u1', now: NOW })).toMatchObject({ ok: true, data: { booking: { id, status: 'confirmed', cancellable: true } } })
  })

  it('cancels before the deadline: places return at once and the IDs can book that day again', async () => {
    const v = await addVisitor('u1', '张三')
    const first = await book('u1', `${FRI}.am`, [v])
    if (!first.ok) throw new Error()
    expect(await placesLeft(`${FRI}.am`)).toBe(299)
    const cancelled = await call('booking', 'cancel', { bookingId: first.data.booking.id }, { openid: 'u1', now: NOW })
    expect(cancelled).toMatchObject({ ok: true, data: { booking: { status: 'cancelled', cancellable: false } } })
    expect(cancelled.ok && cancelled.data.booking.ticketCode).toBeUndefined()
    expect(await placesLeft(`${FRI}.am`)).toBe(300)
    expect(await call('booking', 'cancel', { bookingId: first.data.booking.id }, { openid: 'u1', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'NOT_CANCELLABLE', message: '该预约已取消，无法取消' },
    })
    expect((await book('u1', `${FRI}.pm`, [v])).ok).toBe(true)
    const mine = await call('booking', 'mine', {}, { openid: 'u1', now: NOW })
    expect(mine.ok && mine.data.bookings.map((b: any) => b.status).sort()).toEqual(['cancelled', 'confirmed'])
  })

  it('refuses to cancel after the deadline (the session start by default), with the deadline', async () => {
    const res = await book('u1', `${FRI}.am`, [await addVisitor('u1', '张三')])
    if (!res.ok) throw new Error()
    expect(res.data.booking.cancelDeadlineText).toBe('11月27日 09:00')
    const late = await call('booking', 'cancel', { bookingId: res.data.booking.id }, { openid: 'u1', now: bj('2026-11-27 09:00') })
    expect(late).toMatchObject({ ok: false, error: { code: 'CANCEL_DEADLINE_PASSED', message: '已过取消截止时间（11月27日 09:00），无法取消' } })
    expect(await placesLeft(`${FRI}.am`, bj('2026-11-27 09:00'))).toBe(299)
  })

  it('honours a configured deadline before the session', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, cancelMinutesBeforeStart: 24 * 60 })
    const res = await book('u1', `${FRI}.am`, [await addVisitor('u1', '张三')])
    if (!res.ok) throw new Error()
    expect(await call('booking', 'cancel', { bookingId: res.data.booking.id }, { openid: 'u1', now: bj('2026-11-26 09:00') })).toMatchObject({
      ok: false,
      error: { code: 'CANCEL_DEADLINE_PASSED', message: '已过取消截止时间（11月26日 09:00），无法取消' },
    })
  })
})

/** A confirmed booking carries its e-ticket code (BookingView has none once cancelled or used). */
function withTicket(b: BookingView): BookingView & { ticketCode: string } {
  if (!b.ticketCode) throw new Error(`booking ${b.id} has no ticket code`)
  return { ...b, ticketCode: b.ticketCode }
}

describe('gate check-in', () => {
  async function ticket(openid = 'u1', sessionId = `${FRI}.am`) {
    const res = await book(openid, sessionId, [await addVisitor(openid, '张三'), await addVisitor(openid, '张小明')])
    if (!res.ok) throw new Error(res.error.message)
    return withTicket(res.data.booking)
  }
  const AT_GATE = bj('2026-11-27 09:10')
  const checkIn = (code: string, now = AT_GATE, role: 'staff' | 'visitor' = 'staff') => call('staff', 'checkIn', { code }, { openid: 'staff_1', role, now })

  it('admits a valid ticket once, with the names and masked IDs; the second scan is refused', async () => {
    const b = await ticket()
    const first = await checkIn(b.ticketCode)
    expect(first).toMatchObject({ ok: true, data: { result: { sessionName: '上午场', visitors: [{ name: '张三' }, { name: '张小明' }] } } })
    expect(first.ok && first.data.result.visitors[0].idMasked).toMatch(/\*{10}/)
    expect(await checkIn(b.ticketCode)).toMatchObject({ ok: false, error: { code: 'TICKET_USED', message: '该电子票已于11月27日 09:10由本账号核验入馆，不能重复使用' } })
    const mine = await call('booking', 'get', { bookingId: b.id }, { openid: 'u1', now: AT_GATE })
    expect(mine).toMatchObject({ ok: true, data: { booking: { status: 'checked_in', cancellable: false } } })
  })

  it('admits by the 8-character short code once (any case, spaces ignored); a used, made-up or other-day code each gets its own answer', async () => {
    const b = await ticket()
    expect(b.shortCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    const typed = `${b.shortCode!.slice(0, 4).toLowerCase()} ${b.shortCode!.slice(4)}`
    // A code for tomorrow: said to be for another day (naming it), and nothing changes.
    expect(await checkIn(b.shortCode!, bj('2026-11-26 09:10'))).toMatchObject({ ok: false, error: { code: 'TICKET_WRONG_DAY', message: '该票为11月27日的预约，不是今天' } })
    expect(await checkIn(typed)).toMatchObject({ ok: true, data: { result: { bookingId: b.id, visitors: [{ name: '张三' }, { name: '张小明' }] } } })
    // Used: when, and by whom — typed again, or its QR scanned at another gate by another account.
    expect(await checkIn(b.shortCode!)).toMatchObject({ ok: false, error: { code: 'TICKET_USED', message: '该电子票已于11月27日 09:10由本账号核验入馆，不能重复使用' } })
    const elsewhere = await call('staff', 'checkIn', { code: b.ticketCode! }, { openid: 'staff_2', role: 'staff', now: AT_GATE })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'TICKET_USED', message: '该电子票已于11月27日 09:10由其他工作人员核验入馆，不能重复使用' } })
    const made = b.shortCode!.split('').reverse().join('')
    expect(await checkIn(made === b.shortCode ? 'ABCDEFGH' : made)).toMatchObject({ ok: false, error: { code: 'SHORT_CODE_NOT_FOUND', message: '没有与此短码对应的预约：请核对短码是否输入正确' } })
  })

  it('names the staff account that checked a ticket in', async () => {
    const b = await ticket()
    await createAccount(env.store.accounts, { username: 'gate1', name: '门岗一', role: 'staff', password: 'gate-1-password' }, NOW)
    const first = await call('staff', 'checkIn', { code: b.shortCode! }, { openid: 'staff:gate1', account: 'gate1', role: 'staff', now: AT_GATE })
    expect(first.ok).toBe(true)
    expect(await checkIn(b.ticketCode)).toMatchObject({ ok: false, error: { code: 'TICKET_USED', message: '该电子票已于11月27日 09:10由门岗一核验入馆，不能重复使用' } })
  })

  it('says a cancelled booking\'s short code is cancelled, not unknown', async () => {
    const b = await ticket()
    const cancelled = await call('booking', 'cancel', { bookingId: b.id }, { openid: 'u1', now: NOW })
    expect(cancelled.ok && cancelled.data.booking.shortCode).toBeFalsy()
    expect(await checkIn(b.shortCode!)).toMatchObject({ ok: false, error: { code: 'TICKET_CANCELLED', message: '该预约已取消，电子票无效' } })
  })

  it('lists a session\'s expected visitors for the gate, not yet in first, IDs masked; for staff only', async () => {
    const a = await ticket('u1', `${FRI}.am`)
    await ticket('u2', `${FRI}.am`)
    const gone = await ticket('u3', `${FRI}.am`)
    await call('booking', 'cancel', { bookingId: gone.id }, { openid: 'u3', now: NOW })
    await checkIn(a.ticketCode)
    const res = await call('staff', 'expected', { sessionId: `${FRI}.am` }, { openid: 'staff_1', role: 'staff', now: AT_GATE })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.visitors.map((v) => v.status)).toEqual(['confirmed', 'confirmed', 'checked_in', 'checked_in'])
    expect(res.data.visitors.every((v) => /\*{10}/.test(v.idMasked))).toBe(true)
    expect(res.data.visitors[2].checkedInAt).toBe(AT_GATE.toISOString())
    expect(await call('staff', 'expected', { sessionId: `${FRI}.pm` }, { openid: 'staff_1', role: 'staff', now: AT_GATE })).toMatchObject({ ok: true, data: { visitors: [] } })
    expect(await call('staff', 'expected', { sessionId: `${FRI}.zz` }, { openid: 'staff_1', role: 'staff', now: AT_GATE })).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } })
    expect(await call('staff', 'expected', { sessionId: `${FRI}.am` }, { openid: 'u1', now: AT_GATE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('lets only one of many simultaneous scans through', async () => {
    const b = await ticket()
    const results = await Promise.all(Array.from({ length: 10 }, () => checkIn(b.ticketCode)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  it('refuses forged, altered, cancelled, wrong-day and out-of-session tickets', async () => {
    const b = await ticket()
    const [, id, sig] = b.ticketCode.split('.')
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')
    expect(await checkIn(`T1.${id}.${flipped}`)).toMatchObject({ ok: false, error: { code: 'TICKET_INVALID', message: BookingErrors.TICKET_INVALID } })
    expect(await checkIn('T1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB')).toMatchObject({ ok: false, error: { code: 'TICKET_INVALID' } })
    expect(await checkIn('https://example.com/not-a-ticket')).toMatchObject({ ok: false, error: { code: 'TICKET_INVALID' } })
    expect(await checkIn(b.ticketCode, bj('2026-11-26 09:10'))).toMatchObject({ ok: false, error: { code: 'TICKET_WRONG_DAY', message: '该票为11月27日的预约，不是今天' } })
    expect(await checkIn(b.ticketCode, bj('2026-11-27 08:00'))).toMatchObject({ ok: false, error: { code: 'TICKET_TOO_EARLY', message: '该票为11月27日上午场（09:00–12:00），08:30起方可入馆' } })
    expect(await checkIn(b.ticketCode, bj('2026-11-27 12:00'))).toMatchObject({ ok: false, error: { code: 'TICKET_SESSION_OVER' } })
    await call('booking', 'cancel', { bookingId: b.id }, { openid: 'u1', now: NOW })
    expect(await checkIn(b.ticketCode)).toMatchObject({ ok: false, error: { code: 'TICKET_CANCELLED', message: '该预约已取消，电子票无效' } })
  })

  it('is for staff only', async () => {
    const b = await ticket()
    expect(await checkIn(b.ticketCode, AT_GATE, 'visitor')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('staff', 'today', {}, { openid: 'u1', now: AT_GATE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('shows staff today\'s counts per session', async () => {
    const a = await ticket('u1', `${FRI}.am`)
    await ticket('u2', `${FRI}.am`)
    await ticket('u3', `${FRI}.pm`)
    await checkIn(a.ticketCode)
    const res = await call('staff', 'today', {}, { openid: 'staff_1', role: 'staff', now: AT_GATE })
    expect(res).toMatchObject({
      ok: true,
      data: {
        date: FRI,
        sessions: [
          { name: '上午场', capacity: 300, booked: 4, checkedIn: 2 },
          { name: '下午场', capacity: 300, booked: 2, checkedIn: 0 },
        ],
      },
    })
  })
})

describe('no-shows', () => {
  it('marks unchecked bookings 未到场 after the session ends, leaving checked-in and future ones alone', async () => {
    const v1 = await addVisitor('u1', '张三')
    const v2 = await addVisitor('u2', '李四')
    const missed = await book('u1', `${FRI}.am`, [v1])
    const came = await book('u2', `${FRI}.am`, [v2])
    const later = await book('u3', `${FRI}.pm`, [await addVisitor('u3', '王五')])
    if (!missed.ok || !came.ok || !later.ok) throw new Error()
    await call('staff', 'checkIn', { code: withTicket(came.data.booking).ticketCode }, { openid: 's', role: 'staff', now: bj('2026-11-27 09:30') })
    expect(await runNoShowJob(env.store, bj('2026-11-27 11:59'))).toMatchObject({ marked: 0 })
    expect(await runNoShowJob(env.store, bj('2026-11-27 12:00'))).toMatchObject({ marked: 1, suspended: [] })
    const status = async (openid: string, id: string) => ((await call('booking', 'get', { bookingId: id }, { openid, now: bj('2026-11-27 12:01') })) as any).data.booking.status
    expect(await status('u1', missed.data.booking.id)).toBe('no_show')
    expect(await status('u2', came.data.booking.id)).toBe('checked_in')
    expect(await status('u3', later.data.booking.id)).toBe('confirmed')
    expect(await checkIn2(withTicket(missed.data.booking).ticketCode)).toMatchObject({ ok: false, error: { code: 'TICKET_NO_SHOW' } })
  })
  const checkIn2 = (code: string) => call('staff', 'checkIn', { code }, { openid: 's', role: 'staff', now: bj('2026-11-27 13:00') })

  it('suspends booking for 30 days after 3 no-shows within 180 days, then lets the person book again', async () => {
    const v = await addVisitor('u1', '张三')
    for (const [day, now] of [['2026-11-27', NOW], ['2026-12-03', NOW], ['2026-12-10', bj('2026-12-04 09:00')]] as const) {
      expect((await book('u1', `${day}.am`, [v], undefined, now)).ok).toBe(true)
      await runNoShowJob(env.store, bj(`${day} 12:30`))
    }
    const at = bj('2026-12-11 09:00')
    const res = await book('u1', '2026-12-12.am', [v], undefined, at)
    expect(res).toMatchObject({ ok: false, error: { code: 'SUSPENDED', message: '因180天内3次预约未到场，您的预约功能暂停至1月9日 12:30' } })
    // Someone else is not affected.
    expect((await book('u2', '2026-12-12.am', [await addVisitor('u2', '李四')], undefined, at)).ok).toBe(true)
    expect((await book('u1', '2027-01-10.am', [v], undefined, bj('2027-01-09 12:31'))).ok).toBe(true)
    // The paid-for no-shows no longer count: one more does not suspend again.
    await runNoShowJob(env.store, bj('2027-01-10 12:30'))
    expect((await book('u1', '2027-01-12.am', [v], undefined, bj('2027-01-10 13:00'))).ok).toBe(true)
  })

  it('does not count two no-shows', async () => {
    const v = await addVisitor('u1', '张三')
    for (const day of ['2026-11-27', '2026-11-28']) {
      await book('u1', `${day}.am`, [v])
      await runNoShowJob(env.store, bj(`${day} 12:30`))
    }
    expect((await book('u1', '2026-12-01.am', [v], undefined, bj('2026-11-29 09:00'))).ok).toBe(true)
  })
})
