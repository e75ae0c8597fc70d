// Gate check-in on the client: the last scan's outcome and today's counts.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { CheckInResult, StaffSessionCount } from '@cloud/contracts/booking'
import type { AppError } from '@cloud/contracts/result'
import { callCloud } from '@/services/cloud'

export interface StaffState {
  checking: boolean
  last: { ok: true; result: CheckInResult } | { ok: false; error: AppError; code: string } | null
  today: { status: 'idle' | 'loading' } | { status: 'ready'; date: string; sessions: StaffSessionCount[] } | { status: 'error'; error: AppError }
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
      if (get().today.status !== 'ready') set({ today: { status: 'loading' } })
      const res = await call('staff', 'today', {})
      set({ today: res.ok ? { status: 'ready', date: res.data.date, sessions: res.data.sessions } : { status: 'error', error: res.error } })
    },
  }))
}

export const staffStore = createStaffStore()

export const useStaff = <T>(selector: (s: StaffState) => T): T => useStore(staffStore, selector)
