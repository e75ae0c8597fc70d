// Every booking time is Beijing time (Asia/Shanghai), whatever zone the server runs in.
// dayjs's time-zone conversion goes through Intl and costs tens of microseconds, which a release
// rush pays thousands of times a second, so the few distinct conversions (dates × session times)
// are remembered.
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TZ = 'Asia/Shanghai'

function memo<R>(fn: (key: string) => R, limit = 5000): (key: string) => R {
  const cache = new Map<string, R>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      if (cache.size >= limit) cache.clear()
      value = fn(key)
      cache.set(key, value)
    }
    return value
  }
}

// Beijing's offset is a whole number of hours, so the date is the same throughout a UTC hour.
const dayOfHour = memo((hour) => dayjs(Number(hour) * 3_600_000).tz(TZ).format('YYYY-MM-DD'))

/** The calendar date (YYYY-MM-DD) in Beijing at this instant. */
export const dayOf = (instant: Date): string => dayOfHour(String(Math.floor(instant.getTime() / 3_600_000)))

const instantMemo = memo((key) => dayjs.tz(key, TZ).valueOf())

/** The instant of a Beijing wall-clock time on a date. */
export const instantAt = (date: string, hhmm: string): Date => new Date(instantMemo(`${date} ${hhmm}`))

const addDaysMemo = memo((key) => {
  const [date, days] = key.split('|')
  return dayjs.tz(`${date} 12:00`, TZ).add(Number(days), 'day').format('YYYY-MM-DD')
})

export const addDays = (date: string, days: number): string => addDaysMemo(`${date}|${days}`)

export const addMinutes = (instant: Date, minutes: number): Date => new Date(instant.getTime() + minutes * 60_000)

const textMemo = memo((iso) => dayjs(iso).tz(TZ).format('M月D日 HH:mm'))

const fullTextMemo = memo((iso) => dayjs(iso).tz(TZ).format('YYYY年M月D日 HH:mm'))

/** `2026年11月27日 08:00` in Beijing time: the form of a subscribe message's `time` field (the year included). */
export const beijingDateTimeText = (instant: Date | string): string => fullTextMemo(typeof instant === 'string' ? new Date(instant).toISOString() : instant.toISOString())

/** `11月27日 08:00` in Beijing time. */
export const beijingText = (instant: Date | string): string => textMemo(typeof instant === 'string' ? new Date(instant).toISOString() : instant.toISOString())
