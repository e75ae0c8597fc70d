// Gate check-in on the client: the last scan's outcome and today's counts.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { CheckInResult, StaffSessionCount } from '@cloud/contracts/booking'
import type { GroupGateView } from '@cloud/contracts/groups'
import type { AppError } from '@cloud/contracts/result'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable } from '@/ui/loadable'
// The gate meets booking's refusals too (src/booking/errors-en.ts).
import '@/booking/errors-en'

export interface StaffState {
  checking: boolean
  last: { ok: true; result: CheckInResult } | { ok: false; error: AppError; code: string } | null
  today: Loadable<{ date: string; sessions: StaffSessionCount[] }>
  /** A scanned group leader's code: the group and its head count so far; `admitted` after a count. */
  group: { code: string; view: GroupGateView; admitted?: number; error?: AppError } | null
  checkIn: (code: string) => Promise<void>
  countGroup: (count: number) => Promise<void>
  /** `background`: a poll, which keeps the counts on screen if it fails. */
  loadToday: (mode?: 'refresh' | 'background') => Promise<void>
}

export function createStaffStore(call: typeof callCloud = callCloud) {
  return createStore<StaffState>()((set, get) => ({
    checking: false,
    last: null,
    today: { status: 'idle' },
    group: null,
    async checkIn(code) {
      if (get().checking) return
      set({ checking: true, group: null })
      // A group leader's code (G1.…) stands for the whole group: staff count heads instead.
      if (code.trim().startsWith('G1.')) {
        const res = await call('groups', 'gate', { code: code.trim() })
        set({ checking: false, last: res.ok ? null : { ok: false, error: res.error, code }, group: res.ok ? { code: code.trim(), view: res.data.group } : null })
        return
      }
      const res = await call('staff', 'checkIn', { code: code.trim() })
      set({ checking: false, last: res.ok ? { ok: true, result: res.data.result } : { ok: false, error: res.error, code } })
      if (res.ok) void get().loadToday()
    },
    async countGroup(count) {
      const group = get().group
      if (!group || get().checking) return
      set({ checking: true })
      const res = await call('groups', 'countIn', { code: group.code, count })
      set({ checking: false, group: res.ok ? { code: group.code, view: res.data.group, admitted: count } : { ...group, error: res.error } })
      if (res.ok) void get().loadToday()
    },
    async loadToday(mode = 'refresh') {
      await loadInto(slotOf(get, set, 'today'), () => call('staff', 'today', {}), (d) => ({ date: d.date, sessions: d.sessions }), { mode })
    },
  }))
}

export const staffStore = createStaffStore()

export const useStaff = <T>(selector: (s: StaffState) => T): T => useStore(staffStore, selector)
