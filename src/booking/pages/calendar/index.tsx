import { useEffect } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { DayCard } from '@/booking/components/DayCard'
import { bookingStore, useBooking } from '@/booking/store'
import { openPage } from '@/services/navigate'
import '@/booking/components/booking.scss'
import { CareRoot } from '@/care/CareRoot'
import { paths } from '@/paths'

// 预约参观: the next days with their sessions and places left.
export default function BookingCalendarPage() {
  const calendar = useBooking((s) => s.calendar)
  useEffect(() => {
    void bookingStore.getState().loadCalendar()
  }, [])
  usePullDownRefresh(() => {
    void bookingStore
      .getState()
      .loadCalendar()
      .finally(() => Taro.stopPullDownRefresh())
  })

  if (calendar.status === 'idle' || calendar.status === 'loading') return <LoadingView text="正在加载可预约场次…" />
  if (calendar.status === 'error') return <ErrorView error={calendar.error} onRetry={() => void bookingStore.getState().loadCalendar()} />

  return (
    <CareRoot>
    <View className="page bk-calendar">
      <View className="bk-links">
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.myBookings)}>
          我的预约
        </View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.visitors)}>
          常用参观人
        </View>
      </View>
      <View className="bk-note">
        <View className="tag">示意</View>
        实名预约，每单最多5人，同一证件每天限约1次；放票时间、每场名额以场馆公告为准。{calendar.data.sourceNote}
      </View>
      {calendar.data.days.map((day) => (
        <DayCard key={day.date} day={day} onPick={(s) => openPage(paths.bookingForm(s.id))} />
      ))}
    </View>
    </CareRoot>
  )
}
