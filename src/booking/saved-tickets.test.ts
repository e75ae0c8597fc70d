import type { BookingView } from '@cloud/contracts/booking'
import { createStore } from 'zustand/vanilla'
import { memoryStorage } from '@/services/storage'
import { createTicketKeeper, keepTicketsFrom, savedTime } from './saved-tickets'

const booking = (id: string, over: Partial<BookingView> = {}) =>
  ({ id, date: '2026-12-06', start: '09:00', status: 'confirmed', ticketCode: 'T1.x', shortCode: 'ABCD2345', visitors: [], ...over }) as BookingView

describe('tickets kept on the phone', () => {
  it('keeps a confirmed ticket with when it was saved, and drops it once cancelled or used', () => {
    const storage = memoryStorage()
    const keeper = createTicketKeeper(storage, () => 42)
    keeper.keep(booking('b1'))
    expect(createTicketKeeper(storage).get('b1')).toEqual({ value: booking('b1'), savedAt: 42 })
    keeper.keep(booking('b1', { status: 'cancelled', ticketCode: undefined, shortCode: undefined }))
    expect(keeper.get('b1')).toBeNull()
    keeper.keep(booking('b2'))
    keeper.keep(booking('b2', { status: 'checked_in', ticketCode: undefined }))
    expect(keeper.list()).toEqual([])
  })

  it('lists the saved tickets soonest first and follows a store', () => {
    const keeper = createTicketKeeper(memoryStorage(), () => 1)
    const store = createStore<{ bookings: Record<string, BookingView> }>()(() => ({ bookings: {} }))
    keepTicketsFrom(store, keeper)
    store.setState({ bookings: { late: booking('late', { date: '2026-12-09' }), soon: booking('soon', { date: '2026-12-07', start: '13:00' }) } })
    expect(keeper.list().map((t) => t.value.id)).toEqual(['soon', 'late'])
  })

  it('reads the saved moment the way a visitor does', () => {
    const at = new Date(2026, 11, 6, 10, 32).getTime()
    expect(savedTime(at, 'zh')).toBe('12月6日 10:32')
    expect(savedTime(at, 'en')).toBe('6 Dec, 10:32')
  })
})
