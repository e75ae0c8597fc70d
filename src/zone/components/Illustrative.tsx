import { Text } from '@tarojs/components'
import './zone.scss'

/** The mark for content that is not from the article or a cited document. */
export function Illustrative({ show = true }: { show?: boolean }) {
  if (!show) return null
  return (
    <Text className="zone-tag--demo" aria-label="示意内容，非官方数据">
      示意
    </Text>
  )
}
