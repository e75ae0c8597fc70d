// H5 (weapp: tabbar-labels.weapp.ts). H5 makes its tab bar with the first tab page, and on a busy
// phone that can come after the page's first show: a label set before it is lost, and the bar
// keeps app.config's 首页/我的. So after setting the labels, watch until the bar shows them
// (setting them again whenever it does not), then stop; a page that never makes a tab bar stops
// being watched after a while.
import Taro from '@tarojs/taro'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { translate } from './store'

let watching: MutationObserver | null = null

export function applyTabBarLanguage(lang: GuideLang): void {
  // Screen readers pick the voice from the document language.
  if (typeof document !== 'undefined' && document.documentElement) document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'
  const labels = (['tab.home', 'tab.mine'] as const).map((key) => translate(lang, key))
  const set = () => labels.forEach((text, index) => void Taro.setTabBarItem({ index, text }).catch(() => undefined))
  set()
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return
  watching?.disconnect()
  const shows = () => (document.querySelector('.weui-tabbar')?.textContent ?? '').replace(/\s/g, '') === labels.join('')
  if (shows()) return
  const observer = new MutationObserver(() => {
    if (shows()) observer.disconnect()
    else if (document.querySelector('.weui-tabbar')) set()
  })
  watching = observer
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  setTimeout(() => observer.disconnect(), 15_000)
}
