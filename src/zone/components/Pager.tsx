import { View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { zoneText } from '@/zone/strings'
import './zone.scss'

interface Props {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
}

/** Previous / next page; one page of rows is on screen at a time. */
export function Pager({ page, pageSize, total, onPage }: Props) {
  const s = useStrings(zoneText)
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const prev = page > 1
  const next = page < pages
  return (
    <View className="zone-pager" role="navigation" aria-label={s('paging')}>
      <View className={`btn btn--ghost zone-pager__btn ${prev ? '' : 'zone-pager__btn--off'}`} role="button" aria-disabled={!prev} onClick={() => prev && onPage(page - 1)}>
        {s('prev')}
      </View>
      <View className="muted">
        {s('pageOf', { page, pages })}
      </View>
      <View className={`btn btn--ghost zone-pager__btn ${next ? '' : 'zone-pager__btn--off'}`} role="button" aria-disabled={!next} onClick={() => next && onPage(page + 1)}>
        {s('next')}
      </View>
    </View>
  )
}
