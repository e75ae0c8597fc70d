import { useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { shortDate as zhDate, type CalendarDay, type CalendarSession } from '@cloud/contracts/booking'
import { DayPanel, DayStrip } from '@/booking/components/DayStrip'
import { bookingStore, useBooking } from '@/booking/store'
import { bookingText, sessionNameIn } from '@/booking/strings'
import { dayName, shortDate } from '@/booking/dates'
import { useLang } from '@/i18n/store'

import { useStrings } from '@/i18n/strings'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { usePageTitle } from '@/services/page-title'
import '@/booking/components/booking.scss'

/** The day shown first: the first day with a session open for booking, else the first day. */
const firstBookable = (days: CalendarDay[]) => (days.find((d) => d.sessions.some((s) => s.status === 'open')) ?? days[0])?.date ?? ''

// 预约参观: a strip of the next days, the chosen day's sessions with places left; a full session
// opens the form in 候补 mode. With `?reschedule=<booking id>` the same calendar picks the new
// session of a 改签 (the booking's own visitors, no form).
export default function BookingCalendarPage() {
  const calendar = useBooking((s) => s.calendar)
  const mine = useBooking((s) => s.mine)
  // Days already booked (confirmed), marked on the strip; no list yet (or none) marks nothing.
  const booked = useMemo(() => new Set(mine.status === 'ready' ? mine.data.filter((b) => b.status === 'confirmed').map((b) => b.date) : []), [mine])
  const s = useStrings(bookingText)
  const lang = useLang()
  const rescheduling = useRouter().params.reschedule ?? ''
  const [selected, setSelected] = useState('')
  const [moveError, setMoveError] = useState('')
  const moveTo = async (x: CalendarSession, date: string) => {
    const when = lang === 'en' ? `${dayName(date, '', 'en')}, ${shortDate(date, 'en')}` : zhDate(date)
    // Not destructive (the booking stays whole until the new session is taken): the ordinary confirm.
    const { confirm } = await Taro.showModal({ title: s('reschedule'), content: s('rescheduleConfirm', { date: when, session: sessionNameIn(lang, x.id, x.name) }), confirmText: s('reschedule'), cancelText: s('keep') })
    if (!confirm) return
    const res = await bookingStore.getState().reschedule(rescheduling, x.id)
    if (res.ok) {
      Taro.showToast({ title: s('rescheduled'), icon: 'success' })
      Taro.redirectTo({ url: paths.ticket(rescheduling) })
    } else setMoveError(res.error.message)
  }
  useEffect(() => {
    void bookingStore.getState().loadCalendar()
    if (bookingStore.getState().mine.status !== 'ready') void bookingStore.getState().loadMine()
  }, [])
  usePageTitle(rescheduling ? s('rescheduleTitle') : s('title'))
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
            {rescheduling && (
              <View className="card bk-reschedule" role="status">
                <View className="section-title">{s('rescheduleTitle')}</View>
                <View className="muted">{s('rescheduleHint')}</View>
              </View>
            )}
            {moveError && (
              <View className="bk-alert" role="alert">
                {moveError}
              </View>
            )}
            <DayStrip days={days} selected={date} onSelect={setSelected} booked={booked} />
            {day && (rescheduling ? <DayPanel day={day} onPick={(x) => void moveTo(x, day.date)} /> : <DayPanel day={day} booked={booked.has(day.date)} onPick={(x) => openPage(paths.bookingForm(x.id))} onWait={(x) => openPage(paths.waitForm(x.id))} />)}
            <View className="bk-note">{s('rules')}</View>
            {!rescheduling && <CellGroup>
              <Cell icon="ticket" title={s('myBookings')} onTap={() => openPage(paths.myBookings)} action="my-bookings" />
              <Cell icon="users" title={s('visitors')} onTap={() => openPage(paths.visitors)} action="visitors" />
              <Cell icon="ticket" title={s('waitTitle')} onTap={() => openPage(paths.waitlist())} action="my-waitlist" />
              {/* The groups subpackage's one page; its path stays out of the main package's paths table. */}
              <Cell icon="users" title={s('groupVisit')} onTap={() => openPage('/groups/index')} action="group-visit" />
            </CellGroup>}
          </View>
        )
      }}
    </PageShell>
  )
}
