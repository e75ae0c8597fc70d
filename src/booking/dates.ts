// How dates of the booking calendar read to a visitor, in both languages. Dates are the museum's
// (Asia/Shanghai) calendar dates, `YYYY-MM-DD`; "today" is the first day the calendar lists.
import type { GuideLang } from '@cloud/contracts/exhibit'

const WEEK_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const WEEK_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const WEEK_EN_LONG = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays']
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const parts = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() }
}

/** 今天 / 明天 / 周三, or Today / Tomorrow / Wed, by the position in the calendar. */
export function dayName(date: string, today: string, lang: GuideLang): string {
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000)
  if (diff === 0) return lang === 'en' ? 'Today' : '今天'
  if (diff === 1) return lang === 'en' ? 'Tomorrow' : '明天'
  const w = parts(date).weekday
  return lang === 'en' ? WEEK_EN[w] : WEEK_ZH[w]
}

/** 11/30 or 30 Nov. */
export function shortDate(date: string, lang: GuideLang): string {
  const { m, d } = parts(date)
  return lang === 'en' ? `${d} ${MONTH_EN[m - 1]}` : `${m}/${d}`
}

/** An instant in Beijing time: 11月30日 09:00 or 30 Nov, 09:00. */
export function beijingTime(iso: string, lang: GuideLang): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000)
  const hm = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`
  return lang === 'en' ? `${t.getUTCDate()} ${MONTH_EN[t.getUTCMonth()]}, ${hm}` : `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${hm}`
}

/** Why a day is closed. The weekly closing is translated; operators' own reasons are shown as written. */
export function closedText(reason: string | undefined, date: string, lang: GuideLang): string {
  if (lang === 'zh') return reason ?? '闭馆'
  if (!reason || /^每周.闭馆/.test(reason)) return `Closed on ${WEEK_EN_LONG[parts(date).weekday]} (except public holidays)`
  return `Closed: ${reason}`
}
