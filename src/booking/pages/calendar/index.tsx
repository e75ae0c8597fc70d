import { useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CalendarDay } from '@cloud/contracts/booking'
import { DayPanel, DayStrip } from '@/booking/components/DayStrip'
import { bookingStore, useBooking } from '@/booking/store'
import { bookingText } from '@/booking/strings'

import { useStrings } from '@/i18n/strings'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { usePageTitle } from '@/services/page-title'
import '@/booking/components/booking.scss'

/** The day shown first: the first day with a session open for booking, else the first day. */
const firstBookable = (days: CalendarDay[]) => (days.find((d) => d.sessions.some((s) => s.status === 'open')) ?? days[0])?.date ?? ''

// 预约参观: a strip of the next days, the chosen day's sessions with places left.
export default function BookingCalendarPage() {
  const calendar = useBooking((s) => s.calendar)
  const mine = useBooking((s) => s.mine)
  // Days already booked (confirmed), marked on the strip; no list yet (or none) marks nothing.
  const booked = useMemo(() => new Set(mine.status === 'ready' ? mine.data.filter((b) => b.status === 'confirmed').map((b) => b.date) : []), [mine])
  const s = useStrings(bookingText)
  const [selected, setSelected] = useState('')
  useEffect(() => {
    void bookingStore.getState().loadCalendar()
    if (bookingStore.getState().mine.status !== 'ready') void bookingStore.getState().loadMine()
  }, [])
  usePageTitle(s('title'))
  usePullDownRefresh(() => {
    void bookingStore
      .getState()
      .loadCalendar()
      .finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className="bk-calendar" state={calendar} loadingText={s('loading')} onRetry={() => void bookingStore.getState().loadCalendar()}>
      {({ days }) => {
        const date = days.some((d) => d.date === selected) ? selected : firstBookable(days)
        const day = days.find((d) => d.date === date)
        return (
          <View>
            <DayStrip days={days} selected={date} onSelect={setSelected} booked={booked} />
            {day && <DayPanel day={day} booked={booked.has(day.date)} onPick={(x) => openPage(paths.bookingForm(x.id))} />}
            <View className="bk-note">{s('rules')}</View>
            <CellGroup>
              <Cell icon="ticket" title={s('myBookings')} onTap={() => openPage(paths.myBookings)} action="my-bookings" />
              <Cell icon="users" title={s('visitors')} onTap={() => openPage(paths.visitors)} action="visitors" />
            </CellGroup>
          </View>
        )
      }}
    </PageShell>
  )
}
