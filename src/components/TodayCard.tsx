// "Can I go today?" — the home page's first answer: open or closed today and why, places left in
// today's sessions, the next open day with places when today has none, and when the next open day's
// places are released (the server skips closed days: their places are never released).
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import type { CalendarDay } from '@cloud/contracts/booking'
import { beijingTime, closedText, dayName, shortDate } from '@/booking/dates'
// The calendar store, not the booking store: home is on the scan path, the rest of booking is not.
import { calendarStore, useCalendar } from '@/booking/calendar-store'
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
    nextOpen: '最近可约：{day} {date}，余 {n} 个名额',
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
    nextOpen: 'Next day with places: {day} {date}, {n} left',
    book: 'Book a visit',
    loading: "Checking today's opening…",
    failed: "Today's opening could not be checked",
  },
)

/** Places still bookable on a day: its open sessions' places. */
const placesLeft = (d: CalendarDay) => d.sessions.reduce((n, x) => n + (x.status === 'open' ? x.left : 0), 0)

export function TodayCard() {
  const cal = useCalendar((s) => s.calendar)
  const lang = useLang()
  const s = useStrings(S)
  useEffect(() => {
    void calendarStore.getState().loadCalendar()
  }, [])
  if (cal.status !== 'ready')
    return (
      <View className="today card" aria-busy={cal.status === 'loading' || cal.status === 'idle'} data-today="pending">
        <View className="muted">{cal.status === 'error' ? s('failed') : s('loading')}</View>
      </View>
    )
  const [today, ...rest] = cal.data.days
  if (!today) return null
  const next = cal.data.nextRelease
  // Today without places (closed, over or full): the first later day that has some.
  const nextOpen = placesLeft(today) > 0 ? null : rest.find((d) => d.status === 'open' && placesLeft(d) > 0)
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
      {nextOpen && (
        <View className="today__next" data-next-open={nextOpen.date}>
          <Icon name="calendar-days" size="s" color="brand" />
          {s('nextOpen', { day: dayName(nextOpen.date, today.date, lang), date: shortDate(nextOpen.date, lang), n: placesLeft(nextOpen) })}
        </View>
      )}
      {next && (
        <View className="today__release" data-next-release={next.date}>
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
