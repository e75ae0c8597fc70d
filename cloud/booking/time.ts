// Every booking time is Beijing time (Asia/Shanghai), whatever zone the server runs in.
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TZ = 'Asia/Shanghai'

/** The calendar date (YYYY-MM-DD) in Beijing at this instant. */
export const dayOf = (instant: Date): string => dayjs(instant).tz(TZ).format('YYYY-MM-DD')

/** The instant of a Beijing wall-clock time on a date. */
export const instantAt = (date: string, hhmm: string): Date => dayjs.tz(`${date} ${hhmm}`, TZ).toDate()

export const addDays = (date: string, days: number): string => dayjs.tz(`${date} 12:00`, TZ).add(days, 'day').format('YYYY-MM-DD')

export const addMinutes = (instant: Date, minutes: number): Date => new Date(instant.getTime() + minutes * 60_000)

/** `11月27日 08:00` in Beijing time. */
export const beijingText = (instant: Date | string): string => dayjs(instant).tz(TZ).format('M月D日 HH:mm')
