import Taro from '@tarojs/taro'

const TAB_PAGES = ['/pages/home/index', '/pages/mine/index']

/** Opens a page, whether it is a tab page (switchTab) or not (navigateTo). */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  if (TAB_PAGES.includes(path)) Taro.switchTab({ url: path })
  else Taro.navigateTo({ url })
}

export const exhibitPageUrl = (code: string) => `/pages/exhibit/index?id=${encodeURIComponent(code)}`

export const companyPageUrl = (id: string) => `/zone/pages/company/index?id=${encodeURIComponent(id)}`
