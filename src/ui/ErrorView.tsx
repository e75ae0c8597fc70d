import { View } from '@tarojs/components'
import type { AppError } from '@cloud/contracts/result'
import { useT } from '@/i18n/store'
import { useErrorText } from '@/i18n/errors'
import type { MessageKey } from '@/i18n/dict'
import { Icon } from './Icon'
import './status.scss'

interface Props {
  error: AppError
  onRetry?: () => void
  /** A second way out, so the visitor is never stuck on an error. */
  action?: { text: string; onTap: () => void }
}

/** What the visitor can do about an error, by its code; the message from the cloud says what happened. */
const ADVICE: Record<string, MessageKey> = {
  NETWORK: 'error.adviceNetwork',
  INTERNAL: 'error.adviceLater',
  RATE_LIMITED: 'error.adviceLater',
  UNAUTHENTICATED: 'error.adviceReopen',
}

export function ErrorView({ error, onRetry, action }: Props) {
  const t = useT()
  // Cloud messages are Chinese; in English a sentence by the error's code (src/i18n/errors.ts).
  const message = useErrorText()(error)
  return (
    <View className="status status--error" role="alert">
      <Icon name="circle-alert" color="danger" size="l" className="status__icon" />
      <View className="status__title" role="heading" aria-level={1}>
        {t('error.title')}
      </View>
      {message && <View className="status__text">{message}</View>}
      <View className="status__text">{t(ADVICE[error.code] ?? (onRetry ? 'error.adviceRetry' : 'error.adviceBack'))}</View>
      <View className="status__actions">
        {onRetry && (
          <View className="btn" role="button" onClick={onRetry}>
            {t('error.retry')}
          </View>
        )}
        {action && (
          <View className="btn btn--ghost" role="button" onClick={action.onTap}>
            {action.text}
          </View>
        )}
      </View>
      <View className="status__code">{t('error.code', { code: error.code })}</View>
    </View>
  )
}

export function EmptyView({ text, action }: { text: string; action?: { text: string; onTap: () => void } }) {
  return (
    <View className="status status--empty">
      <Icon name="info" color="muted" size="l" className="status__icon" />
      <View className="status__text">{text}</View>
      {action && (
        <View className="status__actions">
          <View className="btn btn--ghost" role="button" onClick={action.onTap}>
            {action.text}
          </View>
        </View>
      )}
    </View>
  )
}
