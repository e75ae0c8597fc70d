// The date strip: the calendar's days as a grid of day buttons (今天, 明天, 周三 …) with places
// left, closed days greyed with the reason; the chosen day's sessions are chips below it.
import { View } from '@tarojs/components'
import { shortDate as zhDate, type CalendarDay, type CalendarSession } from '@cloud/contracts/booking'
import { beijingTime, closedText, dayName, shortDate } from '@/booking/dates'
import { bookingText, SESSION_EN } from '@/booking/strings'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { Illustrative } from '@/ui/Illustrative'
import './booking.scss'

const placesLeft = (day: CalendarDay) => day.sessions.filter((s) => s.status === 'open').reduce((n, s) => n + s.left, 0)

/** `booked`: days on which the visitor already has a confirmed booking (marked, so they are not booked twice by mistake). */
export function DayStrip({ days, selected, onSelect, booked }: { days: CalendarDay[]; selected: string; onSelect: (date: string) => void; booked?: ReadonlySet<string> }) {
  const lang = useLang()
  const s = useStrings(bookingText)
  const today = days[0]?.date ?? ''
  return (
    <View className="bk-strip" role="group" aria-label={s('strip')}>
      {days.map((day) => {
        const closed = day.status === 'closed'
        const left = placesLeft(day)
        const state = closed ? s('closed') : day.status === 'notReleased' ? s('notReleased') : day.status === 'over' ? s('over') : left > 0 ? s('leftShort', { n: left }) : s('full')
        const mine = booked?.has(day.date) ?? false
        return (
          <View
            key={day.date}
            className={`bk-strip__day ${selected === day.date ? 'bk-strip__day--on' : ''} ${closed ? 'bk-strip__day--closed' : ''} ${mine ? 'bk-strip__day--booked' : ''}`}
            data-booked={mine ? true : undefined}
            role="button"
            aria-pressed={selected === day.date}
            // The visible words first (axe: the name contains the visible text), then why a day is closed.
            aria-label={`${dayName(day.date, today, lang)} ${shortDate(day.date, lang)} ${state}${mine ? ` ${s('bookedDay')}` : ''}${closed ? ` ${closedText(day.closedReason, day.date, lang)}` : ''}`}
            data-date={day.date}
            onClick={() => onSelect(day.date)}
          >
            <View className="bk-strip__name">{dayName(day.date, today, lang)}</View>
            <View className="bk-strip__date">{shortDate(day.date, lang)}</View>
            <View className="bk-strip__state">{state}</View>
            {mine && <View className="bk-strip__booked">{s('bookedDay')}</View>}
          </View>
        )
      })}
    </View>
  )
}

/** `booked`: the visitor already has a booking that day. `onWait`: a full session can be tapped to join its 候补 line (absent: full sessions are off). */
export function DayPanel({ day, onPick, onWait, booked }: { day: CalendarDay; onPick: (session: CalendarSession) => void; onWait?: (session: CalendarSession) => void; booked?: boolean }) {
  const lang = useLang()
  const s = useStrings(bookingText)
  const sessionName = (x: CalendarSession) => (lang === 'en' ? SESSION_EN[x.key] ?? x.name : x.name)
  const stateText: Record<CalendarSession['status'], string> = { open: '', full: s('full'), over: s('over'), closed: s('closed'), notReleased: s('notReleased') }
  return (
    <View className="card bk-daypanel" data-day={day.date}>
      <View className="bk-day__date" role="heading" aria-level={2}>
        {lang === 'en' ? `${dayName(day.date, '', 'en')}, ${shortDate(day.date, 'en')}` : `${zhDate(day.date)} ${day.weekday}`}
        {day.holiday && <View className="tag bk-day__holiday">{day.holiday}</View>}
      </View>
      {day.status === 'closed' && (
        <View className="bk-day__state">
          {closedText(day.closedReason, day.date, lang)}
          <Illustrative show={!!day.closedIllustrative} />
        </View>
      )}
      {booked && (
        <View className="bk-day__booked" data-booked-note>
          {s('bookedDayNote')}
        </View>
      )}
      {day.status === 'notReleased' && <View className="bk-day__state">{s('releases', { time: lang === 'en' ? beijingTime(day.releaseAt, 'en') : day.releaseText })}</View>}
      {day.status !== 'closed' && (
        <View className="bk-chips">
          {day.sessions.map((x) => {
            const open = x.status === 'open'
            const waitable = x.status === 'full' && !!onWait
            return (
              <View
                key={x.id}
                className={`bk-session ${open || waitable ? '' : 'bk-session--off'}`}
                data-session={x.id}
                role="button"
                aria-disabled={!open && !waitable}
                onClick={() => (open ? onPick(x) : waitable && onWait(x))}
              >
                <View className="bk-session__name">{sessionName(x)}</View>
                <View className="bk-session__time">
                  {x.start}–{x.end}
                </View>
                {/* A session the museum stopped alone keeps its chip (the day is open) and says why. */}
                <View className="bk-session__meta">
                  {open ? s('left', { n: x.left, cap: x.capacity }) : waitable ? s('waitable') : x.status === 'closed' && x.closedReason ? s('sessionStopped', { reason: x.closedReason }) : stateText[x.status]}
                </View>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
