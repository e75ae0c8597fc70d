import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import './status.scss'

export function LoadingView({ text }: { text?: string }) {
  const t = useT()
  return (
    <View className="status status--loading" aria-busy="true" role="status">
      <View className="status__spinner" />
      <View className="status__text">{text ?? t('status.loading')}</View>
    </View>
  )
}
