// The home page's notices: what the museum announces now (closures, changed hours), loaded once
// per visit of the home page. A failure shows nothing: the home page works without notices.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { NoticeView } from '@cloud/contracts/ops'
import { callCloud } from '@/services/cloud'

export interface NoticeState {
  notices: NoticeView[]
  load: () => Promise<void>
}

export const noticeStore = createStore<NoticeState>()((set) => ({
  notices: [],
  // A promise chain, not async/await: the home page (main package) loads notices (see services/cloud.weapp.ts).
  load: () =>
    callCloud('notices', 'active', {}).then((res) => {
      if (res.ok) set({ notices: res.data.notices })
    }),
}))

export const useNotices = () => useStore(noticeStore, (s) => s.notices)
