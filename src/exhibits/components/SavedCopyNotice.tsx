import { View } from '@tarojs/components'
import { useT } from '@/i18n/store'
import './saved-copy-notice.scss'

const when = (ms: number) => {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}/${d.getDate()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Says the page shows a saved copy because a fresh one could not be fetched, with a way to try again. */
export function SavedCopyNotice({ savedAt, onRetry }: { savedAt: number; onRetry: () => void }) {
  const t = useT()
  return (
    <View className="saved-copy" role="status" data-saved-copy>
      <View className="saved-copy__text">{t('offline.saved', { time: when(savedAt) })}</View>
      <View className="saved-copy__retry" role="button" onClick={onRetry}>
        {t('offline.retry')}
      </View>
    </View>
  )
}
