// "Can I go today?" — the home page's first answer: open or closed today and why, places left in
// today's sessions, and when the next day's places are released.
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { beijingTime, closedText, dayName, shortDate } from '@/booking/dates'
import { bookingStore, useBooking } from '@/booking/store'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon } from '@/ui/Icon'
import { Illustrative } from '@/ui/Illustrative'
import { defineStrings, useStrings } from '@/i18n/strings'

const S = defineStrings(
  {
    open: '今天开放',
    closed: '今天闭馆',
    over: '今天的场次已结束',
    left: '余 {n}',
    full: '已约满',
    release: '{day} {date} 的预约于 {time} 开放',
    book: '预约参观',
    loading: '正在查询今天的开放情况…',
    failed: '暂时查不到今天的开放情况',
  },
  {
    open: 'Open today',
    closed: 'Closed today',
    over: "Today's sessions are over",
    left: '{n} left',
    full: 'Full',
    release: 'Booking for {day} {date} opens {time}',
    book: 'Book a visit',
    loading: "Checking today's opening…",
    failed: "Today's opening could not be checked",
  },
)

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)

export function TodayCard() {
  const cal = useBooking((s) => s.calendar)
  const lang = useLang()
  const s = useStrings(S)
  useEffect(() => {
    void bookingStore.getState().loadCalendar()
  }, [])
  if (cal.status !== 'ready')
    return (
      <View className="today card" aria-busy={cal.status === 'loading' || cal.status === 'idle'} data-today="pending">
        <View className="muted">{cal.status === 'error' ? s('failed') : s('loading')}</View>
      </View>
    )
  const [today, ...rest] = cal.data.days
  if (!today) return null
  // The next day whose places are not out yet: listed as not released, or the day after the list
  // (released a day after the last listed one).
  const listed = rest.find((d) => d.status === 'notReleased')
  const last = cal.data.days[cal.data.days.length - 1]
  const next = listed ?? { date: nextDate(last.date), releaseAt: new Date(Date.parse(last.releaseAt) + 86400_000).toISOString() }
  const closed = today.status === 'closed'
  const over = today.status === 'over' || (today.sessions.length > 0 && today.sessions.every((x) => x.status === 'over'))
  return (
    <View className={`today card ${closed ? 'today--closed' : ''}`} data-today={closed ? 'closed' : 'open'}>
      <View className="today__head">
        <Icon name={closed ? 'circle-alert' : 'circle-check'} color={closed ? 'danger' : 'ok'} size="m" />
        <View className="today__state" role="heading" aria-level={2}>
          {closed ? s('closed') : over ? s('over') : s('open')}
        </View>
      </View>
      {closed && (
        <View className="today__why">
          {closedText(today.closedReason, today.date, lang)}
          <Illustrative show={!!today.closedIllustrative} />
        </View>
      )}
      {!closed && today.sessions.length > 0 && (
        <View className="today__sessions">
          {today.sessions.map((x) => (
            <View key={x.id} className={`today__session today__session--${x.status}`}>
              <View className="today__time">
                {x.start}–{x.end}
              </View>
              <View className="today__left">{x.status === 'full' ? s('full') : x.status === 'open' ? s('left', { n: x.left }) : ''}</View>
            </View>
          ))}
        </View>
      )}
      {next && (
        <View className="today__release">
          <Icon name="clock" size="s" color="muted" />
          {s('release', { day: dayName(next.date, today.date, lang), date: shortDate(next.date, lang), time: beijingTime(next.releaseAt, lang) })}
        </View>
      )}
      <View className="btn today__book" role="button" data-action="book" onClick={() => openPage(paths.calendar)}>
        <Icon name="ticket" color="white" />
        {s('book')}
      </View>
    </View>
  )
}
