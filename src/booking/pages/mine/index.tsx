import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '@/ui/PageShell'
import { bookingText } from '@/booking/strings'
import { useStrings } from '@/i18n/strings'
import { BookingCard } from '@/booking/components/BookingCard'
import { bookingStore, useBooking } from '@/booking/store'
import { keepTicketsFrom, OFFLINE_CODES, ticketKeeper } from '@/booking/saved-tickets'
import { openPage } from '@/services/navigate'
import '@/booking/components/booking.scss'
import { paths } from '@/paths'
import { usePageTitle } from '@/services/page-title'

keepTicketsFrom(bookingStore)

// 我的预约: upcoming (待参观) first; past ones (已入馆 / 已取消 / 未到场) under 历史. Without network,
// the tickets saved on the phone, each opening from storage.
export default function MyBookingsPage() {
  const mine = useBooking((s) => s.mine)
  const standing = useBooking((s) => s.standing)
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming')
  const s = useStrings(bookingText)
  useDidShow(() => {
    void bookingStore.getState().loadMine()
    void bookingStore.getState().loadStanding()
  })
  usePageTitle(s('myBookings'))

  const saved = mine.status === 'error' && OFFLINE_CODES.has(mine.error.code) ? ticketKeeper.list() : []
  if (saved.length > 0)
    return (
      <PageShell className="bk-mine">
        <View className="bk-saved" role="status" data-saved-tickets>
          <View className="bk-saved__text">{s('savedTickets')}</View>
          <View className="bk-saved__retry" role="button" onClick={() => void bookingStore.getState().loadMine()}>
            {s('savedRetry')}
          </View>
        </View>
        {saved.map((t) => (
          <BookingCard key={t.value.id} booking={t.value} onOpen={() => openPage(paths.ticket(t.value.id))} />
        ))}
      </PageShell>
    )
  if (mine.status !== 'ready') return <PageShell state={mine} loadingText={s('mineLoading')} onRetry={() => void bookingStore.getState().loadMine()}>{() => null}</PageShell>

  const upcoming = mine.data.filter((b) => b.status === 'confirmed').sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start))
  const past = mine.data.filter((b) => b.status !== 'confirmed')
  const shown = tab === 'upcoming' ? upcoming : past

  return (
    <PageShell className="bk-mine">
      {/* The no-show rule made visible: where one stands, and when it is back to 0. */}
      {standing.status === 'ready' && (
        <View className="card bk-noshow" data-no-show={standing.data.count}>
          <View className="bk-row">
            <View className="bk-row__key">{s('noShowTitle')}</View>
            <View className="bk-row__val">
              {standing.data.count > 0 && standing.data.clearsOn
                ? s('noShowCount', { n: standing.data.count, limit: standing.data.limit, date: standing.data.clearsOn })
                : s('noShowNone', { limit: standing.data.limit })}
            </View>
          </View>
          {standing.data.suspendedUntil && <View className="bk-alert">{s('noShowSuspended', { until: standing.data.suspendedUntil })}</View>}
          <View className="muted">{s('noShowRule', { days: standing.data.windowDays, limit: standing.data.limit })}</View>
        </View>
      )}
      <View className="bk-cell-link" role="button" data-action="my-waitlist" onClick={() => openPage(paths.waitlist())}>
        {s('waitTitle')} ›
      </View>
      <View className="bk-tabs" role="tablist">
        <View className={`bk-tabs__tab ${tab === 'upcoming' ? 'bk-tabs__tab--on' : ''}`} role="tab" aria-selected={tab === 'upcoming'} onClick={() => setTab('upcoming')}>
          {s('upcoming', { n: upcoming.length })}
        </View>
        <View className={`bk-tabs__tab ${tab === 'past' ? 'bk-tabs__tab--on' : ''}`} role="tab" aria-selected={tab === 'past'} onClick={() => setTab('past')}>
          {s('past', { n: past.length })}
        </View>
      </View>
      {shown.length === 0 && (
        <View className="card">
          <View className="muted">{tab === 'upcoming' ? s('noUpcoming') : s('noPast')}</View>
          <View className="bk-actions">
            <View className="btn" role="button" onClick={() => openPage(paths.calendar)}>
              {s('goBook')}
            </View>
          </View>
        </View>
      )}
      {shown.map((b) => (
        <BookingCard key={b.id} booking={b} onOpen={() => openPage(paths.ticket(b.id))} />
      ))}
    </PageShell>
  )
}
