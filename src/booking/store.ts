// Booking on the client: a plain zustand store (testable without React) and a thin hook.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { BookingView, CalendarDay, IdType, VisitorView } from '@cloud/contracts/booking'
import type { Result } from '@cloud/contracts/result'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable } from '@/ui/loadable'
import { newRequestId } from './request-id'

export interface BookingState {
  calendar: Loadable<{ days: CalendarDay[]; sourceNote: string; nextRelease?: { date: string; releaseAt: string } | null }>
  visitors: Loadable<VisitorView[]>
  mine: Loadable<BookingView[]>
  bookings: Record<string, BookingView>
  /** The intent being submitted: its request id survives retries until the cloud decides. */
  draft: { sessionId: string; visitorIds: string[]; requestId: string } | null
  submitting: boolean
  loadCalendar: () => Promise<void>
  loadVisitors: () => Promise<void>
  addVisitor: (v: { name: string; idType: IdType; idNumber: string }) => Promise<Result<{ visitor: VisitorView }>>
  /** A preschool child without an ID, saved under one of the account's adults. */
  addChild: (v: { name: string; birthDate: string; guardianVisitorId: string }) => Promise<Result<{ visitor: VisitorView }>>
  removeVisitor: (visitorId: string) => Promise<Result<{ removed: true }>>
  /** `remind`: the visitor accepted the reminder subscription (weapp), sent with the booking. */
  book: (sessionId: string, visitorIds: string[], options?: { remind?: boolean }) => Promise<Result<{ booking: BookingView }>>
  loadMine: () => Promise<void>
  loadBooking: (id: string) => Promise<Result<{ booking: BookingView }>>
  cancel: (id: string) => Promise<Result<{ booking: BookingView }>>
}

const sameIntent = (a: BookingState['draft'], sessionId: string, visitorIds: string[]) =>
  a !== null && a.sessionId === sessionId && a.visitorIds.join() === visitorIds.join()

export function createBookingStore(call: typeof callCloud = callCloud) {
  return createStore<BookingState>()((set, get) => ({
    calendar: { status: 'idle' },
    visitors: { status: 'idle' },
    mine: { status: 'idle' },
    bookings: {},
    draft: null,
    submitting: false,

    async loadCalendar() {
      await loadInto(slotOf(get, set, 'calendar'), () => call('booking', 'calendar', {}), (d) => ({ days: d.days, sourceNote: d.sourceNote, nextRelease: d.nextRelease }))
    },

    async loadVisitors() {
      await loadInto(slotOf(get, set, 'visitors'), () => call('booking', 'visitors', {}), (d) => d.visitors)
    },

    async addVisitor(v) {
      const res = await call('booking', 'addVisitor', v)
      if (res.ok) {
        const current = get().visitors
        set({ visitors: { status: 'ready', data: [...(current.status === 'ready' ? current.data : []), res.data.visitor] } })
      }
      return res
    },

    async addChild(v) {
      const res = await call('booking', 'addChild', v)
      if (res.ok) {
        const current = get().visitors
        set({ visitors: { status: 'ready', data: [...(current.status === 'ready' ? current.data : []), res.data.visitor] } })
      }
      return res
    },

    async removeVisitor(visitorId) {
      const res = await call('booking', 'removeVisitor', { visitorId })
      const current = get().visitors
      if (res.ok && current.status === 'ready') set({ visitors: { status: 'ready', data: current.data.filter((v) => v.id !== visitorId) } })
      return res
    },

    async book(sessionId, visitorIds, options) {
      if (get().submitting) return { ok: false, error: { code: 'IN_PROGRESS', message: '正在提交，请稍候' } }
      const current = get().draft
      const draft = sameIntent(current, sessionId, visitorIds) ? current! : { sessionId, visitorIds, requestId: newRequestId() }
      set({ draft, submitting: true })
      const res = await call('booking', 'book', { sessionId, visitorIds, clientRequestId: draft.requestId, ...(options?.remind ? { remind: true } : {}) })
      // A network error leaves the outcome unknown: keep the request id so a retry cannot book twice.
      const undecided = !res.ok && (res.error.code === 'NETWORK' || res.error.code === 'INTERNAL' || res.error.code === 'IN_PROGRESS')
      set((s) => ({
        submitting: false,
        draft: undecided ? draft : null,
        ...(res.ok ? { bookings: { ...s.bookings, [res.data.booking.id]: res.data.booking }, mine: { status: 'idle' as const } } : {}),
      }))
      if (res.ok || !undecided) void get().loadCalendar()
      return res
    },

    async loadMine() {
      // Each booking listed is also kept by id, for the ticket page.
      await loadInto(slotOf(get, set, 'mine'), () => call('booking', 'mine', {}), (d) => {
        set((s) => ({ bookings: { ...s.bookings, ...Object.fromEntries(d.bookings.map((b) => [b.id, b])) } }))
        return d.bookings
      })
    },

    async loadBooking(id) {
      const res = await call('booking', 'get', { bookingId: id })
      if (res.ok) set((s) => ({ bookings: { ...s.bookings, [id]: res.data.booking } }))
      return res
    },

    async cancel(id) {
      const res = await call('booking', 'cancel', { bookingId: id })
      if (res.ok) {
        set((s) => ({
          bookings: { ...s.bookings, [id]: res.data.booking },
          mine: s.mine.status === 'ready' ? { status: 'ready', data: s.mine.data.map((b) => (b.id === id ? res.data.booking : b)) } : s.mine,
        }))
        void get().loadCalendar()
      }
      return res
    },
  }))
}

export const bookingStore = createBookingStore()

export const useBooking = <T>(selector: (s: BookingState) => T): T => useStore(bookingStore, selector)
