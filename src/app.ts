import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { careStore } from '@/care/store'
import { MiniPlayer } from '@/guide/components/MiniPlayer'
import { applyTabBarLanguage } from '@/i18n/tabbar'
import { langStore } from '@/i18n/store'
import { initTransport } from '@/services/cloud'
import { registerOfflineShell } from '@/services/offline-shell'
import { textOnlyTitleBar } from '@/services/title-bar'
import { setPageFooter } from '@/ui/page-footer'
import '@/ui/page-stack'
import './app.scss'

// The audio mini-player follows the visitor on every page (PageShell shows it).
setPageFooter(MiniPlayer)

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Before the first page: the H5 router's title bar takes text only (src/services/title-bar.ts).
    textOnlyTitleBar()
    initTransport()
    careStore.getState() // reads the saved choice / WeChat font size and applies care mode
    applyTabBarLanguage(langStore.getState().lang)
    registerOfflineShell()
  })
  return children
}

export default App
