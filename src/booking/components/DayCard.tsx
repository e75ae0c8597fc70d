import { View } from '@tarojs/components'
import { shortDate, type CalendarDay, type CalendarSession } from '@cloud/contracts/booking'
import './booking.scss'

const SESSION_STATE: Record<CalendarSession['status'], string> = {
  open: '',
  full: '已约满',
  over: '已结束',
  closed: '闭馆',
  notReleased: '未开放',
}

interface Props {
  day: CalendarDay
  onPick: (session: CalendarSession) => void
}

/** One day of the calendar: its sessions with places left, or why it cannot be booked. */
export function DayCard({ day, onPick }: Props) {
  return (
    <View className="card bk-day" data-date={day.date}>
      <View className="bk-day__head">
        <View className="bk-day__date" role="heading" aria-level={2}>
          {shortDate(day.date)} {day.weekday}
          {day.holiday && <View className="tag bk-day__holiday">{day.holiday}</View>}
        </View>
        {day.status === 'closed' && <View className="tag bk-tag--muted">闭馆</View>}
      </View>
      {day.status === 'closed' && <View className="bk-day__state">{day.closedReason}</View>}
      {day.status === 'notReleased' && <View className="bk-day__state">将于 {day.releaseText} 开放预约</View>}
      {day.status !== 'closed' &&
        day.sessions.map((s) => (
          <View key={s.id} className="bk-session" data-session={s.id}>
            <View>
              <View className="bk-session__name">
                {s.name} {s.start}–{s.end}
              </View>
              <View className="bk-session__meta">{s.status === 'open' ? `余 ${s.left} / ${s.capacity} 个名额` : SESSION_STATE[s.status]}</View>
            </View>
            {s.status === 'open' ? (
              <View className="btn" role="button" aria-label={`预约${shortDate(day.date)}${s.name}`} onClick={() => onPick(s)}>
                预约
              </View>
            ) : (
              <View className="btn btn--disabled" aria-disabled="true">
                {SESSION_STATE[s.status]}
              </View>
            )}
          </View>
        ))}
    </View>
  )
}
