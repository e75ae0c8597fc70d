// Gate check-in on the client: the last scan's outcome and today's counts.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { CheckInResult, StaffSessionCount } from '@cloud/contracts/booking'
import type { AppError } from '@cloud/contracts/result'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable } from '@/ui/loadable'
// The gate meets booking's refusals too (src/booking/errors-en.ts).
import '@/booking/errors-en'

export interface StaffState {
  checking: boolean
  last: { ok: true; result: CheckInResult } | { ok: false; error: AppError; code: string } | null
  today: Loadable<{ date: string; sessions: StaffSessionCount[] }>
  checkIn: (code: string) => Promise<void>
  loadToday: () => Promise<void>
}

export function createStaffStore(call: typeof callCloud = callCloud) {
  return createStore<StaffState>()((set, get) => ({
    checking: false,
    last: null,
    today: { status: 'idle' },
    async checkIn(code) {
      if (get().checking) return
      set({ checking: true })
      const res = await call('staff', 'checkIn', { code: code.trim() })
      set({ checking: false, last: res.ok ? { ok: true, result: res.data.result } : { ok: false, error: res.error, code } })
      if (res.ok) void get().loadToday()
    },
    async loadToday() {
      await loadInto(slotOf(get, set, 'today'), () => call('staff', 'today', {}), (d) => ({ date: d.date, sessions: d.sessions }))
    },
  }))
}

export const staffStore = createStaffStore()

export const useStaff = <T>(selector: (s: StaffState) => T): T => useStore(staffStore, selector)
