import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { Page } from '@cloud/contracts/zone'
import { Loaded } from '@/ui/Loaded'
import type { Loadable } from '@/ui/loadable'
import { Pager } from './Pager'
import './zone.scss'

interface Props<T> {
  result: Loadable<Page<T>>
  loadingText: string
  /** The count line, e.g. total => `共 ${total} 家企业`. */
  countText: (total: number) => string
  /** What to show (and offer) when nothing matched. */
  empty: ReactNode
  /** Why some content is marked 示意. */
  note: string
  onRetry: () => void
  onPage: (page: number) => void
  children: (item: T) => ReactNode
}

/** One page of search results: loading, an error with retry, the count, an empty state, the rows and the pager. */
export function PagedResults<T>({ result, loadingText, countText, empty, note, onRetry, onPage, children }: Props<T>) {
  return (
    <Loaded state={result} loadingText={loadingText} onRetry={onRetry}>
      {({ items, page, pageSize, total }) => (
    <View>
      <View className="muted zone-count" role="status">
        {countText(total)}
      </View>
      {items.length === 0 && <View className="zone-empty">{empty}</View>}
      {items.map(children)}
      <Pager page={page} pageSize={pageSize} total={total} onPage={onPage} />
      <View className="zone-note">{note}</View>
    </View>
      )}
    </Loaded>
  )
}
