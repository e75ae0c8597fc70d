// weapp: the tab bar exists before a tab page shows; setTabBarItem refuses when it does not, and
// the next switch or show sets the labels again. H5: tabbar-labels.ts.
import Taro from '@tarojs/taro'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { translate } from './store'

export function applyTabBarLanguage(lang: GuideLang): void {
  ;(['tab.home', 'tab.mine'] as const).forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(lang, key) }).catch(() => undefined)
  })
}
