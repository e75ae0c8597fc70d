import { View } from '@tarojs/components'
import type { AppError } from '@cloud/contracts/result'
import './status.scss'

interface Props {
  error: AppError
  onRetry?: () => void
  /** A second way out, so the visitor is never stuck on an error. */
  action?: { text: string; onTap: () => void }
}

export function ErrorView({ error, onRetry, action }: Props) {
  return (
    <View className="status status--error" role="alert">
      <View className="status__title">出错了</View>
      <View className="status__text">{error.message}</View>
      <View className="status__code">错误码：{error.code}</View>
      <View className="status__actions">
        {onRetry && (
          <View className="btn" hoverClass="btn--pressed" onClick={onRetry}>
            重试
          </View>
        )}
        {action && (
          <View className="btn btn--ghost" onClick={action.onTap}>
            {action.text}
          </View>
        )}
      </View>
    </View>
  )
}
