// Children in a booking, through the real handlers on a real SQLite file: ages from ID numbers,
// preschool children without an ID (name and birth date) booked only with an adult who has one,
// at most N per adult, counted in capacity, on the ticket and the gate list, and held to the
// one-booking-per-ID-per-day guard and the distinct-ID cap like everyone else.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, caller, residentId } from '../testing/booking'
import { contextFor } from '../testing/stores'
import type { Store } from '../store/port'
import { dispatch } from './dispatch'
import { functions } from '.'
import { BOTH_ADAPTERS } from '../testing/adapters'

let env: { store: Store; cleanup: () => Promise<void> }
let call: ReturnType<typeof caller>
let seq = 0

const NOW = bj('2026-11-26 10:00') // a Thursday
const FRI = '2026-11-27'
const AM = `${FRI}.am`

async function adult(openid: string, name = '张伟', idNumber = residentId(++seq, '19850312')) {
  const res = await call('booking', 'addVisitor', { name, idType: 'resident', idNumber }, { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.visitor
}

const addChild = (openid: string, guardianVisitorId: string, name: string, birthDate: string) =>
  call('booking', 'addChild', { name, birthDate, guardianVisitorId }, { openid, now: NOW })

async function child(openid: string, guardianVisitorId: string, name: string, birthDate = '2022-04-10') {
  const res = await addChild(openid, guardianVisitorId, name, birthDate)
  if (!res.ok) throw new Error(res.error.message)
  return res.data.visitor
}

const book = (openid: string, visitorIds: string[], sessionId = AM) =>
  call('booking', 'book', { sessionId, visitorIds, clientRequestId: `req-${++seq}-xxxx` }, { openid, now: NOW })

async function placesLeft(sessionId = AM): Promise<number> {
  const res = await call('booking', 'calendar', {}, { openid: null, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  for (const d of res.data.days) for (const s of d.sessions) if (s.id === sessionId) return s.left
  throw new Error(`no session ${sessionId}`)
}

// Both adapters: a child is a saved visitor with extra fields, held by the same store steps.
describe.each(BOTH_ADAPTERS)('children — %s', (_name, open) => {
  beforeEach(async () => {
    env = await open()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  describe('ages from resident ID numbers', () => {
    it('answers a saved visitor\'s age (on today\'s Beijing date) from the birth date in the number', async () => {
      expect((await adult('u1', '张伟', residentId(1, '19850312'))).age).toBe(41)
      expect((await adult('u1', '张小明', residentId(2, '20161126'))).age).toBe(10)
      expect((await adult('u1', '张小红', residentId(3, '20161127'))).age).toBe(9)
      const passport = await call('booking', 'addVisitor', { name: 'Anna Smith', idType: 'passport', idNumber: 'E12345678' }, { openid: 'u1', now: NOW })
      expect(passport.ok && passport.data.visitor.age).toBeUndefined()
      const listed = await call('booking', 'visitors', {}, { openid: 'u1', now: NOW })
      const ages = listed.ok ? Object.fromEntries(listed.data.visitors.map((v) => [v.name, v.age])) : {}
      expect(ages).toEqual({ 张伟: 41, 张小明: 10, 张小红: 9, 'Anna Smith': undefined })
    })
  })

  describe('saving a child without an ID', () => {
    it('saves a preschool child under a saved adult, shown by birth month and never with a number', async () => {
      const dad = await adult('u1')
      const res = await addChild('u1', dad.id, '张小宝', '2022-04-10')
      expect(res).toMatchObject({ ok: true, data: { visitor: { name: '张小宝', idType: 'child', idMasked: '儿童 2022-04', age: 4, child: true } } })
    })

    it('refuses a child at or above the configured age, a future birth date, and a guardian who is not a saved adult with an ID', async () => {
      const dad = await adult('u1')
      expect(await addChild('u1', dad.id, '张大宝', '2020-11-26')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { birthDate: '6周岁及以上的儿童请使用证件号码添加' } } })
      expect(await addChild('u1', dad.id, '张小宝', '2026-12-01')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
      const teen = await adult('u1', '张小明', residentId(++seq, '20120101'))
      expect(await addChild('u1', teen.id, '张小宝', '2022-04-10')).toMatchObject({ ok: false, error: { code: 'GUARDIAN_NOT_ADULT', message: '陪同的成人须年满18周岁并使用证件号码添加' } })
      const kid = await child('u1', dad.id, '张小宝')
      expect(await addChild('u1', kid.id, '张小贝', '2023-01-01')).toMatchObject({ ok: false, error: { code: 'GUARDIAN_NOT_ADULT' } })
      // Someone else's saved visitor is answered as a missing one.
      const other = await adult('u2', '李娜')
      expect(await addChild('u1', other.id, '张小贝', '2023-01-01')).toMatchObject({ ok: false, error: { code: 'VISITOR_NOT_FOUND' } })
    })

    it('counts a new child against the per-network cap on new IDs a day, as a new ID number is (H5)', async () => {
    const origin = { bucket: '203.0.113.7', caps: { placesPerSession: 0, newIdsPerDay: 2 } }
    const viaNetwork = (openid: string, req: object) => dispatch(functions.booking, req, { ...contextFor(env.store, { openid, now: NOW }), origin })
    const added = (await viaNetwork('h5-a', { action: 'addVisitor', name: '张伟', idType: 'resident', idNumber: residentId(++seq, '19850312') })) as { ok: boolean; data: { visitor: { id: string } } }
    expect(added.ok).toBe(true)
    const dad = added.data.visitor.id
    expect(await viaNetwork('h5-a', { action: 'addChild', name: '张小宝', birthDate: '2022-04-10', guardianVisitorId: dad })).toMatchObject({ ok: true })
    expect(await viaNetwork('h5-a', { action: 'addChild', name: '张小贝', birthDate: '2023-04-10', guardianVisitorId: dad })).toMatchObject({ ok: false, error: { code: 'ADDRESS_ID_LIMIT' } })
    // Saving one already saved costs nothing.
    expect(await viaNetwork('h5-a', { action: 'addChild', name: '张小宝', birthDate: '2022-04-10', guardianVisitorId: dad })).toMatchObject({ ok: false, error: { code: 'VISITOR_EXISTS' } })
  })

  it('keeps one child once per account, whichever adult they are saved under', async () => {
      const dad = await adult('u1')
      const mum = await adult('u1', '王芳')
      await child('u1', dad.id, '张小宝')
      expect(await addChild('u1', dad.id, '张小宝', '2022-04-10')).toMatchObject({ ok: false, error: { code: 'VISITOR_EXISTS' } })
      expect(await addChild('u1', mum.id, ' 张小宝 ', '2022-04-10')).toMatchObject({ ok: false, error: { code: 'VISITOR_EXISTS' } })
      // A twin (same birth date, another name) is another child.
      expect((await addChild('u1', mum.id, '张小贝', '2022-04-10')).ok).toBe(true)
    })
  })

  describe('booking with children', () => {
    it('books an adult with up to 3 children, each taking a place, all listed on the ticket and the gate list', async () => {
      const dad = await adult('u1')
      const kids = [await child('u1', dad.id, '张小宝'), await child('u1', dad.id, '张小贝', '2023-06-01'), await child('u1', dad.id, '张小乐', '2024-09-09')]
      const before = await placesLeft()
      const res = await book('u1', [dad.id, ...kids.map((k) => k.id)])
      if (!res.ok) throw new Error(res.error.message)
      expect(res.data.booking.visitors.map((v) => [v.name, v.idType, v.idMasked])).toEqual([
        ['张伟', 'resident', dad.idMasked],
        ['张小宝', 'child', '儿童 2022-04'],
        ['张小贝', 'child', '儿童 2023-06'],
        ['张小乐', 'child', '儿童 2024-09'],
      ])
      expect(await placesLeft()).toBe(before - 4)
      const gate = await call('staff', 'expected', { sessionId: AM }, { openid: 'staff_1', role: 'staff', now: bj(`${FRI} 09:00`) })
      expect(gate.ok && gate.data.visitors.filter((v) => v.idType === 'child').map((v) => v.idMasked).sort()).toEqual(['儿童 2022-04', '儿童 2023-06', '儿童 2024-09'])
      // The operator's roster: the children under the same booking as their adult.
      const roster = await call('console', 'roster', { day: FRI }, { openid: 'op_1', role: 'booking_operator', now: NOW })
      if (!roster.ok) throw new Error(roster.error.message)
      expect(roster.data.rows.map((r) => [r.bookingId, r.name, r.idType, r.idMasked])).toEqual(
        res.data.booking.visitors.map((v) => [res.data.booking.id, v.name, v.idType === 'child' ? '儿童（无证件）' : '居民身份证', v.idMasked]),
      )
    })

    it('refuses children without an adult who has an ID, and more than 3 per adult, changing nothing', async () => {
      const dad = await adult('u1')
      const teen = await adult('u1', '张小明', residentId(++seq, '20120101'))
      const kids = []
      for (const [i, name] of ['张小宝', '张小贝', '张小乐', '张小欢'].entries()) kids.push(await child('u1', dad.id, name, `202${i + 1}-02-02`))
      const before = await placesLeft()
      expect(await book('u1', [kids[0].id])).toMatchObject({ ok: false, error: { code: 'CHILD_NEEDS_ADULT', message: '未携带证件的儿童须由至少1位年满18周岁、持证件的成人陪同预约' } })
      expect(await book('u1', [teen.id, kids[0].id])).toMatchObject({ ok: false, error: { code: 'CHILD_NEEDS_ADULT' } })
      expect(await book('u1', [dad.id, ...kids.map((k) => k.id)])).toMatchObject({ ok: false, error: { code: 'CHILDREN_PER_ADULT', message: '每位成人最多携带3名未持证件的儿童（本次4名儿童、1位成人）' } })
      expect(await placesLeft()).toBe(before)
      // The refused requests held nothing: the same family books within the rule.
      expect((await book('u1', [dad.id, teen.id, kids[0].id])).ok).toBe(true)
    })

    it('follows the configured age and ratio', async () => {
      await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, children: { noIdBelowAge: 4, perAdult: 1, adultAge: 16 } })
      const teen = await adult('u1', '张小明', residentId(++seq, '20100101'))
      expect(await addChild('u1', teen.id, '张小宝', '2022-04-10')).toMatchObject({ ok: false, error: { fields: { birthDate: '4周岁及以上的儿童请使用证件号码添加' } } })
      const kids = [await child('u1', teen.id, '张小贝', '2023-01-01'), await child('u1', teen.id, '张小乐', '2023-02-02')]
      expect(await book('u1', [teen.id, ...kids.map((k) => k.id)])).toMatchObject({ ok: false, error: { code: 'CHILDREN_PER_ADULT' } })
      expect((await book('u1', [teen.id, kids[0].id])).ok).toBe(true)
    })

    it('refuses a child who has reached the age for an ID by the visit day', async () => {
      const dad = await adult('u1')
      const kid = await child('u1', dad.id, '张小宝', '2020-11-27') // 5 today, 6 on Friday
      expect(await book('u1', [dad.id, kid.id])).toMatchObject({ ok: false, error: { code: 'CHILD_NEEDS_ID', message: '张小宝到参观日已满6周岁，请使用证件号码重新添加' } })
    })
  })

  describe('children and the fair-use guards', () => {
    it('books the same child (same adult ID, name, birth date) once a day, whichever account saved them', async () => {
      const idNumber = residentId(++seq, '19850312')
      const dad1 = await adult('u1', '张伟', idNumber)
      const mum = await adult('u1', '王芳')
      const kid1 = await child('u1', dad1.id, '张小宝')
      // The other parent's phone saved the same father and the same child.
      const dad2 = await adult('u2', '张伟', idNumber)
      const kid2 = await child('u2', dad2.id, '张小宝')
      const grandma = await adult('u2', '刘秀英', residentId(++seq, '19550101'))
      expect((await book('u1', [mum.id, kid1.id])).ok).toBe(true)
      expect(await book('u2', [grandma.id, kid2.id], `${FRI}.pm`)).toMatchObject({ ok: false, error: { code: 'ID_ALREADY_BOOKED', message: '张小宝（儿童 2022-04）当天已有预约，同一证件每天只能预约一次' } })
    })

    it('counts a child toward the per-booking limit of 5 and the account\'s distinct-ID cap', async () => {
      const dad = await adult('u1')
      const mum = await adult('u1', '王芳')
      const grandpa = await adult('u1', '张建国', residentId(++seq, '19550101'))
      const kids = [await child('u1', dad.id, '张小宝'), await child('u1', dad.id, '张小贝', '2023-01-01'), await child('u1', dad.id, '张小乐', '2024-01-01')]
      expect(await book('u1', [dad.id, mum.id, grandpa.id, ...kids.map((k) => k.id)])).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
      await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, fairUse: { ...DEFAULT_BOOKING_CONFIG.fairUse, distinctIds: { limit: 2, windowDays: 30 } } })
      expect(await book('u1', [dad.id, ...kids.slice(0, 2).map((k) => k.id)])).toMatchObject({ ok: false, error: { code: 'ACCOUNT_ID_LIMIT' } })
      expect((await book('u1', [dad.id, kids[0].id])).ok).toBe(true)
    })
  })
})
