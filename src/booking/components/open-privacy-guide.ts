import Taro from '@tarojs/taro'

/** H5: the guideline is an in-app page (the weapp build uses open-privacy-guide.weapp.ts). */
export function openPrivacyGuide(): void {
  Taro.navigateTo({ url: '/booking/pages/privacy/index' })
}
