// Tab bar labels follow the language. Taro keeps the labels from app.config, so they are set
// again after a switch, on launch, and whenever a tab page shows. How they are set differs by
// platform (tabbar-labels.ts for H5, tabbar-labels.weapp.ts): H5 makes its tab bar with the first
// tab page, after launch, so a label set too early is lost there and must be kept.
import { useDidShow } from '@tarojs/taro'
import { langStore } from './store'
import { applyTabBarLanguage } from './tabbar-labels'

export { applyTabBarLanguage }

/** For the tab pages: the labels in the visitor's language each time the page (and its tab bar) shows. */
export function useTabBarLanguage(): void {
  useDidShow(() => applyTabBarLanguage(langStore.getState().lang))
}
