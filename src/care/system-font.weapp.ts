import Taro from '@tarojs/taro'

/** WeChat's "字体大小" setting: 17 is the standard size; larger settings report 20 and up. */
export const LARGE_FONT_SETTING = 20

export function systemPrefersLargeText(): boolean {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number }
    return (info.fontSizeSetting ?? 17) >= LARGE_FONT_SETTING
  } catch {
    return false
  }
}
