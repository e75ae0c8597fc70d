import Taro from '@tarojs/taro'
import { paths, TAB_PAGES } from '@/paths'

/** Opens a page, whether it is a tab page (switchTab) or not (navigateTo). */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  if (TAB_PAGES.includes(path)) Taro.switchTab({ url: path })
  else Taro.navigateTo({ url })
}

export const exhibitPageUrl = paths.exhibit

export const companyPageUrl = paths.company
