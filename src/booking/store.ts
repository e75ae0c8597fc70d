// Booking on the client: a plain zustand store (testable without React) and a thin hook.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { BookingView, IdType, VisitorView } from '@cloud/contracts/booking'
import type { Result } from '@cloud/contracts/result'
import type { NoShowStanding, WaitlistEntryView } from '@cloud/contracts/waitlist'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable } from '@/ui/loadable'
import { calendarStore, createCalendarStore, type CalendarData } from './calendar-store'
import { newRequestId } from './request-id'
// English for booking's error codes, with the store every booking page loads.
import './errors-en'

export interface BookingState {
  /** The calendar store's (./calendar-store.ts), mirrored here for the booking pages. */
  calendar: Loadable<CalendarData>
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
  /** 改签: the booking moved to another session (same visitors, same ticket). */
  reschedule: (id: string, sessionId: string) => Promise<Result<{ booking: BookingView }>>
  /** 我的候补. */
  waitlist: Loadable<WaitlistEntryView[]>
  /** 我的预约's no-show count. */
  standing: Loadable<NoShowStanding>
  loadWaitlist: () => Promise<void>
  loadStanding: () => Promise<void>
  /** Joins a full session's line; the request id of this intent survives retries, as for `book`. */
  joinWaitlist: (sessionId: string, visitorIds: string[], options?: { remind?: boolean }) => Promise<Result<{ entry: WaitlistEntryView }>>
  leaveWaitlist: (entryId: string) => Promise<Result<{ entry: WaitlistEntryView }>>
  acceptOffer: (entryId: string) => Promise<Result<{ booking: BookingView }>>
}

const sameIntent = (a: BookingState['draft'], sessionId: string, visitorIds: string[]) =>
  a !== null && a.sessionId === sessionId && a.visitorIds.join() === visitorIds.join()

/** `calendar`: the calendar this store shows and loads (its own one, over the same `call`, unless given). */
export function createBookingStore(call: typeof callCloud = callCloud, calendar = createCalendarStore(call)) {
  const store = createStore<BookingState>()((set, get) => ({
    calendar: calendar.getState().calendar,
    visitors: { status: 'idle' },
    mine: { status: 'idle' },
    bookings: {},
    draft: null,
    submitting: false,
    waitlist: { status: 'idle' },
    standing: { status: 'idle' },

    async loadCalendar() {
      await calendar.getState().loadCalendar()
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

    async reschedule(id, sessionId) {
      const res = await call('booking', 'reschedule', { bookingId: id, sessionId })
      if (res.ok) {
        set((s) => ({ bookings: { ...s.bookings, [id]: res.data.booking }, mine: { status: 'idle' as const } }))
        void get().loadCalendar()
      }
      return res
    },

    async loadWaitlist() {
      await loadInto(slotOf(get, set, 'waitlist'), () => call('booking', 'waitlist', {}), (d) => d.entries)
    },

    async loadStanding() {
      await loadInto(slotOf(get, set, 'standing'), () => call('booking', 'noShowStanding', {}), (d) => d.noShows)
    },

    async joinWaitlist(sessionId, visitorIds, options) {
      if (get().submitting) return { ok: false, error: { code: 'IN_PROGRESS', message: '正在提交，请稍候' } }
      const current = get().draft
      const draft = sameIntent(current, sessionId, visitorIds) ? current! : { sessionId, visitorIds, requestId: newRequestId() }
      set({ draft, submitting: true })
      const res = await call('booking', 'joinWaitlist', { sessionId, visitorIds, clientRequestId: draft.requestId, ...(options?.remind ? { remind: true } : {}) })
      const undecided = !res.ok && (res.error.code === 'NETWORK' || res.error.code === 'INTERNAL')
      set({ submitting: false, draft: undecided ? draft : null, ...(res.ok ? { waitlist: { status: 'idle' as const } } : {}) })
      return res
    },

    async leaveWaitlist(entryId) {
      const res = await call('booking', 'leaveWaitlist', { entryId })
      if (res.ok) await get().loadWaitlist()
      return res
    },

    async acceptOffer(entryId) {
      const res = await call('booking', 'acceptOffer', { entryId })
      if (res.ok) set((s) => ({ bookings: { ...s.bookings, [res.data.booking.id]: res.data.booking }, mine: { status: 'idle' as const }, waitlist: { status: 'idle' as const } }))
      return res
    },
  }))
  calendar.subscribe((s) => store.setState({ calendar: s.calendar }))
  return store
}

export const bookingStore = createBookingStore(callCloud, calendarStore)

export const useBooking = <T>(selector: (s: BookingState) => T): T => useStore(bookingStore, selector)
