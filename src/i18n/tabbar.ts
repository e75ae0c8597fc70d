// Tab bar labels follow the language. Taro keeps the labels from app.config, so they are set
// again after a switch, on launch, and whenever a tab page shows: on H5 the tab bar is made with
// the first tab page, after launch, so a reload in English (or one on a page without the tab bar)
// kept 首页/我的 until the next switch.
import Taro, { useDidShow } from '@tarojs/taro'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { langStore, translate } from './store'

export function applyTabBarLanguage(lang: GuideLang): void {
  // H5: screen readers pick the voice from the document language.
  if (typeof document !== 'undefined' && document.documentElement) document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'
  const labels = (['tab.home', 'tab.mine'] as const).map((key) => translate(lang, key))
  const set = () =>
    labels.forEach((text, index) => {
      Taro.setTabBarItem({ index, text }).catch(() => {
        // Not on a tab page yet (weapp refuses before the tab bar exists); the next switch or show retries.
      })
    })
  set()
  if (process.env.TARO_ENV === 'h5') keepH5Labels(labels, set)
}

/**
 * H5 makes its tab bar with the first tab page, and on a busy phone that can come after the page's
 * first show — a label set before it is lost, and the bar keeps app.config's 首页/我的. So watch
 * until the bar shows these labels (setting them again whenever it does not), then stop; pages that
 * never make a tab bar stop being watched after a while.
 */
let watching: MutationObserver | null = null
function keepH5Labels(labels: string[], set: () => void): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return
  watching?.disconnect()
  const shows = () => (document.querySelector('.weui-tabbar')?.textContent ?? '').replace(/\s/g, '') === labels.join('')
  if (shows()) return
  const observer = new MutationObserver(() => {
    if (shows()) {
      observer.disconnect()
      return
    }
    if (document.querySelector('.weui-tabbar')) set()
  })
  watching = observer
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  setTimeout(() => observer.disconnect(), 15_000)
}

/** For the tab pages: the labels in the visitor's language each time the page (and its tab bar) shows. */
export function useTabBarLanguage(): void {
  useDidShow(() => applyTabBarLanguage(langStore.getState().lang))
}
