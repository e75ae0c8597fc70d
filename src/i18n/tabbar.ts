// Tab bar labels follow the language. Taro keeps the labels from app.config, so they are set
// again after a switch and on launch.
import Taro from '@tarojs/taro'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { translate } from './store'

export function applyTabBarLanguage(lang: GuideLang): void {
  // H5: screen readers pick the voice from the document language.
  if (typeof document !== 'undefined' && document.documentElement) document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN'
  ;(['tab.home', 'tab.mine'] as const).forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(lang, key) }).catch(() => {
      // Not on a tab page yet (weapp refuses before the tab bar exists); the next switch or show retries.
    })
  })
}
