import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { BookingCard } from '@/booking/components/BookingCard'
import { bookingStore, useBooking } from '@/booking/store'
import { openPage } from '@/services/navigate'
import '@/booking/components/booking.scss'
import { CareRoot } from '@/care/CareRoot'
import { paths } from '@/paths'

// 我的预约: upcoming (待参观) first; past ones (已入馆 / 已取消 / 未到场) under 历史.
export default function MyBookingsPage() {
  const mine = useBooking((s) => s.mine)
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming')
  useDidShow(() => {
    void bookingStore.getState().loadMine()
  })

  if (mine.status === 'idle' || mine.status === 'loading') return <LoadingView text="正在加载我的预约…" />
  if (mine.status === 'error') return <ErrorView error={mine.error} onRetry={() => void bookingStore.getState().loadMine()} />

  const upcoming = mine.data.filter((b) => b.status === 'confirmed').sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start))
  const past = mine.data.filter((b) => b.status !== 'confirmed')
  const shown = tab === 'upcoming' ? upcoming : past

  return (
    <CareRoot>
    <View className="page bk-mine">
      <View className="bk-tabs" role="tablist">
        <View className={`bk-tabs__tab ${tab === 'upcoming' ? 'bk-tabs__tab--on' : ''}`} role="tab" aria-selected={tab === 'upcoming'} onClick={() => setTab('upcoming')}>
          待参观（{upcoming.length}）
        </View>
        <View className={`bk-tabs__tab ${tab === 'past' ? 'bk-tabs__tab--on' : ''}`} role="tab" aria-selected={tab === 'past'} onClick={() => setTab('past')}>
          历史预约（{past.length}）
        </View>
      </View>
      {shown.length === 0 && (
        <View className="card">
          <View className="muted">{tab === 'upcoming' ? '暂无待参观的预约。' : '暂无历史预约。'}</View>
          <View className="bk-actions">
            <View className="btn" role="button" onClick={() => openPage(paths.calendar)}>
              去预约参观
            </View>
          </View>
        </View>
      )}
      {shown.map((b) => (
        <BookingCard key={b.id} booking={b} onOpen={() => openPage(paths.ticket(b.id))} />
      ))}
    </View>
    </CareRoot>
  )
}
