import { Text } from '@tarojs/components'
import { useLang } from '@/i18n/store'

/** The small mark on content that is not from the article, a cited document or the museum's own notice (what it means: the 数据来源与说明 page). One look everywhere: zone data, booking closures. */
export function Illustrative({ show = true }: { show?: boolean }) {
  const lang = useLang()
  if (!show) return null
  return (
    <Text className="illustrative-tag" aria-label={lang === 'en' ? 'illustrative, not official data' : '示意内容，非官方数据'}>
      {lang === 'en' ? 'illustrative' : '示意'}
    </Text>
  )
}
