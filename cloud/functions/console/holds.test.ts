// Holding places on a session for a named group, through the real dispatch, on both storage
// adapters (SQLite file, and the cloud adapter over the wx-server-sdk stand-in): the hold counts
// against capacity (visitors see fewer places), races with live bookings never overbook, release
// gives the places back once, and each hold and release is in the audit log.
import { dispatch } from '../dispatch'
import { functions } from '..'
import type { Role } from '../types'
import { bj, bookPeople, caller } from '../../testing/booking'
import { contextFor } from '../../testing/stores'
import type { Store } from '../../store/port'
import { BOTH_ADAPTERS } from '../../testing/adapters'

const NOW = bj('2026-11-26 10:00') // Thursday
const SAT_AM = '2026-11-28.am'


describe.each(BOTH_ADAPTERS)('holds on %s', (_name, open) => {
  let env: { store: Store; cleanup: () => Promise<void> }
  let seq = 0
  beforeEach(async () => {
    env = await open()
  })
  afterEach(() => env.cleanup())

  const asRole = (role: Role, action: string, req: object, account = `op-${role}`): Promise<any> =>
    dispatch(functions.console, { action, ...req }, contextFor(env.store, { openid: account, account, role, now: NOW }))
  const book = (openid: string, people: number) => bookPeople(caller(env.store), { openid, now: NOW }, SAT_AM, people, () => ++seq)
  const visitorLeft = async () => {
    const res = await caller(env.store)('booking', 'calendar', {}, { openid: 'someone', now: NOW })
    if (!res.ok) throw new Error(res.error.message)
    return res.data.days.flatMap((d) => d.sessions).find((s) => s.id === SAT_AM)!.left
  }

  it('a hold of 40 places for a named group: visitors see 40 fewer, the holds listing and the audit log show it', async () => {
    const before = await visitorLeft()
    const res = await asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 40, name: '市教育局参观团', note: '贵宾，走东门' })
    expect(res).toMatchObject({ ok: true, data: { hold: { sessionId: SAT_AM, places: 40, name: '市教育局参观团', note: '贵宾，走东门', status: 'held' }, left: before - 40 } })
    expect(await visitorLeft()).toBe(before - 40)
    const listed = await asRole('booking_operator', 'holds', { from: '2026-11-28' })
    expect(listed.data.holds).toEqual([res.data.hold])
    expect(listed.data.sessions.find((s: { sessionId: string }) => s.sessionId === SAT_AM)).toMatchObject({ taken: 40, held: 40, capacity: 300 })
    const audit = await env.store.ops.listAudit({ operation: 'console.holdPlaces' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ account: 'op-booking_operator', target: SAT_AM, after: { name: '市教育局参观团', places: 40, status: '保留中' } })
  })

  it('never overbooks: a hold larger than what is left is refused naming the places left, and takes nothing; a booking after a hold that fills the session is refused', async () => {
    expect(await asRole('booking_operator', 'setCapacity', { sessionId: SAT_AM, capacity: 5 })).toMatchObject({ ok: true })
    await book('v1', 3)
    const refused = await asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 3, name: '团体' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'HOLD_FULL', fields: { places: '该场次只剩 2 个名额' } } })
    expect(refused.error.message).toContain('只剩 2 个名额')
    expect((await env.store.booking.placesBooked([SAT_AM]))[SAT_AM]).toBe(3)
    expect(await asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 2, name: '团体' })).toMatchObject({ ok: true, data: { left: 0 } })
    await expect(book('v2', 1)).rejects.toThrow()
    expect((await env.store.booking.placesBooked([SAT_AM]))[SAT_AM]).toBe(5)
  })

  it('holds racing live bookings for the last places: never more taken than the capacity, and every success is counted', async () => {
    expect(await asRole('booking_operator', 'setCapacity', { sessionId: SAT_AM, capacity: 6 })).toMatchObject({ ok: true })
    const holds = Array.from({ length: 3 }, (_, i) => asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 2, name: `团体${i}` }))
    const bookings = Array.from({ length: 3 }, (_, i) => book(`racer-${i}`, 2).then(() => true, () => false))
    const [heldResults, bookedResults] = await Promise.all([Promise.all(holds), Promise.all(bookings)])
    const held = heldResults.filter((r) => r.ok).length
    const booked = bookedResults.filter(Boolean).length
    expect(held + booked).toBe(3)
    // Each refused hold was refused for want of places, not for anything else.
    for (const r of heldResults) if (!r.ok) expect(r.error.code).toBe('HOLD_FULL')
    expect((await env.store.booking.placesBooked([SAT_AM]))[SAT_AM]).toBe(6)
    expect((await env.store.ops.listHolds('2026-11-28')).filter((h) => h.status === 'held')).toHaveLength(held)
  })

  it('release gives the places back once: of a double click one answers, the other is told it is gone; the audit shows before → after', async () => {
    const before = await visitorLeft()
    const { data } = await asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 12, name: '企业接待' })
    const [a, b] = await Promise.all([asRole('booking_operator', 'releaseHold', { holdId: data.hold.id }), asRole('booking_operator', 'releaseHold', { holdId: data.hold.id })])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect([a, b].find((r) => !r.ok).error).toMatchObject({ code: 'HOLD_NOT_FOUND', message: '这项保留已释放或不存在，请刷新后再看' })
    expect(await visitorLeft()).toBe(before)
    expect((await env.store.booking.placesBooked([SAT_AM]))[SAT_AM] ?? 0).toBe(0)
    const audit = await env.store.ops.listAudit({ operation: 'console.releaseHold' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ before: { name: '企业接待', places: 12, status: '保留中' }, after: { status: '已释放' } })
  })

  it('refuses what cannot be held, with a reason, changing nothing: a started session, a closed one, an unknown one, bad numbers and names; a visitor or content editor cannot hold', async () => {
    const cases: Array<[object, string]> = [
      [{ sessionId: '2026-11-26.am', places: 2, name: '团' }, 'SESSION_OVER'],
      [{ sessionId: '2026-11-28.eve', places: 2, name: '团' }, 'SESSION_NOT_FOUND'],
      [{ sessionId: SAT_AM, places: 0, name: '团' }, 'BAD_REQUEST'],
      [{ sessionId: SAT_AM, places: 2.5, name: '团' }, 'BAD_REQUEST'],
      [{ sessionId: SAT_AM, places: 2, name: '  ' }, 'BAD_REQUEST'],
      [{ sessionId: SAT_AM, places: 2, name: '一'.repeat(21) }, 'BAD_REQUEST'],
    ]
    for (const [req, code] of cases) expect(await asRole('booking_operator', 'holdPlaces', req)).toMatchObject({ ok: false, error: { code } })
    expect(await asRole('booking_operator', 'closeSession', { sessionId: SAT_AM, reason: '设备检修' })).toMatchObject({ ok: true })
    expect(await asRole('booking_operator', 'holdPlaces', { sessionId: SAT_AM, places: 2, name: '团' })).toMatchObject({ ok: false, error: { code: 'SESSION_CLOSED' } })
    expect(await asRole('content_editor', 'holdPlaces', { sessionId: '2026-11-28.pm', places: 2, name: '团' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await env.store.ops.listHolds('2026-11-28')).toEqual([])
    expect((await env.store.booking.placesBooked(['2026-11-26.am', SAT_AM, '2026-11-28.pm']))).toEqual({})
  })
})
