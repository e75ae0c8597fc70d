// The home page's crowd estimate through the real handlers on both store adapters: tickets checked in at the gate,
// then anyone (no identity) asks how full the halls are.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, caller, residentId } from '../testing/booking'
import type { Store } from '../store/port'
import { BOTH_ADAPTERS } from '../testing/adapters'

let env: { store: Store; cleanup: () => Promise<void> }
let call: ReturnType<typeof caller>
let seq = 0


const FRI = '2026-11-27'

/** Books `people` visitors of a new account into Friday's morning session and checks them in at `hhmm`. */
async function cameIn(people: number, hhmm: string) {
  const openid = `family-${++seq}`
  const ids: string[] = []
  for (let i = 0; i < people; i++) {
    const res = await call('booking', 'addVisitor', { name: `参观者${'甲乙丙丁戊'[i]}`, idType: 'resident', idNumber: residentId(++seq) }, { openid, now: bj('2026-11-26 10:00') })
    if (!res.ok) throw new Error(res.error.message)
    ids.push(res.data.visitor.id)
  }
  const booked = await call('booking', 'book', { sessionId: `${FRI}.am`, visitorIds: ids, clientRequestId: `req-${seq}-xxxx` }, { openid, now: bj('2026-11-26 10:00') })
  if (!booked.ok) throw new Error(booked.error.message)
  const checked = await call('staff', 'checkIn', { code: booked.data.booking.ticketCode! }, { openid: 'staff_1', role: 'staff', now: bj(`${FRI} ${hhmm}`) })
  if (!checked.ok) throw new Error(checked.error.message)
}

const crowdAt = async (hhmm: string) => {
  const res = await call('booking', 'crowd', {}, { openid: null, now: bj(`${FRI} ${hhmm}`) })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.crowd
}

describe.each(BOTH_ADAPTERS)('%s', (_name, open) => {
  beforeEach(async () => {
    env = await open()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  describe('the crowd estimate on the home page', () => {
    it('counts people checked in within the average stay, with the level against the configured hall capacity, for anyone', async () => {
      await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, crowd: { averageStayMinutes: 90, hallCapacity: 10, moderateFrom: 0.5, crowdedFrom: 0.8 } })
      expect(await crowdAt('08:30')).toEqual({ level: 'comfortable', inside: 0, capacity: 10, averageStayMinutes: 90, at: bj(`${FRI} 08:30`).toISOString(), atText: '08:30' })
      await cameIn(3, '08:40')
      await cameIn(2, '09:00')
      expect(await crowdAt('09:05')).toMatchObject({ level: 'moderate', inside: 5 })
      await cameIn(4, '09:30')
      expect(await crowdAt('09:35')).toMatchObject({ level: 'crowded', inside: 9, atText: '09:35' })
      // The family that came at 08:40 is taken to have left 90 minutes later.
      expect(await crowdAt('10:15')).toMatchObject({ level: 'moderate', inside: 6 })
      expect(await crowdAt('11:05')).toMatchObject({ level: 'comfortable', inside: 0 })
    })

    it('uses the largest session capacity of the day when no hall capacity is set', async () => {
      expect(await crowdAt('09:00')).toMatchObject({ capacity: 300, averageStayMinutes: 90, level: 'comfortable' })
    })
  })
})
