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
  ;(['tab.home', 'tab.mine'] as const).forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(lang, key) }).catch(() => {
      // Not on a tab page yet (weapp refuses before the tab bar exists); the next switch or show retries.
    })
  })
}

/** For the tab pages: the labels in the visitor's language each time the page (and its tab bar) shows. */
export function useTabBarLanguage(): void {
  useDidShow(() => applyTabBarLanguage(langStore.getState().lang))
}
