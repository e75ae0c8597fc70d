// The booking calendar (days, sessions, places left, the next release) as a store of its own. Home's
// "can I go today?" card reads it on the scan path, so this file is in the main package; the rest of
// booking (visitors, bookings, the draft) stays in the booking subpackage, whose store shows this same
// calendar (src/booking/store.ts): what home or a booking page loads, both show.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { CalendarDay } from '@cloud/contracts/booking'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable } from '@/ui/loadable'

export interface CalendarData {
  days: CalendarDay[]
  sourceNote: string
  nextRelease?: { date: string; releaseAt: string } | null
}

export interface CalendarState {
  calendar: Loadable<CalendarData>
  loadCalendar: () => Promise<void>
}

export function createCalendarStore(call: typeof callCloud = callCloud) {
  return createStore<CalendarState>()((set, get) => ({
    calendar: { status: 'idle' },
    // Not async: the home page (main package) loads the calendar, and an async function there costs
    // the ES5 build a generator state machine and the regenerator runtime.
    loadCalendar() {
      return loadInto(slotOf(get, set, 'calendar'), () => call('booking', 'calendar', {}), (d) => ({ days: d.days, sourceNote: d.sourceNote, nextRelease: d.nextRelease })).then(() => undefined)
    },
  }))
}

export const calendarStore = createCalendarStore()
export const useCalendar = <T>(selector: (s: CalendarState) => T): T => useStore(calendarStore, selector)
