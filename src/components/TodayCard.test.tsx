import { render } from '@testing-library/react'
import type { CalendarDay, CalendarSession } from '@cloud/contracts/booking'
import { calendarStore } from '@/booking/calendar-store'
import { TodayCard } from './TodayCard'

const session = (date: string, key: 'am' | 'pm', status: CalendarSession['status'], left: number): CalendarSession =>
  ({ id: `${date}.${key}`, key, name: key === 'am' ? '上午场' : '下午场', start: key === 'am' ? '09:00' : '13:00', end: key === 'am' ? '12:00' : '16:30', capacity: 300, left, status }) as CalendarSession

const day = (date: string, weekday: string, status: CalendarDay['status'], sessions: CalendarSession[], closedReason?: string): CalendarDay => ({
  date,
  weekday,
  status,
  ...(closedReason ? { closedReason } : {}),
  releaseAt: '2026-12-01T00:00:00.000Z',
  releaseText: '',
  sessions,
})

describe('the home page on a closed Monday before a closed Tuesday (12/15, 设备检修)', () => {
  beforeEach(() => {
    // What the calendar answers on Monday 12/7 at 09:00 (cloud/functions/booking.test.ts checks the server side).
    const days = [
      day('2026-12-07', '周一', 'closed', [], '每周一闭馆（法定节假日除外）'),
      day('2026-12-08', '周二', 'open', [session('2026-12-08', 'am', 'full', 0), session('2026-12-08', 'pm', 'full', 0)]),
      day('2026-12-09', '周三', 'open', [session('2026-12-09', 'am', 'open', 120), session('2026-12-09', 'pm', 'open', 300)]),
      ...['10', '11', '12', '13'].map((d) => day(`2026-12-${d}`, '周x', 'open', [session(`2026-12-${d}`, 'am', 'open', 300)])),
      day('2026-12-14', '周一', 'closed', [], '每周一闭馆（法定节假日除外）'),
    ]
    calendarStore.setState({
      calendar: { status: 'ready', data: { days, sourceNote: '', nextRelease: { date: '2026-12-16', releaseAt: '2026-12-09T00:00:00.000Z' } } },
      loadCalendar: async () => undefined,
    })
  })

  it('names the next day with places and how many, and announces the next open day\'s release — never the closed 12/15', () => {
    const { container } = render(<TodayCard />)
    const text = container.textContent ?? ''
    expect(text).toContain('今天闭馆')
    // 12/8 is full: the first day with places is Wednesday 12/9.
    expect(container.querySelector('[data-next-open]')?.textContent).toBe('最近可约：周三 12/9，余 420 个名额')
    expect(container.querySelector('[data-next-release]')?.textContent).toBe('周三 12/16 的预约于 12月9日 08:00 开放')
    expect(text).not.toContain('12/15')
  })
})
