import Taro from '@tarojs/taro'

/**
 * weapp: WeChat shows the 用户隐私保护指引 the operator filled in on mp.weixin.qq.com (设置 → 服务内容声明),
 * which is the one WeChat reviews. If the client is too old for openPrivacyContract, show our page.
 */
export function openPrivacyGuide(): void {
  if (typeof Taro.openPrivacyContract !== 'function') {
    Taro.navigateTo({ url: '/booking/pages/privacy/index' })
    return
  }
  Taro.openPrivacyContract({
    fail: () => Taro.navigateTo({ url: '/booking/pages/privacy/index' }),
  })
}
