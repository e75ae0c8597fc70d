import { View } from '@tarojs/components'
import './status.scss'

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="status status--loading" aria-busy="true" role="status">
      <View className="status__spinner" />
      <View className="status__text">{text}</View>
    </View>
  )
}
