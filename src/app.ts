import { type PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { offlinePack } from '@/exhibits/store'
import { careStore } from '@/care/store'
import { MiniPlayer } from '@/guide/components/MiniPlayer'
import { applyTabBarLanguage } from '@/i18n/tabbar'
import { langStore } from '@/i18n/store'
import { paths } from '@/paths'
import { initTransport } from '@/services/cloud'
import { registerOfflineShell, routeScanLanding, whenSettled } from '@/services/offline-shell'
import { textOnlyTitleBar } from '@/services/title-bar'
import { setPageFooter } from '@/ui/page-footer'
import '@/ui/page-stack'
import './app.scss'

// The audio mini-player follows the visitor on every page (PageShell shows it).
setPageFooter(MiniPlayer)

// Before the H5 router reads the location (it starts after this module has run).
routeScanLanding()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Before the first page: the H5 router's title bar takes text only (src/services/title-bar.ts).
    textOnlyTitleBar()
    initTransport()
    careStore.getState() // reads the saved choice / WeChat font size and applies care mode
    applyTabBarLanguage(langStore.getState().lang)
    registerOfflineShell()
    // The whole museum for the hall, where the signal is weak: after the first screen, and again
    // whenever the phone comes back online (a phone holding the current pack gets only its version).
    whenSettled(() => void offlinePack.refresh())
    Taro.onNetworkStatusChange?.(({ isConnected }) => {
      if (isConnected) void offlinePack.refresh()
    })
  })
  // An unknown route (a mistyped or outdated link) gets a page with a way home, not a blank screen.
  usePageNotFound(() => void Taro.redirectTo({ url: paths.notFound }))
  return children
}

export default App
