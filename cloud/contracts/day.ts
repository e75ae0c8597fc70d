// Calendar days as YYYY-MM-DD text: the shape alone lets 2026-02-30 through, so the day must also
// exist in the calendar. Shared by the server's schemas and the console's fields.

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** True for a YYYY-MM-DD text naming a day that exists (2026-02-28 yes, 2026-02-30 and 2026-13-01 no). */
export function isCalendarDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false
  const [y, m, d] = text.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export const DAY_FORMAT_MESSAGE = '日期格式应为 YYYY-MM-DD'
export const DAY_MISSING_MESSAGE = '这一天不存在，请检查月份和日期'
