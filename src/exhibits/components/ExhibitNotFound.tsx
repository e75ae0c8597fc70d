import { View } from '@tarojs/components'
import { openPage } from '@/services/navigate'
import '@/components/status.scss'

/** The friendly end of a bad or outdated code: says what happened and offers a way on. */
export function ExhibitNotFound({ reason }: { reason: 'missing' | 'malformed' | 'unknown' }) {
  const text =
    reason === 'unknown'
      ? '没有找到这件展品，可能展品已更换位置或二维码已过期。'
      : '二维码内容无法识别，请重新扫描展品旁的二维码。'
  return (
    <View className="status" data-testid="exhibit-not-found">
      <View className="status__title" role="heading" aria-level={1}>
        未找到展品
      </View>
      <View className="status__text">{text}</View>
      <View className="status__actions">
        <View className="btn" role="button" onClick={() => openPage('/exhibits/pages/list/index')}>
          查看全部展品
        </View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage('/pages/home/index')}>
          返回首页
        </View>
      </View>
    </View>
  )
}
